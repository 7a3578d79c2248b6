# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The ``fine_tuning.jobs.checkpoints`` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from .... import _utils
from ...._base_client import RequestOptions
from ...._resource import AsyncAPIResource, SyncAPIResource
from ...._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ....pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from ....types.fine_tuning_job_checkpoint import FineTuningJobCheckpoint

__all__ = ["Checkpoints", "AsyncCheckpoints"]


class Checkpoints(SyncAPIResource):
    """Operations on ``fine_tuning.jobs.checkpoints``."""

    @cached_property
    def with_raw_response(self) -> CheckpointsWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return CheckpointsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CheckpointsWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return CheckpointsWithStreamingResponse(self)

    def list(
        self,
        fine_tuning_job_id: str,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[FineTuningJobCheckpoint]:
        """
        List fine-tuning checkpoints

        List checkpoints for a fine-tuning job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to get checkpoints for.
          after: Identifier for the last checkpoint ID from the previous pagination request.
          limit: Number of checkpoints to retrieve.
        """
        return self._client.request(
            SyncCursorPage[FineTuningJobCheckpoint],
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                query={
                    "after": after,
                    "limit": limit,
                },
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
            item_type=FineTuningJobCheckpoint,
        )


class AsyncCheckpoints(AsyncAPIResource):
    """Operations on ``fine_tuning.jobs.checkpoints``."""

    @cached_property
    def with_raw_response(self) -> AsyncCheckpointsWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return AsyncCheckpointsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCheckpointsWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return AsyncCheckpointsWithStreamingResponse(self)

    def list(
        self,
        fine_tuning_job_id: str,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[FineTuningJobCheckpoint, AsyncCursorPage[FineTuningJobCheckpoint]]:
        """
        List fine-tuning checkpoints

        List checkpoints for a fine-tuning job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to get checkpoints for.
          after: Identifier for the last checkpoint ID from the previous pagination request.
          limit: Number of checkpoints to retrieve.
        """
        return AsyncPaginator(
            self._client,
            AsyncCursorPage[FineTuningJobCheckpoint],
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                query={
                    "after": after,
                    "limit": limit,
                },
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
            FineTuningJobCheckpoint,
        )


class CheckpointsWithRawResponse:
    def __init__(self, resource: Checkpoints) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)


class CheckpointsWithStreamingResponse:
    def __init__(self, resource: Checkpoints) -> None:
        self._resource = resource
        self.list = to_streamed_response_wrapper(resource.list)


class AsyncCheckpointsWithRawResponse:
    def __init__(self, resource: AsyncCheckpoints) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)


class AsyncCheckpointsWithStreamingResponse:
    def __init__(self, resource: AsyncCheckpoints) -> None:
        self._resource = resource
        self.list = async_to_streamed_response_wrapper(resource.list)
