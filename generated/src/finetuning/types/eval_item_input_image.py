# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from pydantic import AnyUrl

from finetuning._models import BaseModel


class EvalItemInputImage(BaseModel):
    """
    An image input block used within EvalItem content arrays.
    """

    type: Literal["input_image"]
    """
    The type of the image input. Always `input_image`.
    """
    image_url: AnyUrl
    """
    The URL of the image input.
    """
    detail: str | None = None
    """
    The detail level of the image to be sent to the model. One of `high`, `low`, or `auto`.
    Defaults to `auto`.
    """
