"""The document datamodel-code-generator reads: every named type written back as a plain JSON schema.

The types were decided by :mod:`generator.pytypes.mapper`; this writes them in the shapes datamodel-code-generator renders
well. Every class is a component of its own (no inline object is left for it to name), references use the final
class names, and only what shapes a Python type is kept: types, fields, ``required``, enums, unions with their
discriminators, bases, formats, descriptions and defaults.
"""

from __future__ import annotations

import json
from typing import Any, cast

from generator.core.text import clean
from generator.pytypes.kinds import (
    NO_DEFAULT,
    FileType,
    ListOf,
    LiteralType,
    MapOf,
    Nullable,
    ObjectType,
    Property,
    PyType,
    Ref,
    Scalar,
    UnionType,
)
from generator.pytypes.registry import NamedType, Registry
from generator.pytypes.visit import TypeVisitor

PREFIX = "#/components/schemas/"
JSON_KINDS = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}
UNTYPED_FORMATS = frozenset({"email", "idn-email"})
"""Formats whose pydantic types need a package the SDK does not install (``email-validator``): typed as ``str``."""


def model_document(types: Registry) -> dict[str, Any]:
    """An OpenAPI document with one component per named type, under its class name."""
    schemas = {named.name: definition(named, types) for named in types}
    return {
        "openapi": "3.1.0",
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {"schemas": schemas},
    }


def definition(named: NamedType, types: Registry) -> dict[str, Any]:
    schema = _Definition(types).visit(named.definition)
    if named.description:
        schema["description"] = clean(named.description)
    return schema


def schema_of(type_: PyType) -> dict[str, Any]:
    """The JSON schema of a type, where it is used (a named type is a reference)."""
    return _Schema().visit(type_)


class _Schema(TypeVisitor[dict[str, Any]]):
    """A type's JSON schema where it is used; a kind without one (any value, a runtime class) is ``{}``."""

    def other(self, type_: PyType) -> dict[str, Any]:
        return {}

    def nullable(self, type_: Nullable) -> dict[str, Any]:
        inner = schema_of(type_.inner)
        # A map keeps its value type only as an anyOf member: datamodel-code-generator drops additionalProperties
        # beside a list of types.
        if "$ref" in inner or "anyOf" in inner or "oneOf" in inner or "additionalProperties" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        return {**inner, "type": [inner["type"], "null"]} if "type" in inner else {"anyOf": [inner, {"type": "null"}]}

    def ref(self, type_: Ref) -> dict[str, Any]:
        return {"$ref": PREFIX + type_.name}

    def object(self, type_: ObjectType) -> dict[str, Any]:
        return {"$ref": PREFIX + type_.name} if type_.name else _map(type_.additional)

    def scalar(self, type_: Scalar) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": JSON_KINDS.get(type_.kind, "string")}
        if type_.format and type_.format not in UNTYPED_FORMATS:
            schema["format"] = type_.format
        return schema

    def literal(self, type_: LiteralType) -> dict[str, Any]:
        return {"enum": list(type_.values)}

    def list_of(self, type_: ListOf) -> dict[str, Any]:
        return {"type": "array", "items": schema_of(type_.item)}

    def map_of(self, type_: MapOf) -> dict[str, Any]:
        return _map(type_.value)

    def union(self, type_: UnionType) -> dict[str, Any]:
        return _union(type_)

    def file(self, type_: FileType) -> dict[str, Any]:
        return {"type": "string", "format": "binary"}


class _Definition(_Schema):
    """A named type's own schema: a model class is its fields (and bases), the rest as where they are used."""

    def __init__(self, types: Registry) -> None:
        self.types = types

    def object(self, type_: ObjectType) -> dict[str, Any]:
        return _object(type_, self.types)


def _map(value: PyType | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object"}
    if value is not None:
        schema["additionalProperties"] = schema_of(value)
    return schema


def _union(union: UnionType) -> dict[str, Any]:
    schema: dict[str, Any] = {"oneOf" if union.one_of else "anyOf": [schema_of(m) for m in union.members]}
    if union.discriminator is not None:
        mapping = {value: PREFIX + name for value, name in union.discriminator.mapping}
        schema["discriminator"] = {"propertyName": union.discriminator.property, "mapping": mapping}
    return schema


def _object(obj: ObjectType, types: Registry) -> dict[str, Any]:
    """A model class: its own fields, extending its bases when it has any."""
    own = obj.own_properties(types) if obj.bases else obj.properties
    schema: dict[str, Any] = {"type": "object", "properties": {p.wire: _field(p) for p in own}}
    required = [p.wire for p in own if p.required]
    if required:
        schema["required"] = required
    if not obj.bases:
        return schema
    return {"allOf": [*({"$ref": PREFIX + base} for base in obj.bases), schema]}


def _field(prop: Property) -> dict[str, Any]:
    schema = schema_of(prop.type)
    if prop.description:
        schema["description"] = clean(prop.description)
    if prop.default is not NO_DEFAULT and prop.type.refs and _holds_object(prop.default):
        # A model class cannot be assigned a dict (pyright rejects ``prediction: Prediction = {...}``): the server
        # applies such a default; the docs say what it is.
        schema["description"] = (schema.get("description", "") + f"\n\nDefault: `{json.dumps(prop.default)}`").strip()
    elif prop.default is not NO_DEFAULT:
        schema["default"] = prop.default
        if "format" in schema and isinstance(prop.default, str):
            # A format gives a class (``AnyUrl``, ``AwareDatetime``...) that a str default is not: ``default: ""``
            # on a URL would not type-check; the field is a plain string, as its default is.
            del schema["format"]
    return schema


def _holds_object(value: Any) -> bool:
    """Whether a default is or holds a JSON object."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(_holds_object(item) for item in cast(list[Any], value))
