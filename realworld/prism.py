"""The Prism mock server on a free port of 127.0.0.1, stopped by process group in every case.

A document Prism does not load (it exits, or does not listen in time) raises :class:`PrismError` with Prism's last
words: the harness reports it for that document and goes on.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import process as processes

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / "node_modules" / ".bin" / "prism"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def startup_seconds(document: Path) -> float:
    """How long Prism may take to start on ``document``: it reads and dereferences the whole document first, which
    takes minutes for the largest (4 MB and more) on a shared machine."""
    megabytes = document.stat().st_size / 1_000_000
    return 240 + 120 * megabytes


class PrismError(RuntimeError):
    """Prism did not start serving a document."""


@contextmanager
def serve(document: Path, *, errors: bool = False, startup_seconds: float = 240) -> Iterator[str]:
    """Prism mocking ``document``; yields its base URL once it accepts connections."""
    port = free_port()
    command = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(document)]
    if errors:
        command.insert(2, "--errors")
    log = tempfile.TemporaryFile()
    process = processes.start(command, stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    log.seek(0)
                    stderr = log.read().decode(errors="replace")
                    raise PrismError(f"Prism exited with {process.returncode}: {stderr.strip()[-500:]}") from None
                if time.monotonic() > deadline:
                    raise PrismError(f"Prism did not start within {startup_seconds:.0f}s") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)  # the whole group, whatever Prism started
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            processes.kill_group(process.pid)
            process.wait(timeout=10)
        processes.forget(process)
        log.close()
