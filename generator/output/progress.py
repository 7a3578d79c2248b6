"""What the command line shows while it works: the stage, and a progress bar for the long stages.

Shown only on a terminal; otherwise (and with ``--quiet``) nothing is printed until the summary.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 30


class Progress:
    """Silent: the interface every stage reports to."""

    def stage(self, name: str) -> None:
        """A new stage starts (``loading``, ``parsing``, ``models``, ``rendering``, ``formatting``, ``writing``)."""

    def advance(self, done: int, total: int) -> None:
        """``done`` of ``total`` items of the current stage are finished."""

    def finish(self) -> None:
        """The run is over; clear the line."""


class TerminalProgress(Progress):
    """One line on a terminal, rewritten in place: ``[3/6] formatting ████████░░░░ 812/2158  4.1s``."""

    STAGES = ("loading", "parsing", "models", "rendering", "formatting", "writing")

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self._stream = stream
        self._started = time.perf_counter()
        self._name = ""
        self._last = 0.0

    def _write(self, text: str) -> None:
        self._stream.write("\r\033[K" + text)
        self._stream.flush()

    def _prefix(self) -> str:
        number = self.STAGES.index(self._name) + 1 if self._name in self.STAGES else 0
        return f"[{number}/{len(self.STAGES)}] {self._name}"

    def stage(self, name: str) -> None:
        self._name = name
        self._write(f"{self._prefix()}  {time.perf_counter() - self._started:.1f}s")

    def advance(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        self._write(f"{self._prefix()} {bar} {done}/{total}  {now - self._started:.1f}s")

    def finish(self) -> None:
        self._write("")


def progress_for(stream: TextIO, quiet: bool) -> Progress:
    return TerminalProgress(stream) if not quiet and stream.isatty() else Progress()
