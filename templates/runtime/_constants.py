"""Stand-in for the generated ``_constants`` module (``templates/package/src/_constants.py.j2``); never copied.

The generated module holds the SDK's own values (from its config and security schemes) under these names.
"""

import httpx

API_KEY_ENV = "SDK_RUNTIME_API_KEY"
USERNAME_ENV = "SDK_RUNTIME_USERNAME"
PASSWORD_ENV = "SDK_RUNTIME_PASSWORD"
BASE_URL_ENV = "SDK_RUNTIME_BASE_URL"
LOG_ENV = "SDK_RUNTIME_LOG"
DEFAULT_BASE_URL = "https://api.example.com/v1"

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

REQUEST_ID_HEADER: str | None = "x-request-id"
IDEMPOTENCY_HEADER: str | None = None
DEFAULT_HEADERS: dict[str, str] = {}
ERROR_ENVELOPE: str | None = "error"
"""The field of an error body that holds the error (``{"error": {...}}``); ``None``: the body is the error."""
STREAM_TERMINATOR: str | None = "[DONE]"
"""An event whose data starts with this ends a stream; ``None``: a stream ends when the server closes it."""

SENSITIVE_HEADERS: frozenset[str] = frozenset(("authorization", "x-api-key"))
"""Headers whose values never reach a log line, a repr or an error message (lower case)."""
SENSITIVE_QUERY_PARAMS: frozenset[str] = frozenset(("api_key",))
"""Query parameters that carry a credential (every query-key security scheme's name)."""
