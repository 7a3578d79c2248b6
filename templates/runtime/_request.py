"""What one call asks for (:class:`RequestOptions`) and the pure steps that turn it into an HTTP request."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, TypedDict, cast

import httpx

from ._exceptions import InvalidRequestError
from ._redact import RedactedDict, redact_text, redact_url
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, TimeoutValue
from ._utils import scalar_text, strip_not_given, to_json

__all__ = [
    "RequestOptions",
    "CallOptions",
    "FilePart",
    "BaseURL",
    "encode_body",
    "form_parts",
    "json_parts",
    "merged_query",
    "with_idempotency_key",
    "check_headers",
    "merge_headers",
    "redirect_target",
    "MAX_REDIRECTS",
]

MAX_REDIRECTS = 5
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_FIELD_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\t ]*[\x21-\x7e])*)?")
"""What HTTP/1.1 can carry in a header value: visible ASCII, inner spaces and tabs, no whitespace at either end."""

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
    json_parts: Mapping[str, object] | None = None
    """Multipart fields sent as ``application/json`` parts, one per item of a list (OpenAPI's encoding of objects)."""
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
    timeout: TimeoutValue | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | None = None
    idempotency_header: str | None = None
    """The header that carries ``idempotency_key``: the operation's own, where its document declares one
    (``Idempotency-Key`` and the like), else the SDK's for every call but GET (``IDEMPOTENCY_HEADER``)."""
    url: str | None = None
    """An absolute URL that replaces ``path`` and ``query`` (a next-page link the server sent)."""
    server: str | None = None
    """The operation's own base URL (OpenAPI ``servers`` on the operation or its path), used instead of the
    client's: ``path`` goes under it, its query with every request."""

    def with_query(self, query: Mapping[str, object]) -> RequestOptions:
        return replace(self, query={**(self.query or {}), **query})

    def with_url(self, url: str) -> RequestOptions:
        return replace(self, url=url, query=None, extra_query=None)


class CallOptions(TypedDict, total=False):
    """What a call of ``client.get/post/put/patch/delete`` may set besides its path and body."""

    headers: Headers
    params: Query
    """Query parameters."""
    timeout: TimeoutValue
    max_retries: int
    idempotency_key: str


def with_idempotency_key(options: RequestOptions, sdk_header: str | None, new_key: Callable[[], str]) -> RequestOptions:
    """``options`` with the header that carries its idempotency key, and a new key where the call sends one and
    the caller gave none (neither as ``idempotency_key`` nor in the header itself); every retry sends the same.

    A key that HTTP cannot carry (a line break, whitespace at either end) is refused here, before anything is sent."""
    header = options.idempotency_header or (sdk_header if options.method.lower() != "get" else None)
    if header is None:
        return options
    key = options.idempotency_key
    if key is None and not any(name.lower() == header.lower() for name in options.headers or {}):
        key = new_key()
    if key is not None:
        check_headers({header: key})
    return replace(options, idempotency_key=key, idempotency_header=header)


def merged_query(*parts: Mapping[str, object] | None) -> dict[str, object]:
    """Query parameters from lowest to highest precedence; arguments left at ``NOT_GIVEN`` are not sent."""
    query: dict[str, object] = RedactedDict()
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
            return {"files": [*form_parts(form), *json_parts(options.json_parts or {}), *(options.files or [])]}
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


def json_parts(fields: Mapping[str, object]) -> list[tuple[str, FilePart]]:
    """Fields as ``application/json`` parts without a file name; a list gives one part per item; values left out
    (``NOT_GIVEN`` or ``None``) send no part."""
    parts: list[tuple[str, FilePart]] = []
    for key, value in strip_not_given(fields).items():
        for item in cast(list[object], value) if isinstance(value, list) else [value]:
            if item is not None:
                parts.append(
                    (key, (None, json.dumps(to_json(item), separators=(",", ":")).encode(), "application/json"))
                )
    return parts


@dataclass(frozen=True)
class BaseURL:
    """A client's base URL, split: request paths go after ``prefix`` (its path kept), ``query`` goes with every
    request (under the call's own parameters)."""

    url: httpx.URL
    prefix: str
    query: dict[str, object]

    @classmethod
    def parse(cls, value: str | httpx.URL) -> BaseURL:
        """Parse and check a base URL: http or https, a host, no user name or password (never sent), and no
        whitespace at either end (``https://host/v1 `` would request ``/v1%20/...``)."""
        if str(value) != str(value).strip():
            raise InvalidRequestError(
                f"The base URL has whitespace at its start or end: {redact_url(str(value).strip())!r} (check where it "
                "was read from, e.g. an environment variable)."
            )
        try:
            url = httpx.URL(str(value))
            has_host = bool(url.host)  # decoding an IDNA host may fail here
            prefix = f"{url.scheme}://{url.netloc.decode('ascii')}{url.raw_path.split(b'?', 1)[0].decode('ascii')}"
            prefix += "" if prefix.endswith("/") else "/"
            checked = httpx.URL(prefix).copy_with(params=url.params)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:  # idna's errors are ValueErrors
            raise InvalidRequestError(f"The base URL cannot be used: {redact_url(str(value))} ({exc})") from exc
        if url.scheme not in ("http", "https") or not has_host:
            raise InvalidRequestError(f"The base URL must be an http or https URL with a host: {redact_url(url)}")
        if url.userinfo:
            raise InvalidRequestError(
                "The base URL holds a user name or password; they would replace the client's credentials, so they "
                f"are refused: pass the credential to the client instead ({redact_url(url)})."
            )
        query: dict[str, object] = {}
        for key in url.params:
            values = url.params.get_list(key)
            query[key] = values[0] if len(values) == 1 else values
        return cls(checked, prefix, query)

    @staticmethod
    @lru_cache(maxsize=64)
    def cached(value: str) -> BaseURL:
        """:meth:`parse`, once per URL (an operation's own server is parsed at its first call)."""
        return BaseURL.parse(value)

    def join(self, path: str) -> str:
        return self.prefix + path.lstrip("/")


def merge_headers(*parts: Mapping[str, str] | None) -> dict[str, str]:
    """Headers from lowest to highest precedence; a later part replaces a header whatever the case of its name."""
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        for name, value in (part or {}).items():
            merged[name.lower()] = (name, value)
    return RedactedDict(merged.values())


def check_headers(headers: Mapping[str, object]) -> None:
    """Refuse, before anything is sent, a header that HTTP cannot carry; the message names it, never its value.

    (Typed loosely: callers' headers are checked whatever they hold.)"""
    for name, value in cast(Mapping[object, object], headers).items():
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            shown = redact_text(repr(name)[:60])
            raise InvalidRequestError(f"{shown} is not a valid header name (use letters, digits and !#$%&'*+-.^_`|~).")
        if not isinstance(value, str) or not _FIELD_VALUE.fullmatch(value):
            raise InvalidRequestError(_bad_value(name, value))


def _bad_value(name: object, value: object) -> str:
    if not isinstance(value, str):
        return f"The value of the {name!r} header must be a str, not {type(value).__name__}."
    stripped = value.strip(" \t")
    if stripped != value and _FIELD_VALUE.fullmatch(stripped):
        what, where = "leading or trailing whitespace", ""
    else:
        index, char = next((i, c) for i, c in enumerate(value) if not ("\x21" <= c <= "\x7e" or c in " \t"))
        what = {"\n": "a line feed", "\r": "a carriage return", "\x00": "a NUL"}.get(
            char, f"the character U+{ord(char):04X}"
        )
        where = f" at position {index} of {len(value)}"
    return (
        f"The value of the {name!r} header cannot be sent: it holds {what}{where}. "
        "(For an API key: check where it was read from, e.g. a trailing newline in a file.)"
    )


def redirect_target(response: httpx.Response) -> httpx.URL | None:
    """Where a 3xx is followed: a same-origin ``Location`` for GET, HEAD and OPTIONS; ``None``: not followed (so
    credentials never go to another host, and no request with a body is sent twice)."""
    location = response.headers.get("location")
    request = response.request
    if response.status_code not in (301, 302, 303, 307, 308) or not location or request.method not in SAFE_METHODS:
        return None
    try:
        target = request.url.join(location)
    except httpx.InvalidURL:
        return None
    here = request.url
    if (target.scheme, target.host, target.port) != (here.scheme, here.host, here.port) or target.userinfo:
        return None
    return target
