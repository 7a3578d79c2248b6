"""The real OpenAPI documents in ``../shared/specs``: finding them, reading them, and what the smoke test takes from them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Document:
    """One folder of ``specs/``: its name and its OpenAPI document."""

    name: str
    path: Path


def discover(specs: Path) -> list[Document]:
    """Every folder of ``specs`` holding a YAML or JSON document, in name order."""
    found = []
    for folder in sorted(p for p in specs.iterdir() if p.is_dir()):
        documents = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)
        if documents:
            found.append(Document(folder.name, documents[0]))
    return found


def load(path: Path) -> dict[str, Any]:
    """The document as plain data (the C YAML loader when available: the largest document is 3 MB)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


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
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/") and seen < 20:
        target: Any = doc
        for part in node["$ref"][2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        node, seen = target, seen + 1
    return node


def _example(doc: dict[str, Any], parameter: dict[str, Any]) -> tuple[bool, Any]:
    if "example" in parameter:
        return True, parameter["example"]
    for example in (parameter.get("examples") or {}).values():
        example = _resolve(doc, example)
        if isinstance(example, dict) and "value" in example:
            return True, example["value"]
    schema = _resolve(doc, parameter.get("schema")) or {}
    if not isinstance(schema, dict):
        return False, None
    if schema.get("examples") and isinstance(schema["examples"], list):
        return True, schema["examples"][0]
    for key in ("example", "default", "const"):
        if key in schema:
            return True, schema[key]
    if schema.get("enum"):
        return True, schema["enum"][0]
    items = _resolve(doc, schema.get("items"))
    if schema.get("type") == "array" and isinstance(items, dict) and items.get("enum"):
        return True, [items["enum"][0]]
    return _made_up(doc, schema)


FORMATS = {
    "uuid": "00000000-0000-4000-8000-000000000000",
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "email": "someone@example.com",
    "uri": "https://example.com/",
}
PATTERN_TRIES = ("1", "123456789012345678", "abc", "abc123", "A", "string", "a-b_c", "2024-01-01")


def _made_up(doc: dict[str, Any], schema: dict[str, Any]) -> tuple[bool, Any]:
    """A value for a schema with no example, where a placeholder of its Python type would break its rules."""
    for key in ("oneOf", "anyOf", "allOf"):
        for member in schema.get(key) or []:
            member = _resolve(doc, member)
            if isinstance(member, dict) and member.get("type") != "null":
                return _made_up(doc, member)
    if schema.get("format") in FORMATS:
        return True, FORMATS[schema["format"]]
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        try:
            matching = [t for t in PATTERN_TRIES if re.search(pattern, t)]
        except re.error:
            matching = []
        if matching:
            return True, matching[0]
    if schema.get("type") in ("integer", "number") and isinstance(schema.get("minimum"), int | float):
        return True, schema["minimum"]
    return False, None


def parameter_examples(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{"METHOD /path": {parameter name: example}}`` for the parameters whose spec gives a usable value."""
    table: dict[str, dict[str, Any]] = {}
    for method, path, operation in operations(doc):
        item = doc["paths"][path]
        values: dict[str, Any] = {}
        for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
            parameter = _resolve(doc, parameter)
            if not isinstance(parameter, dict) or not isinstance(parameter.get("name"), str):
                continue
            known, value = _example(doc, parameter)
            if known:
                values[parameter["name"]] = value
        table[f"{method} {path}"] = values
    return table


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
