# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The ``fine_tuning`` resource."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._resource import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .checkpoints.checkpoints import (
        AsyncCheckpointsResource,
        AsyncCheckpointsResourceWithRawResponse,
        AsyncCheckpointsResourceWithStreamingResponse,
        CheckpointsResource,
        CheckpointsResourceWithRawResponse,
        CheckpointsResourceWithStreamingResponse,
    )
    from .jobs.jobs import (
        AsyncJobs,
        AsyncJobsWithRawResponse,
        AsyncJobsWithStreamingResponse,
        Jobs,
        JobsWithRawResponse,
        JobsWithStreamingResponse,
    )

__all__ = ["FineTuning", "AsyncFineTuning"]


class FineTuning(SyncAPIResource):
    """Operations on ``fine_tuning``."""

    @cached_property
    def jobs(self) -> Jobs:
        from .jobs.jobs import Jobs

        return Jobs(self._client)

    @cached_property
    def checkpoints(self) -> CheckpointsResource:
        from .checkpoints.checkpoints import CheckpointsResource

        return CheckpointsResource(self._client)

    @cached_property
    def with_raw_response(self) -> FineTuningWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return FineTuningWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FineTuningWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return FineTuningWithStreamingResponse(self)


class AsyncFineTuning(AsyncAPIResource):
    """Operations on ``fine_tuning``."""

    @cached_property
    def jobs(self) -> AsyncJobs:
        from .jobs.jobs import AsyncJobs

        return AsyncJobs(self._client)

    @cached_property
    def checkpoints(self) -> AsyncCheckpointsResource:
        from .checkpoints.checkpoints import AsyncCheckpointsResource

        return AsyncCheckpointsResource(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncFineTuningWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return AsyncFineTuningWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFineTuningWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return AsyncFineTuningWithStreamingResponse(self)


class FineTuningWithRawResponse:
    def __init__(self, resource: FineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> JobsWithRawResponse:
        from .jobs.jobs import JobsWithRawResponse

        return JobsWithRawResponse(self._resource.jobs)

    @cached_property
    def checkpoints(self) -> CheckpointsResourceWithRawResponse:
        from .checkpoints.checkpoints import CheckpointsResourceWithRawResponse

        return CheckpointsResourceWithRawResponse(self._resource.checkpoints)


class FineTuningWithStreamingResponse:
    def __init__(self, resource: FineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> JobsWithStreamingResponse:
        from .jobs.jobs import JobsWithStreamingResponse

        return JobsWithStreamingResponse(self._resource.jobs)

    @cached_property
    def checkpoints(self) -> CheckpointsResourceWithStreamingResponse:
        from .checkpoints.checkpoints import CheckpointsResourceWithStreamingResponse

        return CheckpointsResourceWithStreamingResponse(self._resource.checkpoints)


class AsyncFineTuningWithRawResponse:
    def __init__(self, resource: AsyncFineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> AsyncJobsWithRawResponse:
        from .jobs.jobs import AsyncJobsWithRawResponse

        return AsyncJobsWithRawResponse(self._resource.jobs)

    @cached_property
    def checkpoints(self) -> AsyncCheckpointsResourceWithRawResponse:
        from .checkpoints.checkpoints import AsyncCheckpointsResourceWithRawResponse

        return AsyncCheckpointsResourceWithRawResponse(self._resource.checkpoints)


class AsyncFineTuningWithStreamingResponse:
    def __init__(self, resource: AsyncFineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> AsyncJobsWithStreamingResponse:
        from .jobs.jobs import AsyncJobsWithStreamingResponse

        return AsyncJobsWithStreamingResponse(self._resource.jobs)

    @cached_property
    def checkpoints(self) -> AsyncCheckpointsResourceWithStreamingResponse:
        from .checkpoints.checkpoints import AsyncCheckpointsResourceWithStreamingResponse

        return AsyncCheckpointsResourceWithStreamingResponse(self._resource.checkpoints)
