"""The worker pool: whatever a worker does, a wait for its result ends within seconds, and no worker outlives it.

A hang on the starting commit is turned into a failure by :func:`_deadline`, so that these tests fail instead of
hanging the suite.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.core.errors import GenerationError
from generator.output import processes

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="needs Linux /proc")


class _Stuck(BaseException):
    pass


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def stuck(_signum: int, _frame: object) -> None:
        raise _Stuck

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(seconds)
    try:
        yield
    except _Stuck:
        pytest.fail(f"the pool did not answer within {seconds} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class Unpicklable(Exception):
    """Like datamodel-code-generator's ``SchemaParseError``: it pickles, and its ``__init__`` refuses to unpickle."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(f"{message}: {detail}")


def _raise_unpicklable() -> None:
    raise Unpicklable("the schema is not valid", "type: [[string, null], null]")


def _raise_plain() -> None:
    raise KeyError("$ref")


def _kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _hang() -> None:
    time.sleep(60)


def _children() -> list[int]:
    me = os.getpid()
    try:
        return [int(p) for p in Path(f"/proc/{me}/task/{me}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_an_exception_that_cannot_be_unpickled_comes_back_named() -> None:
    """One that travels comes back as itself; one that cannot (its ``__init__`` wants two arguments) as a
    ``WorkerError`` that names it, where it once killed the pool's result thread and the wait never ended."""
    with _deadline(20), processes.pool(1) as workers:
        with pytest.raises(KeyError, match="ref"):
            workers.apply_async(_raise_plain).get()
        with pytest.raises(processes.WorkerError, match="^Unpicklable: the schema is not valid"):
            workers.apply_async(_raise_unpicklable).get()


def test_a_killed_worker_ends_the_wait_with_one_line() -> None:
    # the signal is named when the pool has not reaped the worker first ("killed by SIGKILL"), else "killed"
    with _deadline(20), pytest.raises(GenerationError, match=r"ended abruptly \(killed") as raised:
        with processes.pool(2) as workers:
            assert list(workers.imap(str, range(4))) == ["0", "1", "2", "3"]
            workers.apply_async(_kill_self).get()
    assert len(str(raised.value).splitlines()) == 1


def test_a_silent_worker_times_out_and_every_worker_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(processes.TIMEOUT_VARIABLE, "1")
    started = time.monotonic()
    with _deadline(20), pytest.raises(GenerationError, match="gave no result for 1 s"):
        with processes.pool(2) as workers:
            children = _children()
            workers.apply_async(_hang).get()
    assert time.monotonic() - started < 10
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children and not any(_alive(pid) for pid in children)


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_this_process_takes_items_from_the_end_while_the_workers_are_busy() -> None:
    """A pool has a worker fewer than the cores, for the caller works too: while it waits for the first result (its
    one worker busy with a long task), it does the items no worker has taken, from the last; results stay in order."""
    with _deadline(20), processes.pool(1) as workers:
        busy = workers.apply_async(_pid_after, (1.0,))
        results = list(workers.imap(_pid_after, [0.0] * 12))
        worker = busy.get()
    assert worker != os.getpid()
    assert results[-1] == os.getpid() and results[0] == worker  # the first item was queued for the worker
    assert set(results) == {worker, os.getpid()}
