"""The named types of an API: model classes and type aliases, by class name, and what reaches what."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.pytypes.kinds import ObjectType, PyType, Ref, Unknown


@dataclass(frozen=True)
class NamedType:
    """A type with a name of its own: a model class (an object) or a type alias (anything else)."""

    name: str
    module: str
    """Module name inside the ``types`` package, e.g. ``pet_order``."""
    definition: PyType
    schema_name: str | None = None
    """The component schema it comes from; ``None`` for an inline schema that needed a class."""
    description: str = ""
    package: tuple[str, ...] = ()
    """The folder of ``types`` its module is in (``("beta", "threads")``); ``()`` for ``types`` itself (the config's
    ``type_packages``, :mod:`generator.api.type_packages`)."""
    public: str = ""
    """The class name users import, where it is not ``name``: two packages may each have a class of one name, while
    ``name`` (what the rest of the SDK spells, importing it ``as`` that) stays unique."""

    @property
    def class_name(self) -> str:
        return self.public or self.name

    @property
    def location(self) -> tuple[str, ...]:
        """Its module inside the package: ``("types", "beta", "threads", "message")``."""
        return ("types", *self.package, self.module)

    @property
    def dotted(self) -> str:
        """Its module inside the ``types`` package, dotted: ``beta.threads.message``."""
        return ".".join((*self.package, self.module))


class Registry:
    """Every named type of an API, by class name."""

    def __init__(self) -> None:
        self.named: dict[str, NamedType] = {}

    def add(self, named: NamedType) -> None:
        self.named[named.name] = named

    def definition(self, name: str) -> PyType:
        found = self.named.get(name)
        return found.definition if found is not None else Unknown()

    def object(self, name: str) -> ObjectType:
        definition = self.definition(name)
        return definition if isinstance(definition, ObjectType) else ObjectType()

    def resolve(self, type_: PyType) -> PyType:
        """A reference's definition (through aliases to other names), anything else as it is."""
        seen: set[str] = set()
        while isinstance(type_, Ref) and type_.name not in seen:
            seen.add(type_.name)
            type_ = self.definition(type_.name)
        return type_

    @property
    def packaged(self) -> bool:
        """Whether a type is in a package of ``types`` or public under another name (``type_packages``)."""
        return any(named.package or named.public for named in self.named.values())

    def imports(self, names: Iterable[str], package: str) -> list[str]:
        """The statements that import the named types ``names`` from their packages' indexes under their names
        (``from pkg.types.beta import Message as MessageObject`` where a class is public under another name), one per
        package, ``pkg.types`` first."""
        by_package: dict[tuple[str, ...], list[str]] = {}
        for name in sorted(set(names)):
            found = self.named.get(name)
            clause = name if found is None or found.class_name == name else f"{found.class_name} as {name}"
            by_package.setdefault(found.package if found is not None else (), []).append(clause)
        return [
            f"from {'.'.join((package, 'types', *folder))} import {', '.join(clauses)}"
            for folder, clauses in sorted(by_package.items())
        ]

    def __iter__(self) -> Iterator[NamedType]:
        return iter(self.named.values())

    def closure(self, roots: Iterable[PyType]) -> set[str]:
        """The named types ``roots`` reach, through fields, items, unions and bases."""
        seen: set[str] = set()
        todo = [name for root in roots for name in mentioned(root)]
        while todo:
            name = todo.pop()
            if name in seen or name not in self.named:
                continue
            seen.add(name)
            definition = self.named[name].definition
            todo.extend(mentioned(definition))
            if isinstance(definition, ObjectType):
                todo.extend(definition.bases)
        return seen


def mentioned(type_: PyType) -> set[str]:
    """The named types a type mentions anywhere inside it (fields of inline objects included)."""
    found = set(type_.refs)
    for child in type_.children():
        found |= mentioned(child)
    return found
