"""Schema-level helpers shared by the parser and the model renderer: nullability and Python type expressions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from .ir import TypeExpr

SCHEMA_PREFIX = "#/components/schemas/"

PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def as_mapping(node: Any) -> Mapping[str, Any]:
    return cast(Mapping[str, Any], node) if isinstance(node, Mapping) else {}


def schema_types(schema: Mapping[str, Any]) -> list[str]:
    """The schema's ``type`` as a list (3.1 allows an array of types)."""
    raw = schema.get("type")
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [t for t in cast(list[Any], raw) if isinstance(t, str)]
    return []


def is_null_schema(schema: Mapping[str, Any]) -> bool:
    return schema_types(schema) == ["null"] or ("enum" in schema and schema.get("enum") == [None])


def is_nullable(schema: Mapping[str, Any]) -> bool:
    """True for 3.0 ``nullable: true``, 3.1 ``type: [T, "null"]`` and ``anyOf``/``oneOf`` with a null member."""
    if schema.get("nullable") is True or "null" in schema_types(schema):
        return True
    for key in ("anyOf", "oneOf"):
        members = schema.get(key)
        if isinstance(members, list) and any(is_null_schema(as_mapping(m)) for m in cast(list[Any], members)):
            return True
    return False


def literal(values: list[Any]) -> TypeExpr | None:
    """``Literal[...]`` of the scalar values, written with ``repr`` so any text is a safe literal."""
    usable = [v for v in values if isinstance(v, (str, int, bool)) and not isinstance(v, float)]
    if not usable:
        return None
    unique: list[Any] = []
    for v in usable:
        if not any(type(v) is type(u) and v == u for u in unique):
            unique.append(v)
    return TypeExpr(f"Literal[{', '.join(repr(v) for v in unique)}]", imports=frozenset({"Literal"}))


def union(members: list[TypeExpr]) -> TypeExpr:
    parts: list[str] = []
    models: set[str] = set()
    imports: set[str] = set()
    for m in members:
        for piece in split_union(m.source):
            if piece not in parts:
                parts.append(piece)
        models |= m.models
        imports |= m.imports
    if "object" in parts:
        return TypeExpr("object")
    none_last = [p for p in parts if p != "None"] + (["None"] if "None" in parts else [])
    return TypeExpr(" | ".join(none_last), frozenset(models), frozenset(imports))


def split_top_level(source: str, separator: str) -> list[str]:
    """Split ``A | B[C | D]`` (or ``A, B[C, D]``) at the separators outside brackets only."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(source):
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == separator and depth == 0:
            parts.append(source[start:i].strip())
            start = i + 1
    parts.append(source[start:].strip())
    return [p for p in parts if p]


def split_union(source: str) -> list[str]:
    """The members of a union's source: ``A | B[C | D]`` -> ``A``, ``B[C | D]``."""
    return split_top_level(source, "|")


class TypeMapper:
    """Turns a schema into a :class:`TypeExpr`; component references become their model class names."""

    def __init__(self, model_names: Mapping[str, str], resolve: Callable[[Any, str], tuple[Any, str]]) -> None:
        self._model_names = model_names
        self._resolve = resolve

    def __call__(self, schema: Any, at: str, depth: int = 0) -> TypeExpr:
        node = as_mapping(schema)
        if depth > 32:
            return TypeExpr("object")
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref.startswith(SCHEMA_PREFIX) and ref[len(SCHEMA_PREFIX) :] in self._model_names:
                name = self._model_names[ref[len(SCHEMA_PREFIX) :]]
                return TypeExpr(name, frozenset({name}))
            target, target_at = self._resolve(node, at)
            return self(target, target_at, depth + 1)
        expr = self._non_null(node, at, depth)
        return expr.nullable() if is_nullable(node) and expr.source != "object" else expr

    def _non_null(self, node: Mapping[str, Any], at: str, depth: int) -> TypeExpr:
        if "const" in node:
            found = literal([node["const"]])
            if found is not None:
                return found
        enum = node.get("enum")
        if isinstance(enum, list) and enum:
            found = literal(cast(list[Any], enum))
            if found is not None:
                return found
        for key in ("oneOf", "anyOf"):
            members = node.get(key)
            if isinstance(members, list) and members:
                exprs = [
                    self(m, f"{at}/{key}/{i}", depth + 1)
                    for i, m in enumerate(cast(list[Any], members))
                    if not is_null_schema(as_mapping(m))
                ]
                if exprs:
                    return union(exprs)
        all_of = node.get("allOf")
        if isinstance(all_of, list) and len(cast(list[Any], all_of)) == 1:
            return self(cast(list[Any], all_of)[0], f"{at}/allOf/0", depth + 1)
        types = [t for t in schema_types(node) if t != "null"]
        if len(types) > 1:
            return union([self._typed(node, t, at, depth) for t in types])
        if types:
            return self._typed(node, types[0], at, depth)
        if "properties" in node or "additionalProperties" in node:
            return self._typed(node, "object", at, depth)
        if "items" in node:
            return self._typed(node, "array", at, depth)
        return TypeExpr("object")

    def _typed(self, node: Mapping[str, Any], kind: str, at: str, depth: int) -> TypeExpr:
        if kind in PRIMITIVES:
            return TypeExpr(PRIMITIVES[kind])
        if kind == "array":
            item = self(node.get("items", {}), f"{at}/items", depth + 1)
            return TypeExpr(f"list[{item.source}]", item.models, item.imports)
        if kind == "object":
            extra = node.get("additionalProperties")
            if isinstance(extra, Mapping) and extra:
                value = self(extra, f"{at}/additionalProperties", depth + 1)
                return TypeExpr(f"dict[str, {value.source}]", value.models, value.imports)
            return TypeExpr("dict[str, object]")
        return TypeExpr("object")
