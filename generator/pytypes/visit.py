"""One visitor over the kinds of type, for the code that handles each kind its own way.

:class:`TypeVisitor` dispatches a :class:`~generator.pytypes.kinds.PyType` to the method of its kind, one method per
kind (``scalar``, ``list_of``, ``ref``...). Each method falls back to :meth:`TypeVisitor.other`, so a visitor
overrides only the kinds it treats apart; ``other`` itself raises, so a visitor that must handle every kind says so by
overriding each. Carry what a visit needs (a hint, a depth, a value being checked) in the visitor's own attributes.

A new kind of type is one class in :mod:`generator.pytypes.kinds`, one entry in :data:`KIND_METHODS` and one method
here (plus one in each visitor that treats it apart); ``tests/unit/pytypes/test_visit.py`` fails when a kind has no
method. The request side (:mod:`generator.request.params`), the model schemas (:mod:`generator.emit.model_schema`)
and the change report's type comparison read types through it.
"""

from __future__ import annotations

from typing import Generic, TypeVar, cast

from generator.pytypes.kinds import (
    FileType,
    ListOf,
    LiteralType,
    MapOf,
    Nullable,
    ObjectType,
    PyType,
    Ref,
    RuntimeType,
    Scalar,
    UnionType,
    Unknown,
)

R = TypeVar("R")

KIND_METHODS: dict[type[PyType], str] = {
    Unknown: "unknown",
    Scalar: "scalar",
    LiteralType: "literal",
    ListOf: "list_of",
    MapOf: "map_of",
    Ref: "ref",
    Nullable: "nullable",
    UnionType: "union",
    FileType: "file",
    RuntimeType: "runtime",
    ObjectType: "object",
}
"""The :class:`TypeVisitor` method of each kind."""


class TypeVisitor(Generic[R]):
    """Calls the method of a type's kind; every kind's method defaults to :meth:`other`."""

    def visit(self, type_: PyType) -> R:
        for kind in type(type_).__mro__:
            name = KIND_METHODS.get(kind)
            if name is not None:
                return cast(R, getattr(self, name)(type_))
        return self.other(type_)

    def other(self, type_: PyType) -> R:
        """What the kinds this visitor does not treat apart give; by default, an error naming the kind."""
        raise TypeError(f"{type(self).__name__} does not handle {type(type_).__name__}")

    def unknown(self, type_: Unknown) -> R:
        return self.other(type_)

    def scalar(self, type_: Scalar) -> R:
        return self.other(type_)

    def literal(self, type_: LiteralType) -> R:
        return self.other(type_)

    def list_of(self, type_: ListOf) -> R:
        return self.other(type_)

    def map_of(self, type_: MapOf) -> R:
        return self.other(type_)

    def ref(self, type_: Ref) -> R:
        return self.other(type_)

    def nullable(self, type_: Nullable) -> R:
        return self.other(type_)

    def union(self, type_: UnionType) -> R:
        return self.other(type_)

    def file(self, type_: FileType) -> R:
        return self.other(type_)

    def runtime(self, type_: RuntimeType) -> R:
        return self.other(type_)

    def object(self, type_: ObjectType) -> R:
        return self.other(type_)


class Walk(TypeVisitor[None]):
    """Visits a type and every type inside it (``children()``), outermost first; a kind's method that does not go
    on into a type's children (a :class:`Ref` whose definition should not be entered, say) overrides it."""

    def other(self, type_: PyType) -> None:
        for child in type_.children():
            self.visit(child)
