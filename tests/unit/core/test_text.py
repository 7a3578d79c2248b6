"""Spec text into docstrings: inert, and clean enough for ruff."""

from __future__ import annotations

import ast

from generator.core.text import code_span, docstring, printable


def test_a_docstring_ending_in_a_quote_is_inert_and_has_no_trailing_space() -> None:
    """Plaid's ``Format: "ddd-dd-dddd"``: on one line, a space keeps the quote from the closing quotes; on several,
    the closing quotes have a line of their own and the space would be trailing whitespace (ruff W291)."""
    one = docstring('Format: "ddd-dd-dddd"')
    assert one == '"""Format: "ddd-dd-dddd" """' and ast.literal_eval(one) == 'Format: "ddd-dd-dddd" '
    several = docstring('The user\'s number.\n\nFormat: "ddd-dd-dddd"', indent=4)
    assert not any(line != line.rstrip() for line in several.splitlines())
    assert ast.literal_eval(several).strip().endswith('Format: "ddd-dd-dddd"')


def test_spec_text_for_a_terminal_or_markdown_is_one_inert_line() -> None:
    """A path, a field name or an enum value in a change report, the changelog or a problem line: ESC and newlines
    are shown as escapes, and a backtick cannot end a code span."""
    hostile = "/things`\n\n```python\nopen('x')\x1b]0;t\x07\x1b[31m\u202e"
    assert printable(hostile) == "/things`\\n\\n```python\\nopen('x')\\x1b]0;t\\x07\\x1b[31m\\u202e"
    assert printable("naïve café") == "naïve café"
    assert code_span("a`b") == "``a`b``" and code_span("`x") == "`` `x ``" and code_span("plain") == "`plain`"
    assert "\n" not in code_span(hostile) and code_span(hostile).startswith("````")
