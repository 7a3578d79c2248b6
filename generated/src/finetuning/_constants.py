# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""This SDK's own values, from the generator config and the security schemes; the runtime modules read them."""

import httpx

API_KEY_ENV = "FINETUNING_API_KEY"
BASE_URL_ENV = "FINETUNING_BASE_URL"
LOG_ENV = "FINETUNING_LOG"
DEFAULT_BASE_URL = "https://api.openai.com/v1"

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600, connect=5)
DEFAULT_MAX_RETRIES = 2

REQUEST_ID_HEADER: str | None = "x-request-id"
IDEMPOTENCY_HEADER: str | None = None
DEFAULT_HEADERS: dict[str, str] = {}
ERROR_ENVELOPE: str | None = "error"
"""The field of an error body that holds the error (``{"error": {...}}``); ``None``: the body is the error."""

SENSITIVE_HEADERS: frozenset[str] = frozenset(
    ("api-key", "authorization", "cookie", "proxy-authorization", "set-cookie", "x-api-key")
)
"""Headers whose values never reach a log line, a repr or an error message (lower case)."""
SENSITIVE_QUERY_PARAMS: frozenset[str] = frozenset(())
"""Query parameters that carry a credential (every query-key security scheme's name)."""
