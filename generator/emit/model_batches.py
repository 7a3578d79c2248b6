"""The model document cut into batches that datamodel-code-generator can render one at a time.

datamodel-code-generator holds every model of a run in memory at once (about 80 kB per model of a large document), so
one run over a document's 2,000 schemas is the largest process of a generation. Schemas that do not refer to each
other, directly or through others, are rendered the same whether they are in one run or in several: a module holds
one model and imports the models it refers to. So the schemas are grouped into the connected parts of their
reference graph, and the parts packed, in the document's order, into batches of about :data:`BATCH_SIZE` schemas
(a part is never cut; a larger one is a batch of its own).

One kind of module depends on the whole run: the modules datamodel-code-generator shares between models that refer
to each other in a cycle (``_internal.py``, ``_internal_1.py``...), numbered across the run. Every part with such a
cycle goes into one batch, the first, in the document's order, so that the cycles are numbered as in one run over
the whole document (the other batches have none to number). The caller checks what came back and falls back to
one run if two batches wrote the same module.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, cast

BATCH_SIZE = 250
"""Schemas per batch: a run costs about 5 ms besides its models, and its memory grows with its models."""
REF_PREFIX = "#/components/schemas/"


def batches(document: Mapping[str, Any], size: int | None = None) -> list[dict[str, Any]]:
    """``document`` (an OpenAPI document with only ``components/schemas``) as batches of at most ``size`` schemas
    (default :data:`BATCH_SIZE`) where parts allow, each a document like it."""
    size = size or BATCH_SIZE
    schemas = cast(dict[str, Any], document["components"]["schemas"])
    references = {name: set(_targets(schema)) & schemas.keys() for name, schema in schemas.items()}
    order = {name: place for place, name in enumerate(schemas)}
    parts = _parts(references, order)
    cyclic = _in_cycles(references)
    first = [name for part in parts if cyclic & set(part) for name in part]
    groups: list[list[str]] = [first] if first else []
    for part in (part for part in parts if not cyclic & set(part)):
        if groups and groups[-1] is not first and len(groups[-1]) + len(part) <= size:
            groups[-1].extend(part)
        else:
            groups.append(list(part))
    return [
        _document(document, {name: schemas[name] for name in sorted(group, key=order.__getitem__)}) for group in groups
    ]


def _document(document: Mapping[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    return {**document, "components": {**document["components"], "schemas": schemas}}


def _targets(node: Any) -> Iterator[str]:
    """The schema names ``node``'s local references point at."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            mapping = cast(dict[str, Any], current)
            ref = mapping.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                yield ref[len(REF_PREFIX) :]
            stack.extend(mapping.values())
        elif isinstance(current, list):
            stack.extend(cast(list[Any], current))


def _parts(references: Mapping[str, set[str]], order: Mapping[str, int]) -> list[list[str]]:
    """The connected parts of the reference graph (its direction ignored), each in the document's order, ordered by
    their first schema."""
    root = {name: name for name in references}

    def find(name: str) -> str:
        while root[name] != name:
            root[name] = root[root[name]]
            name = root[name]
        return name

    for name, targets in references.items():
        for target in targets:
            a, b = find(name), find(target)
            if a != b:
                root[max(a, b, key=order.__getitem__)] = min(a, b, key=order.__getitem__)
    parts: dict[str, list[str]] = {}
    for name in references:
        parts.setdefault(find(name), []).append(name)
    return list(parts.values())


def _in_cycles(references: Mapping[str, set[str]]) -> set[str]:
    """The schemas on, or leading to, a cycle of references between two or more schemas (a schema referring to
    itself is rendered in its own module): what is left when schemas that refer to none left are taken away."""
    left = {name: targets - {name} for name, targets in references.items()}
    users: dict[str, set[str]] = {name: set() for name in left}
    for name, targets in left.items():
        for target in targets:
            users[target].add(name)
    ready = [name for name, targets in left.items() if not targets]
    while ready:
        name = ready.pop()
        for user in users[name]:
            left[user].discard(name)
            if not left[user]:
                ready.append(user)
        del left[name]
    return set(left)
