"""How two versions of one type differ, for a user of the SDK: the schema walk of the change report.

A change is judged by the direction data flows: a request (what the user sends) or a response (what the user reads).
The walk goes down to the first component schema on each path; those (the model classes with a schema name) are
compared once each by :mod:`generator.release.diff`. Every other class the generator made (for an inline object, a
union member, a long enum) is compared where it is held, by structure, so a field it loses is found.

Union members are matched by structure too (:func:`pair_members`): a member that keeps its kind is the same member,
compared with itself, so an enum member that gains a value is one added value, not a variant removed and another added.

Widening what a response may hold (a new enum value, a new union member) is an addition, as the official SDKs release
it: the models keep values they do not know, and the note says that exhaustive matches may need a new case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from generator.pytypes.kinds import ListOf, LiteralType, MapOf, ObjectType, PyType, Ref, Scalar, UnionType
from generator.pytypes.registry import Registry
from generator.pytypes.visit import TypeVisitor

Impact = Literal["breaking", "addition", "other"]
Direction = Literal["request", "response"]

_NUMERIC_WIDER = {"integer": {"number"}}
MAX_DEPTH = 32
WIDER_RESPONSE = "code that matches every value exhaustively may need a new case"
"""The note of an addition that widens what a response may hold."""
STILL_ACCEPTED = "still accepted: the argument takes any value of its kind"
"""The note of a value a request's enum no longer lists, where the union also takes any value of that kind."""


@dataclass(frozen=True)
class At:
    """Where the walk is: for messages, rule ids and the JSON pointer."""

    group: str
    location: str
    direction: Direction
    kind: Literal["parameter", "property", "body"]
    """oasdiff's word for the node: ``request-parameter-...``, ``request-property-...``, ``response-body-...``."""
    operation: str | None
    open: frozenset[str] = frozenset()
    """The JSON kinds the place also takes as any value (a union with a plain ``str`` member): an enum member of
    those kinds only suggests values, so a request that loses one still accepts it."""

    def below(self, suffix: str) -> At:
        return At(self.group, self.location + suffix, self.direction, "property", self.operation)

    @property
    def prefix(self) -> str:
        return f"{self.direction}-{self.kind}"

    @property
    def request(self) -> bool:
        return self.direction == "request"


Report = Callable[..., None]
"""``report(rule, impact, at, message, pointer, **extra)``"""


class TypeComparison:
    """Compares the old and new type found at one place, reporting each difference."""

    def __init__(self, old: Registry, new: Registry, report: Report) -> None:
        self.old_types = old
        self.new_types = new
        self.report = report

    def compare(self, old: PyType, new: PyType, at: At, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        self._nullability(old, new, at)
        old, new = self._inline(old.non_null(), self.old_types), self._inline(new.non_null(), self.new_types)
        if isinstance(old, Ref) or isinstance(new, Ref):
            if old.annotation != new.annotation:
                self._type_changed(at, old, new)
            return  # the named type itself is compared once, by the change report
        if isinstance(old, UnionType) or isinstance(new, UnionType):
            self._union(old, new, at, depth)
        elif self._enums(old, new, at):
            return
        elif old.kinds and new.kinds and old.kinds != new.kinds:
            self._kind_changed(old, new, at)
        else:
            self._structure(old, new, at, depth)

    @staticmethod
    def _inline(type_: PyType, types: Registry) -> PyType:
        """An inline object that became a class is compared as the object it is, not by its class name."""
        if isinstance(type_, Ref) and type_.name in types.named and types.named[type_.name].schema_name is None:
            return types.named[type_.name].definition
        return type_

    def _structure(self, old: PyType, new: PyType, at: At, depth: int) -> None:
        if isinstance(old, ObjectType) and isinstance(new, ObjectType):
            self.properties(old, new, at, depth)
            if old.additional is not None and new.additional is not None:
                self.compare(old.additional, new.additional, at.below("[*]"), depth + 1)
        elif isinstance(old, ListOf) and isinstance(new, ListOf):
            self.compare(old.item, new.item, at.below("[]"), depth + 1)
        elif isinstance(old, MapOf) and isinstance(new, MapOf):
            self.compare(old.value, new.value, at.below("[*]"), depth + 1)

    def _type_changed(self, at: At, old: PyType, new: PyType) -> None:
        message = f"type changed from {old.annotation} to {new.annotation}"
        self.report(f"{at.prefix}-type-changed", "breaking", at, message, new.at)

    def _kind_changed(self, old: PyType, new: PyType, at: At) -> None:
        wider = _covers(new.kinds, old.kinds) if at.request else _covers(old.kinds, new.kinds)
        impact: Impact = "addition" if wider and at.request else "other" if wider else "breaking"
        message = f"type changed from {old.annotation} to {new.annotation}"
        self.report(f"{at.prefix}-type-changed", impact, at, message, new.at)

    def _nullability(self, old: PyType, new: PyType, at: At) -> None:
        if old.nullable == new.nullable:
            return
        if new.nullable:
            breaking = not at.request
            note = "the value can now be None" if breaking else ""
            self.report(
                f"{at.prefix}-became-nullable", _impact(breaking, "addition"), at, "became nullable", new.at, note=note
            )
        else:
            breaking = at.request
            note = "None is no longer accepted" if breaking else ""
            self.report(
                f"{at.prefix}-became-not-nullable",
                _impact(breaking, "other"),
                at,
                "no longer nullable",
                new.at,
                note=note,
            )

    def _enums(self, old: PyType, new: PyType, at: At) -> bool:
        """Report enum changes; True when the type is an enum on either side (nothing more to compare)."""
        before, after = old.enum_values(), new.enum_values()
        if before is None and after is None:
            return False
        if before is None and after is not None:
            self.report(
                f"{at.prefix}-became-enum",
                _impact(at.request, "other"),
                at,
                f"restricted to the values {_values(after)}",
                new.at,
            )
        elif before is not None and after is None:
            note = "" if at.request else "code typed against the old Literal no longer type-checks"
            impact = _impact(not at.request, "addition")
            self.report(
                f"{at.prefix}-enum-removed", impact, at, f"no longer restricted to {_values(before)}", new.at, note=note
            )
        elif before is not None and after is not None:
            self._enum_values(before, after, new.at, at)
        return True

    def _enum_values(self, before: list[Any], after: list[Any], ptr: str, at: At) -> None:
        added = [v for v in after if v not in before]
        removed = [v for v in before if v not in after]
        if added:
            note = "" if at.request else WIDER_RESPONSE
            self.report(
                f"{at.prefix}-enum-value-added", "addition", at, f"enum value {_values(added)} added", ptr, note=note
            )
        if removed:
            still = _still_accepted(removed, at)
            note = STILL_ACCEPTED if still else "calls that send it are refused" if at.request else ""
            impact = _impact(at.request and not still, "other")
            self.report(
                f"{at.prefix}-enum-value-removed", impact, at, f"enum value {_values(removed)} removed", ptr, note=note
            )

    def _union(self, old: PyType, new: PyType, at: At, depth: int) -> None:
        """Members paired by structure are compared with each other; the rest were added or removed."""
        before = [self._inline(m.non_null(), self.old_types) for m in _members(old)]
        after = [self._inline(m.non_null(), self.new_types) for m in _members(new)]
        pairs, removed, added = pair_members(before, after)
        inside = replace(at, open=frozenset(k for m in after if isinstance(m, Scalar) for k in m.kinds))
        for was, now in pairs:
            self.compare(was, now, inside, depth + 1)
        one_of = any(isinstance(t, UnionType) and t.one_of for t in (old, new))
        kind = "one-of" if one_of else "any-of"
        if added:
            names = ", ".join(m.annotation for m in added)
            note = "" if at.request else WIDER_RESPONSE
            self.report(f"{at.prefix}-{kind}-added", "addition", at, f"variant {names} added", new.at, note=note)
        if removed:
            still = all(_still_accepted(m.enum_values() or [None], inside) for m in removed)
            note = STILL_ACCEPTED if still else ""
            impact = _impact(at.request and not still, "other")
            names = ", ".join(m.annotation for m in removed)
            self.report(f"{at.prefix}-{kind}-removed", impact, at, f"variant {names} removed", new.at, note=note)

    def properties(self, old: ObjectType, new: ObjectType, at: At, depth: int) -> None:
        before = {p.wire: p for p in old.properties}
        after = {p.wire: p for p in new.properties}
        for name, prop in before.items():
            if name not in after:
                self._removed(prop.required, at.below(f".{name}"), prop.at)
        for name, prop in after.items():
            here = at.below(f".{name}")
            if name not in before:
                self._added(prop.required, here, prop.at)
                continue
            if before[name].required != prop.required:
                self._requiredness(prop.required, here, prop.at)
            self.compare(before[name].type, prop.type, here, depth + 1)

    def _removed(self, required: bool, at: At, ptr: str) -> None:
        if at.request:
            rule, note = "request-property-removed", "code that sets it fails validation"
        else:
            rule = "response-required-property-removed" if required else "response-optional-property-removed"
            note = "code that reads the attribute fails"
        self.report(rule, "breaking", at, "field removed", ptr, document="old", note=note)

    def _added(self, required: bool, at: At, ptr: str) -> None:
        if at.request:
            rule = "new-required-request-property" if required else "new-optional-request-property"
            message = f"new {'required' if required else 'optional'} field"
            self.report(rule, _impact(required, "addition"), at, message, ptr)
        else:
            rule = "response-required-property-added" if required else "response-optional-property-added"
            self.report(rule, "addition", at, "new field", ptr)

    def _requiredness(self, now_required: bool, at: At, ptr: str) -> None:
        side = at.direction
        if now_required:
            self.report(
                f"{side}-property-became-required", _impact(at.request, "other"), at, "field became required", ptr
            )
        else:
            note = "" if at.request else "the attribute's type now includes None"
            impact = _impact(not at.request, "addition")
            self.report(f"{side}-property-became-optional", impact, at, "field became optional", ptr, note=note)


def _impact(breaking: bool, otherwise: Impact) -> Impact:
    return "breaking" if breaking else otherwise


def _members(type_: PyType) -> list[PyType]:
    if isinstance(type_, UnionType):
        return list(type_.members)
    return [type_]


class _Shape(TypeVisitor[tuple[str, ...]]):
    """What a union member is, whatever it holds: a component's class by its name, an enum by the kinds of its
    values, anything else by its kind (an inline class, a list, a map). The same shape on both sides is one member."""

    def ref(self, type_: Ref) -> tuple[str, ...]:
        return ("class", type_.name)

    def literal(self, type_: LiteralType) -> tuple[str, ...]:
        return ("enum", *sorted(type_.kinds))

    def scalar(self, type_: Scalar) -> tuple[str, ...]:
        return ("scalar", type_.kind)

    def other(self, type_: PyType) -> tuple[str, ...]:
        return (type(type_).__name__,)


def shape(type_: PyType) -> tuple[str, ...]:
    """:class:`_Shape` of ``type_``."""
    return _Shape().visit(type_)


def pair_members(
    before: list[PyType], after: list[PyType]
) -> tuple[list[tuple[PyType, PyType]], list[PyType], list[PyType]]:
    """Old and new union members as ``(pairs, removed, added)``: the same annotation pairs first, then the same
    :func:`shape`, each member once, in the order they are listed."""
    left, right = list(before), list(after)
    pairs: list[tuple[PyType, PyType]] = []
    for key in (lambda t: ("annotation", t.annotation), shape):
        waiting: dict[tuple[str, ...], list[int]] = {}
        for index, member in enumerate(right):
            waiting.setdefault(key(member), []).append(index)
        unpaired: list[PyType] = []
        taken: set[int] = set()
        for was in left:
            matches = waiting.get(key(was))
            if matches:
                taken.add(matches[0])
                pairs.append((was, right[matches.pop(0)]))
            else:
                unpaired.append(was)
        left, right = unpaired, [m for index, m in enumerate(right) if index not in taken]
    return pairs, left, right


def _still_accepted(values: list[Any], at: At) -> bool:
    """Whether a request still takes ``values`` (enum values it no longer lists): their kinds are all open there."""
    return at.request and LiteralType(tuple(values)).kinds <= at.open


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """True when every value of a kind in ``narrow`` is also a value of some kind in ``wide``."""
    return all(t in wide or _NUMERIC_WIDER.get(t, set()) & wide for t in narrow)


def _values(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)
