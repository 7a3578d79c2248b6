"""What one call asks for (:class:`RequestOptions`) and the pure steps that turn it into an HTTP request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

import httpx

from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ._utils import scalar_text, strip_not_given

__all__ = ["RequestOptions", "FilePart", "encode_body", "form_parts", "merged_query", "with_trailing_slash"]

FilePart = tuple[str | None, bytes, str | None]
"""What httpx sends for one file: its name, its bytes and its media type."""


@dataclass(frozen=True)
class RequestOptions:
    """Everything one call asks for; resources build it, the client turns it into HTTP requests."""

    method: str
    path: str
    query: Query | None = None
    json: object | None = None
    form: Mapping[str, object] | None = None
    """Form fields, URL-encoded unless ``multipart``."""
    multipart: bool = False
    """Send ``form`` and ``files`` as ``multipart/form-data`` (even with no file)."""
    files: list[tuple[str, FilePart]] | None = None
    content: bytes | None = None
    """A raw body (``application/octet-stream`` and the like); its media type is in ``headers``."""
    security: tuple[str, str] | None = None
    """``(kind, name)`` of the operation's own security scheme, when it is not the client's."""
    stream: bool = False
    """The response is a server-sent event stream, read as it arrives."""
    headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | None = None
    url: str | None = None
    """An absolute URL that replaces ``path`` and ``query`` (a next-page link the server sent)."""

    def with_query(self, query: Mapping[str, object]) -> RequestOptions:
        return replace(self, query={**(self.query or {}), **query})

    def with_url(self, url: str) -> RequestOptions:
        return replace(self, url=url, query=None, extra_query=None)


def merged_query(*parts: Mapping[str, object] | None) -> dict[str, object]:
    """Query parameters from lowest to highest precedence; arguments left at ``NOT_GIVEN`` are not sent."""
    query: dict[str, object] = {}
    for part in parts:
        if part:
            query.update(strip_not_given(part))
    return query


def encode_body(options: RequestOptions) -> dict[str, Any]:
    """The httpx arguments that carry the body: JSON, a form, multipart parts or raw bytes."""
    if options.content is not None:
        if options.extra_body:
            raise TypeError("extra_body adds fields to a JSON or form body; this request's body is raw bytes")
        return {"content": options.content}
    if options.form is not None:
        form = {**options.form, **(options.extra_body or {})}
        if options.multipart:
            # The fields go as parts too, so that the body is multipart even without a file.
            return {"files": [*form_parts(form), *(options.files or [])]}
        return {"data": form}
    json_data = options.json
    if not options.extra_body:
        return {"json": json_data}
    if json_data is not None and not isinstance(json_data, Mapping):
        raise TypeError("extra_body adds fields to a JSON object; this request's body is not one")
    return {"json": {**cast(Mapping[str, object], json_data or {}), **options.extra_body}}


def form_parts(fields: Mapping[str, object]) -> list[tuple[str, FilePart]]:
    """Form fields as ``multipart/form-data`` parts without a file name; a list gives one part per value."""
    parts: list[tuple[str, FilePart]] = []
    for key, value in fields.items():
        for item in cast(list[object], value) if isinstance(value, list) else [value]:
            parts.append((key, (None, scalar_text(item).encode(), None)))
    return parts


def with_trailing_slash(url: httpx.URL) -> httpx.URL:
    return url if url.raw_path.endswith(b"/") else url.copy_with(raw_path=url.raw_path + b"/")
