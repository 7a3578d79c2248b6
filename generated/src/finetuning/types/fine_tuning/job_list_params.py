# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The arguments of ``client.fine_tuning.jobs.list()``."""

from typing import TypedDict

__all__ = ["JobListParams"]


class JobListParams(TypedDict, total=False):
    """The keyword arguments of ``client.fine_tuning.jobs.list()``."""

    after: str
    """Identifier for the last job from the previous pagination request."""

    limit: int
    """Number of fine-tuning jobs to retrieve."""
