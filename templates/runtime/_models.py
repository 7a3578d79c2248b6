"""The base class of every model, and the two ways a response becomes typed data.

By default responses are *constructed*, not validated: each value is shaped by its annotation as far as it fits
(nested models from dicts, ``datetime``/``date`` and other pydantic types from their JSON form, a union's member that
fits best), unknown fields are kept, an unknown enum value is kept as it came, and a value that fits nothing is kept
as it is: construction never raises, so a newer server never breaks an older client.
``strict_response_validation=True`` on the client validates instead and raises on any mismatch.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator, Mapping
from functools import cache, lru_cache
from typing import Annotated, Any, Literal, Protocol, Self, TypeVar, Union, cast, get_args, get_origin, overload

import pydantic
from typing_extensions import TypeAliasType

__all__ = ["BaseModel", "construct_type", "validate_type", "with_request_id"]

T = TypeVar("T")

Constructor = Callable[[object], object]
"""Shapes one JSON value as one annotation; never raises."""


ITEM_FIELDS = ("data", "items", "results")
"""The fields that hold a list's items, in the order they are looked for: ``ITEM_NAMES`` of
``generator/api/pagination/shapes.py`` (a test keeps the two equal)."""


class _Data(Protocol[T]):
    @property
    def data(self) -> list[T] | None: ...


class _Items(Protocol[T]):
    @property
    def items(self) -> list[T] | None: ...


class _Results(Protocol[T]):
    @property
    def results(self) -> list[T] | None: ...


class BaseModel(pydantic.BaseModel):
    """A model of the API. One that holds a list (a list field named as in :data:`ITEM_FIELDS`, such as
    ``{"object": "list", "data": [...]}``) iterates its items: ``for item in response``; any other iterates its
    ``(field, value)`` pairs, as every pydantic model does."""

    # protected_namespaces=(): an API field may well be called model_dump_ (pydantic would warn at import).
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True, defer_build=True, protected_namespaces=())

    _request_id: str | None = pydantic.PrivateAttr(default=None)
    """The id the server gave the request this model was returned by (the model a method returns), if any."""

    @overload
    def __iter__(self: _Data[T]) -> Iterator[T]: ...
    @overload
    def __iter__(self: _Items[T]) -> Iterator[T]: ...
    @overload
    def __iter__(self: _Results[T]) -> Iterator[T]: ...
    @overload
    def __iter__(self) -> Iterator[tuple[str, Any]]: ...
    def __iter__(self) -> Iterator[Any]:  # pyright: ignore[reportIncompatibleMethodOverride]
        """The items of a list (see the class), else the ``(field, value)`` pairs."""
        field = _items_field(type(self))
        if field is None:
            return super().__iter__()
        items = getattr(self, field, None)
        return iter(cast(list[Any], items) if isinstance(items, list) else [])

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "json",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> dict[str, Any]:
        """The model as data: JSON-compatible (``mode="python"`` keeps ``datetime`` and the like), with the API's field
        names (``use_api_names=False``: the Python ones); fields the response did not have are left out.

        Typed like ``model_dump()``, so it can be passed where a method takes the request-side ``TypedDict``."""
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> str:
        """The model as JSON text; the options are :meth:`to_dict`'s."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )

    @classmethod
    def construct_from(cls, data: Mapping[str, object]) -> Self:
        """Build without validation: fields are constructed by their annotation, unknown keys are kept as extras, and
        a required field the data lacks reads as ``None`` (it stays unset: ``to_dict()`` leaves it out)."""
        values: dict[str, object] = {}
        extras: dict[str, object] = {}
        fields = _fields(cls)
        for key, value in data.items():
            field = fields.get(key)
            if field is None:
                extras[key] = value
            else:
                values[field[0]] = field[1](value)
        required = _required(cls)
        missing = {} if values.keys() >= required else dict.fromkeys(required - values.keys())
        instance = cls.model_construct(_fields_set=set(values), **values, **missing)
        if extras:
            instance.__pydantic_extra__ = extras
        return instance


def with_request_id(value: object, request_id: str | None) -> object:
    """``value``, a model's ``_request_id`` set when it is one (the model a method returns)."""
    if request_id is not None and isinstance(value, BaseModel):
        value._request_id = request_id  # pyright: ignore[reportPrivateUsage]
    return value


@cache
def _fields(model: type[BaseModel]) -> dict[str, tuple[str, Constructor]]:
    """``{key in the JSON: (field name, constructor)}`` of a model, worked out once per class."""
    if not getattr(model, "__pydantic_fields_complete__", True):
        model.model_rebuild(raise_errors=False)  # a field that names a class defined after it
    return {(f.alias or name): (name, constructor(f.annotation)) for name, f in model.model_fields.items()}


@cache
def _items_field(model: type[BaseModel]) -> str | None:
    """The field whose items a model iterates: the first of :data:`ITEM_FIELDS` it declares as a list."""
    _fields(model)  # the fields complete
    fields = model.model_fields
    for name in ITEM_FIELDS:
        field = fields.get(name)
        if field is not None and any(get_origin(_unwrap(t)) is list for t in _members(field.annotation)):
            return name
    return None


def _members(annotation: object) -> tuple[object, ...]:
    """A union's members (``list[T] | None``), or the annotation itself."""
    type_ = _unwrap(annotation)
    origin = get_origin(type_)
    return get_args(type_) if origin is Union or origin is types.UnionType else (type_,)


@cache
def _required(model: type[BaseModel]) -> frozenset[str]:
    """The names of the fields without a default: ``model_construct`` leaves them out when the data lacks them."""
    _fields(model)  # the fields complete
    return frozenset(name for name, f in model.model_fields.items() if f.is_required())


def _unwrap(type_: object) -> object:
    while True:
        if isinstance(type_, TypeAliasType):
            type_ = type_.__value__
        elif get_origin(type_) is Annotated:
            type_ = get_args(type_)[0]
        else:
            return type_


def construct_type(type_: object, value: object) -> object:
    """``value`` shaped as ``type_`` as far as it fits, without ever raising."""
    return constructor(type_)(value)


def constructor(type_: object) -> Constructor:
    """The function that shapes a JSON value as ``type_`` (cached per annotation where it can be)."""
    try:
        return _cached_constructor(type_)
    except TypeError:  # an unhashable annotation (some Annotated metadata)
        return _make_constructor(type_)


@lru_cache(maxsize=4096)
def _cached_constructor(type_: object) -> Constructor:
    return _make_constructor(type_)


_AS_IS = frozenset((object, Any, str, int, bool, type(None), None))
"""Annotations whose values are kept exactly as they came."""


def _keep(value: object) -> object:
    return value


def _make_constructor(annotation: object) -> Constructor:
    type_ = _unwrap(annotation)
    origin = get_origin(type_)
    if type_ in _AS_IS or origin is Literal:
        return _keep
    if type_ is float:
        return _float
    if origin is Union or origin is types.UnionType:
        return _union(get_args(type_))
    if isinstance(type_, type) and issubclass(type_, BaseModel):
        model = type_
        return lambda value: _model(model, value)
    if origin is list:
        item = constructor((get_args(type_) or (object,))[0])
        return lambda value: [item(v) for v in cast(list[object], value)] if isinstance(value, list) else value
    if origin is dict:
        args = get_args(type_)
        item = constructor(args[1] if len(args) == 2 else object)
        return lambda value: (
            {k: item(v) for k, v in cast(Mapping[str, object], value).items()} if isinstance(value, Mapping) else value
        )
    return _by_pydantic(cast(object, type_))


def _float(value: object) -> object:
    return float(value) if type(value) is int else value


def _model(model: type[BaseModel], value: object) -> object:
    if not isinstance(value, Mapping):
        return value
    data = cast(Mapping[str, object], value)
    try:
        return model.construct_from(data)
    except (TypeError, ValueError, AttributeError):  # pragma: no cover - a model pydantic cannot build at all
        return data


def _by_pydantic(type_: object) -> Constructor:
    """Any other annotation (``datetime``, ``date``, ``UUID``, enums...): pydantic's reading of the value when it
    accepts it, else the value as it came."""
    try:
        adapter = _adapter(type_)
    except (TypeError, ValueError, pydantic.PydanticSchemaGenerationError, pydantic.PydanticUserError):
        return _keep

    def construct(value: object) -> object:
        if value is None or isinstance(value, Mapping | list):
            return cast(object, value)
        try:
            return adapter.validate_python(value)
        except (pydantic.ValidationError, TypeError, ValueError):
            return value

    return construct


def _union(members: tuple[object, ...]) -> Constructor:
    kinds = [_unwrap(m) for m in members]
    scalars = [(k, constructor(m)) for m, k in zip(members, kinds, strict=True) if k not in _AS_IS]
    models = [k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)]

    def construct(value: object) -> object:
        if value is None or type(value) in kinds:
            return value  # a member takes the value as it is: ``str | datetime`` keeps a string a string
        if type(value) is int and float in kinds:
            return float(value)
        if isinstance(value, Mapping | list):
            return _best_member(members, models, cast(object, value))
        for kind, make in scalars:  # ``date | None`` and the like: a date still becomes one
            if get_origin(kind) is not Literal:
                made = make(value)
                if made is not value:
                    return made
        return value

    return construct


def _best_member(members: tuple[object, ...], models: list[type[BaseModel]], value: object) -> object:
    for member in members:
        try:
            return _adapter(member).validate_python(value)
        except (pydantic.ValidationError, TypeError, ValueError, pydantic.PydanticSchemaGenerationError):
            continue
    if isinstance(value, Mapping) and models:
        data = cast(Mapping[str, object], value)
        return _model(max(models, key=lambda m: _fit(m, data)), data)
    if isinstance(value, list):
        lists = [m for m in members if get_origin(_unwrap(m)) is list]
        return constructor(lists[0])(cast(object, value)) if lists else cast(object, value)
    return cast(object, value)


def _fit(model: type[BaseModel], data: Mapping[str, object]) -> int:
    """How well ``data`` matches ``model``: its fields present, minus constant fields that disagree."""
    score = 0
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in data:
            continue
        annotation = _unwrap(field.annotation)
        if get_origin(annotation) is Literal and data[key] not in get_args(annotation):
            score -= 100
        else:
            score += 1
    return score


@lru_cache(maxsize=256)
def _adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


def validate_type(type_: object, value: object) -> object:
    """``value`` validated as ``type_``; raises :class:`pydantic.ValidationError` on a mismatch."""
    return _adapter(type_).validate_python(value)
