"""The visitor over the kinds of type (generator/pytypes/visit.py): every kind has its method, dispatch is by kind."""

from __future__ import annotations

import inspect

import pytest

from generator.pytypes import kinds
from generator.pytypes.kinds import ListOf, MapOf, Nullable, PyType, Ref, Scalar, UnionType
from generator.pytypes.visit import KIND_METHODS, TypeVisitor, Walk


def _kinds() -> list[type[PyType]]:
    return [c for _, c in inspect.getmembers(kinds, inspect.isclass) if issubclass(c, PyType) and c is not PyType]


def test_every_kind_has_its_own_method() -> None:
    assert set(_kinds()) == set(KIND_METHODS)
    assert len(set(KIND_METHODS.values())) == len(KIND_METHODS)
    for kind, name in KIND_METHODS.items():
        parameter = list(inspect.signature(getattr(TypeVisitor, name)).parameters.values())[1]
        assert parameter.annotation == kind.__name__, name


class _Named(TypeVisitor[str]):
    def other(self, type_: PyType) -> str:
        return "other"

    def scalar(self, type_: Scalar) -> str:
        return f"scalar {type_.kind}"

    def nullable(self, type_: Nullable) -> str:
        return f"nullable {self.visit(type_.inner)}"


def test_dispatch_is_by_kind_and_unhandled_kinds_fall_back() -> None:
    assert _Named().visit(Scalar("int")) == "scalar int"
    assert _Named().visit(Nullable(Scalar("str"))) == "nullable scalar str"
    assert _Named().visit(ListOf(Scalar("str"))) == "other"
    with pytest.raises(TypeError, match="TypeVisitor does not handle MapOf"):
        TypeVisitor[str]().visit(MapOf(Scalar("str")))


def test_walk_enters_every_type_inside() -> None:
    seen: list[str] = []

    class Refs(Walk):
        def ref(self, type_: Ref) -> None:
            seen.append(type_.name)

    Refs().visit(UnionType((ListOf(Ref("A")), MapOf(Nullable(Ref("B"))), Scalar("str"))))
    assert seen == ["A", "B"]
