# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""``assert_matches_type``: a value has the declared type all the way down, not only at the top."""

from __future__ import annotations

import types
from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, Literal, Union, cast, get_args, get_origin

import pydantic
from typing_extensions import TypeAliasType

from finetuning.pagination import BasePage

__all__ = ["assert_matches_type"]


def assert_matches_type(type_: object, value: object, path: str = "value") -> None:
    """Fail unless ``value`` is a ``type_``: every field of every model, item of every list and page, recursively.

    Handles models, ``Optional`` and other unions (a discriminated union included), ``Literal``, ``list``, ``dict``,
    pages of results, type aliases and ``Annotated``; ``path`` names the part that does not match.
    """
    type_ = _unwrap(type_)
    origin = get_origin(type_)
    if type_ is object or type_ is Any:
        return
    if type_ is None or type_ is type(None):
        assert value is None, f"{path}: expected None, got {value!r}"
        return
    if origin is Union or origin is types.UnionType:
        _assert_union(get_args(type_), value, path)
        return
    if origin is Literal:
        options = get_args(type_)
        assert any(type(o) is type(value) and o == value for o in options), f"{path}: {value!r} is not one of {options}"
        return
    if origin is list:
        assert isinstance(value, list), f"{path}: expected a list, got {type(value).__name__}"
        (item_type,) = get_args(type_) or (object,)
        for i, item in enumerate(cast(list[object], value)):
            assert_matches_type(item_type, item, f"{path}[{i}]")
        return
    if origin is dict:
        assert isinstance(value, Mapping), f"{path}: expected a dict, got {type(value).__name__}"
        value_type = get_args(type_)[1] if get_args(type_) else object
        for key, item in cast(Mapping[object, object], value).items():
            assert isinstance(key, str), f"{path}: key {key!r} is not a string"
            assert_matches_type(value_type, item, f"{path}[{key!r}]")
        return
    if isinstance(origin, type) and issubclass(origin, BasePage):
        assert isinstance(value, origin), f"{path}: expected {origin.__name__}, got {type(value).__name__}"
        (item_type,) = get_args(type_)
        for i, item in enumerate(cast(BasePage[object], value).items):
            assert_matches_type(item_type, item, f"{path}.items[{i}]")
        return
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        _assert_model(type_, value, path)
        return
    _assert_scalar(cast(object, type_), value, path)


def _assert_model(model: type[pydantic.BaseModel], value: object, path: str) -> None:
    assert isinstance(value, model), f"{path}: expected {model.__name__}, got {type(value).__name__}"
    for name, field in model.model_fields.items():
        assert hasattr(value, name), f"{path}.{name}: missing"
        assert_matches_type(field.annotation, getattr(value, name), f"{path}.{name}")


def _assert_union(members: tuple[object, ...], value: object, path: str) -> None:
    failures: list[str] = []
    for member in members:
        try:
            assert_matches_type(member, value, path)
        except AssertionError as error:
            failures.append(str(error))
        else:
            return
    raise AssertionError(f"{path}: matches no member of the union: " + "; ".join(failures))


def _assert_scalar(type_: object, value: object, path: str) -> None:
    if type_ is float:
        assert isinstance(value, int | float) and not isinstance(
            value, bool
        ), f"{path}: expected a number, got {value!r}"
    elif type_ is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{path}: expected an int, got {value!r}"
    elif any(type_ is kind for kind in (str, bool, bytes, datetime, date)):
        kind = cast(type, type_)
        assert isinstance(value, kind), f"{path}: expected {kind.__name__}, got {value!r}"
    elif isinstance(type_, type) and type_.__module__.startswith("finetuning."):
        # The package's own response classes (a binary body, a stream) carry no fields to check one by one.
        assert isinstance(value, type_), f"{path}: expected {type_.__name__}, got {type(value).__name__}"
    else:
        raise AssertionError(f"{path}: assert_matches_type does not know the type {type_!r}")


def _unwrap(type_: object) -> object:
    while True:
        if isinstance(type_, TypeAliasType):
            type_ = cast(object, type_.__value__)
        elif get_origin(type_) is Annotated:
            type_ = get_args(type_)[0]
        else:
            return type_
