# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The ``fine_tuning.checkpoints`` resource."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ...._resource import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .permissions import (
        AsyncPermissions,
        AsyncPermissionsWithRawResponse,
        AsyncPermissionsWithStreamingResponse,
        Permissions,
        PermissionsWithRawResponse,
        PermissionsWithStreamingResponse,
    )

__all__ = ["CheckpointsResource", "AsyncCheckpointsResource"]


class CheckpointsResource(SyncAPIResource):
    """Operations on ``fine_tuning.checkpoints``."""

    @cached_property
    def permissions(self) -> Permissions:
        from .permissions import Permissions

        return Permissions(self._client)

    @cached_property
    def with_raw_response(self) -> CheckpointsResourceWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return CheckpointsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CheckpointsResourceWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return CheckpointsResourceWithStreamingResponse(self)


class AsyncCheckpointsResource(AsyncAPIResource):
    """Operations on ``fine_tuning.checkpoints``."""

    @cached_property
    def permissions(self) -> AsyncPermissions:
        from .permissions import AsyncPermissions

        return AsyncPermissions(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncCheckpointsResourceWithRawResponse:
        """The same methods, returning the raw HTTP response; call ``.parse()`` for the data."""
        return AsyncCheckpointsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCheckpointsResourceWithStreamingResponse:
        """The same methods as context managers over the response; the body is read only when asked."""
        return AsyncCheckpointsResourceWithStreamingResponse(self)


class CheckpointsResourceWithRawResponse:
    def __init__(self, resource: CheckpointsResource) -> None:
        self._resource = resource

    @cached_property
    def permissions(self) -> PermissionsWithRawResponse:
        from .permissions import PermissionsWithRawResponse

        return PermissionsWithRawResponse(self._resource.permissions)


class CheckpointsResourceWithStreamingResponse:
    def __init__(self, resource: CheckpointsResource) -> None:
        self._resource = resource

    @cached_property
    def permissions(self) -> PermissionsWithStreamingResponse:
        from .permissions import PermissionsWithStreamingResponse

        return PermissionsWithStreamingResponse(self._resource.permissions)


class AsyncCheckpointsResourceWithRawResponse:
    def __init__(self, resource: AsyncCheckpointsResource) -> None:
        self._resource = resource

    @cached_property
    def permissions(self) -> AsyncPermissionsWithRawResponse:
        from .permissions import AsyncPermissionsWithRawResponse

        return AsyncPermissionsWithRawResponse(self._resource.permissions)


class AsyncCheckpointsResourceWithStreamingResponse:
    def __init__(self, resource: AsyncCheckpointsResource) -> None:
        self._resource = resource

    @cached_property
    def permissions(self) -> AsyncPermissionsWithStreamingResponse:
        from .permissions import AsyncPermissionsWithStreamingResponse

        return AsyncPermissionsWithStreamingResponse(self._resource.permissions)
