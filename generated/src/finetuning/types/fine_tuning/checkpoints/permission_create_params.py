# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The arguments of ``client.fine_tuning.checkpoints.permissions.create()``."""

from typing import Required, TypedDict

__all__ = ["PermissionCreateParams"]


class PermissionCreateParams(TypedDict, total=False):
    """The keyword arguments of ``client.fine_tuning.checkpoints.permissions.create()``."""

    project_ids: Required[list[str]]
    """The project identifiers to grant access to."""
