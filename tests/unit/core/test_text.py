"""Spec text into docstrings: inert, and clean enough for ruff."""

from __future__ import annotations

import ast

from generator.core.text import docstring


def test_a_docstring_ending_in_a_quote_is_inert_and_has_no_trailing_space() -> None:
    """Plaid's ``Format: "ddd-dd-dddd"``: on one line, a space keeps the quote from the closing quotes; on several,
    the closing quotes have a line of their own and the space would be trailing whitespace (ruff W291)."""
    one = docstring('Format: "ddd-dd-dddd"')
    assert one == '"""Format: "ddd-dd-dddd" """' and ast.literal_eval(one) == 'Format: "ddd-dd-dddd" '
    several = docstring('The user\'s number.\n\nFormat: "ddd-dd-dddd"', indent=4)
    assert not any(line != line.rstrip() for line in several.splitlines())
    assert ast.literal_eval(several).strip().endswith('Format: "ddd-dd-dddd"')
