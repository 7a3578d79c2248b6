# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""Request logs, switched on by the SDK's log environment variable (``<PREFIX>_LOG=debug`` or ``info``).

Secrets never reach a log line: every header, URL and text goes through :mod:`._redact`.
"""

from __future__ import annotations

import logging
import os

import httpx

from ._constants import LOG_ENV
from ._redact import redact_headers, redact_text, redact_url

__all__ = ["logger", "setup_logging", "log_request", "log_response"]

logger = logging.getLogger(__package__ or __name__)

_configured = False


def setup_logging() -> None:
    """Attach a stderr handler to this package's logger if the log variable asks for logs; once per process."""
    global _configured
    if _configured:
        return
    _configured = True
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(os.environ.get(LOG_ENV, "").lower())
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def log_request(request: httpx.Request, retries_taken: int) -> None:
    if logger.isEnabledFor(logging.INFO):
        logger.info("request: %s %s (retry %d)", request.method, redact_url(request.url), retries_taken)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("request headers: %s", redact_headers(request.headers))


def log_response(response: httpx.Response, retries_taken: int) -> None:
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            'response: %s %s "%d %s" (retry %d)',
            response.request.method,
            redact_url(response.request.url),
            response.status_code,
            redact_text(response.reason_phrase),
            retries_taken,
        )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("response headers: %s", redact_headers(response.headers))
