# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel


class CreateFineTuningCheckpointPermissionRequest(BaseModel):
    """
    The projects to share a fine-tuned model checkpoint with.
    """

    project_ids: list[str]
    """
    The project identifiers to grant access to.
    """
