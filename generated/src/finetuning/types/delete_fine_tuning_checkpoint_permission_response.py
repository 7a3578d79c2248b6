# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class DeleteFineTuningCheckpointPermissionResponse(BaseModel):
    """
    The result of deleting a fine-tuned model checkpoint permission.
    """

    id: str
    """
    The ID of the fine-tuned model checkpoint permission that was deleted.
    """
    object: Literal["checkpoint.permission"]
    """
    The object type, which is always "checkpoint.permission".
    """
    deleted: bool
    """
    Whether the fine-tuned model checkpoint permission was successfully deleted.
    """
