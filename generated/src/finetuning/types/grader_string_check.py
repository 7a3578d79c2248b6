# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class GraderStringCheck(BaseModel):
    """
    A StringCheckGrader object that performs a string comparison between input and reference
    using a specified operation.
    """

    type: Literal["string_check"]
    """
    The object type, which is always `string_check`.
    """
    name: str
    """
    The name of the grader.
    """
    input: str
    """
    The input text. This may include template strings.
    """
    reference: str
    """
    The reference text. This may include template strings.
    """
    operation: Literal["eq", "ne", "like", "ilike"]
    """
    The string check operation to perform. One of `eq`, `ne`, `like`, or `ilike`.
    """
