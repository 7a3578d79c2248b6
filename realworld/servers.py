"""Local HTTP servers on 127.0.0.1 for what mock servers do not do: record multipart uploads, stream server-sent events.

Standard library only, so it runs in any interpreter. A server answers every request through a ``reply`` function
and keeps what it received; a streamed reply is written chunk by chunk, and a client that goes away mid-stream is
noticed (``disconnected`` is set).
"""

from __future__ import annotations

import email.parser
import email.policy
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    """One request as the server read it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    """What to answer: a status, headers and body chunks, written with ``delay`` seconds between them."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    chunks: list[bytes] = field(default_factory=list)
    delay: float = 0.0


@dataclass
class Part:
    """One part of a ``multipart/form-data`` body."""

    name: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass
class Server:
    """A running server: its URL, the requests it received, and whether a client left in the middle of a reply."""

    url: str
    received: list[Received]
    disconnected: threading.Event


def parse_multipart(content_type: str, body: bytes) -> list[Part]:
    """The parts of a ``multipart/form-data`` body, in order (raises ``ValueError`` when it is not one)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    if not message.is_multipart():
        raise ValueError(f"not a multipart body: {content_type}")
    parts = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        parts.append(
            Part(
                str(name), part.get_filename(), part.get_content_type(), payload if isinstance(payload, bytes) else b""
            )
        )
    return parts


def sse_event(data: str) -> bytes:
    """One server-sent event carrying ``data`` (one line)."""
    return f"data: {data}\n\n".encode()


@contextmanager
def serve(reply: Callable[[Received], Reply]) -> Iterator[Server]:
    """A threaded HTTP/1.0 server on a free port of 127.0.0.1 (each reply ends by closing the connection)."""
    received: list[Received] = []
    disconnected = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Received(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
            received.append(request)
            answer = reply(request)
            self.send_response(answer.status)
            for key, value in answer.headers.items():
                self.send_header(key, value)
            self.end_headers()
            try:
                for chunk in answer.chunks:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    if answer.delay:
                        time.sleep(answer.delay)
            except (BrokenPipeError, ConnectionResetError):
                disconnected.set()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            """Quiet: the caller asserts on ``received``."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", received, disconnected)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
