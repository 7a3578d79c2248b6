"""Parsing a response into what a method returns; raw and streamed responses, and the wrappers behind
``with_raw_response`` and ``with_streaming_response``."""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from os import PathLike
from typing import TYPE_CHECKING, Any, Generic, Literal, ParamSpec, Self, TypeVar, cast, get_origin, overload

import anyio
import httpx

from ._constants import REQUEST_ID_HEADER
from ._exceptions import APIResponseValidationError, reading_errors
from ._reading import BodyLimit, aguarded, aread_body, decoded_view, guarded, read_body, read_content
from ._redact import redact_url
from ._request import RequestOptions

if TYPE_CHECKING:
    from ._base_client import BaseClient

__all__ = [
    "ResponseMode",
    "response_mode",
    "ParseContext",
    "FromResponse",
    "parse_body",
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryResponse",
    "Text",
    "to_raw_response_wrapper",
    "async_to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_streamed_response_wrapper",
]

JSON_LINES_MEDIA = frozenset(
    {"application/jsonl", "application/x-jsonl", "application/jsonlines", "application/x-jsonlines"}
    | {"application/x-ndjson", "application/ndjson"}
)
"""JSON Lines media types, as ``generator/inputs/vocabulary.py`` lists them (a test keeps the two equal)."""

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class Text(str):
    """A raw response's body as text: a ``str``, which can also be called (``response.text()``) as before."""

    __slots__ = ()

    def __call__(self) -> str:
        return str(self)


ResponseMode = Literal["parsed", "raw", "stream"]
response_mode: ContextVar[ResponseMode] = ContextVar("response_mode", default="parsed")
"""How the current call returns: parsed data, a raw response, or a streamed raw response."""


@dataclass(frozen=True)
class ParseContext:
    """A response and everything needed to turn it into the type a method returns."""

    response: httpx.Response
    client: BaseClient
    options: RequestOptions
    cast_to: Any
    item_type: Any
    strict: bool
    retries_taken: int = 0

    def construct(self, type_: object, data: object) -> Any:
        """``data`` as ``type_``: constructed leniently, or validated under ``strict_response_validation``."""
        from ._models import construct_type, validate_type  # noqa: PLC0415 - pydantic loads with the first response

        if not self.strict:
            return construct_type(type_, data)
        import pydantic  # noqa: PLC0415

        try:
            return validate_type(type_, data)
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(self.response, data, message=str(exc)) from exc

    @property
    def request_id(self) -> str | None:
        return self.response.headers.get(REQUEST_ID_HEADER) if REQUEST_ID_HEADER else None

    def json(self) -> object:
        """The body as JSON; a body that is not JSON raises :class:`APIResponseValidationError` with an excerpt.

        A JSON Lines body (its media type says so, or the call asked for one in ``Accept``) is the list of its
        non-blank lines' values."""
        try:
            if self._json_lines():
                return [json.loads(line) for line in self.response.text.splitlines() if line.strip()]
            return self.response.json()
        except ValueError as exc:
            text = self.response.text
            excerpt = " ".join(text[:200].split()) or "(empty body)"
            content_type = self.response.headers.get("content-type", "no content type")
            raise APIResponseValidationError(
                self.response,
                text,
                message=f"Expected a JSON body from status {self.response.status_code} ({content_type}), got: {excerpt}",
            ) from exc

    def _json_lines(self) -> bool:
        media = self.response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media in JSON_LINES_MEDIA:
            return True
        accept = {k.lower(): v for k, v in (self.options.headers or {}).items()}.get("accept", "")
        return not media.endswith("json") and accept.split(";")[0].strip().lower() in JSON_LINES_MEDIA


class FromResponse:
    """A return type that builds itself from the response (pages, event streams, binary bodies), not from JSON."""

    @classmethod
    def from_api_response(cls, context: ParseContext) -> Self:
        raise NotImplementedError


def parse_body(context: ParseContext) -> Any:
    """What the method returns for this response; the body was read unless the method streams it."""
    cast_to = context.cast_to
    if cast_to is None:
        return None
    if cast_to is httpx.Response:
        return context.response
    if cast_to is bytes:
        return context.response.content
    if cast_to is str:
        return context.response.text
    origin = get_origin(cast_to) or cast_to
    if isinstance(origin, type) and issubclass(origin, FromResponse):
        return origin.from_api_response(context)
    from ._models import with_request_id  # noqa: PLC0415 - pydantic loads with the first response

    return with_request_id(context.construct(cast_to, context.json()), context.request_id)


class BaseAPIResponse(Generic[R]):
    """An HTTP response and what is needed to parse it into ``R``."""

    http_response: httpx.Response
    retries_taken: int
    """How many times the request was retried before this response arrived."""

    def __init__(self, context: ParseContext) -> None:
        self.http_response = context.response
        self.retries_taken = context.retries_taken
        self._context = context
        self._parsed: dict[object, object] = {}
        """What ``parse`` gave, by the type asked for (``None``: the method's own)."""

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
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def request_id(self) -> str | None:
        return self._context.request_id

    @property
    def is_closed(self) -> bool:
        """Whether the connection is released: always once the body was read (raw responses), else at the end of
        a ``with_streaming_response`` block or after ``close()``."""
        return self.http_response.is_closed

    @property
    def elapsed(self) -> datetime.timedelta:
        """The time from sending the request to the end of the response (available once the body was read)."""
        return self.http_response.elapsed

    @property
    def _limit(self) -> BodyLimit:
        return BodyLimit(self._context.client.max_response_size)

    def _view(self) -> httpx.Response:
        """The body decoded and bounded, for httpx's iterators (the response itself once the body was read)."""
        if read_content(self.http_response) is not None:
            return self.http_response
        return decoded_view(self.http_response, self._limit)

    def _parse_once(self, to: object = None) -> Any:
        if to not in self._parsed:
            context = self._context if to is None else replace(self._context, cast_to=to)
            self._parsed[to] = parse_body(context)
        return self._parsed[to]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.http_request.method} {redact_url(self.url)}>"


class APIResponse(BaseAPIResponse[R]):
    """The HTTP response of a call, with synchronous methods; ``parse()`` gives what the method would have returned.

    ``with_raw_response`` returns one in both clients, with the body read (so ``parse()`` needs no ``await`` in the
    async client either); the sync client's ``with_streaming_response`` returns one that reads as you ask.
    Reading the body (``read``, ``text``, ``json``, ``iter_*``, ``stream_to_file``) is bounded by the client's
    ``max_response_size``; httpx's errors while reading are raised as the SDK's."""

    @overload
    def parse(self, *, to: type[T]) -> T: ...
    @overload
    def parse(self) -> R: ...
    def parse(self, *, to: type[T] | None = None) -> R | T:
        """What the method would have returned; ``to=`` another type reads the body as that (a model, ``dict``,
        ``str``, ``bytes``, ``httpx.Response``...). Parsed once per type."""
        if not self._context.options.stream:
            self.read()
        return self._parse_once(to)

    def read(self) -> bytes:
        with reading_errors(self.http_request):
            return read_body(self.http_response, self._limit)

    @property
    def content(self) -> bytes:
        """The body (read, within ``max_response_size``)."""
        return self.read()

    @property
    def text(self) -> Text:
        """The body as text; ``text()`` gives the same."""
        self.read()
        return Text(self.http_response.text)

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks, as it arrives."""
        return guarded(self._view().iter_bytes(chunk_size), self.http_request)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body as text, in chunks, as it arrives."""
        return guarded(self._view().iter_text(chunk_size), self.http_request)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line, as it arrives."""
        return guarded(self._view().iter_lines(), self.http_request)

    def stream_to_file(self, file: str | PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` as it arrives, without holding it all in memory."""
        with open(file, mode="wb") as out:
            for chunk in self.iter_bytes(chunk_size):
                out.write(chunk)

    def close(self) -> None:
        if not self.http_response.is_closed:
            self.http_response.close()


class AsyncAPIResponse(BaseAPIResponse[R]):
    """The response of the async client's ``with_streaming_response``: the body is read only as you ask, and
    ``await parse()`` gives what the method would have returned.

    Reading the body is bounded by the client's ``max_response_size``; httpx's errors are raised as the SDK's."""

    @overload
    async def parse(self, *, to: type[T]) -> T: ...
    @overload
    async def parse(self) -> R: ...
    async def parse(self, *, to: type[T] | None = None) -> R | T:
        """What the method would have returned; ``to=`` another type reads the body as that."""
        if not self._context.options.stream:
            await self.read()
        return self._parse_once(to)

    async def read(self) -> bytes:
        with reading_errors(self.http_request):
            return await aread_body(self.http_response, self._limit)

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks, as it arrives."""
        return aguarded(self._view().aiter_bytes(chunk_size), self.http_request)

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        """The body as text, in chunks, as it arrives."""
        return aguarded(self._view().aiter_text(chunk_size), self.http_request)

    def iter_lines(self) -> AsyncIterator[str]:
        """The body line by line, as it arrives."""
        return aguarded(self._view().aiter_lines(), self.http_request)

    async def stream_to_file(self, file: str | PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` as it arrives, without holding it all in memory."""
        async with await anyio.open_file(file, mode="wb") as out:
            async for chunk in self.iter_bytes(chunk_size):
                await out.write(chunk)

    async def close(self) -> None:
        await self.http_response.aclose()


class BinaryResponse(FromResponse):
    """A binary response body (a file, an image, an archive), already read: ``content``, ``text``, ``json()``,
    ``iter_bytes()``, ``write_to_file()``... as the official SDKs' binary results have them."""

    http_response: httpx.Response

    def __init__(self, response: httpx.Response) -> None:
        self.http_response = response

    @classmethod
    def from_api_response(cls, context: ParseContext) -> Self:
        return cls(context.response)

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (``http_response``), by the official SDKs' name."""
        return self.http_response

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    @property
    def encoding(self) -> str | None:
        return self.http_response.encoding

    @property
    def content_type(self) -> str | None:
        return self.http_response.headers.get("content-type")

    def json(self, **kwargs: Any) -> Any:
        """The body decoded as JSON (``json.loads``'s keyword arguments are passed on)."""
        return json.loads(self.http_response.content, **kwargs)

    def read(self) -> bytes:
        return self.http_response.content

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    async def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        for chunk in self.http_response.iter_bytes(chunk_size):
            yield chunk

    def write_to_file(self, file: str | PathLike[str]) -> None:
        """Write the body to ``file``. To write a large body as it arrives, use ``with_streaming_response``
        and :meth:`APIResponse.stream_to_file`."""
        with open(file, mode="wb") as out:
            out.write(self.http_response.content)

    def stream_to_file(self, file: str | PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` (it was read already: ``with_streaming_response`` writes it as it arrives)."""
        with open(file, mode="wb") as out:
            for chunk in self.http_response.iter_bytes(chunk_size):
                out.write(chunk)

    async def astream_to_file(self, file: str | PathLike[str], *, chunk_size: int | None = None) -> None:
        """:meth:`stream_to_file` without blocking the event loop."""
        async with await anyio.open_file(file, mode="wb") as out:
            for chunk in self.http_response.iter_bytes(chunk_size):
                await out.write(chunk)

    def close(self) -> None:
        """Release the connection (already released: the body was read)."""
        if not self.http_response.is_closed:
            self.http_response.close()

    async def aclose(self) -> None:
        if not self.http_response.is_closed:
            await self.http_response.aclose()

    def __repr__(self) -> str:
        return f"<BinaryResponse {self.content_type} {len(self.http_response.content)} bytes>"


def _call_in_mode(mode: ResponseMode, func: Callable[..., R], /, *args: Any, **kwargs: Any) -> R:
    token = response_mode.set(mode)
    try:
        return func(*args, **kwargs)
    finally:
        response_mode.reset(token)


async def _acall_in_mode(mode: ResponseMode, func: Callable[..., Awaitable[R]], /, *args: Any, **kwargs: Any) -> R:
    token = response_mode.set(mode)
    try:
        return await func(*args, **kwargs)
    finally:
        response_mode.reset(token)


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """``func``, returning the raw response (body read) instead of the parsed data."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        return cast("APIResponse[R]", _call_in_mode("raw", func, *args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[APIResponse[R]]]:
    """``func``, returning the raw response with its body read: ``(await ...).parse()`` needs no ``await``."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        return cast("APIResponse[R]", await _acall_in_mode("raw", func, *args, **kwargs))

    return wrapped


def to_streamed_response_wrapper(func: Callable[P, R]) -> Callable[P, AbstractContextManager[APIResponse[R]]]:
    """``func`` as a context manager over the response; the body is read only when asked, and closed on exit."""

    @functools.wraps(func)
    @contextmanager
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> Generator[APIResponse[R]]:
        response = cast("APIResponse[R]", _call_in_mode("stream", func, *args, **kwargs))
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
