"""Requests a generated client sends, recorded with respx, and the parts of a multipart body."""

from __future__ import annotations

import email.parser
import email.policy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import respx


@contextmanager
def recorded(
    base: str,
    respond: Callable[[httpx.Request], httpx.Response],
    *,
    method: str,
    assert_all_called: bool = True,
    **pattern: Any,
) -> Iterator[list[httpx.Request]]:
    """respx answering ``method`` requests to ``base`` that match ``pattern`` (respx's lookups: ``path=``,
    ``url__regex=``...) with ``respond``; yields the requests sent, each read, in order."""
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        requests.append(request)
        return respond(request)

    with respx.mock(base_url=base, assert_all_called=assert_all_called) as router:
        router.route(method=method, **pattern).mock(side_effect=answer)
        yield requests


def multipart_parts(request: httpx.Request) -> list[tuple[str, str | None, bytes]]:
    """Each part of a multipart request, in order: its field name, content type and payload."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    found: list[tuple[str, str | None, bytes]] = []
    for part in message.iter_parts():
        name = dict(part.get_params(header="content-disposition")[1:])["name"]  # type: ignore[index]
        found.append((str(name), part.get("content-type"), part.get_payload(decode=True)))  # type: ignore[arg-type]
    return found
