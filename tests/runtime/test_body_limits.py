"""Response size limits: a maximum decoded size enforced while a body arrives and while it is decompressed, error
bodies read up to a small cap, and the memory a decompression bomb costs (under 2x the configured limit)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zlib
from typing import Any

import finetuning
import pytest
from finetuning import Client, ResponseTooLargeError

from tests.runtime.conftest import Served
from tests.support import ROOT

MiB = 1024 * 1024
KEY = "sk-test-key"
JOB = {"id": "ftjob-1", "object": "fine_tuning.job", "status": "running", "pad": ""}

# Runs in a fresh process: a loopback server in a thread, one client call, and the peak RSS it cost.
MEMORY_PROBE = r"""
import asyncio, json, sys, threading, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import finetuning

MiB = 1024 * 1024
case, limit, aio = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "async"
z = zlib.compressobj(9, zlib.DEFLATED, 31)
block = b"\0" * MiB
bomb_mib = 3 * limit // MiB if case == "bomb200" else 16
BOMB = b"".join([z.compress(block) for _ in range(bomb_mib)] + [z.flush()])  # 1 MiB of zeros in about 1 KiB

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        status = 200 if case == "bomb200" else 500
        self.send_response(status)
        if case == "plain500":
            self.send_header("content-length", str(53 * MiB))
            self.end_headers()
            try:
                for _ in range(53):
                    self.wfile.write(b"e" * MiB)
            except OSError:
                pass
            return
        self.send_header("content-type", "application/json")
        self.send_header("content-encoding", "gzip")
        self.send_header("content-length", str(len(BOMB)))
        self.end_headers()
        try:
            self.wfile.write(BOMB)
        except OSError:
            pass
    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}"

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) * 1024

def call():
    kwargs = dict(api_key="sk-x", base_url=url, max_retries=0, max_response_size=limit)
    if not aio:
        with finetuning.Client(**kwargs) as client:
            client.fine_tuning.jobs.retrieve("ftjob-1")
        return
    async def run():
        async with finetuning.AsyncClient(**kwargs) as client:
            await client.fine_tuning.jobs.retrieve("ftjob-1")
    asyncio.run(run())

try:  # warm up: imports, the connection pool, pydantic
    finetuning.Client(api_key="sk-x", base_url="http://127.0.0.1:9", max_retries=0).fine_tuning.jobs.retrieve("x")
except finetuning.APIConnectionError:
    pass
before = status("VmRSS:")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # resets the peak (VmHWM) to the current RSS
try:
    call()
    error = None
except finetuning.FinetuningError as exc:
    error = exc
print(json.dumps({
    "error": type(error).__name__,
    "message": str(error),
    "body_length": len(error.body) if isinstance(getattr(error, "body", None), str) else None,
    "peak_growth": status("VmHWM:") - before,
}))
"""


def probe(case: str, limit: int, aio: bool = False) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, case, str(limit), "async" if aio else "sync"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


needs_proc = pytest.mark.skipif(sys.platform != "linux", reason="reads peak memory from /proc")


@needs_proc
@pytest.mark.parametrize(
    ("limit", "aio"), [(100 * MiB, False), (16 * MiB, False), (16 * MiB, True)], ids=["default", "16MiB", "16MiB-async"]
)
def test_a_decompression_bomb_costs_less_than_twice_the_limit(limit: int, aio: bool) -> None:
    found = probe("bomb200", limit, aio)
    assert found["error"] == "ResponseTooLargeError", found
    assert found["peak_growth"] < 2 * limit, found


@needs_proc
@pytest.mark.parametrize("case", ["bomb500", "plain500"])
def test_an_error_body_is_read_only_up_to_a_small_cap(case: str) -> None:
    found = probe(case, 100 * MiB)
    assert found["error"] == "InternalServerError", found
    assert len(found["message"]) < 600
    assert found["body_length"] is None or found["body_length"] <= 64 * 1024
    assert found["peak_growth"] < 16 * MiB, found


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


def deflated(data: bytes, raw: bool) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw-deflate", "identity"])
def test_bodies_are_decoded_up_to_exactly_the_limit(loopback: Any, coding: str) -> None:
    body = json.dumps({**JOB, "pad": "x" * 100_000}).encode()
    encoded = {
        "gzip": lambda: gzipped(body),
        "deflate": lambda: deflated(body, raw=False),
        "raw-deflate": lambda: deflated(body, raw=True),
        "identity": lambda: body,
    }[coding]()
    header = "deflate" if coding == "raw-deflate" else coding
    served: Served = loopback(
        lambda *_: (200, {"content-type": "application/json", "content-encoding": header}, encoded)
    )
    with Client(api_key=KEY, base_url=served.url, max_response_size=len(body)) as client:
        job = client.fine_tuning.jobs.retrieve("ftjob-1")
        assert job.id == "ftjob-1" and len(job.to_dict()["pad"]) == 100_000
        with pytest.raises(ResponseTooLargeError) as info:
            client.with_options(max_response_size=len(body) - 1).fine_tuning.jobs.retrieve("ftjob-1")
    assert info.value.limit == len(body) - 1 and isinstance(info.value, finetuning.APIError)
    assert served.requests[0][3]["accept-encoding"] == "gzip, deflate"


def test_a_corrupt_gzip_body_is_a_connection_error(loopback: Any) -> None:
    served = loopback(lambda *_: (200, {"content-encoding": "gzip"}, b"\x1f\x8b not gzip at all"))
    with Client(api_key=KEY, base_url=served.url, max_retries=0) as client:
        with pytest.raises(finetuning.APIConnectionError, match="gzip"):
            client.fine_tuning.jobs.retrieve("ftjob-1")


def test_a_streamed_body_is_bounded_too(loopback: Any) -> None:
    bomb = gzipped(b"\0" * (8 * MiB))
    served = loopback(lambda *_: (200, {"content-encoding": "gzip"}, bomb))
    with Client(api_key=KEY, base_url=served.url, max_response_size=MiB) as client:
        with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as response:
            seen = 0
            with pytest.raises(ResponseTooLargeError):
                for chunk in response.iter_bytes():
                    seen += len(chunk)
            assert seen <= MiB
        with pytest.raises(ResponseTooLargeError):
            client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")


@pytest.mark.anyio
async def test_a_streamed_body_is_bounded_in_the_async_client(loopback: Any) -> None:
    bomb = gzipped(b"\0" * (8 * MiB))
    served = loopback(lambda *_: (200, {"content-encoding": "gzip"}, bomb))
    async with finetuning.AsyncClient(api_key=KEY, base_url=served.url, max_response_size=MiB) as client:
        with pytest.raises(ResponseTooLargeError):
            await client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
        async with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as response:
            with pytest.raises(ResponseTooLargeError):
                await response.read()
