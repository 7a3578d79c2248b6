"""What the request side reads of a type, one visitor per question: is it a reference, a union, a tagged object,
a list whose items are strings or files; which named types requests use and how often; whether an example value
can be written as it is where the type is expected.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, cast

from generator.core.naming import pascal_case
from generator.pytypes.kinds import (
    FileType,
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
from generator.pytypes.registry import Registry
from generator.pytypes.visit import TypeVisitor, Walk

MAX_DEPTH = 64
"""Example values nested deeper than this are not written as they are."""


def ref_name(type_: PyType) -> str | None:
    """The name a reference names, if ``type_`` is one."""
    return _RefName().visit(type_)


def union_of(type_: PyType) -> UnionType | None:
    """``type_``, if it is a union."""
    return _Members().visit(type_)


def tag_of(type_: PyType) -> str:
    """An object's tag as a class name (the value of its first required field with one string value), else ``""``."""
    return _Tag().visit(type_)


def is_literal(type_: PyType) -> bool:
    """Whether ``type_`` is an enum or a constant (not a nullable one)."""
    return _Literal().visit(type_)


def plain_items(item: PyType, types: Registry) -> bool:
    """Whether a list of ``item`` is a ``list[...]`` rather than an ``Iterable[...]``: its items are files, or may be
    strings (a string is iterable too)."""
    return _PlainItems(types).visit(item)


def holds_object(type_: PyType) -> bool:
    """Whether ``type_`` itself (not the named types it mentions) holds an object with fields."""
    return _HoldsObject().visit(type_)


def fits(value: Any, type_: PyType, types: Registry, depth: int = 0) -> bool:
    """Whether ``value`` (JSON data) can be written as it is where ``type_`` is expected: a dict for a TypedDict has
    every required key and no other, as a type checker demands of a dict literal."""
    return depth <= MAX_DEPTH and _Fits(value, types, depth).visit(type_)


class _Members(TypeVisitor["UnionType | None"]):
    """The union a type is, if it is one."""

    def other(self, type_: PyType) -> UnionType | None:
        return None

    def union(self, type_: UnionType) -> UnionType | None:
        return type_


class _RefName(TypeVisitor["str | None"]):
    """The name a reference names, if the type is one."""

    def other(self, type_: PyType) -> str | None:
        return None

    def ref(self, type_: Ref) -> str | None:
        return type_.name


class _Tag(TypeVisitor[str]):

    def other(self, type_: PyType) -> str:
        return ""

    def object(self, type_: ObjectType) -> str:
        for prop in type_.properties:
            values = prop.type.non_null().enum_values()
            if prop.required and values and len(values) == 1 and isinstance(values[0], str) and pascal_case(values[0]):
                return pascal_case(values[0])
        return ""


class _Literal(TypeVisitor[bool]):
    def other(self, type_: PyType) -> bool:
        return False

    def literal(self, type_: LiteralType) -> bool:
        return True


class _PlainItems(TypeVisitor[bool]):
    """Whether a list of this item type is a ``list[...]`` rather than an ``Iterable[...]``: its items are files, or
    may be strings (a string is iterable too)."""

    def __init__(self, types: Registry) -> None:
        self.types = types

    def other(self, type_: PyType) -> bool:
        return False

    def file(self, type_: FileType) -> bool:
        return True

    def ref(self, type_: Ref) -> bool:
        return self.visit(self.types.resolve(type_))

    def nullable(self, type_: Nullable) -> bool:
        return self.visit(type_.inner)

    def union(self, type_: UnionType) -> bool:
        return any(self.visit(m) for m in type_.members)

    def literal(self, type_: LiteralType) -> bool:
        return any(isinstance(v, str) for v in type_.values)

    def scalar(self, type_: Scalar) -> bool:
        return type_.kind == "str"


class Uses(Walk):
    """How many times requests use each named type with an object inside, entering each definition once."""

    def __init__(self, types: Registry, objects: set[str]) -> None:
        self.types, self.objects = types, objects
        self.counts: Counter[str] = Counter()
        self.walked: set[str] = set()

    def ref(self, type_: Ref) -> None:
        if type_.name in self.objects:
            self.counts[type_.name] += 1
            if type_.name not in self.walked:
                self.walked.add(type_.name)
                self.visit(self.types.definition(type_.name))


class _HoldsObject(TypeVisitor[bool]):
    """Whether a type itself (not the named types it mentions) holds an object with fields."""

    def other(self, type_: PyType) -> bool:
        return any(self.visit(child) for child in type_.children())

    def object(self, type_: ObjectType) -> bool:
        return bool(type_.properties) or self.other(type_)


class _Fits(TypeVisitor[bool]):
    """Whether ``value`` can be written as it is where a type is expected (:func:`fits`)."""

    def __init__(self, value: Any, types: Registry, depth: int) -> None:
        self.value, self.types, self.depth = value, types, depth

    def _fits(self, value: Any, type_: PyType) -> bool:
        return fits(value, type_, self.types, self.depth + 1)

    def other(self, type_: PyType) -> bool:
        return type_.python(self.value, self.types, set()) is not None

    def nullable(self, type_: Nullable) -> bool:
        return self.value is None or self._fits(self.value, type_.inner)

    def ref(self, type_: Ref) -> bool:
        return self._fits(self.value, self.types.definition(type_.name))

    def union(self, type_: UnionType) -> bool:
        return any(self._fits(self.value, m) for m in type_.members)

    def list_of(self, type_: ListOf) -> bool:
        return isinstance(self.value, list) and all(self._fits(v, type_.item) for v in cast(list[Any], self.value))

    def map_of(self, type_: MapOf) -> bool:
        return self._fits_map(type_.value)

    def object(self, type_: ObjectType) -> bool:
        if not type_.properties:
            return self._fits_map(type_.additional)
        if not isinstance(self.value, dict) or not all(isinstance(k, str) for k in cast(dict[Any, Any], self.value)):
            return False
        value = cast(dict[str, Any], self.value)
        fields = {p.wire: p for p in type_.properties}
        known = all(k in fields and self._fits(v, fields[k].type) for k, v in value.items())
        return known and all(p.wire in value for p in type_.properties if p.required)

    def _fits_map(self, values: PyType | None) -> bool:
        if not isinstance(self.value, dict) or not all(isinstance(k, str) for k in cast(dict[Any, Any], self.value)):
            return False
        return all(values is None or self._fits(v, values) for v in cast(dict[str, Any], self.value).values())

    def file(self, type_: FileType) -> bool:
        return isinstance(self.value, bytes)
