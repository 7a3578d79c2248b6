"""Text from the spec, made safe for the places it lands in generated code. Escaping happens here and only here.

Descriptions written in HTML (``<p>``, ``<code>``, ``<a href>``...) become Markdown-ish text first (by
``markdownify``), block by block, so docstrings and docs read as text whatever the document's authors wrote.
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

WIDTH = 110
"""The width docstrings are wrapped to (black's line length less room for its own layout)."""

# C0 controls but tab and newline, DEL, the C1 controls, the bidirectional overrides that can make source text
# read differently from how it runs ("Trojan Source"), byte-order marks, and lone surrogates (JSON allows
# "\ud800", UTF-8 cannot encode it).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` as one inert line for a terminal or a log: every control character (newlines, tabs, ESC, which
    starts the terminal's escape sequences), the bidirectional overrides, byte-order marks and lone surrogates are
    shown as Python escapes (``\\x1b``, ``\\u202e``), so that spec text can neither move the cursor, recolour or
    retitle the terminal, nor fake a line of its own. Everything else is kept as written."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def code_span(text: str) -> str:
    """``text`` as a Markdown code span on one line: :func:`printable`, between runs of backticks longer than any
    run inside it (CommonMark), so no backtick in spec text can end the span early."""
    text = printable(text)
    fence = "`" * (1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_HTML_TAG = re.compile(
    r"</?(p|br|a|code|pre|b|strong|i|em|u|ul|ol|li|table|thead|tbody|tr|td|th|h[1-6]|div|span|blockquote|sup|sub|hr"
    r"|dl|dt|dd|img|small|tt|kbd|var)(\s[^<>]*)?/?>",
    re.IGNORECASE,
)
"""An HTML tag of the kinds descriptions use; ``<T>`` or ``a < b`` is not one."""


def clean(text: str) -> str:
    """Normalise newlines, drop control characters and trailing blanks; HTML becomes Markdown-ish text."""
    text = _LINE_BREAK.sub("\n", text)
    if _HTML_TAG.search(text):  # before the controls go: an entity such as ``&#x202e;`` may spell one
        text = "\n\n".join(_from_html(block) for block in re.split(r"\n\s*\n", text))
    text = _LINE_BREAK.sub("\n", text).replace("\t", "    ")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


@lru_cache(maxsize=4096)
def _from_html(block: str) -> str:
    """One paragraph of a description as Markdown-ish text, when it holds HTML (the rest is kept as written)."""
    if not _HTML_TAG.search(block):
        return block
    from markdownify import markdownify  # noqa: PLC0415 - HTML is rare: its converter is loaded when met

    converted = markdownify(
        block,
        heading_style="ATX",
        bullets="-",
        escape_underscores=False,
        escape_asterisks=False,
        escape_misc=False,
        strip=["img"],
    )
    return re.sub(r"\n{3,}", "\n\n", converted).strip()


def _escape(text: str) -> str:
    """No escape sequences and no closing quotes: backslashes doubled, every run of three quotes escaped."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def docstring_body(text: str) -> str:
    """Text that is inert inside a ``\"\"\"...\"\"\"`` docstring: no escape sequences, no early end."""
    text = _escape(clean(text))
    if text.endswith('"'):
        text += " "
    return text


def docstring(text: str, indent: int = 0, width: int = WIDTH) -> str:
    """A complete docstring literal for ``text`` (empty string when there is no text)."""
    return docstring_literal(docstring_body(text), indent, width)


def docstring_literal(body: str, indent: int = 0, width: int = WIDTH) -> str:
    """The docstring literal of a ``body`` that :func:`docstring_body` made inert, its long lines wrapped."""
    if not body:
        return ""
    pad = " " * indent
    lines = [_wrap(line, width - indent) for line in body.split("\n")]
    text = "\n".join(lines)
    if "\n" not in text and len(text) + indent + 6 <= width:
        return f'"""{text}"""'
    text = "\n".join(line.rstrip() for line in lines)  # the closing quotes have a line of their own: no space needed
    return '"""\n' + textwrap.indent(text, pad, lambda line: bool(line.strip())) + "\n" + pad + '"""'


def hanging(head: str, text: str, width: int, indent: int = 4) -> str:
    """``head`` then ``text``, wrapped to ``width`` with the continuation lines ``indent`` deeper than ``head``'s own
    indentation: an entry of a docstring's ``Args:`` section. A paragraph of prose is filled as one (the document's
    own line breaks inside it are Markdown's soft breaks); any other paragraph keeps its lines."""
    lead = " " * (len(head) - len(head.lstrip()) + indent)
    paragraphs: list[str] = []
    for n, paragraph in enumerate([p for p in text.split("\n\n") if p.strip()] or [""]):
        lines = paragraph.split("\n")
        first = head if n == 0 else lead
        if all(_PROSE.match(line) for line in lines):
            paragraphs.append(
                textwrap.fill(
                    " ".join(lines),
                    width,
                    initial_indent=first,
                    subsequent_indent=lead,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        else:
            paragraphs.append(
                "\n".join([(first + lines[0]).rstrip(), *(lead + line if line else "" for line in lines[1:])])
            )
    return "\n\n".join(paragraphs)


_PROSE = re.compile(r"^(?![-*+]\s|[>|#]|```|\d+[.)]\s|\s)\S")
"""A line of running text: not indented, and not a list item, quote, table row, heading or code fence."""


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
