"""Small helpers the generated resources call while building a request."""

from __future__ import annotations

import base64
from collections.abc import Collection, Iterable, Mapping
from typing import Any, TypedDict, cast
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
    "json_or_multipart",
    "BodyArguments",
    "deep_object",
    "comma_joined",
    "spread",
    "basic_authorization",
]


def path_template(template: str, **values: object) -> str:
    """Fill ``{name}`` placeholders with URL-quoted values, so an id can never change the path's shape; an empty
    value (which would call another endpoint: ``/jobs/`` for ``/jobs/{job_id}``) raises ``ValueError``."""
    return template.format_map({name: _segment(name, value) for name, value in values.items()})


def _segment(name: str, value: object) -> str:
    text = scalar_text(value)
    if not text:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    quoted = quote(text, safe="")
    # "." and ".." survive quoting but would move the URL up a level: encode the dots themselves.
    return quoted.replace(".", "%2E") if quoted in (".", "..") else quoted


def scalar_text(value: object, delimiter: str = ",") -> str:
    """A value as it is written in a URL, a header or a form: booleans as ``true``/``false``; a list's items and an
    object's names and values joined by ``delimiter`` (OpenAPI's ``style: simple``, the default of path and header
    parameters: ``3,4,5``, ``R,100,G,200``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return delimiter.join(scalar_text(v) for v in cast(list[object], value))
    if isinstance(value, Mapping):
        pairs = cast(Mapping[object, object], value).items()
        return delimiter.join(f"{scalar_text(k)}{delimiter}{scalar_text(v)}" for k, v in pairs)
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


_DELIMITERS = {"form_csv": ",", "form_space": " ", "form_pipe": "|"}
"""The delimiter of a list sent as one value (OpenAPI's ``explode: false``, ``spaceDelimited``, ``pipeDelimited``)."""


def form_fields(
    values: Mapping[str, object] | NotGiven, styles: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """Fields of a form body, each with its values; an optional body left out (``NOT_GIVEN``) has none.

    A list goes as OpenAPI's default for forms (``style: form, explode: true``) says, the key once per item
    (``tags=a&tags=b``), unless ``styles`` (the body's ``encoding``) gives the field another: joined by a delimiter
    (``form_csv``, ``form_space``, ``form_pipe``) or indexed (``deep_object``: ``tags[0]=a``). Objects go in brackets
    (``expires_after[anchor]``), and so do lists inside them or of them (``items[0][price]``), which repeated keys
    could not tell apart."""
    data = to_json(values)
    fields: dict[str, list[str]] = {}
    if not isinstance(data, Mapping):
        return fields
    for key, value in cast(Mapping[str, object], data).items():
        style = (styles or {}).get(key, "form")
        if style in _DELIMITERS and _several(value):
            fields[key] = [scalar_text(value, _DELIMITERS[style])]
        else:
            _flatten(fields, key, value, indexed=style == "deep_object")
    return fields


class BodyArguments(TypedDict, total=False):
    """The arguments of ``RequestOptions`` that carry a body (see :func:`json_or_multipart`)."""

    json: object
    form: Mapping[str, object]
    multipart: bool
    json_parts: Mapping[str, object]
    files: list[tuple[str, tuple[str | None, bytes, str | None]]]


def json_or_multipart(
    values: Mapping[str, object],
    files: list[tuple[str, tuple[str | None, bytes, str | None]]],
    *,
    json_parts: Collection[str] = (),
    styles: Mapping[str, str] | None = None,
) -> BodyArguments:
    """A body the API takes as JSON or as ``multipart/form-data``: multipart when a file is passed (``files``, read,
    holds a part), since JSON cannot carry one; JSON otherwise. In multipart, the fields named in ``json_parts`` go as
    ``application/json`` parts and the others as form fields, written as ``styles`` says."""
    if not files:
        return {"json": json_body(values)}
    sent = {key for key, _ in files}  # a field that holds a file or a value, holding a file
    values = {key: value for key, value in values.items() if key not in sent}
    form = {key: value for key, value in values.items() if key not in json_parts}
    parts = {key: value for key, value in values.items() if key in json_parts}
    return {"form": form_fields(form, styles), "multipart": True, "json_parts": parts, "files": files}


def deep_object(name: str, value: object) -> dict[str, list[str]]:
    """A ``style: deepObject`` query argument: ``{"a": 1}`` under ``filter`` is sent as ``filter[a]=1``, and a list
    under ``expand`` as ``expand[0]=a&expand[1]=b``."""
    fields: dict[str, list[str]] = {}
    _flatten(fields, name, to_json(value), indexed=True)
    return fields


def _flatten(fields: dict[str, list[str]], key: str, value: object, *, indexed: bool) -> None:
    """``value`` under ``key``: an object's fields in brackets; a list's items under the key itself, unless
    ``indexed`` or they are containers (then ``key[0]``, ``key[1]``...)."""
    if isinstance(value, Mapping):
        for sub, item in cast(Mapping[str, object], value).items():
            _flatten(fields, f"{key}[{sub}]", item, indexed=True)
    elif isinstance(value, list):
        items = cast(list[object], value)
        nested = indexed or any(isinstance(item, Mapping | list) for item in items)
        for index, item in enumerate(items):
            _flatten(fields, f"{key}[{index}]" if nested else key, item, indexed=True)
    elif value is not None:
        fields.setdefault(key, []).append(scalar_text(value))


def comma_joined(value: object, delimiter: str = ",") -> object:
    """An ``explode: false`` list or object query argument: one value, comma-joined (``spaceDelimited``: joined by a
    space, ``pipeDelimited``: by ``|``); an object as its names and values (``R,100,G,200``)."""
    return scalar_text(to_json(value), delimiter) if _several(value) else value


def _several(value: object) -> bool:
    """A list or an object, which a delimited style joins into one value."""
    return isinstance(value, list | tuple | Mapping)


def spread(value: object) -> dict[str, object]:
    """An exploded object query argument (OpenAPI's default, ``style: form``): its fields as query keys of their own
    (``{"R": 100, "G": 200}`` is ``R=100&G=200``); left out (``NOT_GIVEN`` or ``None``), none."""
    data = to_json(value)
    if not isinstance(data, Mapping):
        return {}
    return {str(k): v for k, v in cast(Mapping[object, object], data).items() if v is not None}


def basic_authorization(username: str, password: str = "") -> str:
    """HTTP basic credentials; an API key alone is sent as the user name, with an empty password."""
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
