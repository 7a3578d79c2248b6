# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The request loop shared by every resource: building requests, retries, timeouts, errors and parsing.

There is one loop for the sync client and one for the async client; both are written from the same template.
"""

from __future__ import annotations

import email.utils
import logging
import platform
import random
import time
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import anyio
import httpx

from ._constants import (
    DEFAULT_CONNECTION_LIMITS,
    DEFAULT_HEADERS,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
)
from ._exceptions import APIConnectionError, APIStatusError, APITimeoutError, status_error
from ._logs import log_request, log_response, setup_logging
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ._utils import strip_not_given
from ._version import __title__, __version__

if TYPE_CHECKING:
    from ._response import AsyncAPIResponse, SyncAPIResponse

__all__ = ["RequestOptions", "SyncAPIClient", "AsyncAPIClient", "ResponseMode", "response_mode"]

log = logging.getLogger(__name__)

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 409, 429})
"""Besides every status of 500 and above."""

ResponseMode = Literal["parsed", "raw", "stream"]
response_mode: ContextVar[ResponseMode] = ContextVar("response_mode", default="parsed")
"""How the current call returns: parsed data, a raw response, or a streamed raw response (see ``_response``)."""


@dataclass(frozen=True)
class RequestOptions:
    """Everything one call asks for; resources build it, the client turns it into HTTP requests."""

    method: str
    path: str
    query: Query | None = None
    json: object | None = None
    headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | None = None

    def with_query(self, query: Mapping[str, object]) -> RequestOptions:
        return replace(self, query={**(self.query or {}), **query})


def _user_agent() -> str:
    return f"{__title__}/{__version__} python/{platform.python_version()}"


def parse_retry_after(headers: httpx.Headers, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait, from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return float(milliseconds) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return email.utils.mktime_tz(parsed) - (time.time() if now is None else now)


def retry_delay(retries_taken: int, headers: httpx.Headers | None) -> float:
    """How long to wait before retry number ``retries_taken + 1``.

    The server's ``retry-after-ms``/``retry-after`` wins when it is between 0 and ``MAX_RETRY_AFTER`` seconds;
    otherwise exponential backoff, ``min(0.5 * 2**n, 8)`` seconds, less up to 25% random jitter.
    """
    if headers is not None:
        asked = parse_retry_after(headers)
        if asked is not None and 0 < asked <= MAX_RETRY_AFTER:
            return asked
    delay = min(INITIAL_RETRY_DELAY * 2.0**retries_taken, MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())


def should_retry(response: httpx.Response) -> bool:
    """Retry 408, 409, 429 and 5xx, unless the server's ``x-should-retry`` header says otherwise."""
    override = response.headers.get("x-should-retry")
    if override == "true":
        return True
    if override == "false":
        return False
    return response.status_code in RETRYABLE_STATUS or response.status_code >= 500


def decode_error_body(response: httpx.Response) -> object | None:
    """The error body as JSON when it is JSON, else as text; ``None`` when empty."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


class BaseClient:
    """What the sync and async clients share: configuration and building requests."""

    _base_url: httpx.URL
    max_retries: int
    timeout: Timeout
    _default_headers: dict[str, str]
    _default_query: dict[str, object]
    _strict_response_validation: bool

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        strict_response_validation: bool,
    ) -> None:
        setup_logging()
        self._base_url = _with_trailing_slash(httpx.URL(str(base_url)))
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers = dict(default_headers or {})
        self._default_query = dict(default_query or {})
        self._strict_response_validation = strict_response_validation
        self._static_headers = {
            "Accept": "application/json",
            "User-Agent": _user_agent(),
            **DEFAULT_HEADERS,
        }

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @property
    def auth_headers(self) -> dict[str, str]:
        return {}

    @property
    def auth_query(self) -> dict[str, str]:
        return {}

    def _build_request(self, options: RequestOptions, retries_taken: int) -> httpx.Request:
        headers: dict[str, str] = {
            **self._static_headers,
            **self.auth_headers,
            **self._default_headers,
            **(options.headers or {}),
        }
        if retries_taken:
            headers["X-Retry-Count"] = str(retries_taken)
        query = {
            **self.auth_query,
            **self._default_query,
            **strip_not_given(options.query or {}),
            **(options.extra_query or {}),
        }
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        url = self._base_url.join(options.path.lstrip("/"))
        return httpx.Request(
            options.method.upper(),
            url,
            params=cast(Any, query) or None,
            headers=headers,
            **_body(options),
            extensions={"timeout": httpx.Timeout(timeout).as_dict()},
        )

    def _prepare_options(self, options: RequestOptions) -> RequestOptions:
        return options

    def _max_retries(self, options: RequestOptions) -> int:
        return self.max_retries if isinstance(options.max_retries, NotGiven) else options.max_retries


class SyncAPIClient(BaseClient):
    _client: httpx.Client
    _owns_client: bool

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        strict_response_validation: bool,
        http_client: httpx.Client | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            strict_response_validation=strict_response_validation,
        )
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(timeout=timeout, limits=DEFAULT_CONNECTION_LIMITS)

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        response.read()
        return status_error(response, decode_error_body(response))

    def request(self, cast_to: Any, options: RequestOptions, *, item_type: Any = None) -> Any:
        """Send ``options`` with retries; return data parsed as ``cast_to``, or a raw response when one was asked."""
        from ._response import SyncAPIResponse

        mode = response_mode.get()
        options = self._prepare_options(options)
        max_retries = self._max_retries(options)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken)
            log_request(request, retries_taken)
            try:
                response = self._client.send(request, stream=mode == "stream")
            except httpx.TransportError as exc:  # timeouts included: httpx.TimeoutException is a TransportError
                if retries_taken < max_retries:
                    self._sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                if isinstance(exc, httpx.TimeoutException):
                    raise APITimeoutError(request) from exc
                raise APIConnectionError(message=f"Connection error: {exc}", request=request) from exc
            log_response(response, retries_taken)
            if response.is_error:
                if retries_taken < max_retries and should_retry(response):
                    response.close()
                    self._sleep(retry_delay(retries_taken, response.headers))
                    retries_taken += 1
                    continue
                raise self._status_error(response)
            wrapped: SyncAPIResponse[Any] = SyncAPIResponse(
                response,
                client=self,
                cast_to=cast_to,
                item_type=item_type,
                options=options,
                retries_taken=retries_taken,
                strict=self._strict_response_validation,
            )
            if mode == "parsed":
                return wrapped.parse()
            return wrapped

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

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        strict_response_validation: bool,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            strict_response_validation=strict_response_validation,
        )
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(timeout=timeout, limits=DEFAULT_CONNECTION_LIMITS)

    async def _sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)

    async def _status_error(self, response: httpx.Response) -> APIStatusError:
        await response.aread()
        return status_error(response, decode_error_body(response))

    async def request(self, cast_to: Any, options: RequestOptions, *, item_type: Any = None) -> Any:
        """Send ``options`` with retries; return data parsed as ``cast_to``, or a raw response when one was asked."""
        from ._response import AsyncAPIResponse

        mode = response_mode.get()
        options = self._prepare_options(options)
        max_retries = self._max_retries(options)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken)
            log_request(request, retries_taken)
            try:
                response = await self._client.send(request, stream=mode == "stream")
            except httpx.TransportError as exc:  # timeouts included: httpx.TimeoutException is a TransportError
                if retries_taken < max_retries:
                    await self._sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                if isinstance(exc, httpx.TimeoutException):
                    raise APITimeoutError(request) from exc
                raise APIConnectionError(message=f"Connection error: {exc}", request=request) from exc
            log_response(response, retries_taken)
            if response.is_error:
                if retries_taken < max_retries and should_retry(response):
                    await response.aclose()
                    await self._sleep(retry_delay(retries_taken, response.headers))
                    retries_taken += 1
                    continue
                raise await self._status_error(response)
            wrapped: AsyncAPIResponse[Any] = AsyncAPIResponse(
                response,
                client=self,
                cast_to=cast_to,
                item_type=item_type,
                options=options,
                retries_taken=retries_taken,
                strict=self._strict_response_validation,
            )
            if mode == "parsed":
                return await wrapped.parse()
            return wrapped

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


def _body(options: RequestOptions) -> dict[str, Any]:
    """The httpx arguments that carry the body: JSON."""
    json_data = options.json
    if not options.extra_body:
        return {"json": json_data}
    if json_data is not None and not isinstance(json_data, Mapping):
        raise TypeError("extra_body adds fields to a JSON object; this request's body is not one")
    return {"json": {**cast(Mapping[str, object], json_data or {}), **options.extra_body}}


def _with_trailing_slash(url: httpx.URL) -> httpx.URL:
    return url if url.raw_path.endswith(b"/") else url.copy_with(raw_path=url.raw_path + b"/")
