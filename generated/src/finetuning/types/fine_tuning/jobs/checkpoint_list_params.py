# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The arguments of ``client.fine_tuning.jobs.checkpoints.list()``."""

from typing import TypedDict

__all__ = ["CheckpointListParams"]


class CheckpointListParams(TypedDict, total=False):
    """The keyword arguments of ``client.fine_tuning.jobs.checkpoints.list()``."""

    after: str
    """Identifier for the last checkpoint ID from the previous pagination request."""

    limit: int
    """Number of checkpoints to retrieve."""
