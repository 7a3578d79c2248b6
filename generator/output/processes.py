"""Child processes (black's worker processes, ruff) that never outlive the generator.

A child killed with its parent cannot hold the caller's pipes open or keep hundreds of megabytes: on Linux every child
asks the kernel to SIGKILL it when its parent dies (``prctl(PR_SET_PDEATHSIG)``), then checks that the parent is
not already gone. Children ignore Ctrl-C, which the terminal sends to the whole process group: the parent alone
reports it, and stops them; SIGTERM, which stops them, does just that.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Any

from generator.output.signals import release, uninterrupted

PR_SET_PDEATHSIG = 1
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def die_with(parent: int | None) -> None:
    """In a child: be killed when the parent dies (``parent`` is its pid, when the child was forked from it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked child inherits the parent's handler, which raises
    release()  # held back while the pool forked this process
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the parent died before the request above was made


def child() -> dict[str, Any]:
    """Keyword arguments for :mod:`subprocess` that make the process a child that dies with this one."""
    parent = os.getpid()
    return {"preexec_fn": lambda: die_with(parent)} if os.name == "posix" else {}


def pool(processes: int | None = None) -> Pool:
    """A pool of worker processes that die with this one; leaving its ``with`` block (on any exception too) kills
    them at once instead of waiting for their work."""
    context = multiprocessing.get_context()
    forked = context.get_start_method() == "fork"
    initializer: Callable[..., None] = die_with
    gc.freeze()  # forked workers inherit the parent's objects: their garbage collector need not walk them, ever
    try:
        with uninterrupted():  # a worker must not see Ctrl-C before it ignores it: it would print a traceback
            return context.Pool(processes, initializer=initializer, initargs=(os.getpid() if forked else None,))
    finally:
        gc.unfreeze()
