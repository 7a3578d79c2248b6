"""Signals held back while a step must not be cut in half."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

STOPPING = frozenset({signal.SIGINT, signal.SIGTERM})
"""Ctrl-C and SIGTERM: the signals that stop a run."""


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (they are delivered when it ends). A process forked inside the
    block starts with them held back too, until it has set its own handlers (:func:`release`)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def release() -> None:
    """Deliver Ctrl-C and SIGTERM again, once this process's handlers for them are set."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)
