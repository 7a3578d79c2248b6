"""Text from the spec, made safe for the places it lands in generated code. Escaping happens here and only here."""

from __future__ import annotations

import re
import textwrap

# C0 controls but tab and newline, DEL, the C1 controls, the bidirectional overrides that can make source text
# read differently from how it runs ("Trojan Source"), byte-order marks, and lone surrogates (JSON allows
# "\ud800", UTF-8 cannot encode it).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


def clean(text: str) -> str:
    """Normalise newlines, drop control characters and trailing blanks."""
    text = _LINE_BREAK.sub("\n", text).replace("\t", "    ")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _escape(text: str) -> str:
    """No escape sequences and no closing quotes: backslashes doubled, every run of three quotes escaped."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def docstring_body(text: str) -> str:
    """Text that is inert inside a ``\"\"\"...\"\"\"`` docstring: no escape sequences, no early end."""
    text = _escape(clean(text))
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


def one_line(text: str) -> str:
    """One line of plain text, no control characters: safe after ``#`` and in Markdown or TOML text."""
    return " ".join(clean(text).split())


def docline(text: str) -> str:
    """One line that is inert inside a docstring wherever a template puts it, even right before its end.

    Every quote is escaped, so no run of quotes can close the docstring early.
    """
    return one_line(text).replace("\\", "\\\\").replace('"', '\\"')
