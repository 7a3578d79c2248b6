# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The ``fine_tuning.checkpoints.permissions`` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

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
from ....types.delete_fine_tuning_checkpoint_permission_response import DeleteFineTuningCheckpointPermissionResponse
from ....types.fine_tuning_checkpoint_permission import FineTuningCheckpointPermission
from ....types.list_fine_tuning_checkpoint_permission_response import ListFineTuningCheckpointPermissionResponse

__all__ = ["Permissions", "AsyncPermissions"]


class Permissions(SyncAPIResource):
    """Operations on ``fine_tuning.checkpoints.permissions``."""

    @cached_property
    def with_raw_response(self) -> PermissionsWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return PermissionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> PermissionsWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return PermissionsWithStreamingResponse(self)

    def list(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["ascending", "descending"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[FineTuningCheckpointPermission]:
        """
        List checkpoint permissions

        **NOTE:** This endpoint requires an [admin API
        key](https://platform.openai.com/docs/api-reference/admin-api-keys).

        Organization owners can use this endpoint to view all permissions for a fine-tuned model checkpoint.

        Args:
          fine_tuned_model_checkpoint: The ID of the fine-tuned model checkpoint to get permissions for.
          project_id: The ID of the project to get permissions for.
          after: Identifier for the last permission ID from the previous pagination request.
          limit: Number of permissions to retrieve.
          order: The order in which to retrieve permissions.
        """
        return self._client.request(
            SyncCursorPage[FineTuningCheckpointPermission],
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions",
                    fine_tuned_model_checkpoint=fine_tuned_model_checkpoint,
                ),
                query={
                    "project_id": project_id,
                    "after": after,
                    "limit": limit,
                    "order": order,
                },
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
            item_type=FineTuningCheckpointPermission,
        )

    def create(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        project_ids: list[str],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ListFineTuningCheckpointPermissionResponse:
        """
        Create checkpoint permissions

        **NOTE:** Calling this endpoint requires an [admin API
        key](https://platform.openai.com/docs/api-reference/admin-api-keys).

        This enables organization owners to share fine-tuned models with other projects in their organization.

        Args:
          fine_tuned_model_checkpoint: The ID of the fine-tuned model checkpoint to create a permission for.
          project_ids: The project identifiers to grant access to.
        """
        return self._client.request(
            ListFineTuningCheckpointPermissionResponse,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions",
                    fine_tuned_model_checkpoint=fine_tuned_model_checkpoint,
                ),
                json=_utils.json_body(
                    {
                        "project_ids": project_ids,
                    }
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def delete(
        self,
        fine_tuned_model_checkpoint: str,
        permission_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> DeleteFineTuningCheckpointPermissionResponse:
        """
        Delete checkpoint permission

        **NOTE:** This endpoint requires an [admin API
        key](https://platform.openai.com/docs/api-reference/admin-api-keys).

        Organization owners can use this endpoint to delete a permission for a fine-tuned model checkpoint.

        Args:
          fine_tuned_model_checkpoint: The ID of the fine-tuned model checkpoint to delete a permission for.
          permission_id: The ID of the fine-tuned model checkpoint permission to delete.
        """
        return self._client.request(
            DeleteFineTuningCheckpointPermissionResponse,
            RequestOptions(
                method="delete",
                path=_utils.path_template(
                    "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions/{permission_id}",
                    fine_tuned_model_checkpoint=fine_tuned_model_checkpoint,
                    permission_id=permission_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncPermissions(AsyncAPIResource):
    """Operations on ``fine_tuning.checkpoints.permissions``."""

    @cached_property
    def with_raw_response(self) -> AsyncPermissionsWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return AsyncPermissionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncPermissionsWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return AsyncPermissionsWithStreamingResponse(self)

    def list(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["ascending", "descending"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[FineTuningCheckpointPermission, AsyncCursorPage[FineTuningCheckpointPermission]]:
        """
        List checkpoint permissions

        **NOTE:** This endpoint requires an [admin API
        key](https://platform.openai.com/docs/api-reference/admin-api-keys).

        Organization owners can use this endpoint to view all permissions for a fine-tuned model checkpoint.

        Args:
          fine_tuned_model_checkpoint: The ID of the fine-tuned model checkpoint to get permissions for.
          project_id: The ID of the project to get permissions for.
          after: Identifier for the last permission ID from the previous pagination request.
          limit: Number of permissions to retrieve.
          order: The order in which to retrieve permissions.
        """
        return AsyncPaginator(
            self._client,
            AsyncCursorPage[FineTuningCheckpointPermission],
            RequestOptions(
                method="get",
                path=_utils.path_template(
                    "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions",
                    fine_tuned_model_checkpoint=fine_tuned_model_checkpoint,
                ),
                query={
                    "project_id": project_id,
                    "after": after,
                    "limit": limit,
                    "order": order,
                },
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
            FineTuningCheckpointPermission,
        )

    async def create(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        project_ids: list[str],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ListFineTuningCheckpointPermissionResponse:
        """
        Create checkpoint permissions

        **NOTE:** Calling this endpoint requires an [admin API
        key](https://platform.openai.com/docs/api-reference/admin-api-keys).

        This enables organization owners to share fine-tuned models with other projects in their organization.

        Args:
          fine_tuned_model_checkpoint: The ID of the fine-tuned model checkpoint to create a permission for.
          project_ids: The project identifiers to grant access to.
        """
        return await self._client.request(
            ListFineTuningCheckpointPermissionResponse,
            RequestOptions(
                method="post",
                path=_utils.path_template(
                    "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions",
                    fine_tuned_model_checkpoint=fine_tuned_model_checkpoint,
                ),
                json=_utils.json_body(
                    {
                        "project_ids": project_ids,
                    }
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def delete(
        self,
        fine_tuned_model_checkpoint: str,
        permission_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> DeleteFineTuningCheckpointPermissionResponse:
        """
        Delete checkpoint permission

        **NOTE:** This endpoint requires an [admin API
        key](https://platform.openai.com/docs/api-reference/admin-api-keys).

        Organization owners can use this endpoint to delete a permission for a fine-tuned model checkpoint.

        Args:
          fine_tuned_model_checkpoint: The ID of the fine-tuned model checkpoint to delete a permission for.
          permission_id: The ID of the fine-tuned model checkpoint permission to delete.
        """
        return await self._client.request(
            DeleteFineTuningCheckpointPermissionResponse,
            RequestOptions(
                method="delete",
                path=_utils.path_template(
                    "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions/{permission_id}",
                    fine_tuned_model_checkpoint=fine_tuned_model_checkpoint,
                    permission_id=permission_id,
                ),
                headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class PermissionsWithRawResponse:
    def __init__(self, resource: Permissions) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.delete = to_raw_response_wrapper(resource.delete)


class PermissionsWithStreamingResponse:
    def __init__(self, resource: Permissions) -> None:
        self._resource = resource
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.delete = to_streamed_response_wrapper(resource.delete)


class AsyncPermissionsWithRawResponse:
    def __init__(self, resource: AsyncPermissions) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.delete = async_to_raw_response_wrapper(resource.delete)


class AsyncPermissionsWithStreamingResponse:
    def __init__(self, resource: AsyncPermissions) -> None:
        self._resource = resource
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.delete = async_to_streamed_response_wrapper(resource.delete)
