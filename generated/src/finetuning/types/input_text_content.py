# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .prompt_cache_breakpoint_config import PromptCacheBreakpointConfig


class InputTextContent(BaseModel):
    """
    A text input to the model.
    """

    type: Literal["input_text"]
    """
    The type of the input item. Always `input_text`.
    """
    text: str
    """
    The text input to the model.
    """
    prompt_cache_breakpoint: PromptCacheBreakpointConfig | None = None
