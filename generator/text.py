"""Text from the spec, made safe for the places it lands in generated code. Escaping happens here and only here."""

from __future__ import annotations

import re
import textwrap

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    """Normalise newlines, drop control characters and trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def docstring_body(text: str) -> str:
    """Text that is inert inside a ``\"\"\"...\"\"\"`` docstring: no escape sequences, no early end."""
    text = clean(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text += " "
    return text


def docstring(text: str, indent: int = 0, width: int = 110) -> str:
    """A complete docstring literal for ``text`` (empty string when there is no text)."""
    body = docstring_body(text)
    if not body:
        return ""
    pad = " " * indent
    lines = [_wrap(line, width - indent) for line in body.split("\n")]
    text = "\n".join(lines)
    if "\n" not in text and len(text) + indent + 6 <= width:
        return f'"""{text}"""'
    return '"""\n' + textwrap.indent(text, pad, lambda line: bool(line.strip())) + "\n" + pad + '"""'


def _wrap(line: str, width: int) -> str:
    """Wrap one over-long line, keeping its indentation on the continuation lines."""
    if len(line) <= width:
        return line
    lead = line[: len(line) - len(line.lstrip())]
    return textwrap.fill(
        line, width, initial_indent="", subsequent_indent=lead, break_long_words=False, break_on_hyphens=False
    )


def comment(text: str) -> str:
    """One line that is safe after ``#``."""
    return " ".join(clean(text).split())
