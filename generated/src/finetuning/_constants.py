# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Defaults of the client, from the generator config."""

import httpx

API_KEY_ENV = "FINETUNING_API_KEY"
BASE_URL_ENV = "FINETUNING_BASE_URL"
LOG_ENV = "FINETUNING_LOG"
DEFAULT_BASE_URL = "https://api.openai.com/v1"

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600, connect=5)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

INITIAL_RETRY_DELAY = 0.5
"""Seconds before the first retry; doubled for each further retry."""
MAX_RETRY_DELAY = 8.0
"""The longest computed backoff between two retries, in seconds."""
MAX_RETRY_AFTER = 60.0
"""A server's ``retry-after`` or ``retry-after-ms`` is honoured when it asks for at most this many seconds."""

REQUEST_ID_HEADER: str | None = "x-request-id"
DEFAULT_HEADERS: dict[str, str] = {}
