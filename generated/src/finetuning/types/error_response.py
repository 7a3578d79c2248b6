# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel

from .error import Error


class ErrorResponse(BaseModel):
    """
    The envelope in which errors are returned.
    """

    error: Error
