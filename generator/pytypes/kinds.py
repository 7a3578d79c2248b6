"""The Python type of a schema, as objects: one class per kind of schema.

Each class knows its annotation (``list[Pet] | None``), the model classes and ``typing`` names it needs, a made-up
example value, how to write a value of it as Python source, and the facts the change report compares (its base kinds
and the values it allows). Method signatures, models, examples, docs and the change report all read these objects,
built once per schema by :mod:`generator.pytypes.mapper`.

Named types (component schemas, and inline objects that become classes) are reached through :class:`Ref`; their
definitions live in a registry (:class:`Definitions` is what these classes ask of it), so recursive schemas are
finite.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Protocol, cast

from generator.inputs.vocabulary import NO_EXAMPLE


class Definitions(Protocol):
    """What a type asks of the registry of named types (:class:`generator.pytypes.registry.Registry`)."""

    def definition(self, name: str) -> PyType: ...

    def object(self, name: str) -> ObjectType: ...


MAX_DEPTH = 6
"""Made-up values stop nesting here (recursive schemas); lists deeper than this are empty."""

FORMAT_VALUES = {
    "date": "2024-01-01",
    "date-time": "2024-01-01T00:00:00Z",
    "time": "12:00:00",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
}


@dataclass(frozen=True)
class PyType:
    """A schema's Python type. ``at`` is the schema's JSON pointer; ``example`` the value the schema itself gives."""

    at: str = field(default="", compare=False, kw_only=True)
    example: Any = field(default=NO_EXAMPLE, compare=False, kw_only=True)

    @property
    def kinds(self) -> frozenset[str]:
        """The JSON kinds a value may have (``string``, ``integer``, ``object``...), for telling type changes apart."""
        return frozenset()

    @property
    def annotation(self) -> str:
        raise NotImplementedError

    @property
    def source(self) -> str:
        """The annotation (the name templates use)."""
        return self.annotation

    @property
    def refs(self) -> frozenset[str]:
        """The named classes the annotation mentions."""
        return frozenset()

    @property
    def nullable(self) -> bool:
        return False

    def children(self) -> tuple[PyType, ...]:
        """The types directly inside this one (items, values, members, fields)."""
        return ()

    def non_null(self) -> PyType:
        return self

    def enum_values(self) -> list[Any] | None:
        """The values an enum-like type allows, or ``None`` when it is not one."""
        return None

    def made_up(self, types: Definitions, depth: int) -> Any:
        """A value of this type, for examples: the schema's own example, else one made up from the type."""
        return self.example if self.example is not NO_EXAMPLE else self._made_up(types, depth)

    def _made_up(self, types: Definitions, depth: int) -> Any:
        return "string"

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        """``value`` as Python source of this type (model classes it names are added to ``named``); ``None`` when
        the value does not fit the type."""
        return repr(value) if is_json(value) else None


@dataclass(frozen=True)
class Unknown(PyType):
    """Any JSON value."""

    @property
    def annotation(self) -> str:
        return "object"


@dataclass(frozen=True)
class Scalar(PyType):
    """``str``, ``int``, ``float`` or ``bool``; ``format`` is the schema's (``date-time``, ``uuid``...)."""

    kind: str
    format: str = ""
    binary: bool = field(default=False, compare=False)
    """A string of raw bytes: a file, where a multipart body holds it."""

    _KINDS: ClassVar[dict[str, str]] = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset({self._KINDS[self.kind]})

    @property
    def annotation(self) -> str:
        return self.kind

    def _made_up(self, types: Definitions, depth: int) -> Any:
        if self.kind == "str":
            return FORMAT_VALUES.get(self.format, "string")
        return {"int": 1, "float": 1, "bool": True}[self.kind]

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        if isinstance(value, bool):
            return repr(value) if self.kind == "bool" else None
        fits = {"str": str, "int": int, "float": int | float}.get(self.kind, bool)
        return repr(value) if isinstance(value, fits) else None


@dataclass(frozen=True)
class LiteralType(PyType):
    """An ``enum`` or ``const``: ``Literal['a', 'b']``; values are written with ``repr``, so any text is inert."""

    values: tuple[Any, ...]

    @property
    def kinds(self) -> frozenset[str]:
        names = {str: "string", int: "integer", bool: "boolean", float: "number"}
        return frozenset(names.get(type(v), "other") for v in self.values)

    @property
    def annotation(self) -> str:
        return f"Literal[{', '.join(repr(v) for v in self.values)}]"

    def enum_values(self) -> list[Any] | None:
        return list(self.values)

    def _made_up(self, types: Definitions, depth: int) -> Any:
        return self.values[0]

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        return repr(value) if any(type(v) is type(value) and v == value for v in self.values) else None


@dataclass(frozen=True)
class ListOf(PyType):
    item: PyType

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset({"array"})

    def children(self) -> tuple[PyType, ...]:
        return (self.item,)

    @property
    def annotation(self) -> str:
        return f"list[{self.item.annotation}]"

    @property
    def refs(self) -> frozenset[str]:
        return self.item.refs

    def _made_up(self, types: Definitions, depth: int) -> Any:
        return [] if depth >= MAX_DEPTH else [self.item.made_up(types, depth + 1)]

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        if not isinstance(value, list):
            return None
        items = [self.item.python(v, types, named) for v in cast(list[Any], value)]
        return None if None in items else "[" + ", ".join(cast(list[str], items)) + "]"


@dataclass(frozen=True)
class MapOf(PyType):
    """An object with arbitrary keys (``additionalProperties``)."""

    value: PyType

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset({"object"})

    def children(self) -> tuple[PyType, ...]:
        return (self.value,)

    @property
    def annotation(self) -> str:
        return f"dict[str, {self.value.annotation}]"

    @property
    def refs(self) -> frozenset[str]:
        return self.value.refs

    def _made_up(self, types: Definitions, depth: int) -> Any:
        return {}

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        if not isinstance(value, dict):
            return None
        entries: list[str] = []
        for key, item in cast(dict[Any, Any], value).items():
            source = self.value.python(item, types, named)
            if not isinstance(key, str) or source is None:
                return None
            entries.append(f"{key!r}: {source}")
        return "{" + ", ".join(entries) + "}"


@dataclass(frozen=True)
class Ref(PyType):
    """A named type: a model class, or a type alias, defined in the registry."""

    name: str

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset({"object"})

    @property
    def annotation(self) -> str:
        return self.name

    @property
    def refs(self) -> frozenset[str]:
        return frozenset({self.name})

    def made_up(self, types: Definitions, depth: int) -> Any:
        if self.example is not NO_EXAMPLE:
            return self.example
        return {} if depth >= MAX_DEPTH else types.definition(self.name).made_up(types, depth + 1)

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        definition = types.definition(self.name)
        if not isinstance(definition, ObjectType):
            return definition.python(value, types, named)
        if not isinstance(value, dict) or not definition.accepts(cast(dict[str, Any], value)):
            return None
        named.add(self.name)
        return f"{self.name}.model_validate({value!r})"


@dataclass(frozen=True)
class Nullable(PyType):
    """``T | None``."""

    inner: PyType

    @property
    def kinds(self) -> frozenset[str]:
        return self.inner.kinds

    def children(self) -> tuple[PyType, ...]:
        return (self.inner,)

    @property
    def annotation(self) -> str:
        inner = self.inner.annotation
        return inner if inner == "object" else f"{inner} | None"

    @property
    def refs(self) -> frozenset[str]:
        return self.inner.refs

    @property
    def nullable(self) -> bool:
        return True

    def non_null(self) -> PyType:
        return self.inner

    def enum_values(self) -> list[Any] | None:
        return self.inner.enum_values()

    def _made_up(self, types: Definitions, depth: int) -> Any:
        return self.inner.made_up(types, depth)

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        return "None" if value is None else self.inner.python(value, types, named)


@dataclass(frozen=True)
class Discriminator:
    """A union's tag field and, per tag value, the member (a named type) it selects."""

    property: str
    mapping: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class UnionType(PyType):
    """``A | B``: ``oneOf``/``anyOf`` members, or the types of a 3.1 type array."""

    members: tuple[PyType, ...]
    one_of: bool = True
    discriminator: Discriminator | None = None

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(k for m in self.members for k in m.kinds)

    def children(self) -> tuple[PyType, ...]:
        return self.members

    @property
    def annotation(self) -> str:
        parts = list(dict.fromkeys(piece for member in self.members for piece in _union_pieces(member)))
        if "object" in parts:
            return "object"
        return " | ".join([p for p in parts if p != "None"] + (["None"] if "None" in parts else []))

    @property
    def refs(self) -> frozenset[str]:
        return frozenset(r for m in self.members for r in m.refs)

    def _made_up(self, types: Definitions, depth: int) -> Any:
        return self.members[0].made_up(types, depth + 1)

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        if self.annotation == "object":
            return super().python(value, types, named)
        for member in self.members:
            found = member.python(value, types, named)
            if found is not None:
                return found
        return None


@dataclass(frozen=True)
class FileType(PyType):
    """A file to upload: ``FileTypes`` for a multipart part, ``FileContent`` for a whole raw body."""

    whole_body: bool = False

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset({"string"})

    @property
    def annotation(self) -> str:
        return "FileContent" if self.whole_body else "FileTypes"

    def _made_up(self, types: Definitions, depth: int) -> Any:
        return b"example content"

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        return repr(value) if isinstance(value, bytes) else None


@dataclass(frozen=True)
class RuntimeType(PyType):
    """A class of the generated runtime that no schema describes, such as ``BinaryResponse`` for a file download."""

    name: str

    @property
    def annotation(self) -> str:
        return self.name


NO_DEFAULT: Any = NO_EXAMPLE
"""A :class:`Property` without a ``default``."""


@dataclass(frozen=True)
class Property:
    """One field of an object: its name on the wire, type and whether it must be present."""

    wire: str
    type: PyType
    required: bool
    description: str = ""
    default: Any = field(default=NO_DEFAULT, compare=False)
    at: str = field(default="", compare=False)


@dataclass(frozen=True)
class ObjectType(PyType):
    """An object with declared fields: a model class when named, ``dict[str, ...]`` otherwise.

    ``properties`` is the whole object, ``allOf`` parts merged (see :mod:`generator.pytypes.mapper`); ``bases`` are the named
    parts a model class extends, when their fields do not overlap.
    """

    properties: tuple[Property, ...] = ()
    additional: PyType | None = None
    bases: tuple[str, ...] = ()
    name: str | None = None

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset({"object"})

    def children(self) -> tuple[PyType, ...]:
        return tuple(p.type for p in self.properties) + ((self.additional,) if self.additional else ())

    @property
    def annotation(self) -> str:
        if self.name:
            return self.name
        return f"dict[str, {self.additional.annotation}]" if self.additional else "dict[str, object]"

    @property
    def refs(self) -> frozenset[str]:
        if self.name:
            return frozenset({self.name})
        return self.additional.refs if self.additional else frozenset()

    def field(self, wire: str) -> Property | None:
        return next((p for p in self.properties if p.wire == wire), None)

    def own_properties(self, types: Definitions) -> tuple[Property, ...]:
        """The fields a model class declares itself: those its bases do not."""
        inherited = {p.wire for base in self.bases for p in types.object(base).properties}
        return tuple(p for p in self.properties if p.wire not in inherited)

    def accepts(self, value: Mapping[str, Any]) -> bool:
        """Whether ``value`` can be this object: every constant field it has (a discriminator) agrees."""
        for prop in self.properties:
            values = prop.type.non_null().enum_values()
            if values is not None and len(values) == 1 and prop.wire in value and value[prop.wire] != values[0]:
                return False
        return True

    def _made_up(self, types: Definitions, depth: int) -> Any:
        if depth >= MAX_DEPTH:
            return {}
        return {p.wire: p.type.made_up(types, depth + 1) for p in self.properties if p.required}

    def python(self, value: Any, types: Definitions, named: set[str]) -> str | None:
        if self.name:
            return Ref(self.name).python(value, types, named)
        return MapOf(self.additional or Unknown()).python(value, types, named)


def renamed(type_: PyType, names: Mapping[str, str]) -> PyType:
    """``type_`` with each named type in ``names`` spelled by its name there (the name a module imports it under)."""
    if not type_.refs & names.keys():
        return type_
    if isinstance(type_, Ref | ObjectType) and type_.name in names:
        return replace(type_, name=names[type_.name])
    if isinstance(type_, ListOf):
        return replace(type_, item=renamed(type_.item, names))
    if isinstance(type_, MapOf):
        return replace(type_, value=renamed(type_.value, names))
    if isinstance(type_, Nullable):
        return replace(type_, inner=renamed(type_.inner, names))
    if isinstance(type_, UnionType):
        return replace(type_, members=tuple(renamed(m, names) for m in type_.members))
    if isinstance(type_, ObjectType) and type_.additional is not None:
        return replace(type_, additional=renamed(type_.additional, names))
    return type_


def _union_pieces(type_: PyType) -> list[str]:
    """The alternatives a type spells in a union, flattened by structure: a nested union gives its members' pieces, a
    nullable type its inner pieces and ``None`` (never by splitting annotations, whose literals may hold a ``|``)."""
    if isinstance(type_, UnionType):
        return [piece for member in type_.members for piece in _union_pieces(member)]
    if isinstance(type_, Nullable) and type_.inner.annotation != "object":
        return [*_union_pieces(type_.inner), "None"]
    return [type_.annotation]


def is_json(value: Any) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list):
        return all(is_json(v) for v in cast(list[Any], value))
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_json(v) for k, v in cast(dict[Any, Any], value).items())
    return False
