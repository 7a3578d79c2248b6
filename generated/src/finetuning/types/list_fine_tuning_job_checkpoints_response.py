# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tuning_job_checkpoint import FineTuningJobCheckpoint


class ListFineTuningJobCheckpointsResponse(BaseModel):
    """
    A page of checkpoints for a fine-tuning job.
    """

    object: Literal["list"]
    """
    The object type, which is always "list".
    """
    data: list[FineTuningJobCheckpoint]
    """
    The checkpoints on this page.
    """
    first_id: str | None = None
    """
    The ID of the first checkpoint on this page.
    """
    last_id: str | None = None
    """
    The ID of the last checkpoint on this page.
    """
    has_more: bool
    """
    Whether more checkpoints are available after this page.
    """
