"""Read a YAML or JSON file into plain data: unique keys, libyaml when it agrees, a bounded nesting depth, and syntax
errors that name their line and column."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from generator.core.errors import GenerationError, Problem, pointer

# libyaml's parser when PyYAML was built with it (the PyPI wheels are): six times faster on large documents, and
# the same data, since the constructor and resolver are the same Python classes.
# libyaml is stricter in one place (it refuses escapes of lone surrogates, "\ud800", which YAML allows), so a
# document it refuses is read again by the pure-Python parser, whose verdict stands.
_CSafeLoader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that rejects duplicate keys instead of silently keeping the last."""


class _FastUniqueKeyLoader(_CSafeLoader or yaml.SafeLoader):  # type: ignore[misc]
    """:class:`_UniqueKeyLoader` on libyaml's parser."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


# YAML 1.2's core schema reads ``1e-08``, ``1.5e3`` and ``.5E3`` as floats; PyYAML's YAML 1.1 rules want a dot and a
# signed exponent, and read them as strings. OpenAPI documents are YAML 1.2 (and JSON, where they are numbers). A
# plain integer is left to the integer rule (``08`` stays a string, as YAML 1.1 reads it).
_YAML12_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+)$")

for _loader in (_UniqueKeyLoader, _FastUniqueKeyLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_implicit_resolver("tag:yaml.org,2002:float", _YAML12_FLOAT, list("-+.0123456789"))


def _load_yaml(text: str) -> Any:
    if _CSafeLoader is not None:
        try:
            return yaml.load(text, Loader=_FastUniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError:
            pass  # the pure-Python parser below gives the verdict, and the message
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


def parse_text(text: str, file: str) -> Any:
    """Parse YAML or JSON text; a syntax error becomes a :class:`GenerationError` naming line and column."""
    try:
        if file.endswith(".json"):
            return json.loads(text)
        return _load_yaml(text)
    except RecursionError:
        raise GenerationError(
            [Problem(file, "", "the document nests too deeply to read", "flatten it, for example with $ref")]
        ) from None
    except json.JSONDecodeError as exc:
        raise GenerationError(
            [Problem(file, "", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")]
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: a position, not a mark
        line, column = text.count("\n", 0, exc.position) + 1, exc.position - text.rfind("\n", 0, exc.position)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        message = f"invalid YAML at line {line}, column {column}: the character {code} is not allowed in YAML text"
        raise GenerationError([Problem(file, "", message)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise GenerationError([Problem(file, "", f"invalid YAML{where}: {problem}")]) from None


def read_file(path: Path, name: str | None = None) -> Any:
    """The parsed YAML or JSON file; problems name it ``name`` (default: its path as given)."""
    name = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GenerationError([Problem(name, "", f"cannot read file: {exc.strerror}")]) from None
    except UnicodeDecodeError as exc:
        raise GenerationError([Problem(name, "", f"not UTF-8 text: {exc.reason}")]) from None
    return parse_text(text, name)


MAX_NESTING = 128
"""Mappings and lists nested deeper than this are refused as the document is read: every later stage walks the
document, and none should have to do so without recursion. (The real documents we test nest 40 deep at most.)"""


def _heights(root: Any) -> dict[int, int]:
    """How many mappings and lists deep each one is, by ``id`` (a node that contains itself through YAML aliases
    is infinitely deep). Iterative, and each shared node is measured once."""
    heights: dict[int, int] = {}
    started: set[int] = set()
    todo: list[tuple[Any, bool]] = [(root, False)]
    while todo:
        node, children_done = todo.pop()
        children = [
            c
            for c in (cast(dict[Any, Any], node).values() if isinstance(node, dict) else cast(list[Any], node))
            if isinstance(c, dict | list)
        ]
        if children_done:
            heights[id(node)] = 1 + max((heights.get(id(c), MAX_NESTING + 1) for c in children), default=0)
        elif id(node) not in started:
            started.add(id(node))
            todo.append((node, True))
            todo.extend((c, False) for c in children if id(c) not in started)
    return heights


def height(root: Any) -> int:
    """How many mappings and lists deep ``root`` is (0 for a scalar); more than :data:`MAX_NESTING` when it contains
    itself."""
    return _heights(root).get(id(root), 0) if isinstance(root, dict | list) else 0


@dataclass(frozen=True)
class Read:
    """Data read, with what the reader found out about it on the way, so that loading need not walk it again."""

    data: Any
    height: int
    """As :func:`height` measures it."""
    external_refs: bool
    """Whether a ``$ref`` may leave the file (see :func:`generator.inputs.bundle.has_external_refs`)."""
    normal: bool
    """Whether the data is already as :func:`generator.inputs.vocabulary.normalise` makes it."""
    size: tuple[int, int] | None = None
    """Of the normalised data, as :func:`generator.inputs.validate.size` counts it."""
    shape: str | None = None
    """The digest of the normalised data less its operations' summaries and descriptions (where they are text),
    when it was read in blocks and refers to no other file: what validation reads of it."""
    content: str | None = None
    """When ``shape`` is known, the digest of the text of every block in order: of the normalised data whole."""


def check_nesting(root: Any, file: str) -> None:
    """Refuse a document nested deeper than :data:`MAX_NESTING`, naming the pointer where it goes too deep."""
    heights = _heights(root)
    if heights[id(root)] <= MAX_NESTING:
        return
    node, tokens = root, []
    while len(tokens) < MAX_NESTING:  # the pointer of the first mapping or list deeper than allowed
        items = list(node.items() if isinstance(node, dict) else enumerate(node))
        key, node = max(
            ((k, v) for k, v in items if isinstance(v, dict | list)), key=lambda kv: heights.get(id(kv[1]), 1 << 30)
        )
        tokens.append(key)
    raise GenerationError(
        [
            Problem(
                file,
                pointer(*tokens),
                f"the document nests too deeply (more than {MAX_NESTING} levels of mappings and lists)",
                "flatten it, for example with $ref",
            )
        ]
    )
