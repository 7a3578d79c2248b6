"""Server-sent event streams: iterate a response's events as they arrive, decoded into the declared type."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, cast

import httpx
from httpx_sse import EventSource, ServerSentEvent, SSEError

from ._constants import ERROR_ENVELOPE, STREAM_TERMINATOR
from ._exceptions import APIError, APIResponseValidationError, error_details, transport_error
from ._reading import BodyLimit, decoded_view
from ._response import FromResponse, ParseContext

__all__ = ["Stream", "AsyncStream"]

T = TypeVar("T")


def _mapping(value: object) -> Mapping[str, object]:
    return cast(Mapping[str, object], value) if isinstance(value, Mapping) else {}


def _field_names(type_: object) -> frozenset[str]:
    """The JSON names of a model's fields; none for any other type."""
    fields: object = getattr(type_, "model_fields", None) if isinstance(type_, type) else None
    if not isinstance(fields, Mapping):
        return frozenset()
    return frozenset(getattr(f, "alias", None) or n for n, f in cast(Mapping[str, object], fields).items())


def _ends(event: ServerSentEvent) -> bool:
    """Whether ``event`` is the terminator (``STREAM_TERMINATOR``, from ``_constants``): the stream ends before it."""
    terminator = STREAM_TERMINATOR
    return terminator is not None and event.data.startswith(terminator)


class BaseStream(FromResponse, Generic[T]):
    """What the sync and async streams share: the response, and decoding one event."""

    response: httpx.Response

    def __init__(self, context: ParseContext) -> None:
        self.response = context.response
        self._context = context
        self._events = EventSource(decoded_view(context.response, BodyLimit(context.client.max_response_size)))
        """Events parsed from the body decoded within the client's ``max_response_size``."""

    @classmethod
    def from_api_response(cls, context: ParseContext) -> Self:
        return cls(context)

    def _decode(self, event: ServerSentEvent) -> T:
        """One event's data as ``T``; an ``error`` event raises :class:`APIError`."""
        try:
            data: object = json.loads(event.data)
        except ValueError as exc:
            if event.event == "error":
                raise self._error_event(event, event.data) from exc
            excerpt = " ".join(event.data[:200].split())
            raise APIResponseValidationError(
                self.response, event.data, message=f"Expected JSON in a server-sent event, got: {excerpt}"
            ) from exc
        if event.event == "error":
            raise self._error_event(event, data)
        error = self._error_inside(data)
        if error is not None:
            raise error
        item: Any = self._context.construct(self._context.item_type, data)
        return item

    def _error_event(self, event: ServerSentEvent, body: object) -> APIError:
        message = f"The server sent an error event: {event.data[:500]}"
        return APIError(message, self.response.request, body=error_details(body))

    def _error_inside(self, data: object) -> APIError | None:
        """An error the server sent as an ordinary event (``{"error": {"message": "overloaded"}}``, the envelope of
        its error responses) as :class:`APIError` with the error's message, as the official SDKs raise it; ``None``
        for a chunk, and for a chunk type that declares a field of that name itself."""
        key = ERROR_ENVELOPE or "error"
        error = _mapping(data).get(key)
        if not error or key in _field_names(self._context.item_type):
            return None
        message = _mapping(error).get("message")
        text = message if isinstance(message, str) and message else "An error occurred during streaming"
        return APIError(text, self.response.request, body=error)

    @contextmanager
    def _errors(self) -> Generator[None]:
        """A body that is not an event stream, and httpx's errors while reading it, raised as the SDK's errors."""
        try:
            yield
        except SSEError as exc:  # an httpx.TransportError too: first
            message = f"Expected a server-sent event stream: {exc}"
            raise APIResponseValidationError(self.response, None, message=message) from exc
        except httpx.HTTPError as exc:
            raise transport_error(exc, self.response.request) from exc


class Stream(BaseStream[T]):
    """The events of a streamed response. Iterate it once; the connection closes when the loop ends or breaks.

    Use it as a context manager (``with client... as stream:``) to close the connection however the block ends.
    """

    def __iter__(self) -> Iterator[T]:
        try:
            with self._errors():
                for event in self._events.iter_sse():
                    if _ends(event):
                        break
                    if event.data:
                        yield self._decode(event)
        finally:
            self.response.close()

    def close(self) -> None:
        """Close the connection; events not yet read are dropped."""
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncStream(BaseStream[T]):
    """The events of a streamed response, for ``async for``; ``async with`` closes it however the block ends."""

    async def __aiter__(self) -> AsyncIterator[T]:
        try:
            with self._errors():
                async for event in self._events.aiter_sse():
                    if _ends(event):
                        break
                    if event.data:
                        yield self._decode(event)
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
