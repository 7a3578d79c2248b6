"""The client under a third round of faults (issue 22): threads that create clients while others fail, clients by the
hundred thousand, a server that drips its headers, backoff past a thousand retries, a second event loop, a fork."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import signal
import socket
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator

import httpx
import pytest
import respx
from finetuning import APIConnectionError, APITimeoutError, AsyncClient, Client, InternalServerError, Timeout, _redact
from finetuning._exceptions import APIError
from finetuning._retries import MAX_RETRY_DELAY, retry_delay

JOB = {"id": "ftjob-1", "object": "fine_tuning.job", "status": "running", "model": "m", "created_at": 1}


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINETUNING_BASE_URL", raising=False)
    monkeypatch.delenv("FINETUNING_API_KEY", raising=False)


# -- the registry of secrets ------------------------------------------------------------------------------------


def test_clients_created_while_other_threads_fail_never_crash_the_redaction() -> None:
    request = httpx.Request("GET", "http://127.0.0.1/x")
    pool = httpx.Client()  # shared: an SSL context of its own would make a client 40 ms
    errors: list[BaseException] = []
    stop = time.monotonic() + 1.0

    def make_clients(n: int) -> None:
        i = 0
        while time.monotonic() < stop:
            i += 1
            Client(api_key=f"sk-thread{n}-{i:09d}", base_url="http://127.0.0.1", http_client=pool)

    def fail() -> None:
        while time.monotonic() < stop:
            try:
                APIError("a failing call with sk-thread0-000000001 in it", request, body=None)
            except BaseException as exc:  # noqa: BLE001 - the fault is any exception at all
                errors.append(exc)
                return

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=make_clients, args=(n,)) for n in (0, 1)]
        threads += [threading.Thread(target=fail) for _ in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []


def test_a_key_is_forgotten_when_its_clients_go() -> None:
    gc.collect()
    before = _redact.live_secrets()
    pool = httpx.Client()
    for i in range(5_000):
        Client(api_key=f"sk-short-lived-{i:09d}", base_url="http://127.0.0.1", http_client=pool)
    gc.collect()
    assert _redact.live_secrets() == before  # 200k of them cost 29 MB and 87 ms per failing call on main

    client = Client(api_key="sk-kept-by-a-copy-0123", base_url="http://127.0.0.1")
    copy = client.with_options(max_retries=0)
    del client
    gc.collect()
    assert _redact.redact_text("key sk-kept-by-a-copy-0123") == "key <redacted>"  # the copy still holds it
    del copy
    gc.collect()
    assert _redact.redact_text("key sk-kept-by-a-copy-0123") == "key sk-kept-by-a-copy-0123"


# -- backoff ----------------------------------------------------------------------------------------------------


def test_backoff_past_a_thousand_retries_does_not_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    assert 0 < retry_delay(1100, None) <= MAX_RETRY_DELAY
    monkeypatch.setattr(Client, "_sleep", lambda self, seconds: None)
    with respx.mock(base_url="http://api.test") as mock:
        route = mock.get("/fine_tuning/jobs/j").respond(503)
        client = Client(api_key="sk-test-backoff", base_url="http://api.test", max_retries=1100)
        with pytest.raises(InternalServerError):
            client.fine_tuning.jobs.retrieve("j")
    assert route.call_count == 1101


# -- a server that drips its headers ----------------------------------------------------------------------------


class RawServer:
    """A loopback TCP server that answers every request with ``answer(connection)`` on its own thread."""

    def __init__(self, answer: Callable[[socket.socket], None]) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._answer = answer
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(connection,), daemon=True).start()

    def _one(self, connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)
            try:
                self._answer(connection)
            except OSError:
                pass  # the client went away

    def close(self) -> None:
        self._listener.close()


DRIP = 0.25
"""Seconds between two header lines of the dripping server: each line is well within any read timeout."""


def drip_headers(connection: socket.socket) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    for i in range(16):  # 4 s of headers, then a body: far past the total
        time.sleep(DRIP)
        connection.sendall(f"x-drip-{i}: {i}\r\n".encode())
    body = json.dumps(JOB).encode()
    connection.sendall(b"content-type: application/json\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body))


@pytest.fixture
def dripping() -> Iterator[RawServer]:
    server = RawServer(drip_headers)
    yield server
    server.close()


def test_the_total_timeout_covers_headers_that_drip(dripping: RawServer) -> None:
    client = Client(api_key="sk-test-drip", base_url=dripping.url, max_retries=0)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        client.fine_tuning.jobs.retrieve("j", timeout=Timeout(1, total=1.2))
    assert 1.1 < time.monotonic() - started < 2.5


@pytest.mark.anyio
async def test_the_total_timeout_covers_headers_that_drip_async(dripping: RawServer) -> None:
    client = AsyncClient(api_key="sk-test-drip", base_url=dripping.url, max_retries=0)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await client.fine_tuning.jobs.retrieve("j", timeout=Timeout(1, total=1.2))
    assert 1.1 < time.monotonic() - started < 2.5


# -- event loops and forks --------------------------------------------------------------------------------------


def answer_with_port(connection: socket.socket) -> None:
    """Answer each request on the connection (kept alive) with the client's port, until it closes."""
    port = connection.getpeername()[1]
    while True:
        body = json.dumps({**JOB, "id": f"port-{port}"}).encode()
        head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(body)
        connection.sendall(head + body)
        if not connection.recv(65536):
            return


@pytest.fixture
def keep_alive() -> Iterator[RawServer]:
    server = RawServer(answer_with_port)
    yield server
    server.close()


def test_an_async_client_works_in_a_second_event_loop(keep_alive: RawServer) -> None:
    client = AsyncClient(api_key="sk-test-loops", base_url=keep_alive.url, max_retries=0)

    async def call() -> str:
        return (await client.fine_tuning.jobs.retrieve("j")).id

    first = asyncio.run(call())
    second = asyncio.run(call())  # main: RuntimeError: Event loop is closed, from the first loop's connection
    assert first.startswith("port-") and second.startswith("port-") and first != second


def test_a_callers_async_client_in_a_second_loop_is_retried_or_the_sdks_error(keep_alive: RawServer) -> None:
    client = AsyncClient(api_key="sk-test-loops", base_url=keep_alive.url, http_client=httpx.AsyncClient())

    async def call() -> str:
        return (await client.fine_tuning.jobs.retrieve("j")).id

    asyncio.run(call())
    try:
        assert asyncio.run(call()).startswith("port-")  # retried on a new connection
    except APIConnectionError as exc:
        assert "Event loop is closed" in str(exc.__cause__)


def _wait(pid: int, seconds: float) -> int:
    """The child's wait status; a child still running after ``seconds`` is killed and the test fails."""
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    pytest.fail(f"the forked child hung for {seconds} s")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_gets_a_pool_of_its_own(keep_alive: RawServer) -> None:
    client = Client(api_key="sk-test-fork", base_url=keep_alive.url, max_retries=0)
    parent_port = client.fine_tuning.jobs.retrieve("j").id  # a pooled keep-alive connection
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking a process that has threads
        pid = os.fork()
    if pid == 0:  # the child: report the port it was answered on, and nothing else
        try:
            os.write(write, client.fine_tuning.jobs.retrieve("j").id.encode())
        finally:
            os._exit(0)
    os.close(write)
    status = _wait(pid, seconds=10)
    child_port = os.read(read, 100).decode()
    os.close(read)
    assert os.waitstatus_to_exitcode(status) == 0
    assert child_port.startswith("port-") and child_port != parent_port  # main: the parent's socket, shared
    assert client.fine_tuning.jobs.retrieve("j").id == parent_port  # the parent keeps its own connection
