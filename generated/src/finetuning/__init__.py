# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Typed Python client for the fine-tuning API."""

from ._base_error import FinetuningError
from ._client import AsyncClient, Client, DefaultAsyncHttpxClient, DefaultHttpxClient
from ._constants import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    InvalidRequestError,
    MissingAPIKeyError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    ResponseTooLargeError,
    UnprocessableEntityError,
)
from ._timeouts import Timeout
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

__all__ = [
    "Client",
    "AsyncClient",
    "NOT_GIVEN",
    "NotGiven",
    "Timeout",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "__version__",
    "FinetuningError",
    "MissingAPIKeyError",
    "PaginationError",
    "APIError",
    "APIStatusError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "RedirectError",
    "ResponseTooLargeError",
    "InvalidRequestError",
    "ClientClosedError",
]
