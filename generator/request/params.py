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

from dataclasses import dataclass, field

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
    UnionType,
)
from generator.pytypes.registry import Registry, mentioned
from generator.pytypes.visit import TypeVisitor
from generator.request.typefacts import Uses, holds_object, is_literal, plain_items, ref_name, tag_of, union_of

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
        uses = Uses(self._types, self._objects)
        for op in api.operations:
            for param in op.params:
                uses.visit(param.type)
        return [n.name for n in self._types if uses.counts[n.name] > 1]

    # -- modules -----------------------------------------------------------------------------------------------
    def _twin(self, name: str, twin: str, location: Location) -> None:
        named = self._types.named[name]
        module = ParamsModule(location, "Param", self._namespace(twin), f"The request-side twin of ``{name}``.")
        module.main = twin
        self.modules.append(module)
        alias = _Twin(self, name, module, twin, named.description).visit(named.definition)
        if alias is not None:
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
        schema = ref_name(param.type.non_null())
        if param.location == "body" and not param.wire_name and schema is not None:
            hint = schema  # a whole body is named after its schema
        if module is None or param.location == "path":
            scratch = ParamsModule((), "", Namespace(), "")
            ann = self._convert(param.type, hint, scratch, iterable=False)
            return OBJECT if scratch.definitions else ann
        return self._used(self._convert(param.type, hint, module, iterable=param.location == "body"))

    # -- types -------------------------------------------------------------------------------------------------
    def annotation(self, op: Operation, param: Param) -> Ann:
        return self._arguments[(op.pointer, param.name)]

    def arguments(self) -> dict[tuple[str, str], Ann]:
        """Every argument's annotation, by operation pointer and argument name."""
        return dict(self._arguments)

    def _convert(self, type_: PyType, hint: str, into: ParamsModule, *, iterable: bool = True) -> Ann:
        """The request-side annotation of ``type_``; objects become TypedDicts of ``into`` named from ``hint``."""
        return _Convert(self, hint, into, iterable).visit(type_)

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
        plain = not iterable or plain_items(type_.item, self._types)
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
            return Ann((Name(named.location, named.name),), literal=is_literal(named.definition))
        if type_.name in self._inlining:
            return OBJECT  # a type alias that contains itself, without an object in between
        self._inlining.add(type_.name)
        try:
            description = self._types.named[type_.name].description
            return _Inline(self, hint, into, iterable, description).visit(self._types.definition(type_.name))
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
    return holds_object(type_)


def _member_hint(member: PyType, hint: str, index: int, types: Registry) -> str:
    """The name of a union member's TypedDict: a component schema's own name, else its tag value or its position."""
    name = ref_name(member)
    if name is not None and name in types.named and types.named[name].schema_name is not None:
        return name
    tag = tag_of(types.resolve(member))
    return f"{hint}{tag}" if tag else f"{hint}Variant{index + 1}"


def _singular_hint(hint: str) -> str:
    """The hint for a list's items: ``Lines`` -> ``Line``."""
    parts = words(hint)
    return pascal_case(" ".join([*parts[:-1], singular(parts[-1])])) if parts else hint


# -- the visitors: how each kind of type is written on the request side ------------------------------------------
class _Convert(TypeVisitor[Ann]):
    """The request-side annotation of a type (:meth:`RequestTypes._convert`)."""

    def __init__(self, owner: RequestTypes, hint: str, into: ParamsModule, iterable: bool) -> None:
        self.owner, self.hint, self.into, self.iterable = owner, hint, into, iterable

    def other(self, type_: PyType) -> Ann:
        return Ann((type_.annotation,))

    def literal(self, type_: LiteralType) -> Ann:
        return Ann((type_.annotation,), literal=True)

    def nullable(self, type_: Nullable) -> Ann:
        return union([self.visit(type_.inner), NONE])

    def list_of(self, type_: ListOf) -> Ann:
        return self.owner._list(type_, self.hint, self.into, self.iterable)

    def map_of(self, type_: MapOf) -> Ann:
        value = self.owner._used(self.owner._convert(type_.value, f"{self.hint}Value", self.into))
        return Ann((Subscripted("dict", (STR, value)),))

    def union(self, type_: UnionType) -> Ann:
        return self.owner._union(type_, self.hint, self.into, named=True)

    def object(self, type_: ObjectType) -> Ann:
        return self.owner._object(type_, self.hint, self.into)

    def ref(self, type_: Ref) -> Ann:
        return self.owner._ref(type_, self.hint, self.into, self.iterable)

    def file(self, type_: FileType) -> Ann:
        return Ann((Name(RUNTIME_TYPES, type_.annotation),))


class _Inline(_Convert):
    """A named type written where it is used: an object with fields as a TypedDict and a union as an alias, both
    with the named type's description."""

    def __init__(self, owner: RequestTypes, hint: str, into: ParamsModule, iterable: bool, description: str) -> None:
        super().__init__(owner, hint, into, iterable)
        self.description = description

    def object(self, type_: ObjectType) -> Ann:
        if type_.properties:
            return self.owner._typed_dict(type_, self.hint, self.into, self.description)
        return super().object(type_)

    def union(self, type_: UnionType) -> Ann:
        return self.owner._union(type_, self.hint, self.into, named=True, description=self.description)


class _Twin(TypeVisitor["Ann | None"]):
    """A twin's definition: an object with fields is the twin's TypedDict (``None``: nothing else to write); a union,
    nullable or not, the twin's alias of its members; anything else an alias of its annotation."""

    def __init__(self, owner: RequestTypes, name: str, into: ParamsModule, twin: str, description: str) -> None:
        self.owner, self.name, self.into, self.twin, self.description = owner, name, into, twin, description

    def other(self, type_: PyType) -> Ann | None:
        return self.owner._convert(type_, self.name, self.into)

    def object(self, type_: ObjectType) -> Ann | None:
        if not type_.properties:
            return self.other(type_)
        self.owner._typed_dict(type_, self.name, self.into, self.description, fixed=self.twin)
        return None

    def union(self, type_: UnionType) -> Ann | None:
        return union([self.owner._union(type_, self.name, self.into, named=False)])

    def nullable(self, type_: Nullable) -> Ann | None:
        members = union_of(type_.inner)
        if members is None:
            return self.other(type_)
        return union([self.owner._union(members, self.name, self.into, named=False), NONE])
