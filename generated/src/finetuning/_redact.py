# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""One redaction for every log line, repr and error message: credentials never leave the process in text.

Covered: the values of sensitive headers (``Authorization``, every header that carries a credential), the query
parameters of every query-key security scheme and a few common credential names, URL user info, and every secret a
client was configured with (its API key, a password), wherever it appears in a text, for as long as a client
configured with it lives.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import deque
from collections.abc import Iterable, Mapping
from typing import TypeVar, cast

import httpx

from ._constants import SENSITIVE_HEADERS, SENSITIVE_QUERY_PARAMS

__all__ = [
    "REDACTED",
    "register_secret",
    "live_secrets",
    "redact_text",
    "redact_url",
    "redact_headers",
    "is_sensitive_header",
    "redact_value",
    "RedactedDict",
    "RedactedRequest",
    "redacted_request",
    "redacted_response",
]

V = TypeVar("V")

REDACTED = "<redacted>"

COMMON_SENSITIVE_QUERY_PARAMS = frozenset(
    ("api_key", "api-key", "apikey", "key", "access_token", "token", "client_secret", "password", "secret", "sig")
)
_QUERY_PARAMS = frozenset(name.lower() for name in SENSITIVE_QUERY_PARAMS | COMMON_SENSITIVE_QUERY_PARAMS)
MIN_SECRET_LENGTH = 4
"""Shorter values are not searched for in text (they would redact ordinary words); they still never reach a header
or URL in a log line, which are redacted by name."""

_lock = threading.Lock()
_secrets: dict[str, int] = {}
"""Every secret of a live client, with the number of live clients that hold it; read and changed under ``_lock``."""
_forgotten: deque[tuple[str, ...]] = deque()
"""The secrets of clients that went away, not yet subtracted: a finalizer may run inside a garbage collection that
starts while ``_lock`` is held (by this very thread), so it only appends here (atomic) and never takes the lock."""


def _fresh_lock() -> None:
    """In a forked child: another thread of the parent may have held the lock when it forked, and is not there."""
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_lock)


def register_secret(owner: object, *values: str | None) -> None:
    """Remember credentials while ``owner`` (a client) lives, so that no message, repr or log line of this package
    can show them; they are forgotten when it goes (a copy of the client holds them on its own account)."""
    kept = tuple({v for v in values if v and len(v) >= MIN_SECRET_LENGTH})
    if not kept:
        return
    with _lock:
        _settle()
        for value in kept:
            _secrets[value] = _secrets.get(value, 0) + 1
    weakref.finalize(owner, _forgotten.append, kept)


def _settle() -> None:
    """Subtract the secrets of the clients that went away (``_lock`` held)."""
    while _forgotten:
        for value in _forgotten.popleft():
            left = _secrets.get(value, 0) - 1
            if left > 0:
                _secrets[value] = left
            else:
                _secrets.pop(value, None)


def live_secrets() -> int:
    """How many distinct secrets are remembered now (the clients that hold them are alive)."""
    with _lock:
        _settle()
        return len(_secrets)


def redact_text(text: str) -> str:
    """``text`` with every registered secret replaced (longest first, so a secret inside another goes too)."""
    with _lock:
        _settle()
        found = [s for s in _secrets if s in text]
    for secret in sorted(found, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


def is_sensitive_header(name: str) -> bool:
    return name.lower() in SENSITIVE_HEADERS


def redact_headers(headers: httpx.Headers | Iterable[tuple[str, str]]) -> dict[str, str]:
    items = headers.items() if isinstance(headers, httpx.Headers) else headers
    return {k: (REDACTED if is_sensitive_header(k) else redact_text(v)) for k, v in items}


def redact_url(url: httpx.URL | str) -> str:
    """The URL as text without user info, with sensitive query values and registered secrets replaced."""
    try:
        parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return REDACTED
    if parsed.userinfo:
        parsed = parsed.copy_with(userinfo=REDACTED.encode())
    if any(key.lower() in _QUERY_PARAMS for key in parsed.params):
        params = [(k, REDACTED if k.lower() in _QUERY_PARAMS else v) for k, v in parsed.params.multi_items()]
        parsed = parsed.copy_with(params=params)
    return redact_text(str(parsed))


def redact_value(value: V) -> V:
    """``value`` (a decoded JSON body) with every registered secret replaced in its strings, at any depth."""
    if isinstance(value, str):
        return cast(V, redact_text(value))
    if isinstance(value, Mapping):
        items = cast(Mapping[object, object], value).items()
        return cast(V, {redact_value(k): redact_value(v) for k, v in items})
    if isinstance(value, list):
        return cast(V, [redact_value(v) for v in cast(list[object], value)])
    return value


class RedactedDict(dict[str, V]):
    """Headers or query parameters whose ``repr`` (a traceback's locals, a debugger) shows no credential: the
    values of sensitive names and every registered secret are replaced."""

    def __repr__(self) -> str:
        shown = {k: (REDACTED if _sensitive_name(k) else v) for k, v in self.items()}
        return redact_text(repr(shown))


def _sensitive_name(name: str) -> bool:
    return name.lower() in SENSITIVE_HEADERS or name.lower() in _QUERY_PARAMS


class RedactedRequest(httpx.Request):
    """An ``httpx.Request`` whose ``repr`` shows its URL redacted (a query-key credential is in the URL)."""

    def __repr__(self) -> str:
        return f"<Request({self.method!r}, {redact_url(self.url)!r})>"


_FRAMING = frozenset(("content-encoding", "content-length", "transfer-encoding"))
"""Headers that describe the body as it was sent: a redacted copy carries the decoded body instead."""


def redacted_request(request: httpx.Request) -> httpx.Request:
    """A copy of ``request`` that holds no credential, for a pickled error: its method, its URL and its headers,
    redacted; not its body."""
    return RedactedRequest(request.method, redact_url(request.url), headers=redact_headers(request.headers))


def redacted_response(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """A copy of ``response`` that holds no credential, for a pickled error: its status, its headers and the part
    of its body that was read, redacted (an unread body is left out)."""
    try:
        content = redact_text(response.text).encode(response.encoding or "utf-8", errors="replace")
    except httpx.ResponseNotRead:
        content = b""
    headers = [(k, v) for k, v in redact_headers(response.headers).items() if k.lower() not in _FRAMING]
    return httpx.Response(response.status_code, headers=headers, content=content, request=request)
