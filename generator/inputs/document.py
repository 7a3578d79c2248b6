"""A loaded OpenAPI document, and how its ``$ref`` pointers are followed.

The document is kept as loaded: references are followed on demand by :meth:`Document.resolve`, so that the parser
still sees which schemas are named components (they become model classes) and which are inline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from generator.core.errors import GenerationError, Problem, pointer

JSON = dict[str, Any]


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True)
class Document:
    """A loaded OpenAPI document."""

    root: JSON
    name: str
    """How problems name the file, e.g. ``spec/openapi.yaml``."""
    unfollowed: Mapping[str, Problem] = field(default_factory=dict[str, Problem])
    """References to other files that could not be followed, and why (see :mod:`generator.inputs.bundle`)."""
    sources: tuple[str, ...] = ()
    """The other files the document references, read into it (absolute paths)."""
    size: tuple[int, int] | None = None
    """Its nodes and characters as :func:`generator.inputs.validate.size` counts them, when reading measured them."""
    shape: str | None = None
    """What validation reads of it, as a digest (:attr:`generator.inputs.reading.Read.shape`), when reading found it."""
    content: str | None = None
    """Its data, as a digest (:attr:`generator.inputs.reading.Read.content`), when reading found it."""

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
