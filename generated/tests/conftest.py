# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Fixtures: clients of a mock server that serves the API's OpenAPI document and validates every request.

The server is the one at ``FINETUNING_TEST_BASE_URL`` when that is set. Otherwise a Prism mock server
(``PRISM_BIN``, else ``prism`` on the PATH) is started for the session with the document at
``FINETUNING_TEST_SPEC``, on a free port of 127.0.0.1 with ``--errors`` (a request the document forbids fails),
and stopped at the end. Without either, the tests are skipped.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from finetuning import AsyncClient, Client

BASE_URL_ENV = "FINETUNING_TEST_BASE_URL"
SPEC_ENV = "FINETUNING_TEST_SPEC"
API_KEY = "test-api-key"
STARTUP_SECONDS = 60


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """The mock server's URL: the given one, or a Prism server started for this session."""
    given = os.environ.get(BASE_URL_ENV)
    if given:
        yield given
        return
    spec = os.environ.get(SPEC_ENV)
    prism = os.environ.get("PRISM_BIN") or shutil.which("prism")
    if not spec or not prism:
        pytest.skip(f"set {BASE_URL_ENV}, or {SPEC_ENV} and PRISM_BIN, to run the tests against a mock server")
    yield from _prism(prism, spec)


def _prism(prism: str, spec: str) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [prism, "mock", "--errors", "-h", "127.0.0.1", "-p", str(port), spec],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_it_answers(url, process)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_it_answers(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the mock server did not start at {url}") from None
            time.sleep(0.1)


@pytest.fixture
def client(base_url: str) -> Iterator[Client]:
    with Client(base_url=base_url, api_key=API_KEY, max_retries=0) as c:
        yield c


@pytest.fixture
async def async_client(base_url: str) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(base_url=base_url, api_key=API_KEY, max_retries=0) as c:
        yield c


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
