# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class EvalItemContentOutputText(BaseModel):
    """
    A text output from the model.
    """

    type: Literal["output_text"]
    """
    The type of the output text. Always `output_text`.
    """
    text: str
    """
    The text output from the model.
    """
