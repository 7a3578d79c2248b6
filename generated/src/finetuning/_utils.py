# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""Small helpers the generated resources call while building a request."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any, cast
from urllib.parse import quote

from ._types import NotGiven

__all__ = [
    "path_template",
    "scalar_text",
    "strip_not_given",
    "to_json",
    "json_body",
    "header_values",
    "form_fields",
    "deep_object",
    "comma_joined",
    "basic_authorization",
]


def path_template(template: str, **values: object) -> str:
    """Fill ``{name}`` placeholders with URL-quoted values, so an id can never change the path's shape."""
    return template.format_map({name: _segment(value) for name, value in values.items()})


def _segment(value: object) -> str:
    quoted = quote(scalar_text(value), safe="")
    # "." and ".." survive quoting but would move the URL up a level: encode the dots themselves.
    return quoted.replace(".", "%2E") if quoted in (".", "..") else quoted


def scalar_text(value: object) -> str:
    """A value as it is written in a URL, a header or a form: booleans as ``true``/``false``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def strip_not_given(values: Mapping[str, object]) -> dict[str, object]:
    """The arguments that were actually passed: arguments left at ``NOT_GIVEN`` are not sent."""
    return {key: value for key, value in values.items() if not isinstance(value, NotGiven)}


_SCALARS = (str, int, float, bool, type(None))


def to_json(value: object) -> object:
    """Plain JSON data for a request body: models become dicts with the API's field names."""
    kind = type(value)
    if kind is dict:  # the common cases first, by exact type: plain dicts, lists and scalars
        items = cast(dict[Any, object], value).items()
        return {str(k): to_json(v) for k, v in items if not isinstance(v, NotGiven)}
    if kind is list:
        return [to_json(v) for v in cast(list[object], value)]
    if kind in _SCALARS:
        return value
    from pydantic import BaseModel  # noqa: PLC0415 - pydantic is only loaded once a model is sent

    if isinstance(value, NotGiven):
        return None  # an optional body left out: no body
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in cast(Mapping[Any, object], value).items() if not isinstance(v, NotGiven)}
    if isinstance(value, str | bytes | bytearray):
        return value
    if isinstance(value, Iterable):  # a list, or any iterable an ``Iterable[...]`` argument was given
        return [to_json(v) for v in cast(Iterable[object], value)]
    return value


def json_body(values: Mapping[str, object]) -> dict[str, object]:
    return cast(dict[str, object], to_json(values))


def header_values(values: Mapping[str, object]) -> dict[str, str]:
    return {key: scalar_text(value) for key, value in strip_not_given(values).items() if value is not None}


def form_fields(values: Mapping[str, object]) -> dict[str, list[str]]:
    """Fields of a form body, each with its values; nested values go in brackets: ``expires_after[anchor]``, and
    ``colors[]`` once per item of a list."""
    fields: dict[str, list[str]] = {}
    for key, value in cast(Mapping[str, object], to_json(values)).items():
        _flatten(fields, key, value, list_suffix="[]")
    return fields


def deep_object(name: str, value: object) -> dict[str, list[str]]:
    """A ``style: deepObject`` query argument: ``{"a": 1}`` under ``filter`` is sent as ``filter[a]=1``."""
    fields: dict[str, list[str]] = {}
    _flatten(fields, name, to_json(value), list_suffix="")
    return fields


def _flatten(fields: dict[str, list[str]], key: str, value: object, *, list_suffix: str) -> None:
    if isinstance(value, Mapping):
        for sub, item in cast(Mapping[str, object], value).items():
            _flatten(fields, f"{key}[{sub}]", item, list_suffix=list_suffix)
    elif isinstance(value, list):
        for item in cast(list[object], value):
            _flatten(fields, f"{key}{list_suffix}", item, list_suffix=list_suffix)
    elif value is not None:
        fields.setdefault(key, []).append(scalar_text(value))


def comma_joined(value: object) -> object:
    """An ``explode: false`` array query argument: one value, comma-joined."""
    if isinstance(value, list | tuple):
        return ",".join(scalar_text(v) for v in cast(list[object], value))
    return value


def basic_authorization(username: str, password: str = "") -> str:
    """HTTP basic credentials; an API key alone is sent as the user name, with an empty password."""
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
