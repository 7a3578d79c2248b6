# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The arguments of ``client.fine_tuning.checkpoints.permissions.list()``."""

from typing import Literal, TypedDict

__all__ = ["PermissionListParams"]


class PermissionListParams(TypedDict, total=False):
    """The keyword arguments of ``client.fine_tuning.checkpoints.permissions.list()``."""

    project_id: str
    """The ID of the project to get permissions for."""

    after: str
    """Identifier for the last permission ID from the previous pagination request."""

    limit: int
    """Number of permissions to retrieve."""

    order: Literal["ascending", "descending"]
    """The order in which to retrieve permissions."""
