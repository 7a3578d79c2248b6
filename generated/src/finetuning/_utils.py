# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Small helpers the generated resources call while building a request."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast
from urllib.parse import quote

from ._types import NotGiven


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


def to_json(value: object) -> object:
    """Plain JSON data for a request body: models become dicts with the API's field names."""
    from pydantic import BaseModel  # noqa: PLC0415 - pydantic is only loaded once a body is sent

    if isinstance(value, NotGiven):
        return None  # an optional body left out: no body
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in cast(Mapping[Any, object], value).items() if not isinstance(v, NotGiven)}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in cast(list[object], value)]
    return value


def json_body(values: Mapping[str, object]) -> dict[str, object]:
    return cast(dict[str, object], to_json(values))


def header_values(values: Mapping[str, object]) -> dict[str, str]:
    return {key: scalar_text(value) for key, value in strip_not_given(values).items() if value is not None}
