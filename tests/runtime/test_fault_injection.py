"""The generated client against a real, misbehaving HTTP server on 127.0.0.1.

A raw-socket server is scripted per test: each incoming request takes the next action of the script (reset the
connection, answer, or answer with a body that arrives late). Every response closes its connection, so one
request is one connection. Retry sleeps are patched; nothing waits for real except the slow-body timeout test.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

import finetuning
import pytest
from finetuning import APITimeoutError, AsyncClient, Client
from finetuning._base_client import AsyncAPIClient, SyncAPIClient

JOB_BODY = (
    b'{"id": "ftjob-1", "created_at": 1700000000, "error": null, "fine_tuned_model": null, "finished_at": null,'
    b' "hyperparameters": {"n_epochs": "auto"}, "model": "gpt-4o-mini", "object": "fine_tuning.job",'
    b' "organization_id": "org-1", "result_files": [], "seed": 42, "status": "running", "trained_tokens": null,'
    b' "training_file": "file-1", "validation_file": null}'
)


@dataclass
class Reset:
    """Read the request, then abort the connection with a TCP RST."""


@dataclass
class Respond:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = JOB_BODY


@dataclass
class SlowBody:
    """Send the status line and headers at once, the body only after ``delay`` seconds."""

    delay: float
    body: bytes = JOB_BODY


Action = Reset | Respond | SlowBody

REASONS = {200: "OK", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}


@dataclass
class SeenRequest:
    request_line: str
    headers: dict[str, str]


class ScriptedServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 that plays ``script`` one action per request."""

    def __init__(self) -> None:
        self.script: deque[Action] = deque()
        self.requests: list[SeenRequest] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.05)
        self.port: int = self._sock.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, name="scripted-server", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def play(self, *actions: Action) -> None:
        self.script.extend(actions)

    def start(self) -> None:
        self._acceptor.start()

    def stop(self) -> None:
        self._stop.set()
        self._acceptor.join(timeout=5)
        self._sock.close()
        for thread in self._threads:
            thread.join(timeout=5)
        assert not any(t.is_alive() for t in [self._acceptor, *self._threads]), "server threads did not stop"

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _read_request(self, conn: socket.socket) -> SeenRequest | None:
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        remaining = int(headers.get("content-length", "0")) - len(rest)
        while remaining > 0:
            chunk = conn.recv(remaining)
            if not chunk:
                break
            remaining -= len(chunk)
        return SeenRequest(lines[0], headers)

    def _handle(self, conn: socket.socket) -> None:
        try:
            request = self._read_request(conn)
            if request is None:
                return
            with self._lock:
                self.requests.append(request)
                action = self.script.popleft() if self.script else Respond(500, {"x-should-retry": "false"}, b"{}")
            if isinstance(action, Reset):
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            if isinstance(action, Respond):
                conn.sendall(_head(action.status, action.headers, len(action.body)) + action.body)
                return
            conn.sendall(_head(200, {}, len(action.body)))
            if not self._stop.wait(action.delay):
                conn.sendall(action.body)
        except OSError:
            pass  # the client gave up on this connection
        finally:
            conn.close()


def _head(status: int, headers: dict[str, str], length: int) -> bytes:
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}"]
    all_headers = {"content-type": "application/json", "content-length": str(length), "connection": "close"}
    all_headers.update(headers)
    lines += [f"{k}: {v}" for k, v in all_headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    srv = ScriptedServer()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    def fake_sleep(self: object, seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(self: object, seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(SyncAPIClient, "_sleep", fake_sleep)
    monkeypatch.setattr(AsyncAPIClient, "_sleep", fake_async_sleep)
    return recorded


def retry_counts(server: ScriptedServer) -> list[str | None]:
    return [r.headers.get("x-retry-count") for r in server.requests]


# (a) connection resets -------------------------------------------------------------------------------------------------


def test_connection_resets_then_success(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(Reset(), Reset(), Respond())
    with Client(base_url=server.base_url) as client:
        response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.status_code == 200
    assert response.retries_taken == 2
    assert response.parse().id == "ftjob-1"
    assert len(server.requests) == 3
    assert retry_counts(server) == [None, "1", "2"]
    assert len(sleeps) == 2


@pytest.mark.anyio
async def test_connection_resets_then_success_async(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(Reset(), Reset(), Respond())
    async with AsyncClient(base_url=server.base_url) as client:
        response = await client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
        assert response.retries_taken == 2
        assert response.parse().id == "ftjob-1"
    assert retry_counts(server) == [None, "1", "2"]
    assert len(sleeps) == 2


def test_connection_resets_exhaust_retries(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(Reset(), Reset(), Reset())
    with Client(base_url=server.base_url) as client:
        with pytest.raises(finetuning.APIConnectionError) as exc_info:
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert not isinstance(exc_info.value, APITimeoutError)
    assert len(server.requests) == 3


@pytest.mark.anyio
async def test_connection_resets_exhaust_retries_async(
    api_key: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    server.play(Reset(), Reset())
    async with AsyncClient(base_url=server.base_url, max_retries=1) as client:
        with pytest.raises(finetuning.APIConnectionError):
            await client.fine_tuning.jobs.retrieve("ftjob-1")
    assert len(server.requests) == 2


# (b) a burst of 503s ---------------------------------------------------------------------------------------------------


def test_burst_of_503_then_success(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(*[Respond(503, body=b'{"error": "busy"}') for _ in range(4)], Respond())
    with Client(base_url=server.base_url, max_retries=5) as client:
        response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.retries_taken == 4
    assert response.parse().status == "running"
    assert retry_counts(server) == [None, "1", "2", "3", "4"]
    assert len(sleeps) == 4


@pytest.mark.anyio
async def test_burst_of_503_then_success_async(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(Respond(503), Respond(503), Respond())
    async with AsyncClient(base_url=server.base_url) as client:
        job = await client.fine_tuning.jobs.retrieve("ftjob-1")
    assert job.id == "ftjob-1"
    assert len(server.requests) == 3


def test_burst_of_503_longer_than_retries(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(*[Respond(503, headers={"x-request-id": f"req_{i}"}) for i in range(3)], Respond())
    with Client(base_url=server.base_url) as client:
        with pytest.raises(finetuning.InternalServerError) as exc_info:
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert exc_info.value.status_code == 503
    assert exc_info.value.request_id == "req_2"
    assert len(server.requests) == 3


# (c) 429 with retry-after ----------------------------------------------------------------------------------------------


def test_429_retry_after_honoured(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(Respond(429, headers={"retry-after": "0.01"}, body=b'{"error": "slow down"}'), Respond())
    with Client(base_url=server.base_url) as client:
        response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.retries_taken == 1
    assert sleeps == [pytest.approx(0.01)]


@pytest.mark.anyio
async def test_429_retry_after_ms_honoured_async(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(
        Respond(429, headers={"retry-after-ms": "20"}), Respond(429, headers={"retry-after": "0.01"}), Respond()
    )
    async with AsyncClient(base_url=server.base_url) as client:
        response = await client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.retries_taken == 2
    assert sleeps == [pytest.approx(0.02), pytest.approx(0.01)]


# (d) a body slower than the timeout ------------------------------------------------------------------------------------


def test_slow_body_times_out(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(SlowBody(delay=1.0))
    with Client(base_url=server.base_url, timeout=0.2, max_retries=0) as client:
        start = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.fine_tuning.jobs.retrieve("ftjob-1")
        elapsed = time.monotonic() - start
    assert elapsed < 0.9
    assert len(server.requests) == 1
    assert sleeps == []


@pytest.mark.anyio
async def test_slow_body_times_out_async(api_key: str, server: ScriptedServer, sleeps: list[float]) -> None:
    server.play(SlowBody(delay=1.0))
    async with AsyncClient(base_url=server.base_url, timeout=0.2, max_retries=0) as client:
        start = time.monotonic()
        with pytest.raises(APITimeoutError):
            await client.fine_tuning.jobs.retrieve("ftjob-1")
        elapsed = time.monotonic() - start
    assert elapsed < 0.9
    assert len(server.requests) == 1


def test_slow_body_per_call_timeout_then_retry_succeeds(
    api_key: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    server.play(SlowBody(delay=1.0), Respond())
    with Client(base_url=server.base_url) as client:
        start = time.monotonic()
        response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1", timeout=0.2)
        elapsed = time.monotonic() - start
    assert response.retries_taken == 1
    assert response.parse().id == "ftjob-1"
    assert elapsed < 0.9
    assert len(sleeps) == 1
