# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tuning_checkpoint_permission import FineTuningCheckpointPermission


class ListFineTuningCheckpointPermissionResponse(BaseModel):
    """
    A page of permissions for a fine-tuned model checkpoint.
    """

    data: list[FineTuningCheckpointPermission]
    """
    The permissions on this page.
    """
    object: Literal["list"]
    """
    The object type, which is always "list".
    """
    first_id: str | None = None
    """
    The ID of the first permission on this page.
    """
    last_id: str | None = None
    """
    The ID of the last permission on this page.
    """
    has_more: bool
    """
    Whether more permissions are available after this page.
    """
