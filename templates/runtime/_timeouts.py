"""Timeouts of a call: httpx's per-operation timeouts, and a total deadline over every attempt of one call."""

from __future__ import annotations

import time

import httpx

from ._constants import DEFAULT_TIMEOUT
from ._types import NOT_GIVEN, NotGiven

__all__ = ["Timeout", "deadline_of", "attempt_timeouts", "remaining"]


class Timeout(httpx.Timeout):
    """httpx's timeouts, each for one network operation (``connect``, ``read`` of one chunk, ``write``, ``pool``),
    plus ``total``: the most one call may take, from sending to the parsed result, retries and their waits included.

    ``Timeout(30, total=60)``: no single read waits more than 30 s, and the call raises ``APITimeoutError`` after
    60 s however the time went. Without ``total``, a server that keeps sending a byte now and then holds a call
    for as long as it likes. Per-operation values left out come from the first argument, else the SDK's default.
    """

    total: float | None

    def __init__(
        self,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        *,
        total: float | None | NotGiven = NOT_GIVEN,
        connect: float | None | NotGiven = NOT_GIVEN,
        read: float | None | NotGiven = NOT_GIVEN,
        write: float | None | NotGiven = NOT_GIVEN,
        pool: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        base = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else httpx.Timeout(timeout)
        super().__init__(
            connect=base.connect if isinstance(connect, NotGiven) else connect,
            read=base.read if isinstance(read, NotGiven) else read,
            write=base.write if isinstance(write, NotGiven) else write,
            pool=base.pool if isinstance(pool, NotGiven) else pool,
        )
        inherited = timeout.total if isinstance(timeout, Timeout) else None
        self.total = inherited if isinstance(total, NotGiven) else total

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and self.total == getattr(other, "total", None)

    def __hash__(self) -> int:
        return hash((self.connect, self.read, self.write, self.pool, self.total))

    def __repr__(self) -> str:
        return f"{super().__repr__()[:-1]}, total={self.total})"


def deadline_of(timeout: float | httpx.Timeout | None) -> float | None:
    """The ``time.monotonic()`` by which a call that starts now must end, if its timeout has a ``total``."""
    total = timeout.total if isinstance(timeout, Timeout) else None
    return None if total is None else time.monotonic() + total


def remaining(deadline: float | None) -> float | None:
    return None if deadline is None else deadline - time.monotonic()


def attempt_timeouts(timeout: float | httpx.Timeout | None, deadline: float | None) -> dict[str, float | None]:
    """The per-operation timeouts of one attempt: no operation may wait past the call's deadline."""
    timeouts = httpx.Timeout(timeout).as_dict()
    left = remaining(deadline)
    if left is None:
        return timeouts
    left = max(left, 0.001)
    return {name: left if value is None else min(value, left) for name, value in timeouts.items()}
