# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tuning_job import FineTuningJob


class ListPaginatedFineTuningJobsResponse(BaseModel):
    """
    A page of fine-tuning jobs.
    """

    object: Literal["list"]
    """
    The object type, which is always "list".
    """
    data: list[FineTuningJob]
    """
    The fine-tuning jobs on this page.
    """
    has_more: bool
    """
    Whether more jobs are available after this page.
    """
