# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class FineTuningCheckpointPermission(BaseModel):
    """
    The `checkpoint.permission` object represents a permission for a fine-tuned model checkpoint.
    """

    id: str
    """
    The permission identifier, which can be referenced in the API endpoints.
    """
    created_at: int
    """
    The Unix timestamp (in seconds) for when the permission was created.
    """
    project_id: str
    """
    The project identifier that the permission is for.
    """
    object: Literal["checkpoint.permission"]
    """
    The object type, which is always "checkpoint.permission".
    """
