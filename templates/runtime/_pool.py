"""The connection pool a client sends with: a fresh one in a forked child and in another event loop, and a call's
total deadline inside the sockets of the synchronous one.

A pool the SDK made is its own to replace: after ``os.fork()`` the child's copies of the parent's sockets are still
the parent's connections (two processes reading one socket get each other's responses), and an asyncio connection
belongs to the event loop it was opened in (another loop gets ``RuntimeError: Event loop is closed``). A client
passed in as ``http_client`` is the caller's: it is used as it is.
"""

from __future__ import annotations

import contextvars
import os
import weakref
from collections.abc import Callable, Generator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

import anyio.lowlevel
import httpx

from ._redact import RedactedRequest
from ._timeouts import remaining
from ._types import TimeoutValue

__all__ = ["Pool", "sync_pool", "async_pool", "deadline", "current_loop", "DEFAULT_CONNECTION_LIMITS"]

HttpClient = TypeVar("HttpClient", httpx.Client, httpx.AsyncClient)

DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

_forks = 0
"""How many times this process is a forked child of the process that imported this module (0 in that process)."""


def _forked() -> None:
    global _forks
    _forks += 1


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_forked)


class Pool(Generic[HttpClient]):
    """The httpx client of a client and of its copies (``copy()`` passes it on as ``http_client``: the copy finds
    this pool and shares it, replacements included)."""

    made: bool
    """The SDK made the httpx client (so it may replace it); ``False``: the caller's ``http_client``."""

    def __init__(self, make: Callable[[], HttpClient], client: HttpClient | None) -> None:
        self.made = client is None
        self._make = make
        self._client = self._new() if client is None else client
        self._forks = _forks
        self._loop: Callable[[], object] | None = None

    @property
    def request_factory(self) -> Callable[..., httpx.Request]:
        """How requests are made: by an ``http_client`` passed in, its ``build_request``, so that the headers, query
        parameters and cookies set on it are sent too (under the SDK's own); on the SDK's own client, which has
        none, the request itself (a merge costs about 25 µs a request), one whose ``repr`` redacts its URL."""
        return RedactedRequest if self.made else self._client.build_request

    @property
    def client(self) -> HttpClient:
        """The httpx client now (no check: for ``close()``, ``is_closed`` and ``copy()``)."""
        return self._client

    def current(self, loop: object | None = None) -> HttpClient:
        """The httpx client to send with from this process (and, for the async client, from event loop ``loop``):
        a new one where the SDK's own was made before a fork or used in another loop; never after ``close()``."""
        if self.made and not self._client.is_closed:
            if self._forks != _forks:
                self._forks = _forks
                self._client = self._new()  # the parent's sockets are left alone: closing them would end its calls
            if loop is not None and not self._on(loop):
                self._client = self._new()  # the old loop's connections cannot be closed from this one
        return self._client

    def _on(self, loop: object) -> bool:
        """Whether the pool last ran in ``loop``; it runs there from now on."""
        last = None if self._loop is None else self._loop()
        if last is loop:
            return True
        try:
            self._loop = weakref.ref(loop)
        except TypeError:  # an event loop token that takes no weak reference: hold it
            self._loop = lambda: loop
        return last is None

    def _new(self) -> HttpClient:
        client = self._make()
        if isinstance(client, httpx.Client):
            from ._sockets import bound_by_deadline  # httpcore's classes: imported with the first pool, not the SDK

            bound_by_deadline(client)
        _POOLS[client] = self
        return client


_POOLS: weakref.WeakKeyDictionary[httpx.Client | httpx.AsyncClient, Pool[Any]] = weakref.WeakKeyDictionary()
"""The pool of every httpx client the SDK made."""


def _pool_of(http_client: HttpClient | None, make: Callable[[], HttpClient]) -> Pool[HttpClient]:
    """The pool of ``http_client`` when the SDK made it (``copy()`` passes it on), else a new one."""
    found: Pool[HttpClient] | None = None if http_client is None else _POOLS.get(http_client)
    return found if found is not None else Pool(make, http_client)


def sync_pool(http_client: httpx.Client | None, timeout: TimeoutValue) -> Pool[httpx.Client]:
    """The pool of a client: ``http_client``'s, else one the SDK makes with ``timeout``."""
    return _pool_of(http_client, lambda: httpx.Client(timeout=timeout, limits=DEFAULT_CONNECTION_LIMITS))


def async_pool(http_client: httpx.AsyncClient | None, timeout: TimeoutValue) -> Pool[httpx.AsyncClient]:
    """The pool of an async client: ``http_client``'s, else one the SDK makes with ``timeout``."""
    return _pool_of(http_client, lambda: httpx.AsyncClient(timeout=timeout, limits=DEFAULT_CONNECTION_LIMITS))


def current_loop() -> object:
    """The running event loop (asyncio's loop, trio's token)."""
    return anyio.lowlevel.current_token().native_token


_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)


@contextmanager
def deadline(until: float | None) -> Generator[None]:
    """Inside the block, no socket operation of a synchronous pool the SDK made waits past ``until`` (a
    ``time.monotonic()``), however the server spreads what it sends (one header line every half second)."""
    token = _DEADLINE.set(until)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def bounded(timeout: float | None, error: type[Exception]) -> float | None:
    """A socket operation's timeout cut to what is left of the call's deadline; ``error`` when none is left."""
    left = remaining(_DEADLINE.get())
    if left is None:
        return timeout
    if left <= 0:
        raise error("The call's total timeout passed.")
    return left if timeout is None else min(timeout, left)
