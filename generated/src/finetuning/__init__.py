# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Typed Python client for the fine-tuning API."""

from ._base_error import FinetuningError
from ._client import AsyncClient, Client
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MissingAPIKeyError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

__all__ = [
    "Client",
    "AsyncClient",
    "NOT_GIVEN",
    "NotGiven",
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
]
