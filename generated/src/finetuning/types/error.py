# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel


class Error(BaseModel):
    """
    Details of an API error.
    """

    code: str | None
    """
    A machine-readable error code, if any.
    """
    message: str
    """
    A human-readable error message.
    """
    param: str | None
    """
    The request parameter the error relates to, if any.
    """
    type: str
    """
    The category of the error.
    """
