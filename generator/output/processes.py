"""Child processes (the workers that run black and datamodel-code-generator, and ruff) whose failures end the run
with one line, and that do not outlive the generator (ruff, a moment at most).

A worker killed with its parent cannot hold the caller's pipes open or keep hundreds of megabytes: on Linux every
worker asks the kernel to SIGKILL it when its parent dies (``prctl(PR_SET_PDEATHSIG)``), then checks that the parent
is not already gone. Workers ignore Ctrl-C, which the terminal sends to the whole process group: the parent alone
reports it, and stops them; SIGTERM, which stops them, does just that. ruff, which runs for a moment at a time, is
started in a session of its own instead (see :func:`short_child`).

Whatever a worker does, the run ends (:class:`Workers`): an exception it raises comes back to the parent as itself,
or, when it cannot travel between processes (it cannot be pickled, or unpickled), as a :class:`WorkerError` that
names it; a worker that dies (SIGKILL, the OOM killer) or gives no result for :func:`worker_timeout` seconds ends the
run with a :class:`~generator.core.errors.GenerationError` of one line, and the other workers are killed.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Generic, TypeVar

from generator.core.errors import GenerationError, Problem
from generator.output.signals import release, uninterrupted

PR_SET_PDEATHSIG = 1
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
TIMEOUT_VARIABLE = "SDKGEN_WORKER_TIMEOUT"
DEFAULT_TIMEOUT = 600.0
"""Seconds a wait for one worker's result may last (the longest step, datamodel-code-generator over a 4 MB
document, takes about 10 s on a busy machine)."""
_BUG = "this is a generator bug: please report it with the spec"
T = TypeVar("T")


def die_with(parent: int | None) -> None:
    """In a child: be killed when the parent dies (``parent`` is its pid, when the child was forked from it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked child inherits the parent's handler, which raises
    release()  # held back while the pool forked this process
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the parent died before the request above was made


def give_back_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``). Python keeps what it frees for reuse,
    so a process that built and dropped a large structure (a document's YAML nodes, datamodel-code-generator's
    models) would hold its peak to the end of the run. Does nothing without glibc."""
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)


def short_child() -> dict[str, Any]:
    """Keyword arguments for :mod:`subprocess` to run a tool that works for a moment (ruff): in a session of its own,
    so that Ctrl-C at the terminal reaches the generator alone, whose ``subprocess.run`` kills the tool on any
    exception. No ``preexec_fn`` (which would ask the kernel to kill the tool with its parent): with one, Python forks
    instead of using ``vfork``, and until the tool starts, the forked copy of the generator (a hundred megabytes) is
    counted a second time in the resident memory of the process tree. A tool whose generator was killed with SIGKILL
    ends when its short work is done."""
    return {"start_new_session": True} if os.name == "posix" else {}


def worker_timeout() -> float:
    """How long a wait for a worker's result may last: ``SDKGEN_WORKER_TIMEOUT`` seconds, default 600."""
    try:
        value = float(os.environ.get(TIMEOUT_VARIABLE, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


class WorkerError(Exception):
    """An exception a worker raised that cannot travel back as itself; its text names the original's type."""


def _portable(exc: BaseException) -> BaseException:
    """``exc``, if it survives pickling both ways (else the parent's result thread would die on it, or the worker
    could not send it); otherwise a :class:`WorkerError` with its type and text."""
    try:
        copy = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes, just made
        if type(copy) is type(exc):
            return exc
    except Exception:  # noqa: BLE001, S110 - any failure means: does not travel
        pass
    return WorkerError(f"{type(exc).__name__}: {exc}")


def _call(function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """In a worker: ``function(*args)``, with an exception that can reach the parent."""
    try:
        return function(*args)
    except BaseException as exc:
        portable = _portable(exc)
        if portable is exc:
            raise
        raise portable  # noqa: B904 - the original is its context, in the traceback --debug shows


class Pending(Generic[T]):
    """A result a worker is computing."""

    def __init__(self, workers: Workers, future: Future[T]) -> None:
        self._workers, self._future, self._since = workers, future, time.monotonic()

    def get(self) -> T:
        """The result (or the worker's exception); a dead or silent worker raises a ``GenerationError``."""
        return self._workers.wait(self._future, self._since)


class _Shared(Generic[T]):
    """The items of one :meth:`Workers.imap`: the workers are sent the first items not yet taken, ``ahead`` at a time
    (one more each time one is done), and the caller takes the last items not yet taken."""

    def __init__(
        self, executor: ProcessPoolExecutor, function: Callable[[Any], T], items: list[Any], ahead: int
    ) -> None:
        self.items, self.futures, self.mine = items, dict[int, Future[T]](), dict[int, T]()
        self._executor, self._function = executor, function
        self._lock = threading.RLock()
        self._first, self._last = 0, len(items) - 1  # the first and last items no one has taken
        for _ in range(ahead):
            self._send()

    def _send(self, done: Future[T] | None = None) -> None:
        """Send a worker the first item no one has taken; called again as each is done (in the pool's thread), but
        not after a failure: the wait for that one reports it."""
        if done is not None and (done.cancelled() or done.exception() is not None):
            return
        with self._lock:
            if self._first > self._last:
                return
            index, self._first = self._first, self._first + 1
            try:
                future = self._executor.submit(_call, self._function, (self.items[index],))
            except (RuntimeError, BrokenProcessPool):
                return  # shut down or broken: the waits for the items sent report it
            self.futures[index] = future
        future.add_done_callback(self._send)

    def waits_for(self, index: int) -> bool:
        """Whether the result of ``index`` is not there yet."""
        future = self.futures.get(index)
        return index not in self.mine and (future is None or not future.done())

    def take_last(self) -> bool:
        """Do the last item no one has taken, here; ``False`` when there is none."""
        with self._lock:
            if self._first > self._last:
                return False
            index, self._last = self._last, self._last - 1
        self.mine[index] = self._function(self.items[index])
        return True


class Workers:
    """A pool of worker processes that die with this one, started at once (so a forked worker carries only what
    the parent holds now: start it before reading a large document). Leaving its ``with`` block on an exception
    kills them instead of waiting for their work."""

    def __init__(self, processes: int) -> None:
        context = multiprocessing.get_context()
        forked = context.get_start_method() == "fork"
        self.timeout = worker_timeout()
        self.size = processes
        self._executor = ProcessPoolExecutor(
            processes, mp_context=context, initializer=die_with, initargs=(os.getpid() if forked else None,)
        )
        gc.freeze()  # forked workers inherit the parent's objects: their garbage collector need not walk them, ever
        try:
            with uninterrupted():  # a worker must not see Ctrl-C before it ignores it: it would print a traceback
                self._executor.submit(int)  # forks every worker now (under fork; others start them on demand)
        finally:
            gc.unfreeze()
        # the workers as started: a broken pool may drop them from its own list before we ask how one ended
        self._started = self._processes()

    def apply_async(self, function: Callable[..., T], args: tuple[Any, ...] = ()) -> Pending[T]:
        """Start ``function(*args)`` in a worker."""
        return Pending(self, self._executor.submit(_call, function, args))

    def imap(self, function: Callable[[Any], T], items: Iterable[Any]) -> Iterator[T]:
        """``function`` over ``items``; the results in order, each as soon as it is there. The workers take items
        from the start, a few at a time; while this process waits for one, it takes items from the end itself, so
        that its core is not idle: a pool of one worker fewer than the cores does the work of a pool of one per
        core, with one process less in memory."""
        shared = _Shared(self._executor, function, list(items), self.size + 1)
        since = time.monotonic()
        for index, item in enumerate(shared.items):
            while shared.waits_for(index) and shared.take_last():
                pass
            if index in shared.mine:
                yield shared.mine.pop(index)
            elif index in shared.futures:
                yield self.wait(shared.futures[index], since)
            else:  # the pool refused it (broken or shut down: the wait for an item sent says so): done here
                yield function(item)
            since = time.monotonic()  # the timeout runs from the last result: the others queued behind it

    def wait(self, future: Future[T], since: float) -> T:
        """``future``'s result, waiting at most until :attr:`timeout` seconds after ``since``."""
        try:
            return future.result(timeout=max(0.0, since + self.timeout - time.monotonic()))
        except FutureTimeout:
            message = f"a worker process gave no result for {self.timeout:g} s"
            hint = f"set {TIMEOUT_VARIABLE} to wait longer; if it still hangs, {_BUG}"
        except BrokenProcessPool:
            message, hint = f"a worker process ended abruptly ({self._how_ended()})", _BUG
        self.kill()
        raise GenerationError([Problem("generator", "", message, hint)]) from None

    def _processes(self) -> list[multiprocessing.process.BaseProcess]:
        processes = getattr(self._executor, "_processes", None) or {}  # the executor keeps no public list
        return list(processes.values())

    def _how_ended(self) -> str:
        processes = list({id(p): p for p in [*self._started, *self._processes()]}.values())
        ready = multiprocessing.connection.wait([p.sentinel for p in processes], timeout=1.0)  # the dead one
        # a closed sentinel comes a moment before the exit status can be read: wait for that too, briefly
        deadline = time.monotonic() + 1.0
        while any(p.exitcode is None for p in processes if p.sentinel in ready) and time.monotonic() < deadline:
            time.sleep(0.01)
        # SIGTERM is the pool's own, sent to the survivors once one died: it says nothing of how that one ended
        codes = [p.exitcode for p in processes if p.exitcode and p.exitcode != -signal.SIGTERM]
        signals = [-code for code in codes if code < 0]
        if signals:
            return f"killed by {signal.Signals(signals[0]).name}; out of memory, or killed by another process"
        return f"exit code {codes[0]}" if codes else "killed"

    def kill(self) -> None:
        """Stop every worker at once, and the work not yet started."""
        for process in self._processes():
            if process.exitcode is None:
                process.kill()
        # and wait for the pool's own thread, which the dead workers end at once: left running, it raced the
        # interpreter's exit and printed "Bad file descriptor" from the executor's shutdown hook
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self._executor.shutdown(wait=True)
        else:
            self.kill()


def pool(processes: int | None = None) -> Workers:
    """A :class:`Workers` pool of ``processes`` (default: one per core but one, for this process works too: see
    :meth:`Workers.imap`)."""
    return Workers(processes or max(1, _cores() - 1))


def _cores() -> int:
    """The cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1
