"""The real OpenAPI documents in ``../shared/specs``: finding them, reading them, and what the smoke test takes from them.

Reading, following ``$ref`` and choosing a parameter's example are the generator's own (:mod:`generator.inputs.loader`,
:mod:`generator.inputs.vocabulary`); where a document gives no example, a value is made up that satisfies the schema's
``enum``, ``format``, ``pattern`` (a string generated from the regular expression, by ``rstr``), ``minLength`` and
``maxLength`` and ``minimum``, so that a mock server that validates requests accepts it.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rstr

from generator.core.errors import GenerationError, Problem
from generator.inputs.bundle import bundle
from generator.inputs.document import Document as Loaded
from generator.inputs.reading import read_file
from generator.inputs.vocabulary import HTTP_METHODS, NO_EXAMPLE, as_list, as_mapping, example_of, schema_types

SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Document:
    """One folder of ``specs/``: its name and its OpenAPI document."""

    name: str
    path: Path


def discover(specs: Path) -> list[Document]:
    """Every folder of ``specs`` with an OpenAPI document, in name order.

    The entry document is the ``main:`` line of the folder's ``SOURCE.txt``, relative to the folder (a multi-file
    document keeps its tree, and its entry may lie below the folder's top); a folder without that line holds its
    document at the top, the first YAML or JSON file there by name.
    """
    found = []
    for folder in sorted(p for p in specs.iterdir() if p.is_dir()):
        entry = main_entry(folder)
        if entry is None:
            tops = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
            entry = tops[0] if tops else None
        if entry is not None:
            found.append(Document(folder.name, entry))
    return found


def main_entry(folder: Path) -> Path | None:
    """The document that ``SOURCE.txt``'s ``main:`` line names, when there is one and it exists."""
    source = folder / "SOURCE.txt"
    if not source.is_file():
        return None
    for line in source.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "main" and value.strip():
            entry = folder / value.strip()
            return entry if entry.is_file() else None
    return None


def load(path: Path) -> dict[str, Any]:
    """The document as plain data, read as the generator reads it: the files its ``$ref`` s name brought in (a
    multi-file document becomes one, as :mod:`generator.inputs.bundle` makes it), nothing else changed."""
    root = read_file(path)
    if not isinstance(root, dict):
        raise GenerationError([Problem(str(path), "", "the document is not a mapping")])
    return dict(bundle(root, path, str(path)).root)


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """``(METHOD, path, operation)`` for every operation of the document."""
    found = []
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                found.append((method.upper(), path, item[method]))
    return found


def _resolve(doc: dict[str, Any], node: Any) -> Any:
    """``node`` with its ``$ref`` chain followed; ``None`` where it leads nowhere."""
    try:
        return Loaded(doc, "document").resolve(node, "")[0]
    except GenerationError:
        return None


def _example(doc: dict[str, Any], parameter: dict[str, Any]) -> tuple[bool, Any]:
    for example in as_mapping(parameter.get("examples")).values():  # Example objects may be references
        resolved = _resolve(doc, example)
        if "example" not in parameter and isinstance(resolved, dict) and "value" in resolved:
            return True, resolved["value"]
    schema = as_mapping(_resolve(doc, parameter.get("schema")))
    found = example_of(parameter, schema)
    if found is not NO_EXAMPLE:
        return True, found
    items = as_mapping(_resolve(doc, schema.get("items")))
    if "array" in schema_types(schema) and items.get("enum"):
        return True, [items["enum"][0]]
    return made_up(doc, schema)


FORMATS = {
    "uuid": "00000000-0000-4000-8000-000000000000",
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "email": "someone@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "ipv4": "192.0.2.1",
    "hostname": "example.com",
}
PLAIN_TRIES = ("1", "123456789012345678", "abc", "abc123", "A", "string", "a-b_c", "2024-01-01")
"""Values tried against a ``pattern`` before one is generated from it: a plain value reads better."""


def made_up(doc: dict[str, Any], schema: dict[str, Any] | Any) -> tuple[bool, Any]:
    """A value for a schema with no example, where a placeholder of its Python type would break its rules."""
    schema = as_mapping(schema)
    members = [as_mapping(_resolve(doc, m)) for m in as_list(schema.get("oneOf"))]
    if any(schema_types(m) == ["string"] and len(m) == 1 for m in members):
        return True, "abc"  # a plain string matches the string member alone, as oneOf asks (a digit would not)
    for key in ("oneOf", "anyOf", "allOf"):
        for member in as_list(schema.get(key)):
            member = as_mapping(_resolve(doc, member))
            if member and schema_types(member) != ["null"]:
                return made_up(doc, member)
    if schema.get("enum"):
        return True, schema["enum"][0]
    kinds = schema_types(schema)
    if kinds[:1] in (["integer"], ["number"]) and isinstance(schema.get("minimum"), int | float):
        return True, schema["minimum"]
    if "pattern" in schema or schema.get("format") in FORMATS or "minLength" in schema:
        value = _string(schema)
        return (value is not None), value
    return False, None


def _string(schema: dict[str, Any] | Any) -> str | None:
    """A string that satisfies the schema's format, pattern and lengths (``None`` when none is found)."""
    low, high = int(schema.get("minLength") or 0), schema.get("maxLength")
    pattern = schema.get("pattern") if isinstance(schema.get("pattern"), str) else None
    tries = [FORMATS[schema["format"]]] if schema.get("format") in FORMATS else []
    tries += [*PLAIN_TRIES, "x" * max(low, 1)]
    generator = rstr.Rstr(random.Random(zlib.crc32((pattern or "").encode())))
    for attempt in range(len(tries) + 20):
        try:
            value = tries[attempt] if attempt < len(tries) else generator.xeger(pattern or ".")
            fits = pattern is None or re.search(pattern, value) is not None
        except (re.error, IndexError, ValueError):
            return None
        if fits and value.isprintable() and len(value) >= low and (high is None or len(value) <= int(high)):
            return value
    return None


def parameter_examples(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{"METHOD /path": {name: example}}`` for the parameters, and the fields of an object request body, whose spec
    gives a usable value or whose rules a value can be made up for."""
    table: dict[str, dict[str, Any]] = {}
    for method, path, operation in operations(doc):
        item = doc["paths"][path]
        values: dict[str, Any] = {}
        for name, schema in _body_fields(doc, operation):
            known, value = made_up(doc, schema) if "example" not in schema else (True, schema["example"])
            if known:
                values[name] = value
        for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
            parameter = _resolve(doc, parameter)
            if not isinstance(parameter, dict) or not isinstance(parameter.get("name"), str):
                continue
            known, value = _example(doc, parameter)
            if known:
                values[parameter["name"]] = value
        table[f"{method} {path}"] = values
    return table


def _body_fields(doc: dict[str, Any], operation: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The top-level fields of an operation's object request body (its first media type), with their schemas."""
    content = as_mapping(as_mapping(_resolve(doc, operation.get("requestBody"))).get("content"))
    media = next(iter(content.values()), {})
    schema = as_mapping(_resolve(doc, as_mapping(media).get("schema")))
    fields = as_mapping(schema.get("properties"))
    return [(name, dict(as_mapping(_resolve(doc, field)))) for name, field in fields.items()]


def prune(doc: dict[str, Any], keep: list[str]) -> dict[str, Any]:
    """A copy of ``doc`` with only the paths in ``keep`` and the components they reach through ``$ref``.

    Deterministic: paths keep the document's order, components are walked breadth-first from them and written in the
    document's own order.
    """
    paths = {p: doc["paths"][p] for p in doc["paths"] if p in keep}
    needed: set[tuple[str, str]] = set()
    queue: list[Any] = [paths]
    while queue:
        node = queue.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/"):
                section, name = ref[len("#/components/") :].split("/", 1)
                name = name.replace("~1", "/").replace("~0", "~")
                if (section, name) not in needed:
                    needed.add((section, name))
                    queue.append(doc["components"][section][name])
            queue.extend(node.values())
        elif isinstance(node, list):
            queue.extend(node)
    pruned = {k: v for k, v in doc.items() if k not in ("paths", "components", "webhooks", "x-oaiMeta")}
    pruned["paths"] = paths
    components: dict[str, Any] = {}
    for section, entries in (doc.get("components") or {}).items():
        if section == "securitySchemes":
            components[section] = entries
            continue
        kept = {name: value for name, value in entries.items() if (section, name) in needed}
        if kept:
            components[section] = kept
    pruned["components"] = components
    return pruned


def _pointer(parts: list[str]) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def without_broken_refs(doc: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy of ``doc`` in which every ``$ref`` that does not resolve inside it is an empty schema, and their pointers.

    For a mock server only: Prism refuses a whole document over one such reference, while the generator (with
    ``--keep-going``) reports it and skips what depends on it.
    """
    broken: list[str] = []

    def walk(node: Any, parts: list[str]) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                ref = node["$ref"]
                if not (isinstance(ref, str) and ref.startswith("#/") and _resolve(doc, {"$ref": ref}) is not None):
                    broken.append(_pointer([*parts, "$ref"]))
                    return {}
            return {key: walk(value, [*parts, str(key)]) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value, [*parts, str(i)]) for i, value in enumerate(node)]
        return node

    return walk(doc, []), broken
