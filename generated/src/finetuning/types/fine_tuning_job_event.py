# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class FineTuningJobEvent(BaseModel):
    """
    Fine-tuning job event object
    """

    id: str
    """
    The object identifier.
    """
    created_at: int
    """
    The Unix timestamp (in seconds) for when the event was created.
    """
    level: Literal["info", "warn", "error"]
    """
    The log level of the event.
    """
    message: str
    """
    The message of the event.
    """
    object: Literal["fine_tuning.job.event"]
    """
    The object type, which is always "fine_tuning.job.event".
    """
