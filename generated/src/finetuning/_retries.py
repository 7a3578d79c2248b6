# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""When to retry a request and how long to wait first: pure decisions, shared by the sync and async clients."""

from __future__ import annotations

import email.utils
import math
import random
import time

import httpx

__all__ = [
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "RETRYABLE_STATUS",
    "parse_retry_after",
    "retry_delay",
    "should_retry",
]

INITIAL_RETRY_DELAY = 0.5
"""Seconds before the first retry; doubled for each further retry."""
MAX_RETRY_DELAY = 8.0
"""The longest computed backoff between two retries, in seconds."""
MAX_RETRY_AFTER = 60.0
"""A server's ``retry-after`` or ``retry-after-ms`` is honoured when it asks for at most this many seconds."""

RETRYABLE_STATUS = frozenset({408, 409, 429})
"""Besides every status of 500 and above."""


def parse_retry_after(headers: httpx.Headers, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait, from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date).

    Never raises: a value that is not a finite number or a date a computer can hold (year 10000, say) is ignored.
    """
    milliseconds = _finite(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _finite(value)
    if seconds is not None:
        return seconds
    try:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return email.utils.mktime_tz(parsed) - (time.time() if now is None else now)
    except (ValueError, OverflowError, TypeError, IndexError):
        return None


def _finite(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def retry_delay(retries_taken: int, headers: httpx.Headers | None) -> float:
    """How long to wait before retry number ``retries_taken + 1``.

    The server's ``retry-after-ms``/``retry-after`` wins when it is between 0 and ``MAX_RETRY_AFTER`` seconds;
    otherwise exponential backoff, ``min(0.5 * 2**n, 8)`` seconds, less up to 25% random jitter.
    """
    if headers is not None:
        asked = parse_retry_after(headers)
        if asked is not None and 0 < asked <= MAX_RETRY_AFTER:
            return asked
    doublings = min(retries_taken, 32)  # past the cap anyway; 2.0**1024 would overflow
    delay = min(INITIAL_RETRY_DELAY * 2.0**doublings, MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())


def should_retry(response: httpx.Response) -> bool:
    """Retry 408, 409, 429 and 5xx, unless the server's ``x-should-retry`` header says otherwise."""
    override = response.headers.get("x-should-retry")
    if override == "true":
        return True
    if override == "false":
        return False
    return response.status_code in RETRYABLE_STATUS or response.status_code >= 500
