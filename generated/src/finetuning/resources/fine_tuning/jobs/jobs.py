# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The ``fine_tuning.jobs`` resource."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Literal

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
from ....types._unchecked import UncheckedDict
from ....types.fine_tuning import job_create_params
from ....types.fine_tuning_job import FineTuningJob
from ....types.fine_tuning_job_event import FineTuningJobEvent
from ....types.metadata import Metadata

if TYPE_CHECKING:
    from .checkpoints import (
        AsyncCheckpoints,
        AsyncCheckpointsWithRawResponse,
        AsyncCheckpointsWithStreamingResponse,
        Checkpoints,
        CheckpointsWithRawResponse,
        CheckpointsWithStreamingResponse,
    )

__all__ = ["Jobs", "AsyncJobs"]


class Jobs(SyncAPIResource):
    """Operations on ``fine_tuning.jobs``."""

    @cached_property
    def checkpoints(self) -> Checkpoints:
        from .checkpoints import Checkpoints

        return Checkpoints(self._client)

    @cached_property
    def with_raw_response(self) -> JobsWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return JobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> JobsWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return JobsWithStreamingResponse(self)

    def create(
        self,
        *,
        model: str | Literal["babbage-002", "davinci-002", "gpt-3.5-turbo", "gpt-4o-mini"],
        training_file: str,
        hyperparameters: job_create_params.Hyperparameters | UncheckedDict | NotGiven = NOT_GIVEN,
        integrations: Iterable[job_create_params.Integration | UncheckedDict] | None | NotGiven = NOT_GIVEN,
        method: job_create_params.Method | UncheckedDict | NotGiven = NOT_GIVEN,
        metadata: Metadata | NotGiven = NOT_GIVEN,
        seed: int | None | NotGiven = NOT_GIVEN,
        suffix: str | None | NotGiven = NOT_GIVEN,
        validation_file: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Create a fine-tuning job

        Creates a fine-tuning job which begins the process of creating a new model from
        a given dataset.

        Response includes details of the enqueued job including job status and the name
        of the fine-tuned models once complete.

        [Learn more about fine-tuning](https://platform.openai.com/docs/guides/fine-tuning)

        Args:
          model: The name of the model to fine-tune. You can select one of the [supported
              models](https://platform.openai.com/docs/guides/fine-tuning/which-models-can-be-fine-tuned).
          training_file: The ID of an uploaded file that contains training data.

              See [upload file](https://platform.openai.com/docs/api-reference/files/create) for how to upload
              a file.

              Your dataset must be formatted as a JSONL file. Additionally, you must upload your file with the
              purpose `fine-tune`.

              The contents of the file should differ depending on if the model uses the
              [chat](https://platform.openai.com/docs/api-reference/fine-tuning/chat-input),
              [completions](https://platform.openai.com/docs/api-reference/fine-tuning/completions-input)
              format, or if the fine-tuning method uses the
              [preference](https://platform.openai.com/docs/api-reference/fine-tuning/preference-input)
              format.

              See the [fine-tuning guide](https://platform.openai.com/docs/guides/fine-tuning) for more
              details.
          hyperparameters: The hyperparameters used for the fine-tuning job. This value is now deprecated in
              favor of `method`, and should be passed in under the `method` parameter.
          integrations: A list of integrations to enable for your fine-tuning job.
          method: The method used for fine-tuning.
          metadata: Set of 16 key-value pairs that can be attached to an object. This can be useful for
              storing additional information about the object in a structured format, and querying for objects
              via API or the dashboard.

              Keys are strings with a maximum length of 64 characters. Values are strings with a maximum
              length of 512 characters.
          seed: The seed controls the reproducibility of the job. Passing in the same seed and job parameters
              should produce the same results, but may differ in rare cases. If a seed is not specified, one
              will be generated for you.
          suffix: A string of up to 64 characters that will be added to your fine-tuned model name.

              For example, a `suffix` of "custom-model-name" would produce a model name like
              `ft:gpt-4o-mini:openai:custom-model-name:7p4lURel`.
          validation_file: The ID of an uploaded file that contains validation data.

              If you provide this file, the data is used to generate validation metrics periodically during
              fine-tuning. These metrics can be viewed in the fine-tuning results file. The same data should
              not be present in both train and validation files.

              Your dataset must be formatted as a JSONL file. You must upload your file with the purpose
              `fine-tune`.

              See the [fine-tuning guide](https://platform.openai.com/docs/guides/fine-tuning) for more
              details.
        """
        return self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path="/fine_tuning/jobs",
                json=_utils.json_body(
                    {
                        "model": model,
                        "training_file": training_file,
                        "hyperparameters": hyperparameters,
                        "integrations": integrations,
                        "method": method,
                        "metadata": metadata,
                        "seed": seed,
                        "suffix": suffix,
                        "validation_file": validation_file,
                    }
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        metadata: dict[str, str] | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[FineTuningJob]:
        """
        List fine-tuning jobs

        List your organization's fine-tuning jobs

        Args:
          after: Identifier for the last job from the previous pagination request.
          limit: Number of fine-tuning jobs to retrieve.
          metadata: Optional metadata filter. To filter, use the syntax `metadata[k]=v`. Alternatively, set
              `metadata=null` to indicate no metadata.
        """
        return self._client.request(
            SyncCursorPage[FineTuningJob],
            RequestOptions(
                method="get",
                path="/fine_tuning/jobs",
                query={
                    "after": after,
                    "limit": limit,
                    **_utils.deep_object("metadata", metadata),
                },
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
            item_type=FineTuningJob,
        )

    def retrieve(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Retrieve a fine-tuning job

        Get info about a fine-tuning job.

        [Learn more about fine-tuning](https://platform.openai.com/docs/guides/fine-tuning)

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job.
        """
        return self._client.request(
            FineTuningJob,
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def cancel(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Cancel a fine-tuning job

        Immediately cancel a fine-tune job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to cancel.
        """
        return self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/cancel",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def pause(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Pause a fine-tuning job

        Pause a running fine-tune job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to pause.
        """
        return self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/pause",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def resume(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Resume a fine-tuning job

        Resume a paused fine-tune job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to resume.
        """
        return self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/resume",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def list_events(
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
    ) -> SyncCursorPage[FineTuningJobEvent]:
        """
        List fine-tuning events

        Get status updates for a fine-tuning job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to get events for.
          after: Identifier for the last event from the previous pagination request.
          limit: Number of events to retrieve.
        """
        return self._client.request(
            SyncCursorPage[FineTuningJobEvent],
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/events",
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
            item_type=FineTuningJobEvent,
        )


class AsyncJobs(AsyncAPIResource):
    """Operations on ``fine_tuning.jobs``."""

    @cached_property
    def checkpoints(self) -> AsyncCheckpoints:
        from .checkpoints import AsyncCheckpoints

        return AsyncCheckpoints(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncJobsWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return AsyncJobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncJobsWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return AsyncJobsWithStreamingResponse(self)

    async def create(
        self,
        *,
        model: str | Literal["babbage-002", "davinci-002", "gpt-3.5-turbo", "gpt-4o-mini"],
        training_file: str,
        hyperparameters: job_create_params.Hyperparameters | UncheckedDict | NotGiven = NOT_GIVEN,
        integrations: Iterable[job_create_params.Integration | UncheckedDict] | None | NotGiven = NOT_GIVEN,
        method: job_create_params.Method | UncheckedDict | NotGiven = NOT_GIVEN,
        metadata: Metadata | NotGiven = NOT_GIVEN,
        seed: int | None | NotGiven = NOT_GIVEN,
        suffix: str | None | NotGiven = NOT_GIVEN,
        validation_file: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Create a fine-tuning job

        Creates a fine-tuning job which begins the process of creating a new model from
        a given dataset.

        Response includes details of the enqueued job including job status and the name
        of the fine-tuned models once complete.

        [Learn more about fine-tuning](https://platform.openai.com/docs/guides/fine-tuning)

        Args:
          model: The name of the model to fine-tune. You can select one of the [supported
              models](https://platform.openai.com/docs/guides/fine-tuning/which-models-can-be-fine-tuned).
          training_file: The ID of an uploaded file that contains training data.

              See [upload file](https://platform.openai.com/docs/api-reference/files/create) for how to upload
              a file.

              Your dataset must be formatted as a JSONL file. Additionally, you must upload your file with the
              purpose `fine-tune`.

              The contents of the file should differ depending on if the model uses the
              [chat](https://platform.openai.com/docs/api-reference/fine-tuning/chat-input),
              [completions](https://platform.openai.com/docs/api-reference/fine-tuning/completions-input)
              format, or if the fine-tuning method uses the
              [preference](https://platform.openai.com/docs/api-reference/fine-tuning/preference-input)
              format.

              See the [fine-tuning guide](https://platform.openai.com/docs/guides/fine-tuning) for more
              details.
          hyperparameters: The hyperparameters used for the fine-tuning job. This value is now deprecated in
              favor of `method`, and should be passed in under the `method` parameter.
          integrations: A list of integrations to enable for your fine-tuning job.
          method: The method used for fine-tuning.
          metadata: Set of 16 key-value pairs that can be attached to an object. This can be useful for
              storing additional information about the object in a structured format, and querying for objects
              via API or the dashboard.

              Keys are strings with a maximum length of 64 characters. Values are strings with a maximum
              length of 512 characters.
          seed: The seed controls the reproducibility of the job. Passing in the same seed and job parameters
              should produce the same results, but may differ in rare cases. If a seed is not specified, one
              will be generated for you.
          suffix: A string of up to 64 characters that will be added to your fine-tuned model name.

              For example, a `suffix` of "custom-model-name" would produce a model name like
              `ft:gpt-4o-mini:openai:custom-model-name:7p4lURel`.
          validation_file: The ID of an uploaded file that contains validation data.

              If you provide this file, the data is used to generate validation metrics periodically during
              fine-tuning. These metrics can be viewed in the fine-tuning results file. The same data should
              not be present in both train and validation files.

              Your dataset must be formatted as a JSONL file. You must upload your file with the purpose
              `fine-tune`.

              See the [fine-tuning guide](https://platform.openai.com/docs/guides/fine-tuning) for more
              details.
        """
        return await self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path="/fine_tuning/jobs",
                json=_utils.json_body(
                    {
                        "model": model,
                        "training_file": training_file,
                        "hyperparameters": hyperparameters,
                        "integrations": integrations,
                        "method": method,
                        "metadata": metadata,
                        "seed": seed,
                        "suffix": suffix,
                        "validation_file": validation_file,
                    }
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        metadata: dict[str, str] | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[FineTuningJob, AsyncCursorPage[FineTuningJob]]:
        """
        List fine-tuning jobs

        List your organization's fine-tuning jobs

        Args:
          after: Identifier for the last job from the previous pagination request.
          limit: Number of fine-tuning jobs to retrieve.
          metadata: Optional metadata filter. To filter, use the syntax `metadata[k]=v`. Alternatively, set
              `metadata=null` to indicate no metadata.
        """
        return AsyncPaginator(
            self._client,
            AsyncCursorPage[FineTuningJob],
            RequestOptions(
                method="get",
                path="/fine_tuning/jobs",
                query={
                    "after": after,
                    "limit": limit,
                    **_utils.deep_object("metadata", metadata),
                },
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
            FineTuningJob,
        )

    async def retrieve(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Retrieve a fine-tuning job

        Get info about a fine-tuning job.

        [Learn more about fine-tuning](https://platform.openai.com/docs/guides/fine-tuning)

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job.
        """
        return await self._client.request(
            FineTuningJob,
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def cancel(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Cancel a fine-tuning job

        Immediately cancel a fine-tune job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to cancel.
        """
        return await self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/cancel",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def pause(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Pause a fine-tuning job

        Pause a running fine-tune job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to pause.
        """
        return await self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/pause",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def resume(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FineTuningJob:
        """
        Resume a fine-tuning job

        Resume a paused fine-tune job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to resume.
        """
        return await self._client.request(
            FineTuningJob,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/resume",
                    fine_tuning_job_id=fine_tuning_job_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def list_events(
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
    ) -> AsyncPaginator[FineTuningJobEvent, AsyncCursorPage[FineTuningJobEvent]]:
        """
        List fine-tuning events

        Get status updates for a fine-tuning job.

        Args:
          fine_tuning_job_id: The ID of the fine-tuning job to get events for.
          after: Identifier for the last event from the previous pagination request.
          limit: Number of events to retrieve.
        """
        return AsyncPaginator(
            self._client,
            AsyncCursorPage[FineTuningJobEvent],
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/jobs/{fine_tuning_job_id}/events",
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
            FineTuningJobEvent,
        )


class JobsWithRawResponse:
    def __init__(self, resource: Jobs) -> None:
        self._resource = resource
        self.create = to_raw_response_wrapper(resource.create)
        self.list = to_raw_response_wrapper(resource.list)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.cancel = to_raw_response_wrapper(resource.cancel)
        self.pause = to_raw_response_wrapper(resource.pause)
        self.resume = to_raw_response_wrapper(resource.resume)
        self.list_events = to_raw_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> CheckpointsWithRawResponse:
        from .checkpoints import CheckpointsWithRawResponse

        return CheckpointsWithRawResponse(self._resource.checkpoints)


class JobsWithStreamingResponse:
    def __init__(self, resource: Jobs) -> None:
        self._resource = resource
        self.create = to_streamed_response_wrapper(resource.create)
        self.list = to_streamed_response_wrapper(resource.list)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.cancel = to_streamed_response_wrapper(resource.cancel)
        self.pause = to_streamed_response_wrapper(resource.pause)
        self.resume = to_streamed_response_wrapper(resource.resume)
        self.list_events = to_streamed_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> CheckpointsWithStreamingResponse:
        from .checkpoints import CheckpointsWithStreamingResponse

        return CheckpointsWithStreamingResponse(self._resource.checkpoints)


class AsyncJobsWithRawResponse:
    def __init__(self, resource: AsyncJobs) -> None:
        self._resource = resource
        self.create = async_to_raw_response_wrapper(resource.create)
        self.list = async_to_raw_response_wrapper(resource.list)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.cancel = async_to_raw_response_wrapper(resource.cancel)
        self.pause = async_to_raw_response_wrapper(resource.pause)
        self.resume = async_to_raw_response_wrapper(resource.resume)
        self.list_events = async_to_raw_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> AsyncCheckpointsWithRawResponse:
        from .checkpoints import AsyncCheckpointsWithRawResponse

        return AsyncCheckpointsWithRawResponse(self._resource.checkpoints)


class AsyncJobsWithStreamingResponse:
    def __init__(self, resource: AsyncJobs) -> None:
        self._resource = resource
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.cancel = async_to_streamed_response_wrapper(resource.cancel)
        self.pause = async_to_streamed_response_wrapper(resource.pause)
        self.resume = async_to_streamed_response_wrapper(resource.resume)
        self.list_events = async_to_streamed_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> AsyncCheckpointsWithStreamingResponse:
        from .checkpoints import AsyncCheckpointsWithStreamingResponse

        return AsyncCheckpointsWithStreamingResponse(self._resource.checkpoints)
