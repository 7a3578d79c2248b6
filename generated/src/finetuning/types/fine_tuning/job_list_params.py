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

    metadata: dict[str, str] | None
    """
    Optional metadata filter. To filter, use the syntax `metadata[k]=v`. Alternatively, set
    `metadata=null` to indicate no metadata.
    """
