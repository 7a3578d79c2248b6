# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing_extensions import TypeAliasType

from .eval_item_content_output_text import EvalItemContentOutputText
from .eval_item_content_text import EvalItemContentText
from .eval_item_input_image import EvalItemInputImage
from .input_audio import InputAudio
from .input_text_content import InputTextContent

EvalItemContentItem = TypeAliasType(
    "EvalItemContentItem",
    EvalItemContentText | InputTextContent | EvalItemContentOutputText | EvalItemInputImage | InputAudio,
)
"""
A single content item: input text, output text, input image, or input audio.
"""
