"""The type mapper, called directly: each kind of schema gives its kind of type, inline objects become classes named
from their place, components are reached by reference, and ``allOf``, unions and nullability are decided once."""

from __future__ import annotations

from typing import Any

from generator.core.errors import Problems
from generator.inputs.document import Document
from generator.pytypes.kinds import (
    ListOf,
    LiteralType,
    MapOf,
    Nullable,
    ObjectType,
    PyType,
    Ref,
    Scalar,
    UnionType,
)
from generator.pytypes.mapper import TypeMapper


def _mapper(schemas: dict[str, Any] | None = None, version: str = "3.1.0") -> TypeMapper:
    root = {"openapi": version, "info": {"title": "T", "version": "1"}, "paths": {}}
    if schemas:
        root["components"] = {"schemas": schemas}
    mapper = TypeMapper(Document(root, "openapi.yaml"), Problems("openapi.yaml"))
    mapper.declare_components()
    mapper.define_components()
    return mapper


def _build(schema: Any, schemas: dict[str, Any] | None = None, version: str = "3.1.0") -> tuple[PyType, TypeMapper]:
    mapper = _mapper(schemas, version)
    return mapper.build(schema, "/x", "Thing"), mapper


def test_scalars_keep_their_kind_and_format() -> None:
    assert _build({"type": "string"})[0] == Scalar("str")
    assert _build({"type": "integer"})[0] == Scalar("int")
    assert _build({"type": "number"})[0] == Scalar("float")
    assert _build({"type": "boolean"})[0] == Scalar("bool")
    found = _build({"type": "string", "format": "date-time"})[0]
    assert isinstance(found, Scalar) and found.format == "date-time"


def test_an_enum_is_a_literal_of_its_values() -> None:
    found = _build({"type": "string", "enum": ["a", "b"]})[0]
    assert isinstance(found, LiteralType) and found.values == ("a", "b")


def test_nullability_in_both_spellings() -> None:
    assert _build({"type": ["string", "null"]})[0] == Nullable(Scalar("str"))
    assert _build({"type": "string", "nullable": True}, version="3.0.3")[0] == Nullable(Scalar("str"))


def test_arrays_and_maps() -> None:
    assert _build({"type": "array", "items": {"type": "integer"}})[0] == ListOf(Scalar("int"))
    assert _build({"type": "object", "additionalProperties": {"type": "string"}})[0] == MapOf(Scalar("str"))


def test_an_inline_object_becomes_a_class_named_from_its_place() -> None:
    found, mapper = _build({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]})
    assert isinstance(found, Ref) and found.name == "Thing"
    definition = mapper.types.object("Thing")
    assert [(p.wire, p.required) for p in definition.properties] == [("a", True)]


def test_a_reference_is_the_components_class() -> None:
    schemas = {"Pet": {"type": "object", "properties": {"id": {"type": "string"}}}}
    found, mapper = _build({"$ref": "#/components/schemas/Pet"}, schemas)
    assert found == Ref("Pet")
    assert isinstance(mapper.types.definition("Pet"), ObjectType)


def test_all_of_merges_the_parts_into_one_class() -> None:
    schemas = {"Base": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}}
    merged = {"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"name": {"type": "string"}}}]}
    found, mapper = _build(merged, schemas)
    assert isinstance(found, Ref)
    definition = mapper.types.object(found.name)
    assert {p.wire for p in definition.properties} == {"id", "name"}
    assert definition.field("id") is not None and definition.field("id").required  # type: ignore[union-attr]


def test_a_one_of_is_a_named_union_with_its_discriminator() -> None:
    schemas = {
        "Cat": {"type": "object", "properties": {"kind": {"const": "cat"}}, "required": ["kind"]},
        "Dog": {"type": "object", "properties": {"kind": {"const": "dog"}}, "required": ["kind"]},
    }
    union = {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind"},
    }
    named, mapper = _build(union, schemas)
    assert named == Ref("Thing")  # an inline union gets a type alias named from its place
    found = mapper.types.definition("Thing")
    assert isinstance(found, UnionType) and found.members == (Ref("Cat"), Ref("Dog"))
    assert found.discriminator is not None and dict(found.discriminator.mapping) == {"cat": "Cat", "dog": "Dog"}


def test_a_recursive_component_is_finite() -> None:
    schemas = {
        "Node": {
            "type": "object",
            "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}},
        }
    }
    mapper = _mapper(schemas)
    definition = mapper.types.object("Node")
    assert definition.field("children") is not None
    assert definition.field("children").type.non_null() == ListOf(Ref("Node"))  # type: ignore[union-attr]


def test_on_the_request_side_inline_objects_stay_inline() -> None:
    mapper = _mapper()
    with mapper.request_side():
        found = mapper.build({"type": "object", "properties": {"a": {"type": "string"}}}, "/x", "Thing")
    assert isinstance(found, ObjectType) and "Thing" not in mapper.types.named


def test_class_names_never_collide() -> None:
    mapper = _mapper({"Thing": {"type": "object", "properties": {"a": {"type": "string"}}}})
    found = mapper.build({"type": "object", "properties": {"b": {"type": "string"}}}, "/x", "Thing")
    assert isinstance(found, Ref) and found.name == "Thing2"


def test_a_nullable_all_of_member_is_nullable_once() -> None:
    """3.0 ``allOf: [{type: string, nullable: true}]``: the part is nullable and so is the schema that holds it (the
    one nullability rule reads both); the type is ``str | None``, not ``(str | None) | None``, whose schema
    (``type: [[string, null], null]``) made datamodel-code-generator raise in a worker and the run hang."""
    found = _build({"allOf": [{"type": "string", "nullable": True}]}, version="3.0.3")[0]
    assert found == Nullable(Scalar("str"))


def test_a_union_that_has_itself_as_a_member_is_its_other_members() -> None:
    """``E: anyOf [$ref E, string]`` is ``str`` (the alias that named itself gave 26 strict pyright errors and a
    pydantic ``recursion_loop``); with more members, a union of those; a true recursion (``list[T] | str``) stays."""
    ref = {"$ref": "#/components/schemas/E"}
    schemas: dict[str, Any] = {"E": {"anyOf": [ref, {"type": "string"}]}}
    assert _mapper(schemas).definition("E") == Scalar("str")
    schemas["E"] = {"oneOf": [{"type": "integer"}, ref, {"type": "string"}], "nullable": True}
    assert _mapper(schemas, "3.0.3").definition("E") == Nullable(UnionType((Scalar("int"), Scalar("str")), one_of=True))
    schemas["E"] = {"anyOf": [{"type": "array", "items": ref}, {"type": "string"}]}
    assert _mapper(schemas).definition("E") == UnionType((ListOf(Ref("E")), Scalar("str")), one_of=False)


def _event(tag: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"type": {"type": "string", "enum": [tag]}, "n": {"type": "integer"}},
        **extra,
    }


def test_inline_union_members_are_named_by_what_they_say_they_are() -> None:
    """A tag property's one value (``type: run.created``) or a title names an inline member's class; the numbered
    ``Variant`` names stay for members that say nothing, or the same as another, or a name another type has."""
    tagged, mapper = _build({"oneOf": [_event("run.created"), _event("run.completed")]})
    assert isinstance(tagged, UnionType) and tagged.members == (Ref("ThingRunCreated"), Ref("ThingRunCompleted"))
    titled, _ = _build({"anyOf": [_event("a", title="First Shape"), _event("b", title="Second Shape")]})
    assert isinstance(titled, UnionType) and titled.members == (Ref("FirstShape"), Ref("SecondShape"))
    same, _ = _build({"anyOf": [_event("a"), _event("a")]})
    assert isinstance(same, UnionType) and same.members == (Ref("ThingVariant1"), Ref("ThingVariant2"))
    untagged, _ = _build({"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, _event("b")]})
    assert isinstance(untagged, UnionType) and untagged.members == (Ref("ThingVariant1"), Ref("ThingVariant2"))
    schemas = {"Taken": {"type": "string"}}
    taken, _ = _build({"anyOf": [_event("x", title="Taken"), _event("y", title="Free")]}, schemas)
    assert isinstance(taken, UnionType) and taken.members == (Ref("ThingX"), Ref("Free"))
