# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Raw and streamed responses, and the wrappers behind ``with_raw_response`` and ``with_streaming_response``."""

from __future__ import annotations

import functools
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast, get_origin

import httpx

from ._base_client import RequestOptions, ResponseMode, response_mode
from ._constants import REQUEST_ID_HEADER
from ._exceptions import APIResponseValidationError

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["SyncAPIResponse", "AsyncAPIResponse"]

P = ParamSpec("P")
R = TypeVar("R")


class BaseAPIResponse(Generic[R]):
    """An HTTP response and what is needed to parse it into ``R``."""

    http_response: httpx.Response
    retries_taken: int
    """How many times the request was retried before this response arrived."""

    def __init__(
        self,
        response: httpx.Response,
        *,
        client: SyncAPIClient | AsyncAPIClient,
        cast_to: Any,
        item_type: Any,
        options: RequestOptions,
        retries_taken: int,
        strict: bool,
    ) -> None:
        self.http_response = response
        self.retries_taken = retries_taken
        self._client = client
        self._cast_to = cast_to
        self._item_type = item_type
        self._options = options
        self._strict = strict
        self._parsed: R | None = None
        self._is_parsed = False

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def request_id(self) -> str | None:
        return self.headers.get(REQUEST_ID_HEADER) if REQUEST_ID_HEADER else None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.http_request.method} {self.url}>"

    def _parse_body(self) -> R:
        from . import pagination  # noqa: PLC0415 - loaded with the first response, not at import time
        from ._models import construct_type, validate_type  # noqa: PLC0415

        cast_to = self._cast_to
        if cast_to is None:
            return cast(R, None)
        if cast_to is httpx.Response:
            return cast(R, self.http_response)
        if cast_to is bytes:
            return cast(R, self.http_response.content)
        if cast_to is str:
            return cast(R, self.http_response.text)
        origin = get_origin(cast_to) or cast_to
        data = self._json()
        if isinstance(origin, type) and issubclass(origin, pagination.BasePage):
            return cast(
                R,
                origin.build(
                    data,
                    client=self._client,
                    options=self._options,
                    item_type=self._item_type,
                    response=self.http_response,
                    strict=self._strict,
                ),
            )
        if not self._strict:
            return cast(R, construct_type(cast_to, data))
        import pydantic  # noqa: PLC0415

        try:
            return cast(R, validate_type(cast_to, data))
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(self.http_response, data, message=str(exc)) from exc

    def _json(self) -> object:
        try:
            return self.http_response.json()
        except ValueError as exc:
            text = self.http_response.text
            excerpt = " ".join(text[:200].split()) or "(empty body)"
            content_type = self.http_response.headers.get("content-type", "no content type")
            raise APIResponseValidationError(
                self.http_response,
                text,
                message=f"Expected a JSON body from status {self.status_code} ({content_type}), got: {excerpt}",
            ) from exc


class SyncAPIResponse(BaseAPIResponse[R]):
    """The raw HTTP response of a call; ``parse()`` gives what the method would have returned."""

    def parse(self) -> R:
        if not self._is_parsed:
            self.http_response.read()
            self._parsed = self._parse_body()
            self._is_parsed = True
        return cast(R, self._parsed)

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks, as it arrives."""
        return self.http_response.iter_bytes(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line, as it arrives."""
        return self.http_response.iter_lines()

    def close(self) -> None:
        self.http_response.close()


class AsyncAPIResponse(BaseAPIResponse[R]):
    """The raw HTTP response of a call; ``await parse()`` gives what the method would have returned."""

    async def parse(self) -> R:
        if not self._is_parsed:
            await self.http_response.aread()
            self._parsed = self._parse_body()
            self._is_parsed = True
        return cast(R, self._parsed)

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks, as it arrives."""
        return self.http_response.aiter_bytes(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        """The body line by line, as it arrives."""
        return self.http_response.aiter_lines()

    async def close(self) -> None:
        await self.http_response.aclose()


def _call_in_mode(mode: ResponseMode, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    token = response_mode.set(mode)
    try:
        return func(*args, **kwargs)
    finally:
        response_mode.reset(token)


async def _acall_in_mode(mode: ResponseMode, func: Callable[..., Awaitable[R]], *args: Any, **kwargs: Any) -> R:
    token = response_mode.set(mode)
    try:
        return await func(*args, **kwargs)
    finally:
        response_mode.reset(token)


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, SyncAPIResponse[R]]:
    """``func``, returning the raw response (body read) instead of the parsed data."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> SyncAPIResponse[R]:
        return cast("SyncAPIResponse[R]", _call_in_mode("raw", func, *args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[AsyncAPIResponse[R]]]:
    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[R]:
        return cast("AsyncAPIResponse[R]", await _acall_in_mode("raw", func, *args, **kwargs))

    return wrapped


def to_streamed_response_wrapper(func: Callable[P, R]) -> Callable[P, AbstractContextManager[SyncAPIResponse[R]]]:
    """``func`` as a context manager over the response; the body is read only when asked, and closed on exit."""

    @functools.wraps(func)
    @contextmanager
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> Generator[SyncAPIResponse[R]]:
        response = cast("SyncAPIResponse[R]", _call_in_mode("stream", func, *args, **kwargs))
        try:
            yield response
        finally:
            response.close()

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AbstractAsyncContextManager[AsyncAPIResponse[R]]]:
    @functools.wraps(func)
    @asynccontextmanager
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncGenerator[AsyncAPIResponse[R]]:
        response = cast("AsyncAPIResponse[R]", await _acall_in_mode("stream", func, *args, **kwargs))
        try:
            yield response
        finally:
            await response.close()

    return wrapped
