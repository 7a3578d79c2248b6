"""The base class of every model, and the two ways a response becomes typed data.

By default responses are *constructed*, not validated: unknown fields are kept, an unknown enum value is kept as it
came, and a field of the wrong type does not raise, so a newer server never breaks an older client.
``strict_response_validation=True`` on the client validates instead and raises on any mismatch.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any, Literal, Self, Union, cast, get_args, get_origin

import pydantic
from typing_extensions import TypeAliasType

__all__ = ["BaseModel", "construct_type", "validate_type"]


class BaseModel(pydantic.BaseModel):
    # protected_namespaces=(): an API field may well be called model_dump_ (pydantic would warn at import).
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True, defer_build=True, protected_namespaces=())

    def to_dict(self) -> dict[str, object]:
        """The model as JSON-compatible data, with the API's field names; unset fields are left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, exclude_unset=True, indent=indent)

    @classmethod
    def construct_from(cls, data: Mapping[str, object]) -> Self:
        """Build without validation: fields are constructed recursively, unknown keys are kept as extras."""
        values: dict[str, object] = {}
        known: set[str] = set()
        for name, field in cls.model_fields.items():
            key = field.alias or name
            known.add(key)
            if key in data:
                values[name] = construct_type(field.annotation, data[key])
        extras = {key: value for key, value in data.items() if key not in known}
        instance = cls.model_construct(_fields_set=set(values), **values)
        if extras:
            instance.__pydantic_extra__ = extras
        return instance


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
    type_ = _unwrap(type_)
    origin = get_origin(type_)
    if origin is Union or origin is types.UnionType:
        return _construct_union(get_args(type_), value)
    if isinstance(type_, type) and issubclass(type_, BaseModel):
        return type_.construct_from(cast(Mapping[str, object], value)) if isinstance(value, Mapping) else value
    if origin is list and isinstance(value, list):
        (item_type,) = get_args(type_) or (object,)
        return [construct_type(item_type, item) for item in cast(list[object], value)]
    if origin is dict and isinstance(value, Mapping):
        value_type = get_args(type_)[1] if get_args(type_) else object
        return {key: construct_type(value_type, item) for key, item in cast(Mapping[str, object], value).items()}
    if type_ in (datetime, date) and isinstance(value, str | int | float):
        try:
            return _adapter(type_).validate_python(value)
        except pydantic.ValidationError:
            return value
    return value


def _construct_union(members: tuple[object, ...], value: object) -> object:
    if not isinstance(value, Mapping | list):
        kinds = [_unwrap(member) for member in members]
        if value is None or type(value) in kinds or (type(value) is int and float in kinds):
            return value  # a member takes the value as it is: ``str | datetime`` keeps a string a string
        for member, kind in zip(members, kinds, strict=True):  # ``date | None`` and the like: a date still becomes one
            if kind is datetime or kind is date:
                constructed = construct_type(member, value)
                if constructed is not value:
                    return constructed
        return value
    for member in members:
        try:
            return _adapter(member).validate_python(value)
        except pydantic.ValidationError:
            continue
    models = [m for m in map(_unwrap, members) if isinstance(m, type) and issubclass(m, BaseModel)]
    if isinstance(value, Mapping) and models:
        data = cast(Mapping[str, object], value)
        best = max(models, key=lambda m: _fit(m, data))
        return best.construct_from(data)
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
