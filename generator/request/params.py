"""The request side: how users write arguments, as TypedDicts, in the params modules of the ``types`` package.

Every rule about request types lives here, read from the same type objects as the models (:mod:`generator.pytypes.kinds`):

- A method with keyword arguments gets a params module beside the models, named after its resource and method
  (``client.store.orders.create`` -> ``types/store/order_create_params.py``), holding ``OrderCreateParams`` (every
  keyword argument, so ``create(**params)`` type-checks) and a TypedDict for each object inside the arguments, named
  by its path from the argument: ``Shipping`` for ``shipping``, ``Line`` for an item of ``lines``, ``LineProduct``
  for its field ``product``. A union member that is a named schema keeps the schema's name; an inline member is
  named by its tag value (``SourceFile``) or its position (``SourceVariant2``).
- A named schema used from one place of all requests is written there, like an inline one. One used from several
  places (or recursively) gets one twin beside its model, ``types/<model module>_param.py`` with ``<Model>Param``
  (its inner objects ``<Model><Field>Param``), imported where it is used.
- Lists are ``Iterable[...]`` (``list[...]`` for strings and files, and for query, header and cookie arguments, which
  are sent as they are); maps are ``dict[str, ...]``; enums are ``Literal``; unions are unions; a field is
  ``Required[...]`` when the schema requires it (every TypedDict is ``total=False``).
- Wherever a TypedDict is expected, ``UncheckedDict`` is accepted too: a ``dict[str, Any]``, such as a model's
  ``model_dump()``, which a type checker cannot check against the TypedDict; a dict literal is still checked.

The annotations are built as :class:`Ann` values and spelled per module by :mod:`generator.request.param_modules`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

from generator.api.ir import Api, Operation, Param, Resource
from generator.core.naming import Namespace, class_name, pascal_case, singular, snake_case, words
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
from generator.pytypes.registry import Registry, mentioned

MAX_DEPTH = 64
"""Example values nested deeper than this are not written as they are."""

Location = tuple[str, ...]
"""A module, as its dotted path from the package root: ``("types", "store", "order_create_params")``."""

RUNTIME_TYPES: Location = ("_types",)
UNCHECKED: Location = ("types", "_unchecked")
UNCHECKED_NAME = "UncheckedDict"
IMPORTED = frozenset(
    {"Literal", "Required", "TypedDict", "TypeAlias", "TYPE_CHECKING", "Iterable", "FileTypes", "FileContent"}
)
"""Names a params module may import: no class may take them."""


@dataclass(frozen=True)
class Name:
    """A name defined in a module of the package: a TypedDict, a type alias, or a runtime type."""

    module: Location
    name: str


@dataclass(frozen=True)
class Subscripted:
    """``outer[args]``: ``Iterable[...]``, ``list[...]`` or ``dict[str, ...]``."""

    outer: str
    args: tuple[Ann, ...]


Piece = str | Name | Subscripted


@dataclass(frozen=True)
class Ann:
    """An annotation: the members of a union (one piece for a plain type), ``None`` last."""

    pieces: tuple[Piece, ...]
    dicts: bool = False
    """A member is a TypedDict (or an alias of them): where it is used, ``UncheckedDict`` is accepted too."""
    literal: bool = False


OBJECT = Ann(("object",))
NONE = Ann(("None",))
STR = Ann(("str",))


def union(anns: list[Ann]) -> Ann:
    """The union of ``anns``: members once each, ``None`` last; any value when a member is any value."""
    pieces: list[Piece] = []
    for ann in anns:
        pieces.extend(p for p in ann.pieces if p not in pieces)
    if "object" in pieces:
        return OBJECT
    ordered = tuple(p for p in pieces if p != "None") + (("None",) if "None" in pieces else ())
    return Ann(ordered, any(a.dicts for a in anns), any(a.literal for a in anns))


@dataclass(frozen=True)
class Key:
    """One key of a TypedDict: the name on the wire (the argument name in a method's own params class)."""

    wire: str
    annotation: Ann
    required: bool
    description: str = ""


@dataclass
class Definition:
    """A TypedDict (``keys``) or, for anything else, a type alias (``alias``)."""

    name: str
    description: str = ""
    keys: list[Key] = field(default_factory=list[Key])
    alias: Ann | None = None


@dataclass
class ParamsModule:
    """One module of TypedDicts: a method's params, or the twin of a shared model."""

    location: Location
    suffix: str
    """Appended to every class name: ``Param`` in a twin module, nothing in a method's module."""
    names: Namespace
    description: str
    definitions: list[Definition] = field(default_factory=list[Definition])
    main: str | None = None
    """The class a subpackage's index exports: the method's params class, or the twin."""


class RequestTypes:
    """Every params module of one API, and the annotation of every argument of every method."""

    def __init__(self, api: Api) -> None:
        self._types = api.types
        self._objects = _with_objects(api.types)
        self.modules: list[ParamsModule] = []
        self.method_modules: dict[str, ParamsModule] = {}
        """By operation pointer."""
        self._arguments: dict[tuple[str, str], Ann] = {}
        self._twins: dict[str, Ann] = {}
        self._inlining: set[str] = set()
        self.unchecked = False
        """Whether any annotation accepts ``UncheckedDict`` (the package then holds its module)."""
        twins = self._shared(api)
        self._files: dict[Location, Namespace] = {(): Namespace({m.module for m in api.models} | {"__init__"})}
        self._files[()].claim(UNCHECKED[-1])
        self._dirs: dict[tuple[str, ...], Location] = {(): ()}
        taken = {m.name for m in api.models} | {r.class_name for r in api.walk()} | IMPORTED | {UNCHECKED_NAME}
        self._exported: dict[Location, Namespace] = {(): Namespace(taken)}
        names = {n: self._exported[()].claim(f"{class_name(n)}Param") for n in twins}
        self._reserved = IMPORTED | {UNCHECKED_NAME} | set(names.values())
        modules = {n: self._files[()].claim(f"{self._types.named[n].module}_param") for n in twins}
        for n in twins:
            self._twins[n] = Ann((Name(("types", modules[n]), names[n]),), dicts=True)
        for n in twins:
            self._twin(n, names[n], ("types", modules[n]))
        for resource in api.walk():
            for op in resource.operations:
                self._method(resource, op)

    # -- what is shared ----------------------------------------------------------------------------------------
    def _shared(self, api: Api) -> list[str]:
        """Named types with objects inside that requests use from more than one place (or from themselves)."""
        uses: Counter[str] = Counter()
        walked: set[str] = set()

        def walk(type_: PyType) -> None:
            if isinstance(type_, Ref):
                if type_.name in self._objects:
                    uses[type_.name] += 1
                    if type_.name not in walked:
                        walked.add(type_.name)
                        walk(self._types.definition(type_.name))
                return
            for child in type_.children():
                walk(child)

        for op in api.operations:
            for param in op.params:
                walk(param.type)
        return [n.name for n in self._types if uses[n.name] > 1]

    # -- modules -----------------------------------------------------------------------------------------------
    def _twin(self, name: str, twin: str, location: Location) -> None:
        named = self._types.named[name]
        module = ParamsModule(location, "Param", self._namespace(twin), f"The request-side twin of ``{name}``.")
        module.main = twin
        self.modules.append(module)
        definition = named.definition
        if isinstance(definition, ObjectType) and definition.properties:
            self._typed_dict(definition, name, module, named.description, fixed=twin)
            return
        inner = definition.non_null()
        if isinstance(inner, UnionType):
            alias = union([self._union(inner, name, module, named=False), *([NONE] * definition.nullable)])
        else:
            alias = self._convert(definition, name, module)
        module.definitions.append(Definition(twin, named.description, alias=alias))

    def _method(self, resource: Resource, op: Operation) -> None:
        if not op.keyword_params:
            for param in op.positional_params:
                self._arguments[(op.pointer, param.name)] = self._argument(param, None)
            return
        noun = singular(resource.path[-1])
        folder = self._folder(resource.path[:-1])
        file = self._files[folder].claim(snake_case(f"{noun} {op.method_name} params"))
        main = self._exported[folder].claim(pascal_case(f"{noun} {op.method_name} params"))
        dotted = ".".join((*resource.path, op.method_name))
        module = ParamsModule(
            ("types", *folder, file), "", self._namespace(main), f"The arguments of ``client.{dotted}()``."
        )
        module.main = main
        self.modules.append(module)
        self.method_modules[op.pointer] = module
        params = Definition(main, f"The keyword arguments of ``client.{dotted}()``.")
        module.definitions.append(params)
        for param in op.positional_params:
            self._arguments[(op.pointer, param.name)] = self._argument(param, module)
        for param in op.keyword_params:
            ann = self._argument(param, module)
            self._arguments[(op.pointer, param.name)] = ann
            params.keys.append(Key(param.name, ann, param.required, param.description))

    def _folder(self, path: tuple[str, ...]) -> Location:
        """The folder of ``types`` for a resource path's params modules, each name claimed in its parent."""
        if path not in self._dirs:
            parent = self._folder(path[:-1])
            name = self._files[parent].claim(path[-1])
            self._dirs[path] = (*parent, name)
            self._files[(*parent, name)] = Namespace({"__init__"})
            self._exported[(*parent, name)] = Namespace(self._reserved)
        return self._dirs[path]

    def _namespace(self, main: str) -> Namespace:
        names = Namespace(self._reserved - {main})
        names.claim(main)
        return names

    def _argument(self, param: Param, module: ParamsModule | None) -> Ann:
        """A path argument (a URL segment) is never an object; the others are written in the method's module."""
        hint = pascal_case(param.name) or "Argument"
        whole = param.type.non_null()
        if param.location == "body" and not param.wire_name and isinstance(whole, Ref):
            hint = whole.name  # a whole body is named after its schema
        if module is None or param.location == "path":
            scratch = ParamsModule((), "", Namespace(), "")
            ann = self._convert(param.type, hint, scratch, iterable=False)
            return OBJECT if scratch.definitions else ann
        return self._used(self._convert(param.type, hint, module, iterable=param.location == "body"))

    # -- types -------------------------------------------------------------------------------------------------
    def annotation(self, op: Operation, param: Param) -> Ann:
        return self._arguments[(op.pointer, param.name)]

    def _convert(self, type_: PyType, hint: str, into: ParamsModule, *, iterable: bool = True) -> Ann:
        """The request-side annotation of ``type_``; objects become TypedDicts of ``into`` named from ``hint``."""
        if isinstance(type_, Nullable):
            return union([self._convert(type_.inner, hint, into, iterable=iterable), NONE])
        if isinstance(type_, ListOf):
            return self._list(type_, hint, into, iterable)
        if isinstance(type_, MapOf):
            return Ann((Subscripted("dict", (STR, self._used(self._convert(type_.value, f"{hint}Value", into)))),))
        if isinstance(type_, UnionType):
            return self._union(type_, hint, into, named=True)
        if isinstance(type_, ObjectType):
            return self._object(type_, hint, into)
        if isinstance(type_, Ref):
            return self._ref(type_, hint, into, iterable)
        if isinstance(type_, FileType):
            return Ann((Name(RUNTIME_TYPES, type_.annotation),))
        return Ann((type_.annotation,), literal=isinstance(type_, LiteralType))

    def _union(self, type_: UnionType, hint: str, into: ParamsModule, *, named: bool, description: str = "") -> Ann:
        """The members' union; when TypedDicts are among them, a type alias of it named ``hint`` (unless not
        ``named``: the alias is the caller's)."""
        hints = [_member_hint(m, hint, i, self._types) for i, m in enumerate(type_.members)]
        found = union([self._convert(m, h, into) for m, h in zip(type_.members, hints, strict=True)])
        if not named or not found.dicts or len(found.pieces) < 2:
            return found
        name = into.names.claim(f"{class_name(hint)}{into.suffix}")
        into.definitions.append(Definition(name, description, alias=found))
        return Ann((Name(into.location, name),), dicts=True)

    def _list(self, type_: ListOf, hint: str, into: ParamsModule, iterable: bool) -> Ann:
        item = self._used(self._convert(type_.item, _singular_hint(hint), into))
        plain = not iterable or self._is_text(type_.item) or isinstance(type_.item, FileType)
        return Ann((Subscripted("list" if plain else "Iterable", (item,)),))

    def _object(self, type_: ObjectType, hint: str, into: ParamsModule) -> Ann:
        if not type_.properties:
            value = self._used(self._convert(type_.additional, f"{hint}Value", into)) if type_.additional else OBJECT
            return Ann((Subscripted("dict", (STR, value)),))
        return self._typed_dict(type_, hint, into)

    def _typed_dict(
        self, type_: ObjectType, hint: str, into: ParamsModule, description: str = "", *, fixed: str | None = None
    ) -> Ann:
        name = fixed or into.names.claim(f"{class_name(hint)}{into.suffix}")
        definition = Definition(name, description)
        into.definitions.append(definition)
        for prop in type_.properties:
            ann = self._used(self._convert(prop.type, f"{class_name(hint)}{pascal_case(prop.wire) or 'Field'}", into))
            definition.keys.append(Key(prop.wire, ann, prop.required, prop.description))
        return Ann((Name(into.location, name),), dicts=True)

    def _ref(self, type_: Ref, hint: str, into: ParamsModule, iterable: bool) -> Ann:
        if type_.name in self._twins:
            return self._twins[type_.name]
        named = self._types.named.get(type_.name)
        if named is not None and type_.name not in self._objects:
            # No object inside: the model's own alias (an enum, a scalar, a list of them) serves requests as it is.
            return Ann((Name(("types", named.module), named.name),), literal=isinstance(named.definition, LiteralType))
        if type_.name in self._inlining:
            return OBJECT  # a type alias that contains itself, without an object in between
        self._inlining.add(type_.name)
        try:
            definition = self._types.definition(type_.name)
            description = self._types.named[type_.name].description
            if isinstance(definition, ObjectType) and definition.properties:
                return self._typed_dict(definition, hint, into, description)
            if isinstance(definition, UnionType):
                return self._union(definition, hint, into, named=True, description=description)
            return self._convert(definition, hint, into, iterable=iterable)
        finally:
            self._inlining.discard(type_.name)

    def _used(self, ann: Ann) -> Ann:
        """``ann`` where a value is written (an argument, a field, an item): with ``UncheckedDict`` for TypedDicts."""
        if not ann.dicts:
            return ann
        self.unchecked = True
        escape = Name(UNCHECKED, UNCHECKED_NAME)
        plain = tuple(p for p in ann.pieces if p != "None")
        return Ann((*plain, escape, *(("None",) if "None" in ann.pieces else ())), False, ann.literal)

    def _is_text(self, type_: PyType) -> bool:
        """Whether a value may be a string: a list of them is ``list[...]``, since a string is iterable too."""
        inner = self._types.resolve(type_.non_null()).non_null()
        if isinstance(inner, UnionType):
            return any(self._is_text(m) for m in inner.members)
        if isinstance(inner, LiteralType):
            return any(isinstance(v, str) for v in inner.values)
        return isinstance(inner, Scalar) and inner.kind == "str"


def _with_objects(types: Registry) -> set[str]:
    """The named types with an object inside (through other named types): the ones requests write as TypedDicts."""
    found = {n.name for n in types if _has_object(n.definition)}
    mentions = {n.name: mentioned(n.definition) for n in types}
    grew = True
    while grew:
        grew = False
        for name, refs in mentions.items():
            if name not in found and refs & found:
                found.add(name)
                grew = True
    return found


def _has_object(type_: PyType) -> bool:
    """Whether ``type_`` itself (not the named types it mentions) holds an object with fields."""
    if isinstance(type_, ObjectType) and type_.properties:
        return True
    return any(_has_object(child) for child in type_.children())


def _member_hint(member: PyType, hint: str, index: int, types: Registry) -> str:
    """The name of a union member's TypedDict: a component schema's own name, else its tag value or its position."""
    if isinstance(member, Ref) and member.name in types.named and types.named[member.name].schema_name is not None:
        return member.name
    member = types.resolve(member)
    if isinstance(member, ObjectType):
        for prop in member.properties:
            values = prop.type.non_null().enum_values()
            if prop.required and values and len(values) == 1 and isinstance(values[0], str) and pascal_case(values[0]):
                return f"{hint}{pascal_case(values[0])}"
    return f"{hint}Variant{index + 1}"


def _singular_hint(hint: str) -> str:
    """The hint for a list's items: ``Lines`` -> ``Line``."""
    parts = words(hint)
    return pascal_case(" ".join([*parts[:-1], singular(parts[-1])])) if parts else hint


def fits(value: Any, type_: PyType, types: Registry, depth: int = 0) -> bool:
    """Whether ``value`` (JSON data) can be written as it is where ``type_`` is expected: a dict for a TypedDict has
    every required key and no other, as a type checker demands of a dict literal."""
    if depth > MAX_DEPTH:
        return False
    if isinstance(type_, Nullable):
        return value is None or fits(value, type_.inner, types, depth + 1)
    if isinstance(type_, Ref):
        return fits(value, types.definition(type_.name), types, depth + 1)
    if isinstance(type_, UnionType):
        return any(fits(value, m, types, depth + 1) for m in type_.members)
    if isinstance(type_, ListOf):
        return isinstance(value, list) and all(fits(v, type_.item, types, depth + 1) for v in cast(list[Any], value))
    if isinstance(type_, MapOf | ObjectType):
        return isinstance(value, dict) and _fits_object(cast(dict[Any, Any], value), type_, types, depth)
    if isinstance(type_, FileType):
        return isinstance(value, bytes)
    return type_.python(value, types, set()) is not None


def _fits_object(value: dict[Any, Any], type_: MapOf | ObjectType, types: Registry, depth: int) -> bool:
    if not all(isinstance(k, str) for k in value):
        return False
    if isinstance(type_, MapOf) or not type_.properties:
        extra = type_.value if isinstance(type_, MapOf) else type_.additional
        return all(extra is None or fits(v, extra, types, depth + 1) for v in value.values())
    fields = {p.wire: p for p in type_.properties}
    known = all(k in fields and fits(v, fields[k].type, types, depth + 1) for k, v in value.items())
    return known and all(p.wire in value for p in type_.properties if p.required)
