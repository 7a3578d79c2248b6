"""Reading response bodies within bounds: a maximum decoded size, enforced while the body arrives and while it is
decompressed, and the call's deadline, checked after every chunk.

gzip and deflate are decoded here with ``zlib`` in pieces of at most :data:`CHUNK_SIZE` bytes, so a small
compressed body cannot expand in memory past the limit (the client asks for no other coding); any other coding is
decoded by httpx, and counted as it comes out.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import TypeVar

import httpx

from ._exceptions import APITimeoutError, ResponseTooLargeError, reading_errors
from ._timeouts import remaining

__all__ = [
    "DEFAULT_MAX_RESPONSE_SIZE",
    "ERROR_BODY_LIMIT",
    "ACCEPT_ENCODING",
    "BodyLimit",
    "iter_decoded",
    "aiter_decoded",
    "read_body",
    "aread_body",
    "decoded_view",
    "read_content",
    "guarded",
    "aguarded",
]

T = TypeVar("T")

DEFAULT_MAX_RESPONSE_SIZE = 100 * 1024 * 1024
"""The default ``max_response_size`` of a client: 100 MiB of decoded body."""
ERROR_BODY_LIMIT = 64 * 1024
"""How much of an error body is read, for its ``body`` and the excerpt in the message."""
CHUNK_SIZE = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"
"""The codings the client asks for: the ones it decodes itself, within bounds."""


@dataclass(frozen=True)
class BodyLimit:
    max_bytes: int | None
    """The most decoded bytes to read; ``None``: no limit."""
    deadline: float | None = None
    """A ``time.monotonic()`` value the reading must not pass."""
    truncate: bool = False
    """Stop quietly at ``max_bytes`` or the deadline (an error body, read for its excerpt) instead of raising."""


class _Inflater:
    """One content coding (gzip or deflate), decoded in bounded pieces."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._may_be_raw = coding == "deflate"
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS if coding == "deflate" else zlib.MAX_WBITS | 16)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data and not self._zlib.eof:
            try:
                piece = self._zlib.decompress(data, CHUNK_SIZE)
            except zlib.error as exc:
                if not self._may_be_raw:
                    raise httpx.DecodingError(f"The response body is not valid {self._coding} data: {exc}") from exc
                self._may_be_raw = False  # servers send "deflate" as raw DEFLATE too (httpx accepts both)
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self._may_be_raw = False
            data = self._zlib.unconsumed_tail
            if piece:
                yield piece

    def flush(self) -> Iterator[bytes]:
        tail = self._zlib.flush()
        for start in range(0, len(tail), CHUNK_SIZE):
            yield tail[start : start + CHUNK_SIZE]


def _inflaters(response: httpx.Response) -> list[_Inflater] | None:
    """The decoders of the body's codings, last applied first; ``None`` when one is not gzip or deflate."""
    codings = [c.strip().lower() for v in response.headers.get_list("content-encoding") for c in v.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if any(c not in ("gzip", "x-gzip", "deflate") for c in codings):
        return None
    return [_Inflater(c) for c in reversed(codings)]


class _Reader:
    """Decoded pieces of one body, counted against its limit and checked against its deadline."""

    def __init__(self, response: httpx.Response, limit: BodyLimit) -> None:
        self._response = response
        self._limit = limit
        self._inflaters = _inflaters(response)
        self.decodes_itself = self._inflaters is not None
        """Whether the raw bytes are decoded here (else httpx's decoded bytes are only counted)."""
        self.count = 0
        self.done = False

    def take(self, chunk: bytes) -> Iterator[bytes]:
        pieces: Iterator[bytes] = iter((chunk,))
        for inflater in self._inflaters or ():
            pieces = _through(inflater, pieces)
        return self._counted(pieces)

    def finish(self) -> Iterator[bytes]:
        pieces: Iterator[bytes] = iter(())
        for inflater in self._inflaters or ():
            pieces = _chain(_through(inflater, pieces), inflater.flush())
        return self._counted(pieces)

    def _counted(self, pieces: Iterator[bytes]) -> Iterator[bytes]:
        limit = self._limit
        for piece in pieces:
            left = remaining(limit.deadline)
            if left is not None and left <= 0:
                self.done = True
                if limit.truncate:
                    return
                raise APITimeoutError(self._response.request)
            if limit.max_bytes is not None and self.count + len(piece) > limit.max_bytes:
                self.done = True
                if limit.truncate:
                    yield piece[: limit.max_bytes - self.count]
                    return
                raise ResponseTooLargeError(self._response, limit.max_bytes)
            self.count += len(piece)
            yield piece


def _through(inflater: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from inflater.feed(piece)


def _chain(first: Iterator[bytes], second: Iterator[bytes]) -> Iterator[bytes]:
    yield from first
    yield from second


def iter_decoded(response: httpx.Response, limit: BodyLimit) -> Iterator[bytes]:
    """The decoded body in pieces as it arrives; closes the response at the end, or when the reading stops."""
    reader = _Reader(response, limit)
    try:
        for chunk in response.iter_raw() if reader.decodes_itself else response.iter_bytes():
            yield from reader.take(chunk)
            if reader.done:
                return
        yield from reader.finish()
    finally:
        response.close()


async def aiter_decoded(response: httpx.Response, limit: BodyLimit) -> AsyncIterator[bytes]:
    """:func:`iter_decoded` for the async client."""
    reader = _Reader(response, limit)
    try:
        async for chunk in response.aiter_raw() if reader.decodes_itself else response.aiter_bytes():
            for piece in reader.take(chunk):
                yield piece
            if reader.done:
                return
        for piece in reader.finish():
            yield piece
    finally:
        await response.aclose()


def _store(response: httpx.Response, pieces: list[bytes]) -> bytes:
    content = b"".join(pieces)
    # What httpx.Response.read() does once it has the body: from here on .content, .text and .json() work.
    setattr(response, "_content", content)  # noqa: B010
    return content


def read_content(response: httpx.Response) -> bytes | None:
    """The body, if it was read; else ``None``."""
    try:
        return response.content
    except httpx.ResponseNotRead:
        return None


def read_body(response: httpx.Response, limit: BodyLimit) -> bytes:
    """Read the whole body within ``limit`` (httpx errors propagate, unless ``limit.truncate``)."""
    content = read_content(response)
    if content is not None:
        return content
    pieces: list[bytes] = []
    try:
        pieces.extend(iter_decoded(response, limit))
    except httpx.HTTPError:
        if not limit.truncate:
            raise
    return _store(response, pieces)


async def aread_body(response: httpx.Response, limit: BodyLimit) -> bytes:
    """:func:`read_body` for the async client."""
    content = read_content(response)
    if content is not None:
        return content
    pieces: list[bytes] = []
    try:
        async for piece in aiter_decoded(response, limit):
            pieces.append(piece)
    except httpx.HTTPError:
        if not limit.truncate:
            raise
    return _store(response, pieces)


class _DecodedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, response: httpx.Response, limit: BodyLimit) -> None:
        self._response = response
        self._limit = limit

    def __iter__(self) -> Iterator[bytes]:
        return iter_decoded(self._response, self._limit)

    def __aiter__(self) -> AsyncIterator[bytes]:
        return aiter_decoded(self._response, self._limit)

    def close(self) -> None:
        self._response.close()

    async def aclose(self) -> None:
        await self._response.aclose()


def decoded_view(response: httpx.Response, limit: BodyLimit) -> httpx.Response:
    """A response that reads ``response``'s body decoded and bounded, for httpx's own line and text iterators and
    the event-stream parser; closing it closes ``response``."""
    headers = [(k, v) for k, v in response.headers.raw if k.lower() not in (b"content-encoding", b"content-length")]
    return httpx.Response(
        response.status_code, headers=headers, stream=_DecodedStream(response, limit), request=response.request
    )


def guarded(iterator: Iterator[T], request: httpx.Request) -> Iterator[T]:
    """``iterator`` with httpx's errors raised as the SDK's (a timeout, a broken connection)."""
    with reading_errors(request):
        yield from iterator


async def aguarded(iterator: AsyncIterator[T], request: httpx.Request) -> AsyncIterator[T]:
    with reading_errors(request):
        async for item in iterator:
            yield item
