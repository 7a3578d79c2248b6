"""Example arguments for the generated tests and docs: a Python expression per argument, from the spec's examples.

A value comes from the spec when it has one (a parameter's or property's ``example``/``examples``, a request body's
example, a default or the first enum value, as the parser recorded them); otherwise it is made up from the schema
(required properties only, the formats' canonical values). The value is then written as Python shaped by the
argument's type: a model becomes ``Model.model_validate({...})``, a discriminated union the member that fits.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from .ir import Model, Operation, Param
from .loader import Document
from .schemas import as_mapping, schema_types, split_top_level, split_union

MAX_DEPTH = 6
"""Made-up values stop nesting here (recursive schemas); arrays deeper than this are empty."""

FORMAT_VALUES = {
    "date": "2024-01-01",
    "date-time": "2024-01-01T00:00:00Z",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "user@example.com",
    "uri": "https://example.com",
}

_NO_VALUE = object()


@dataclass(frozen=True)
class Argument:
    """One argument of an example call: ``name=source`` (or just ``source`` when positional)."""

    name: str
    source: str
    positional: bool
    models: frozenset[str] = frozenset()
    """Model classes the source names."""


@dataclass(frozen=True)
class ExampleCall:
    """The arguments of one operation's example calls."""

    required: tuple[Argument, ...]
    """Only the required arguments."""
    every: tuple[Argument, ...]
    """Every argument the method takes."""

    @property
    def models(self) -> frozenset[str]:
        """Model classes the argument sources name."""
        return frozenset(name for a in self.every for name in a.models)

    def with_empty(self, name: str) -> tuple[Argument, ...]:
        """The required arguments with the path parameter ``name`` set to the empty string."""
        return tuple(Argument(a.name, '""', a.positional) if a.name == name else a for a in self.required)


class Examples:
    """Example values for the operations of one API; deterministic for a given spec."""

    def __init__(self, doc: Document, models: list[Model], model_sources: Mapping[str, str]) -> None:
        self._doc = doc
        self._schemas: dict[str, tuple[Any, str]] = {}
        for m in models:
            at = "/components/schemas/" + m.schema_name.replace("~", "~0").replace("/", "~1")
            self._schemas[m.name] = (doc.at(at), at)
        self._aliases: dict[str, str] = {}
        for m in models:
            alias = _alias_value(model_sources.get(f"{m.module}.py", ""), m.name)
            if alias is not None:
                self._aliases[m.name] = alias

    # -- calls ----------------------------------------------------------------------------------------------------
    def call(self, op: Operation) -> ExampleCall:
        every: list[Argument] = []
        for param in (*op.positional_params, *op.keyword_params):
            if param.is_file and param.type.source.startswith("list[") and not param.required:
                # A list of files is sent as repeated parts, as OpenAPI says; Prism reads only a single part back,
                # so the mock cannot check it. The fixture tests check these requests against a local server.
                continue
            source, named = self.argument(param, op)
            every.append(Argument(param.name, source, param.location == "path", named))
        required = {p.name for p in op.params if p.required}
        return ExampleCall(tuple(a for a in every if a.name in required), tuple(every))

    def invalid(self, op: Operation) -> tuple[str, str] | None:
        """A request the spec forbids: ``(extra_query|extra_body, dict source)`` giving one argument the wrong type.

        A query parameter or body field typed only as numbers or booleans gets a word; a body field typed only as
        text gets a number. ``None`` when the operation has no such argument.
        """
        # Form fields are all text on the wire, so only query parameters and JSON fields can have a wrong type.
        body = op.body.params if op.body is not None and op.body.kind == "json" else ()
        for param in (*op.query_params, *body):
            if not param.wire_name:
                continue
            kinds = {_kind(m) for m in split_union(param.type.source) if m != "None"}
            keyword = "extra_query" if param.location == "query" else "extra_body"
            if kinds and kinds <= {"number", "bool"}:
                return keyword, repr({param.wire_name: "not-a-number"})
            if kinds == {"str"} and param.location == "body":
                return keyword, repr({param.wire_name: 12345})
        return None

    def argument(self, param: Param, op: Operation) -> tuple[str, frozenset[str]]:
        """The Python source of an example value for ``param`` of ``op``, and the model classes it names."""
        if "FileTypes" in param.type.source or "FileContent" in param.type.source:
            content = repr(f"example content of {param.wire_name or 'the body'}".encode())
            return (f"[{content}]" if param.type.source.startswith("list[") else content), frozenset()
        candidates: list[object] = [param.example] if param.has_example else []
        schema = self._param_schema(param, op)
        if schema is not None:
            candidates.append(self._from_schema(schema[0], schema[1], 0))
        candidates.append(self._from_type(param.type.source, 0))
        for value in candidates:
            named: set[str] = set()
            source = self._source(param.type.source, value, named, 0)
            if source is not None:
                return source, frozenset(named)
        return repr(candidates[-1]), frozenset()

    def _param_schema(self, param: Param, op: Operation) -> tuple[Any, str] | None:
        """The schema of ``param`` in the spec (resolved), found from the operation's pointer."""
        node = as_mapping(self._doc.at(op.pointer))
        if param.location == "body":
            if op.body is None or "requestBody" not in node:
                return None
            body, body_at = self._doc.resolve(node["requestBody"], f"{op.pointer}/requestBody")
            media = as_mapping(as_mapping(as_mapping(body).get("content")).get(op.body.content_type))
            at = f"{body_at}/content/{op.body.content_type.replace('/', '~1')}/schema"
            schema, at = self._doc.resolve(media.get("schema", {}), at)
            if not param.wire_name:
                return schema, at
            prop = self._properties(as_mapping(schema), at).get(param.wire_name)
            return (prop, f"{at}/properties/{param.wire_name}") if prop is not None else None
        path_item = op.pointer.rsplit("/", 1)[0]
        own = cast(list[Any], node.get("parameters") or [])
        shared = cast(list[Any], as_mapping(self._doc.at(path_item)).get("parameters") or [])
        for raw, at in [*((r, f"{op.pointer}/parameters") for r in own), *((r, path_item) for r in shared)]:
            found, found_at = self._doc.resolve(raw, at)
            found = as_mapping(found)
            if found.get("name") == param.wire_name and found.get("in") == param.location and "schema" in found:
                return found["schema"], f"{found_at}/schema"
        return None

    # -- a value shaped as Python for a type ----------------------------------------------------------------------
    def _source(self, type_source: str, value: object, named: set[str], depth: int) -> str | None:
        """``value`` as a Python expression of type ``type_source``; ``None`` when it does not fit the type."""
        for member in split_union(type_source):
            found = self._member_source(member, value, named, depth)
            if found is not None:
                return found
        return None

    def _member_source(self, member: str, value: object, named: set[str], depth: int) -> str | None:
        if member == "None":
            return "None" if value is None else None
        if member == "object":
            return repr(value) if _is_json(value) else None
        if member in ("str", "int", "float", "bool"):
            return repr(value) if _is_primitive(member, value) else None
        if member.startswith("Literal["):
            options = _literal_values(member)
            return repr(value) if any(type(o) is type(value) and o == value for o in options) else None
        if member.startswith("list[") and isinstance(value, list):
            items = [self._source(member[5:-1], item, named, depth + 1) for item in cast(list[object], value)]
            return None if None in items else "[" + ", ".join(cast(list[str], items)) + "]"
        if member.startswith("dict[") and isinstance(value, dict):
            value_type = split_top_level(member[5:-1], ",")[1]
            entries: list[str] = []
            for key, item in cast(dict[object, object], value).items():
                item_source = self._source(value_type, item, named, depth + 1)
                if not isinstance(key, str) or item_source is None:
                    return None
                entries.append(f"{key!r}: {item_source}")
            return "{" + ", ".join(entries) + "}"
        if member in self._aliases:
            return self._source(self._aliases[member], value, named, depth + 1)
        if member in self._schemas and isinstance(value, dict) and self._fits(member, cast(dict[str, object], value)):
            named.add(member)
            return f"{member}.model_validate({value!r})"
        return None

    def _fits(self, model: str, value: Mapping[str, object]) -> bool:
        """Whether ``value`` can be ``model``: every constant property it has (a discriminator) agrees."""
        schema, at = self._schemas[model]
        for name, prop in self._properties(schema, at).items():
            constant = _constant(prop)
            if constant is not _NO_VALUE and name in value and value[name] != constant:
                return False
        return True

    # -- made-up values -------------------------------------------------------------------------------------------
    def _from_type(self, type_source: str, depth: int) -> object:
        members = [m for m in split_union(type_source) if m != "None"]
        if not members:
            return None
        member = members[0]
        if member == "str":
            return "string"
        if member in ("int", "float"):
            return 1
        if member == "bool":
            return True
        if member.startswith("Literal["):
            return _literal_values(member)[0]
        if member.startswith("list["):
            return [] if depth >= MAX_DEPTH else [self._from_type(member[5:-1], depth + 1)]
        if member in self._aliases:
            return self._from_type(self._aliases[member], depth + 1)
        if member in self._schemas:
            schema, at = self._schemas[member]
            return self._from_schema(schema, at, depth + 1)
        return {}

    def _from_schema(self, node: Any, at: str, depth: int) -> object:
        node, at = self._doc.resolve(node, at)
        schema = as_mapping(node)
        for key in ("example", "default", "const"):
            if key in schema:
                return schema[key]
        for key in ("examples", "enum"):
            listed = schema.get(key)
            if isinstance(listed, list) and listed:
                return cast(list[object], listed)[0]
        for key in ("oneOf", "anyOf"):
            members = [m for m in cast(list[Any], schema.get(key) or []) if "null" not in schema_types(as_mapping(m))]
            if members:
                return self._from_schema(members[0], f"{at}/{key}/0", depth + 1)
        types = [t for t in schema_types(schema) if t != "null"]
        kind = types[0] if types else ("object" if "properties" in schema or "allOf" in schema else "")
        if kind == "object":
            if depth >= MAX_DEPTH:
                return {}
            required = set(cast(list[str], schema.get("required") or []))
            for part in cast(list[Any], schema.get("allOf") or []):
                required |= set(cast(list[str], as_mapping(self._doc.resolve(part, at)[0]).get("required") or []))
            props = self._properties(schema, at)
            return {name: self._from_schema(props[name], at, depth + 1) for name in props if name in required}
        if kind == "array":
            return [] if depth >= MAX_DEPTH else [self._from_schema(schema.get("items", {}), f"{at}/items", depth + 1)]
        if kind == "string":
            return FORMAT_VALUES.get(str(schema.get("format", "")), "string")
        if kind in ("integer", "number"):
            minimum = schema.get("minimum")
            return minimum if isinstance(minimum, int | float) and not isinstance(minimum, bool) else 1
        if kind == "boolean":
            return True
        return "string" if not kind else None

    def _properties(self, schema: Mapping[str, Any], at: str) -> dict[str, Any]:
        """Own and ``allOf`` properties of an object schema."""
        props = dict(as_mapping(schema.get("properties")))
        for i, part in enumerate(cast(list[Any], schema.get("allOf") or [])):
            resolved, part_at = self._doc.resolve(part, f"{at}/allOf/{i}")
            for name, prop in self._properties(as_mapping(resolved), part_at).items():
                props.setdefault(name, prop)
        return {name: self._doc.resolve(prop, at)[0] for name, prop in props.items()}


def _constant(prop: Any) -> object:
    schema = as_mapping(prop)
    if "const" in schema:
        return schema["const"]
    enum = schema.get("enum")
    if isinstance(enum, list) and len(cast(list[object], enum)) == 1:
        return cast(list[object], enum)[0]
    return _NO_VALUE


def _kind(member: str) -> str:
    """``number``, ``bool`` or ``str`` for a scalar type (a ``Literal`` by its values), else ``other``."""
    if member in ("int", "float"):
        return "number"
    if member in ("bool", "str"):
        return member
    if member.startswith("Literal["):
        kinds = {type(v) for v in _literal_values(member)}
        return "str" if kinds == {str} else "other"
    return "other"


def _is_primitive(kind: str, value: object) -> bool:
    if isinstance(value, bool):
        return kind == "bool"
    if kind == "float":
        return isinstance(value, int | float)
    return isinstance(value, {"str": str, "int": int}.get(kind, bool))


def _is_json(value: object) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list):
        return all(_is_json(v) for v in cast(list[object], value))
    if isinstance(value, dict):
        items = cast(dict[object, object], value).items()
        return all(isinstance(k, str) and _is_json(v) for k, v in items)
    return False


def _literal_values(member: str) -> list[object]:
    values = ast.literal_eval("(" + member[len("Literal[") : -1] + ",)")
    return list(cast(tuple[object, ...], values))


def _alias_value(source: str, name: str) -> str | None:
    """For ``Name = TypeAliasType("Name", Annotated[T, ...])`` in a model module, the source of ``T``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and [ast.unparse(t) for t in statement.targets] == [name]
            and isinstance(statement.value, ast.Call)
            and ast.unparse(statement.value.func) == "TypeAliasType"
            and len(statement.value.args) == 2
        ):
            value = statement.value.args[1]
            if isinstance(value, ast.Subscript) and ast.unparse(value.value) == "Annotated":
                inner = value.slice
                value = inner.elts[0] if isinstance(inner, ast.Tuple) else inner
            return ast.unparse(value)
    return None
