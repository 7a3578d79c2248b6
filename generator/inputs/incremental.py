"""Incremental reading of a YAML document, for the edit loop: only the blocks whose text changed are parsed again.

A maintainer edits one operation or one schema of a large document; reading the whole document again costs about a
second (PyYAML builds every node in Python). Here the text is cut along its lines into blocks, at the first
:data:`SPLIT_DEPTH` levels of keys (each top-level key, each path and component group, each path item, operation
group and named component: ``/paths/~1files``, ``/components/schemas/Pet``), and each block is read on its own,
from the cache when its text was read before. The blocks are put back together in their order.

The result is always what :func:`generator.inputs.reading.read_file` returns for the whole text. Cutting along lines
is only a guess at the document's structure, so it is checked, and any doubt means the whole text is read instead:

- a block must read, on its own, as a mapping of exactly one key (a line that only looked like a key, inside a
  quoted scalar or a flow collection, leaves the block before it unterminated, which does not read);
- no line of a level may be indented less than the level's keys; no document markers, directives, explicit keys,
  tabs in indentation or line breaks other than ``\\n`` and ``\\r\\n``;
- keys may not repeat within a level (the whole text is read again, and that reports the duplicate);
- a block that fails to read, or an alias to an anchor in another block, sends the whole text to the reader, whose
  verdict and message stand.

The cache holds one table per document file, from each block's digest to its value (kept by :mod:`marshal`, which
keeps nodes shared through YAML aliases shared); it is rewritten when a block was read, with the blocks of the current
text only. A block whose value :mod:`marshal` cannot keep (a timestamp) is read every time.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from generator.core.errors import GenerationError
from generator.inputs import reading
from generator.inputs.bundle import has_external_refs
from generator.inputs.validate import size
from generator.inputs.vocabulary import HTTP_METHODS, is_normal, normalise
from generator.output.cache import Cache, digest, source_digest, tool_versions

KIND = "yaml"
"""The cache's kind for the tables of blocks."""
SPLIT_DEPTH = 3
"""How many levels of keys are cut into blocks: ``paths`` -> a path -> its operations, ``components`` -> ``schemas``
-> a schema."""
_BREAKS = ("\x85", "\u2028", "\u2029")
"""Line breaks YAML knows besides ``\\n`` and ``\\r\\n``: a text with any is read whole."""
_MARKERS = ("---", "...", "%", "\ufeff")
"""At the start of a line: document markers, a directive and a byte-order mark. A text with any is read whole;
they are looked for among the lines that start at the first column (:func:`_starts`), which the cut reads anyway."""
_LONE_CR = re.compile("\r(?!\n)")
_LINE = re.compile(r"\n( *)([^ \n\r])")
"""A line with something on it, from the line break before it: its indentation and first character."""


class _Unsplittable(Exception):
    """The text is not laid out simply enough to be cut along its lines: it is read whole."""


@dataclass
class _Block:
    """Lines ``start`` to ``end`` of the text (character offsets): one key and its value, or, with ``children``, a
    key on a line of its own whose value is the mapping of those blocks."""

    start: int
    end: int
    children: list[_Block] = field(default_factory=list["_Block"])
    header: int = 0
    """Where the value starts when the block has ``children`` (the end of the key's line)."""


def read_document(path: Path, name: str, cache: Cache | None) -> Any:
    """What :func:`~generator.inputs.reading.read_file` returns for ``path``, reading again only the blocks whose
    text is not in ``cache`` (without a cache, every block is read; JSON is read whole)."""
    found = read_known(path, name, cache, normalised=False)
    return found.data if isinstance(found, reading.Read) else found


def read_known(path: Path, name: str, cache: Cache | None, *, normalised: bool = True) -> Any:
    """:func:`read_document`, as a :class:`~generator.inputs.reading.Read` when the text was read in blocks: what
    loading asks of the whole document (its depth, whether it references other files, whether it needs normalising)
    is then known from the blocks, each measured once when its text was first read; with ``normalised``, the data
    is what :func:`~generator.inputs.vocabulary.normalise` makes of it, block by block."""
    if name.endswith(".json"):
        return reading.read_file(path, name)
    try:
        text = "\n" + path.read_text(encoding="utf-8")  # every line starts after a line break
    except (OSError, UnicodeDecodeError):
        return reading.read_file(path, name)  # which reports it
    try:
        blocks = _split(text)
    except _Unsplittable:
        return reading.parse_text(text[1:], name)
    table = _Table(cache, path, normalised=normalised)
    facts = _Facts()
    try:
        root = _assemble(text, blocks, table, facts, 0)
    except (_Unsplittable, GenerationError):
        return reading.parse_text(text[1:], name)
    table.save()
    sized = (facts.nodes, facts.chars) if normalised else None
    whole = normalised and not facts.external_refs
    shape = digest("normalised", *facts.parts) if whole else None
    content = digest("content", *facts.blocks) if whole else None
    return reading.Read(root, facts.height, facts.external_refs, normalised or facts.normal, sized, shape, content)


def _split(text: str) -> list[_Block]:
    """The top-level blocks of ``text`` (the document's text after a line break), cut :data:`SPLIT_DEPTH` levels
    deep; raises :class:`_Unsplittable` when the text is not laid out simply (see the module's docstring)."""
    if any(mark in text for mark in _BREAKS) or ("\r" in text and _LONE_CR.search(text)):
        raise _Unsplittable
    return _level(text, 1, len(text), 0)


def _starts(text: str, start: int, end: int, depth: int) -> list[int]:
    """Where the keys of one level start, between ``start`` and ``end``: the lines indented as the first one (at the
    top level, not at all); lines indented more belong to the key before them."""
    first_line = _first_line(text, start, end)
    indent = 0 if depth == 0 else len(first_line.group(1)) if first_line else 0
    if first_line is None or len(first_line.group(1)) != indent or first_line.group(2) == "-":
        raise _Unsplittable
    found: list[int] = []
    for match in _at_most(indent).finditer(text, start - 1, end):
        spaces, first = len(match.group(1)), match.group(2)
        if spaces == 0 and text.startswith(_MARKERS, match.start() + 1):
            raise _Unsplittable
        if first == "#":
            continue
        if spaces < indent or first in "\t?":
            raise _Unsplittable
        if first != "-":  # a compact sequence is the value of the key before it
            found.append(match.start() + 1)
    return found


def _first_line(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first line between ``start`` and ``end`` with something other than a comment on it."""
    line = _LINE.search(text, start - 1, end)
    while line is not None and line.group(2) == "#":
        line = _LINE.search(text, line.end(), end)
    return line


@lru_cache
def _at_most(indent: int) -> re.Pattern[str]:
    """Lines indented at most ``indent`` spaces, with something on them."""
    return re.compile(f"\n( {{0,{indent}}})([^ \n\r])")


def _level(text: str, start: int, end: int, depth: int) -> list[_Block]:
    """The blocks of one level of keys, each opened into its children while the depth allows."""
    starts = _starts(text, start, end, depth)
    blocks = [_Block(a, b) for a, b in zip(starts, [*starts[1:], end], strict=True)]
    if depth + 1 < SPLIT_DEPTH:
        for block in blocks:
            _open(text, block, depth)
    return blocks


def _open(text: str, block: _Block, depth: int) -> None:
    """Cut ``block`` into its children when its key is alone on its line and its value is an indented mapping."""
    line_end = text.find("\n", block.start, block.end)
    if line_end < 0 or not text[block.start : line_end].rstrip().endswith(":"):
        return
    key_indent = len(text[block.start : line_end]) - len(text[block.start : line_end].lstrip(" "))
    value = _first_line(text, line_end + 1, block.end)
    if value is None or len(value.group(1)) <= key_indent or value.group(2) == "-":
        return
    try:
        block.children = _level(text, line_end + 1, block.end, depth + 1)
    except _Unsplittable:
        return  # read as one block
    block.header = line_end + 1


class _Table:
    """The cached values of one document's blocks, by the digest of their text. Without a cache it keeps nothing:
    reading in blocks still pays (each block's YAML nodes are garbage before the next block is read, where the whole
    text's nodes are all alive at once: a 4 MB document's peak memory is 45 MiB less, and it reads faster)."""

    def __init__(self, cache: Cache | None, path: Path, *, normalised: bool) -> None:
        self.cache = cache
        self.normalised = normalised
        self.new: dict[str, bytes] = {}
        self.old: dict[str, bytes] = {}
        if cache is None:
            return
        here = Path(__file__)
        sources = (here.with_name(name) for name in ("reading.py", "bundle.py", "vocabulary.py", "validate.py"))
        self.fingerprint = digest(source_digest(here, *sources), tool_versions())
        self.key = digest(self.fingerprint, str(path.resolve()))
        latest = cache.get(KIND, digest(self.fingerprint, "latest"))  # a copy of the document is read as fast
        self.old = self._load(cache, self.key) or (self._load(cache, latest) if latest else {})

    @staticmethod
    def _load(cache: Cache, key: str) -> dict[str, bytes]:
        stored = cache.get_bytes(KIND, key)
        try:
            loaded = marshal.loads(stored) if stored is not None else {}
        except (ValueError, EOFError, TypeError):
            loaded = {}
        return cast(dict[str, bytes], loaded) if isinstance(loaded, dict) else {}

    def read(self, text: str) -> tuple[Any, _Measure, str]:
        """The value of one block's text, parsed alone (a mapping of one key), its measure and the text's digest;
        normalised (see :func:`~generator.inputs.vocabulary.normalise`) when the table is."""
        key = digest(text)
        stored = self.new.get(key) or self.old.get(key)
        if stored is not None:
            self.new[key] = stored
            return (*_entry(stored, self.normalised), key)
        value = reading.parse_text(text, "block.yaml")
        if not isinstance(value, dict) or len(cast(dict[Any, Any], value)) != 1:
            raise _Unsplittable
        normal = is_normal(value)
        normalised = value if normal else normalise(value)
        nodes, chars = size(normalised)
        measure = (
            reading.height(value),
            has_external_refs(value),
            normal,
            nodes - 1,
            chars,
            _without_texts(normalised),
        )
        try:  # nodes shared through YAML aliases stay shared
            if self.cache is not None:
                kept = (marshal.dumps(value), b"" if normal else marshal.dumps(normalised))
                self.new[key] = marshal.dumps((measure, *kept))
        except ValueError:
            pass  # a timestamp: read every time
        return (normalised if self.normalised else value), measure, key

    def save(self) -> None:
        """Store the table when its blocks are not those stored (a block was read, or is gone)."""
        if self.cache is not None and self.new.keys() != self.old.keys():
            self.cache.put_bytes(KIND, self.key, marshal.dumps(self.new))
            self.cache.put(KIND, digest(self.fingerprint, "latest"), self.key)


def _entry(stored: bytes, normalised: bool) -> tuple[Any, _Measure]:
    """A block's value (normalised, or as read) and measure as the table keeps them; raises :class:`_Unsplittable`
    (the whole text is read) for anything else."""
    try:
        measure, value, normal = marshal.loads(stored)
        return marshal.loads(normal if normalised and normal else value), measure
    except (ValueError, EOFError, TypeError):
        raise _Unsplittable from None


_Measure = tuple[int, bool, bool, int, int, str]
"""Of a block's value (the mapping of its one key): its height, whether it has external references, whether it is
normal (see :class:`~generator.inputs.reading.Read`), the nodes (but its own mapping, which stands for the one
it is in) and characters it adds to the normalised document's size, and, when it could be an operation (its value
a mapping with a ``summary`` or ``description`` text), the digest of the block with those texts left out."""

TEXTS = ("summary", "description")
"""An operation's texts that validation never reads (:attr:`~generator.inputs.reading.Read.shape`)."""


def _without_texts(block: dict[Any, Any]) -> str:
    """The digest of a block whose value is a mapping with :data:`TEXTS` as text, those left out; else ``""``."""
    ((key, value),) = block.items()
    if not isinstance(value, dict) or not any(isinstance(value.get(k), str) for k in TEXTS):
        return ""
    kept = {k: "" if k in TEXTS and isinstance(v, str) else v for k, v in cast(dict[Any, Any], value).items()}
    return digest(repr((key, kept)))


@dataclass
class _Facts:
    """The measures of the blocks, put together: those of the whole document."""

    height: int = 1
    external_refs: bool = False
    normal: bool = True
    nodes: int = 1
    chars: int = 0
    parts: list[str] = field(default_factory=list[str])
    """Each block's depth and digest (an operation's without its texts), in order: the document's shape."""
    blocks: list[str] = field(default_factory=list[str])
    """Each block's depth and the digest of its text, in order: the document's content."""

    def add(self, measure: _Measure, depth: int) -> None:
        """Count a block found ``depth`` mappings below the root (its own mapping stands for the one it is in)."""
        self.height = max(self.height, depth + measure[0])
        self.external_refs = self.external_refs or measure[1]
        self.normal = self.normal and measure[2]
        self.nodes, self.chars = self.nodes + measure[3], self.chars + measure[4]


def _assemble(
    text: str, blocks: list[_Block], table: _Table, facts: _Facts, depth: int, under: str = ""
) -> dict[Any, Any]:
    """The mapping of ``blocks``, ``depth`` mappings below the root (in the top-level key ``under``), each block's
    measure added to ``facts``; raises :class:`_Unsplittable` when a key repeats."""
    result: dict[Any, Any] = {}
    for block in blocks:
        if block.children:
            read, measure, known = table.read(text[block.start : block.header])
            (key, value), *_ = cast(dict[Any, Any], read).items()
            if value is not None:
                raise _Unsplittable
            value = _assemble(text, block.children, table, facts, depth + 1, under or str(key))
        else:
            read, measure, known = table.read(text[block.start : block.end])
            (key, value), *_ = cast(dict[Any, Any], read).items()
        facts.add(measure, depth)
        operation = depth == 2 and under == "paths" and key in HTTP_METHODS and measure[5]
        facts.parts.append(f"{depth}:{measure[5] if operation else known}")
        facts.blocks.append(f"{depth}:{known}")
        if key in result:
            raise _Unsplittable
        result[key] = value
    return result
