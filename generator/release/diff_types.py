"""How two versions of one type differ, for a user of the SDK: the schema walk of the change report.

A change is judged by the direction data flows: a request (what the user sends) or a response (what the user reads).
The walk goes down to the first named type on each path; the named types (the model classes) are compared once each
by :mod:`generator.release.diff`. Inline objects that became classes of their own are compared where they are held.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from generator.pytypes.kinds import ListOf, MapOf, ObjectType, PyType, Ref, UnionType
from generator.pytypes.registry import Registry

Impact = Literal["breaking", "addition", "other"]
Direction = Literal["request", "response"]

_NUMERIC_WIDER = {"integer": {"number"}}
MAX_DEPTH = 32


@dataclass(frozen=True)
class At:
    """Where the walk is: for messages, rule ids and the JSON pointer."""

    group: str
    location: str
    direction: Direction
    kind: Literal["parameter", "property", "body"]
    """oasdiff's word for the node: ``request-parameter-...``, ``request-property-...``, ``response-body-...``."""
    operation: str | None

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
            self._union(old, new, at)
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
            note = "" if at.request else "code that handles every value meets one it does not know"
            impact = _impact(not at.request, "addition")
            self.report(
                f"{at.prefix}-enum-value-added", impact, at, f"enum value {_values(added)} added", ptr, note=note
            )
        if removed:
            note = "calls that send it are refused" if at.request else ""
            impact = _impact(at.request, "other")
            self.report(
                f"{at.prefix}-enum-value-removed", impact, at, f"enum value {_values(removed)} removed", ptr, note=note
            )

    def _union(self, old: PyType, new: PyType, at: At) -> None:
        before, after = _members(old), _members(new)
        added = [m for m in after if m not in before]
        removed = [m for m in before if m not in after]
        one_of = any(isinstance(t, UnionType) and t.one_of for t in (old, new))
        kind = "one-of" if one_of else "any-of"
        if added:
            note = "" if at.request else "code that handles every variant meets one it does not know"
            impact = _impact(not at.request, "addition")
            self.report(f"{at.prefix}-{kind}-added", impact, at, f"variant {', '.join(added)} added", new.at, note=note)
        if removed:
            self.report(
                f"{at.prefix}-{kind}-removed",
                _impact(at.request, "other"),
                at,
                f"variant {', '.join(removed)} removed",
                new.at,
            )

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


def _members(type_: PyType) -> list[str]:
    if isinstance(type_, UnionType):
        return [m.annotation for m in type_.members]
    return [type_.annotation]


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """True when every value of a kind in ``narrow`` is also a value of some kind in ``wide``."""
    return all(t in wide or _NUMERIC_WIDER.get(t, set()) & wide for t in narrow)


def _values(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)
