# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel


class FineTuningJobError(BaseModel):
    """
    For fine-tuning jobs that have `failed`, this will contain more information on
    the cause of the failure.
    """

    code: str
    """
    A machine-readable error code.
    """
    message: str
    """
    A human-readable error message.
    """
    param: str | None
    """
    The parameter that was invalid, usually `training_file` or `validation_file`.
    This field will be null if the failure was not parameter-specific.
    """
