"""Every command the harness runs, each in a process group of its own, with a deadline.

A step of a document (generation, install, import, pyright, ruff, the smoke calls...) can hang: a generator bug that
loops, a mock server that never answers, a tool that waits for input. Each command starts a new session, so that
when its deadline passes the whole group is killed (the tool and whatever it started, a Node server or a compiler),
and :class:`TimedOut` says which step and after how long: the report shows a failure where the run would have hung.
The groups still alive are known, so that an interrupted harness leaves none behind (:func:`kill_all`), and starts
no more.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_LIVE: set[int] = set()
_LOCK = threading.Lock()
_STOPPED = threading.Event()


class TimedOut(Exception):
    """A command that did not finish within its step's deadline; its process group was killed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"timed out after {seconds:.0f} s")


@dataclass(frozen=True)
class Finished:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run(
    command: Sequence[str | Path],
    *,
    timeout: float,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Finished:
    """Run ``command`` to its end, or kill its process group after ``timeout`` seconds and raise :class:`TimedOut`."""
    started = time.perf_counter()
    process = start(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process.pid)
        process.communicate()
        raise TimedOut(timeout) from None
    finally:
        forget(process)
    return Finished(process.returncode, stdout, stderr, time.perf_counter() - started)


def start(
    command: Sequence[str | Path], *, cwd: Path | None = None, env: Mapping[str, str] | None = None, **streams: Any
) -> subprocess.Popen[str]:
    """Start ``command`` in a session of its own, known until :func:`forget`; refused once the harness stops."""
    if _STOPPED.is_set():
        raise RuntimeError("the harness was interrupted")
    process = subprocess.Popen(
        [str(c) for c in command],
        cwd=cwd,
        env=None if env is None else dict(env),
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
        **streams,
    )
    with _LOCK:
        _LIVE.add(process.pid)
    return process


def forget(process: subprocess.Popen[str]) -> None:
    """The command has ended (or its group has been killed): :func:`kill_all` leaves it alone."""
    with _LOCK:
        _LIVE.discard(process.pid)


def kill_group(pid: int) -> None:
    """Kill the process group that ``pid`` leads (already gone is fine)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def kill_all() -> None:
    """Kill the group of every command still running, and start no more (an interrupted harness leaves nothing
    behind)."""
    _STOPPED.set()
    with _LOCK:
        live = sorted(_LIVE)
    for pid in live:
        kill_group(pid)
