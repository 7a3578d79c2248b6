# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""The request loop shared by every resource: configuration, building requests, retries, errors and parsing.

Every decision is a plain function or a method of :class:`BaseClient` (building the request, whether and how long to
wait before a retry, which error a status is, how the response is parsed); the sync and async loops only send,
sleep and read.
"""

from __future__ import annotations

import platform
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, NotRequired, TypedDict, TypeVar, Unpack, cast

import anyio
import httpx

from ._auth import NO_SECURITY, Credential, Security, credentials
from ._constants import DEFAULT_HEADERS, IDEMPOTENCY_HEADER
from ._exceptions import APIConnectionError, APITimeoutError, status_error
from ._logs import log_request, log_response, setup_logging
from ._request import RequestOptions, encode_body, merged_query, with_trailing_slash
from ._response import AsyncAPIResponse, ParseContext, ResponseMode, SyncAPIResponse, parse_body, response_mode
from ._retries import retry_delay, should_retry
from ._types import NotGiven, Timeout
from ._version import __title__, __version__

__all__ = [
    "RequestOptions",
    "ClientSettings",
    "BaseClient",
    "SyncAPIClient",
    "AsyncAPIClient",
    "DEFAULT_CONNECTION_LIMITS",
]

T = TypeVar("T")

DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)


def _user_agent() -> str:
    return f"{__title__}/{__version__} python/{platform.python_version()}"


class ClientSettings(TypedDict):
    """What every client is configured with (the generated client fills it from its arguments and defaults)."""

    base_url: str | httpx.URL
    timeout: Timeout
    max_retries: int
    default_headers: Mapping[str, str] | None
    default_query: Mapping[str, object] | None
    strict_response_validation: bool
    credential: NotRequired[Credential | None]


@dataclass
class _Call:
    """One call's state across its attempts, and the decisions between them."""

    options: RequestOptions
    max_retries: int
    mode: ResponseMode
    retries_taken: int = 0

    @property
    def stream(self) -> bool:
        return self.mode == "stream" or self.options.stream

    def delay_after_failure(self, exc: httpx.TransportError, request: httpx.Request) -> float:
        """Seconds to wait before retrying after ``exc``; raises the SDK's error when no retry is left."""
        if self.retries_taken >= self.max_retries:
            if isinstance(exc, httpx.TimeoutException):
                raise APITimeoutError(request) from exc
            raise APIConnectionError(message=f"Connection error: {exc}", request=request) from exc
        return self._next(None)

    def delay_after_response(self, response: httpx.Response) -> float | None:
        """Seconds to wait before retrying after an error status, or ``None`` to keep this response."""
        if not response.is_error or self.retries_taken >= self.max_retries or not should_retry(response):
            return None
        return self._next(response.headers)

    def _next(self, headers: httpx.Headers | None) -> float:
        delay = retry_delay(self.retries_taken, headers)
        self.retries_taken += 1
        return delay


class BaseClient:
    """What the sync and async clients share: configuration and building requests."""

    _security: ClassVar[Security] = NO_SECURITY
    """The API's own security scheme: how the credential is sent unless an operation names another."""

    _base_url: httpx.URL
    max_retries: int
    timeout: Timeout
    _default_headers: dict[str, str]
    _default_query: dict[str, object]
    _strict_response_validation: bool

    def __init__(self, **settings: Unpack[ClientSettings]) -> None:
        setup_logging()
        self._base_url = with_trailing_slash(httpx.URL(str(settings["base_url"])))
        self.timeout = settings["timeout"]
        self.max_retries = settings["max_retries"]
        self._default_headers = dict(settings["default_headers"] or {})
        self._default_query = dict(settings["default_query"] or {})
        self._strict_response_validation = settings["strict_response_validation"]
        self._credential = settings.get("credential")
        self._auth = credentials(self._security, self._credential)
        self._static_headers = {"Accept": "application/json", "User-Agent": _user_agent(), **DEFAULT_HEADERS}

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @property
    def auth_headers(self) -> dict[str, str]:
        return self._auth[0]

    @property
    def auth_query(self) -> dict[str, str]:
        return self._auth[1]

    def _build_request(self, options: RequestOptions, retries_taken: int) -> httpx.Request:
        auth_headers, auth_query = (
            self._auth if options.security is None else credentials(options.security, self._credential)
        )
        headers: dict[str, str] = {
            **self._static_headers,
            **({"Accept": "text/event-stream"} if options.stream else {}),
            **auth_headers,
            **self._default_headers,
            **(options.headers or {}),
        }
        if options.idempotency_key is not None and IDEMPOTENCY_HEADER:
            headers.setdefault(IDEMPOTENCY_HEADER, options.idempotency_key)
        if retries_taken:
            headers["X-Retry-Count"] = str(retries_taken)
        query = merged_query(auth_query, self._default_query, options.query, options.extra_query)
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        url = options.url or self._base_url.join(options.path.lstrip("/"))
        return httpx.Request(
            options.method.upper(),
            url,
            params=cast(Any, query) or None,
            headers=headers,
            **encode_body(options),
            extensions={"timeout": httpx.Timeout(timeout).as_dict()},
        )

    def _begin(self, options: RequestOptions) -> _Call:
        """The call's state; every non-GET call gets one idempotency key, reused by all of its retries."""
        if IDEMPOTENCY_HEADER and options.method.lower() != "get" and options.idempotency_key is None:
            options = replace(options, idempotency_key=f"{__title__}-retry-{uuid.uuid4()}")
        max_retries = self.max_retries if isinstance(options.max_retries, NotGiven) else options.max_retries
        return _Call(options, max_retries, response_mode.get())

    def _context(self, call: _Call, response: httpx.Response, cast_to: Any, item_type: Any) -> ParseContext:
        return ParseContext(
            response, self, call.options, cast_to, item_type, self._strict_response_validation, call.retries_taken
        )


class SyncAPIClient(BaseClient):
    _client: httpx.Client
    _owns_client: bool

    def __init__(self, *, http_client: httpx.Client | None, **settings: Unpack[ClientSettings]) -> None:
        super().__init__(**settings)
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(timeout=settings["timeout"], limits=DEFAULT_CONNECTION_LIMITS)

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def request(self, cast_to: Any, options: RequestOptions, *, item_type: Any = None) -> Any:
        """Send ``options`` with retries; return data parsed as ``cast_to``, or a raw response when one was asked."""
        call = self._begin(options)
        while True:
            request = self._build_request(call.options, call.retries_taken)
            log_request(request, call.retries_taken)
            try:
                response = self._client.send(request, stream=call.stream)
            except httpx.TransportError as exc:  # timeouts included: httpx.TimeoutException is a TransportError
                self._sleep(call.delay_after_failure(exc, request))
                continue
            log_response(response, call.retries_taken)
            delay = call.delay_after_response(response)
            if delay is not None:
                response.close()
                self._sleep(delay)
                continue
            if response.is_error:
                response.read()
                raise status_error(response)
            context = self._context(call, response, cast_to, item_type)
            return parse_body(context) if call.mode == "parsed" else SyncAPIResponse[Any](context)

    def is_closed(self) -> bool:
        return self._client.is_closed

    def close(self) -> None:
        """Close the connection pool, unless it was passed in by the caller or belongs to the client copied."""
        if self._owns_client:
            self._client.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncAPIClient(BaseClient):
    _client: httpx.AsyncClient
    _owns_client: bool

    def __init__(self, *, http_client: httpx.AsyncClient | None, **settings: Unpack[ClientSettings]) -> None:
        super().__init__(**settings)
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(timeout=settings["timeout"], limits=DEFAULT_CONNECTION_LIMITS)

    async def _sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)

    async def request(self, cast_to: Any, options: RequestOptions, *, item_type: Any = None) -> Any:
        """Send ``options`` with retries; return data parsed as ``cast_to``, or a raw response when one was asked."""
        call = self._begin(options)
        while True:
            request = self._build_request(call.options, call.retries_taken)
            log_request(request, call.retries_taken)
            try:
                response = await self._client.send(request, stream=call.stream)
            except httpx.TransportError as exc:  # timeouts included: httpx.TimeoutException is a TransportError
                await self._sleep(call.delay_after_failure(exc, request))
                continue
            log_response(response, call.retries_taken)
            delay = call.delay_after_response(response)
            if delay is not None:
                await response.aclose()
                await self._sleep(delay)
                continue
            if response.is_error:
                await response.aread()
                raise status_error(response)
            context = self._context(call, response, cast_to, item_type)
            return parse_body(context) if call.mode == "parsed" else AsyncAPIResponse[Any](context)

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def close(self) -> None:
        """Close the connection pool, unless it was passed in by the caller or belongs to the client copied."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self: T) -> T:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
