"""Fixtures of the runtime tests: the runtime's source folder imported as a package, and a loopback HTTP server."""

from __future__ import annotations

import http.server
import importlib
import importlib.util
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support import ROOT

RUNTIME = ROOT / "templates" / "runtime"
RUNTIME_PACKAGE = "sdk_runtime"
"""The name ``templates/runtime/`` is imported under: its stand-ins make it a package of its own."""


def import_runtime() -> ModuleType:
    """``templates/runtime/`` as the package ``sdk_runtime`` (imported once per process)."""
    if RUNTIME_PACKAGE not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            RUNTIME_PACKAGE, RUNTIME / "__init__.py", submodule_search_locations=[str(RUNTIME)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[RUNTIME_PACKAGE] = module
        spec.loader.exec_module(module)
    return sys.modules[RUNTIME_PACKAGE]


@pytest.fixture(scope="session")
def runtime() -> ModuleType:
    """The runtime source package; its modules are ``importlib.import_module("sdk_runtime._x")``."""
    return import_runtime()


Answer = tuple[int, dict[str, str], bytes | Iterable[bytes]]
"""Status, headers and body; a body given in chunks is written chunk by chunk as the iterable yields them (with
whatever pauses it takes), after the headers; it may stop short of its ``content-length`` (the connection closes)."""


@dataclass
class Served:
    """What the loopback server answers (``handler(method, path, query, headers, body)`` -> :data:`Answer`) and
    every request it received."""

    handler: Callable[[str, str, dict[str, list[str]], dict[str, str], bytes], Answer]
    requests: list[tuple[str, str, dict[str, list[str]], dict[str, str]]] = field(default_factory=list)
    url: str = ""


class _Handler(http.server.BaseHTTPRequestHandler):
    served: Served
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        headers = {k.lower(): v for k, v in self.headers.items()}
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        self.served.requests.append((self.command, parts.path, query, headers))
        status, out_headers, out_body = self.served.handler(self.command, parts.path, query, headers, body)
        self.send_response(status)
        for name, value in out_headers.items():
            self.send_header(name, value)
        if isinstance(out_body, bytes):
            self.send_header("content-length", str(len(out_body)))
            self.end_headers()
            self.wfile.write(out_body)
            return
        self.close_connection = True
        if "content-length" not in {k.lower() for k in out_headers}:
            self.send_header("connection", "close")
        self.end_headers()
        try:
            for chunk in out_body:
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:
            pass  # the client went away

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[Callable[..., Served]]:
    """``loopback(handler)`` starts a threaded HTTP/1.1 server on 127.0.0.1 answering with ``handler``."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(handler: Callable[..., Answer]) -> Served:
        served = Served(handler)
        handler_class = type("Handler", (_Handler,), {"served": served})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        served.url = f"http://127.0.0.1:{server.server_address[1]}"
        return served

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def runtime_module(name: str) -> ModuleType:
    return importlib.import_module(f"{import_runtime().__name__}.{name}")
