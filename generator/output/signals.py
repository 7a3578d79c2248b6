"""Signals held back while a step must not be cut in half."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

STOPPING = frozenset({signal.SIGINT, signal.SIGTERM})
"""Ctrl-C and SIGTERM: the signals that stop a run."""

Handler = Callable[[int, FrameType | None], object] | int | None


@contextmanager
def uninterrupted(*, every_thread: bool = False) -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (they are delivered when it ends). A process forked inside the
    block starts with them held back too, until it has set its own handlers (:func:`release`).

    The mask holds a signal back from this thread only; with ``every_thread``, one that another thread of the process
    takes (a thread of a worker pool, of a test runner) is held back too: the handlers record it, and it is raised
    again when the block ends. Not for a block that forks: a child would inherit the recording handlers."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    caught: list[int] = []
    handlers = _recording(caught) if every_thread and threading.current_thread() is threading.main_thread() else {}
    try:
        yield
    finally:
        # A signal another thread took may reach Python's handler only now, as a KeyboardInterrupt: the mask and
        # every handler are put back whatever is raised meanwhile (a mask left blocking would hold back every
        # later Ctrl-C of the process)
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        finally:
            _restore(list(handlers.items()))
        for signum in dict.fromkeys(caught):
            signal.raise_signal(signum)


def _restore(handlers: list[tuple[int, Handler]]) -> None:
    """Put back each handler; an exception raised meanwhile propagates once all of them are back."""
    if handlers:
        (signum, handler), rest = handlers[0], handlers[1:]
        try:
            signal.signal(signum, handler)
        finally:
            _restore(rest)


def _recording(caught: list[int]) -> dict[int, Handler]:
    """Handlers that note each stopping signal in ``caught``; the handlers they replace (those set from Python)."""
    replaced: dict[int, Handler] = {}
    for signum in sorted(STOPPING):
        if signal.getsignal(signum) is not None:
            replaced[signum] = signal.signal(signum, lambda number, _frame: caught.append(number))
    return replaced


def release() -> None:
    """Deliver Ctrl-C and SIGTERM again, once this process's handlers for them are set."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)
