# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tuning_job_event import FineTuningJobEvent


class ListFineTuningJobEventsResponse(BaseModel):
    """
    A page of events for a fine-tuning job.
    """

    object: Literal["list"]
    """
    The object type, which is always "list".
    """
    data: list[FineTuningJobEvent]
    """
    The events on this page.
    """
    has_more: bool
    """
    Whether more events are available after this page.
    """
