# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""The request loop shared by every resource: configuration, building requests, retries, redirects, deadlines,
errors and parsing.

Every decision is a plain function or a method shared by both clients (building the request, whether and how long
to wait before a retry, whether a redirect is followed, how much of a body is read, which error a status is, how the
response is parsed); the sync and async loops only send, sleep and read.
"""

from __future__ import annotations

import platform
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, NotRequired, TypedDict, TypeVar, Unpack, cast, get_args

import anyio
import httpx

from ._auth import NO_SECURITY, Credential, Security, credentials
from ._base_error import BaseError
from ._constants import DEFAULT_HEADERS, IDEMPOTENCY_HEADER
from ._exceptions import APITimeoutError, ClientClosedError, InvalidRequestError, status_error, transport_error
from ._logs import log_request, log_response, setup_logging
from ._pool import Pool, async_pool, current_loop, deadline, sync_pool
from ._reading import ACCEPT_ENCODING, DEFAULT_MAX_RESPONSE_SIZE, ERROR_BODY_LIMIT, BodyLimit, aread_body, read_body
from ._redact import is_sensitive_header, redact_url, register_secret
from ._request import (
    MAX_REDIRECTS,
    BaseURL,
    CallOptions,
    RequestOptions,
    check_headers,
    encode_body,
    merge_headers,
    merged_query,
    redirect_target,
    with_idempotency_key,
)
from ._response import APIResponse, AsyncAPIResponse, ParseContext, ResponseMode, parse_body, response_mode
from ._retries import retry_delay, should_retry
from ._timeouts import attempt_timeouts, deadline_of, remaining
from ._types import NOT_GIVEN, NotGiven, TimeoutValue
from ._utils import to_json
from ._version import __title__, __version__

__all__ = ["RequestOptions", "ClientSettings", "BaseClient", "SyncAPIClient", "AsyncAPIClient"]

T = TypeVar("T")
R = TypeVar("R")


class ClientSettings(TypedDict):
    """What every client is configured with (the generated client fills it from its arguments and defaults)."""

    base_url: str | httpx.URL
    timeout: TimeoutValue
    max_retries: int
    default_headers: Mapping[str, str] | None
    default_query: Mapping[str, object] | None
    strict_response_validation: bool
    credential: NotRequired[Credential | None]
    max_response_size: NotRequired[int | None]


@dataclass(frozen=True)
class Step:
    """What the loop does with a response: wait and retry, send again (a redirect followed), or finish, having read
    the body within ``read`` (nothing is read for a streamed response)."""

    wait: float | None = None
    done: bool = False
    read: BodyLimit | None = None


@dataclass
class _Call:
    """One call's state across its attempts, and the decisions between them."""

    options: RequestOptions
    max_retries: int
    mode: ResponseMode
    deadline: float | None
    max_response_size: int | None
    retries_taken: int = 0
    redirects: int = 0
    failed: bool = False

    @property
    def streams(self) -> bool:
        return self.mode == "stream" or self.options.stream

    def delay_after_failure(self, exc: Exception, request: httpx.Request) -> float:
        """Seconds to wait before retrying after ``exc``; raises the SDK's error when no retry is left. Retried:
        httpx's transport errors and, as in the official SDKs, any error neither httpx's nor the SDK's (``RuntimeError:
        Event loop is closed`` from a closed loop's connection in an ``http_client`` passed in)."""
        if isinstance(exc, BaseError):
            raise exc
        retryable = isinstance(exc, httpx.TransportError) or not isinstance(exc, httpx.HTTPError)
        if not retryable or not self._may_retry(None):
            raise transport_error(exc, request) from exc
        return self._next(None)

    def step(self, response: httpx.Response) -> Step:
        log_response(response, self.retries_taken)
        status = response.status_code
        if status < 300:
            return Step(done=True, read=None if self.streams else BodyLimit(self.max_response_size, self.deadline))
        if status >= 400 and should_retry(response) and self._may_retry(response.headers):
            return Step(wait=self._next(response.headers))
        target = redirect_target(response) if status < 400 and self.redirects < MAX_REDIRECTS else None
        if target is not None:
            self.redirects += 1
            self.options = self.options.with_url(str(target))
            return Step()
        self.failed = True
        return Step(done=True, read=BodyLimit(ERROR_BODY_LIMIT, self.deadline, truncate=True))

    def _may_retry(self, headers: httpx.Headers | None) -> bool:
        if self.retries_taken >= self.max_retries:
            return False
        left = remaining(self.deadline)
        return left is None or retry_delay(self.retries_taken, headers) < left

    def _next(self, headers: httpx.Headers | None) -> float:
        delay = retry_delay(self.retries_taken, headers)
        self.retries_taken += 1
        return delay


class BaseClient:
    """What the sync and async clients share: configuration and building requests."""

    _security: ClassVar[Security] = NO_SECURITY
    """The API's own security scheme: how the credential is sent unless an operation names another."""
    _streamed_response_class: ClassVar[type[APIResponse[Any]] | type[AsyncAPIResponse[Any]]]
    """What ``with_streaming_response`` returns (``with_raw_response``: an :class:`APIResponse`, body read)."""

    _base: BaseURL
    _request_factory: Callable[..., httpx.Request]
    max_retries: int
    timeout: TimeoutValue
    _default_headers: dict[str, str]
    _default_query: dict[str, object]
    _strict_response_validation: bool

    def __init__(self, **settings: Unpack[ClientSettings]) -> None:
        setup_logging()
        self._base = BaseURL.parse(settings["base_url"])
        self.timeout = settings["timeout"]
        self.max_retries = settings["max_retries"]
        self._default_headers = dict(settings["default_headers"] or {})
        self._default_query = dict(settings["default_query"] or {})
        self._strict_response_validation = settings["strict_response_validation"]
        self._max_response_size = settings.get("max_response_size", DEFAULT_MAX_RESPONSE_SIZE)
        self._credential = settings.get("credential")
        register_secret(
            self,
            *((self._credential,) if isinstance(self._credential, str) else self._credential or ()),
            *(v for k, v in self._default_headers.items() if is_sensitive_header(k)),
        )
        self._auth = credentials(self._security, self._credential)
        self._static_headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            "User-Agent": _user_agent(),
            **DEFAULT_HEADERS,
        }
        self._headers = merge_headers(self._static_headers, self._auth[0], self._default_headers)
        """Every request's headers but the call's own: checked once, here."""
        check_headers(self._headers)

    @property
    def base_url(self) -> httpx.URL:
        return self._base.url

    @property
    def max_response_size(self) -> int | None:
        """The most decoded bytes a response body may have (``None``: no limit)."""
        return self._max_response_size

    def _build_request(self, call: _Call) -> httpx.Request:
        """The next attempt's request (made as :attr:`Pool.request_factory` says)."""
        options = call.options
        if options.security is None:
            headers, auth_query = self._headers, self._auth[1]
        else:  # the operation's own scheme: the client's credential sent that scheme's way, or not at all
            auth_headers, auth_query = credentials(options.security, self._credential)
            headers = merge_headers(self._static_headers, auth_headers, self._default_headers)
        own: dict[str, str] = {"Accept": "text/event-stream"} if options.stream else {}
        if options.idempotency_key is not None and options.idempotency_header:
            own[options.idempotency_header] = options.idempotency_key
        if options.headers:
            check_headers(options.headers)
            own.update(options.headers)
        if call.retries_taken:
            own["X-Retry-Count"] = str(call.retries_taken)
        if own:
            headers = merge_headers(headers, own)
        base = self._base if options.server is None else BaseURL.cached(options.server)
        query = merged_query(base.query, auth_query, self._default_query, options.query, options.extra_query)
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        target: str | httpx.URL = options.url or base.join(options.path)
        try:
            if "?" in str(target) and query:  # a query in the path or link is kept: httpx would replace it
                target, query = httpx.URL(target).copy_merge_params(cast(Any, query)), {}
            request = self._request_factory(
                options.method.upper(),
                target,
                params=cast(Any, query) or None,
                headers=headers,
                **encode_body(options),
                extensions={"timeout": attempt_timeouts(timeout, call.deadline)},
            )
        except (httpx.InvalidURL, UnicodeError) as exc:  # a URL too long, a host idna refuses
            raise InvalidRequestError(f"The request URL cannot be built: {exc}") from exc
        if request.url.userinfo:
            raise InvalidRequestError(f"The request URL holds a user name or password: {redact_url(request.url)}")
        left = remaining(call.deadline)
        if left is not None and left <= 0:
            raise APITimeoutError(request)
        log_request(request, call.retries_taken)
        return request

    def _begin(self, options: RequestOptions) -> _Call:
        """The call's state; a call that sends an idempotency key gets one, reused by all of its retries."""
        options = with_idempotency_key(options, IDEMPOTENCY_HEADER, lambda: f"{__title__}-retry-{uuid.uuid4()}")
        max_retries = self.max_retries if isinstance(options.max_retries, NotGiven) else options.max_retries
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        return _Call(options, max_retries, response_mode.get(), deadline_of(timeout), self._max_response_size)

    def _custom(
        self, method: str, path: str, body: object, options: CallOptions | None, stream: bool = False
    ) -> RequestOptions:
        """A call of an endpoint the API does not describe: ``path`` under the base URL (or a URL on its host); with
        ``stream``, the response is a server-sent event stream."""
        options = options or {}
        url = None
        if path.startswith(("http://", "https://")):
            url, here = httpx.URL(path), self._base.url
            if (url.scheme, url.host, url.port) != (here.scheme, here.host, here.port):
                raise InvalidRequestError(
                    f"{redact_url(url)} is not on the API's host; credentials are not sent there."
                )
        return RequestOptions(
            method=method,
            path="" if url else path,
            url=str(url) if url else None,
            query=options.get("params"),
            json=None if body is None else to_json(body),
            headers=options.get("headers"),
            timeout=options.get("timeout", NOT_GIVEN),
            max_retries=options.get("max_retries", NOT_GIVEN),
            idempotency_key=options.get("idempotency_key"),
            stream=stream,
        )

    def _finish(self, call: _Call, response: httpx.Response, cast_to: Any, item_type: Any) -> Any:
        if call.failed:
            raise status_error(response)
        if item_type is None and call.options.stream:  # client.post(..., cast_to=Stream[Chunk], stream=True)
            item_type = next(iter(get_args(cast_to)), object)
        context = ParseContext(
            response, self, call.options, cast_to, item_type, self._strict_response_validation, call.retries_taken
        )
        if call.mode == "parsed":
            return parse_body(context)
        return APIResponse[Any](context) if call.mode == "raw" else self._streamed_response_class(context)

    def _check_open(self, is_closed: bool) -> None:
        if is_closed:
            raise ClientClosedError("The client was closed; create a new one (or use it inside its with block).")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={redact_url(self.base_url)!r}>"


def _user_agent() -> str:
    return f"{__title__}/{__version__} python/{platform.python_version()}"


class SyncAPIClient(BaseClient):
    _pool: Pool[httpx.Client]
    _owns_client: bool
    _streamed_response_class = APIResponse

    def __init__(self, *, http_client: httpx.Client | None, **settings: Unpack[ClientSettings]) -> None:
        super().__init__(**settings)
        self._owns_client = http_client is None
        self._pool = sync_pool(http_client, settings["timeout"])
        self._request_factory = self._pool.request_factory

    @property
    def _client(self) -> httpx.Client:
        """The httpx client the calls are sent with (``copy()`` passes it on: the copy shares the pool)."""
        return self._pool.client

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def request(self, cast_to: Any, options: RequestOptions, *, item_type: Any = None) -> Any:
        """Send ``options`` with retries; return data parsed as ``cast_to``, or a raw response when one was asked."""
        call = self._begin(options)
        while True:
            client = self._pool.current()
            self._check_open(client.is_closed)
            request = self._build_request(call)
            try:
                with deadline(call.deadline):
                    response = client.send(request, stream=True, follow_redirects=False)
                    step = call.step(response)
                    if step.read is not None:
                        read_body(response, step.read)
            except Exception as exc:
                self._sleep(call.delay_after_failure(exc, request))
                continue
            if step.done:
                return self._finish(call, response, cast_to, item_type)
            response.close()
            if step.wait is not None:
                self._sleep(step.wait)

    def get(self, path: str, *, cast_to: type[R], options: CallOptions | None = None, stream: bool = False) -> R:
        """``GET path`` (an endpoint the API does not describe), with the client's retries, errors and options.

        With ``stream=True`` the response is read as a server-sent event stream: ``cast_to=Stream[Chunk]``
        (``AsyncStream`` for the async client) gives its events, each parsed as ``Chunk``."""
        return cast(R, self.request(cast_to, self._custom("get", path, None, options, stream)))

    def post(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        """``POST path`` with ``body`` as JSON (models as their JSON form)."""
        return cast(R, self.request(cast_to, self._custom("post", path, body, options, stream)))

    def put(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        return cast(R, self.request(cast_to, self._custom("put", path, body, options, stream)))

    def patch(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        return cast(R, self.request(cast_to, self._custom("patch", path, body, options, stream)))

    def delete(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        return cast(R, self.request(cast_to, self._custom("delete", path, body, options, stream)))

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
    _pool: Pool[httpx.AsyncClient]
    _owns_client: bool
    _streamed_response_class = AsyncAPIResponse

    def __init__(self, *, http_client: httpx.AsyncClient | None, **settings: Unpack[ClientSettings]) -> None:
        super().__init__(**settings)
        self._owns_client = http_client is None
        self._pool = async_pool(http_client, settings["timeout"])
        self._request_factory = self._pool.request_factory

    @property
    def _client(self) -> httpx.AsyncClient:
        """The httpx client the calls are sent with (``copy()`` passes it on: the copy shares the pool)."""
        return self._pool.client

    async def _sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)

    async def request(self, cast_to: Any, options: RequestOptions, *, item_type: Any = None) -> Any:
        """Send ``options`` with retries; return data parsed as ``cast_to``, or a raw response when one was asked."""
        call = self._begin(options)
        while True:
            client = self._pool.current(current_loop())
            self._check_open(client.is_closed)
            request = self._build_request(call)
            try:
                with anyio.fail_after(remaining(call.deadline)):
                    response = await client.send(request, stream=True, follow_redirects=False)
                    step = call.step(response)
                    if step.read is not None:
                        await aread_body(response, step.read)
            except TimeoutError as exc:  # the deadline passed: no retry could start
                raise APITimeoutError(request) from exc
            except Exception as exc:
                await self._sleep(call.delay_after_failure(exc, request))
                continue
            if step.done:
                return self._finish(call, response, cast_to, item_type)
            await response.aclose()
            if step.wait is not None:
                await self._sleep(step.wait)

    async def get(self, path: str, *, cast_to: type[R], options: CallOptions | None = None, stream: bool = False) -> R:
        """``GET path`` (an endpoint the API does not describe), with the client's retries, errors and options.

        With ``stream=True`` the response is read as a server-sent event stream: ``cast_to=Stream[Chunk]``
        (``AsyncStream`` for the async client) gives its events, each parsed as ``Chunk``."""
        return cast(R, await self.request(cast_to, self._custom("get", path, None, options, stream)))

    async def post(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        """``POST path`` with ``body`` as JSON (models as their JSON form)."""
        return cast(R, await self.request(cast_to, self._custom("post", path, body, options, stream)))

    async def put(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        return cast(R, await self.request(cast_to, self._custom("put", path, body, options, stream)))

    async def patch(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        return cast(R, await self.request(cast_to, self._custom("patch", path, body, options, stream)))

    async def delete(
        self,
        path: str,
        *,
        cast_to: type[R],
        body: object = None,
        options: CallOptions | None = None,
        stream: bool = False,
    ) -> R:
        return cast(R, await self.request(cast_to, self._custom("delete", path, body, options, stream)))

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
