# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The Client and AsyncClient of the Fine-tuning API."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._exceptions import MissingAPIKeyError
from ._pool import DEFAULT_CONNECTION_LIMITS
from ._reading import DEFAULT_MAX_RESPONSE_SIZE
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .resources.fine_tuning.fine_tuning import (
        AsyncFineTuning,
        AsyncFineTuningWithRawResponse,
        AsyncFineTuningWithStreamingResponse,
        FineTuning,
        FineTuningWithRawResponse,
        FineTuningWithStreamingResponse,
    )

__all__ = [
    "Client",
    "AsyncClient",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
]


class DefaultHttpxClient(httpx.Client):
    """An ``httpx.Client`` with the SDK's own defaults (timeout, connection limits): pass one as ``http_client``
    to add proxies, transports or event hooks and keep the rest as the client would have it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        super().__init__(**kwargs)


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """:class:`DefaultHttpxClient` for the async client."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        super().__init__(**kwargs)


class Client(SyncAPIClient):
    """Client for the Fine-tuning API.

    Args:
        api_key: Defaults to the ``FINETUNING_API_KEY`` environment variable; required.
        base_url: Defaults to ``FINETUNING_BASE_URL``, else ``https://api.openai.com/v1``.
        timeout: Seconds each network operation may wait (connect, each read, write), or an ``httpx.Timeout``;
            ``Timeout(..., total=60)`` also bounds a whole call, retries included. ``None`` disables the timeout.
            Defaults to 600 s, 5 s to connect.
        max_retries: Retries for connection errors, timeouts, 408, 409, 429 and 5xx responses.
        default_headers: Headers sent with every request.
        default_query: Query parameters sent with every request.
        http_client: Your own ``httpx.Client`` (proxies, transports, limits); you close it.
        strict_response_validation: Validate every response against its type and raise
            ``APIResponseValidationError`` on a mismatch, instead of accepting what the server sends.
        max_response_size: The most bytes a response body may hold once decompressed (100 MiB by default;
            ``None``: no limit); a larger body raises ``ResponseTooLargeError`` as soon as it is known.
    """

    _security = ("bearer", "")
    api_key: str

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV)
        if not api_key:
            raise MissingAPIKeyError(
                f"No API key: pass api_key to Client(...) or set the {API_KEY_ENV} environment variable."
            )
        self.api_key = api_key
        super().__init__(
            base_url=base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL,
            timeout=DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            strict_response_validation=strict_response_validation,
            http_client=http_client,
            max_response_size=max_response_size,
            credential=api_key,
        )

    @cached_property
    def fine_tuning(self) -> FineTuning:
        from .resources.fine_tuning.fine_tuning import FineTuning

        return FineTuning(self)

    @cached_property
    def with_raw_response(self) -> ClientWithRawResponse:
        """Resources whose methods return the raw HTTP response (``.parse()`` gives the data)."""
        return ClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ClientWithStreamingResponse:
        """Resources whose methods return a context manager; the body is read only when asked."""
        return ClientWithStreamingResponse(self)

    def copy(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        max_response_size: int | None | NotGiven = NOT_GIVEN,
    ) -> Client:
        """A new client with some options changed; it shares this client's connection pool."""
        return Client(
            api_key=api_key or self.api_key,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            default_headers={**self._default_headers, **(default_headers or {})},
            default_query={**self._default_query, **(default_query or {})},
            http_client=http_client or self._client,
            strict_response_validation=self._strict_response_validation,
            max_response_size=self.max_response_size if isinstance(max_response_size, NotGiven) else max_response_size,
        )

    with_options = copy
    """``client.with_options(timeout=5).fine_tuning...``: the same as :meth:`copy`."""


class AsyncClient(AsyncAPIClient):
    """Asynchronous client for the Fine-tuning API.

    Args:
        api_key: Defaults to the ``FINETUNING_API_KEY`` environment variable; required.
        base_url: Defaults to ``FINETUNING_BASE_URL``, else ``https://api.openai.com/v1``.
        timeout: Seconds each network operation may wait (connect, each read, write), or an ``httpx.Timeout``;
            ``Timeout(..., total=60)`` also bounds a whole call, retries included. ``None`` disables the timeout.
            Defaults to 600 s, 5 s to connect.
        max_retries: Retries for connection errors, timeouts, 408, 409, 429 and 5xx responses.
        default_headers: Headers sent with every request.
        default_query: Query parameters sent with every request.
        http_client: Your own ``httpx.AsyncClient`` (proxies, transports, limits); you close it.
        strict_response_validation: Validate every response against its type and raise
            ``APIResponseValidationError`` on a mismatch, instead of accepting what the server sends.
        max_response_size: The most bytes a response body may hold once decompressed (100 MiB by default;
            ``None``: no limit); a larger body raises ``ResponseTooLargeError`` as soon as it is known.
    """

    _security = ("bearer", "")
    api_key: str

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV)
        if not api_key:
            raise MissingAPIKeyError(
                f"No API key: pass api_key to AsyncClient(...) or set the {API_KEY_ENV} environment variable."
            )
        self.api_key = api_key
        super().__init__(
            base_url=base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL,
            timeout=DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            strict_response_validation=strict_response_validation,
            http_client=http_client,
            max_response_size=max_response_size,
            credential=api_key,
        )

    @cached_property
    def fine_tuning(self) -> AsyncFineTuning:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuning

        return AsyncFineTuning(self)

    @cached_property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """Resources whose methods return the raw HTTP response (``.parse()`` gives the data)."""
        return AsyncClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncClientWithStreamingResponse:
        """Resources whose methods return a context manager; the body is read only when asked."""
        return AsyncClientWithStreamingResponse(self)

    def copy(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        max_response_size: int | None | NotGiven = NOT_GIVEN,
    ) -> AsyncClient:
        """A new client with some options changed; it shares this client's connection pool."""
        return AsyncClient(
            api_key=api_key or self.api_key,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            default_headers={**self._default_headers, **(default_headers or {})},
            default_query={**self._default_query, **(default_query or {})},
            http_client=http_client or self._client,
            strict_response_validation=self._strict_response_validation,
            max_response_size=self.max_response_size if isinstance(max_response_size, NotGiven) else max_response_size,
        )

    with_options = copy
    """``client.with_options(timeout=5).fine_tuning...``: the same as :meth:`copy`."""


class ClientWithRawResponse:
    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> FineTuningWithRawResponse:
        from .resources.fine_tuning.fine_tuning import FineTuningWithRawResponse

        return FineTuningWithRawResponse(self._client.fine_tuning)


class ClientWithStreamingResponse:
    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> FineTuningWithStreamingResponse:
        from .resources.fine_tuning.fine_tuning import FineTuningWithStreamingResponse

        return FineTuningWithStreamingResponse(self._client.fine_tuning)


class AsyncClientWithRawResponse:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> AsyncFineTuningWithRawResponse:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuningWithRawResponse

        return AsyncFineTuningWithRawResponse(self._client.fine_tuning)


class AsyncClientWithStreamingResponse:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> AsyncFineTuningWithStreamingResponse:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuningWithStreamingResponse

        return AsyncFineTuningWithStreamingResponse(self._client.fine_tuning)
