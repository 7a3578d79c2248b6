"""Read an OpenAPI document (YAML or JSON) and follow its ``$ref`` pointers.

The document is kept as loaded: references are followed on demand by :meth:`Document.resolve`, so that the parser
still sees which schemas are named components (they become model classes) and which are inline.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from .errors import GenerationError, Problem, pointer
from .openapi import normalise

JSON = dict[str, Any]


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


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastUniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


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


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True)
class Document:
    """A loaded OpenAPI document."""

    root: JSON
    name: str
    """How problems name the file, e.g. ``spec/openapi.yaml``."""
    unfollowed: Mapping[str, Problem] = field(default_factory=dict[str, Problem])
    """References to other files that could not be followed, and why (see :mod:`generator.bundle`)."""
    sources: tuple[str, ...] = ()
    """The other files the document references, read into it (absolute paths)."""

    @property
    def version(self) -> str:
        return str(self.root.get("openapi", ""))

    def at(self, ptr: str) -> Any:
        """The node at a JSON pointer within this document."""
        node: Any = self.root
        for raw in ptr.split("/")[1:]:
            token = unescape_pointer_token(raw)
            if isinstance(node, Mapping):
                node = cast(Mapping[str, Any], node)
                if token not in node:
                    raise KeyError(ptr)
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(cast(list[Any], node)):
                node = cast(list[Any], node)[int(token)]
            else:
                raise KeyError(ptr)
        return node

    def step(self, node: Mapping[str, Any], at: str) -> tuple[Any, str]:
        """Follow the ``$ref`` of ``node`` (found at pointer ``at``) one step: its target and the target's pointer.

        Raises :class:`GenerationError` when the reference is not local, could not be bundled, or points at
        nothing; the problem's pointer is the ``$ref`` 's own."""
        ref = node["$ref"]
        if isinstance(ref, str) and ref in self.unfollowed:
            raise GenerationError([self.unfollowed[ref]])
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise GenerationError(
                [
                    Problem(
                        self.name,
                        pointer_join(at, "$ref"),
                        f"unsupported $ref {ref!r}",
                        "use a local reference such as '#/components/schemas/Name'",
                    )
                ]
            )
        try:
            return self.at(ref[1:]), ref[1:]
        except KeyError:
            raise GenerationError(
                [
                    Problem(
                        self.name,
                        pointer_join(at, "$ref"),
                        f"$ref {ref!r} points at nothing",
                        "check the spelling of the target",
                    )
                ]
            ) from None

    def resolve(self, node: Any, at: str) -> tuple[Any, str]:
        """Follow ``$ref`` chains from ``node`` (found at pointer ``at``); return the target and its pointer."""
        seen: dict[str, None] = {}
        while isinstance(node, Mapping) and "$ref" in node:
            node, target = self.step(cast(Mapping[str, Any], node), at)
            if target in seen:
                chain = " -> ".join([*seen, target])
                raise GenerationError(
                    [Problem(self.name, at, f"circular $ref chain: {chain}", "point the $ref at a real schema")]
                )
            seen[target] = None
            at = target
        return node, at


class RefChains:
    """Follows each chain of ``$ref`` s once: what is found along it is remembered for every node on it, so a
    document of long chains is checked in linear time."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.known: dict[str, Problem | None] = {}

    def problem(self, node: Mapping[str, Any], at: str) -> Problem | None:
        """The problem of the chain that starts at ``node`` (found at ``at``), if any."""
        chain: dict[str, None] = {}
        found: Problem | None = None
        while True:
            if at in self.known:
                found = self.known[at]
                break
            if at in chain:
                cycle = [*list(chain)[list(chain).index(at) :], at]
                found = Problem(
                    self.doc.name, at, f"circular $ref chain: {' -> '.join(cycle)}", "point the $ref at a real schema"
                )
                break
            chain[at] = None
            try:
                target, target_at = self.doc.step(node, at)
            except GenerationError as exc:
                found = exc.problems[0]
                break
            if not isinstance(target, Mapping | bool):
                found = Problem(
                    self.doc.name,
                    pointer_join(at, "$ref"),
                    f"$ref {node['$ref']!r} points at {type(target).__name__}, not at an object",
                    "point it at a schema, parameter, response or other object",
                )
                break
            if not (isinstance(target, Mapping) and "$ref" in target):
                break
            node, at = cast(Mapping[str, Any], target), target_at
        for visited in chain:
            self.known[visited] = found
        return found


def pointer_join(base: str, *tokens: str | int) -> str:
    return base + pointer(*tokens)


def load_document(path: Path, display_name: str | None = None) -> Document:
    """Load and minimally validate an OpenAPI 3.x document."""
    name = display_name or str(path)
    root = read_file(path, name)
    if not isinstance(root, dict):
        raise GenerationError([Problem(name, "", "the document is not a mapping", "an OpenAPI document is an object")])
    root = cast(JSON, root)
    version = root.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        found = "no 'openapi' field" if version is None else f"openapi: {version!r}"
        raise GenerationError(
            [
                Problem(
                    name,
                    "/openapi",
                    f"not an OpenAPI 3.x document ({found})",
                    "Swagger 2.0 documents can be converted with swagger2openapi",
                )
            ]
        )
    from .bundle import bundle  # noqa: PLC0415 - bundle reads files through this module

    check_nesting(root, name)
    bundled = bundle(root, path, name)
    try:
        normalised = normalise(bundled.root)
    except RecursionError:  # only files the document references can still nest this deep
        raise GenerationError(
            [Problem(name, "", "the document nests too deeply to read", "flatten it, for example with $ref")]
        ) from None
    return Document(normalised, name, bundled.unfollowed, bundled.sources)
