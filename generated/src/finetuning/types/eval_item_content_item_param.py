# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The request-side twin of ``EvalItemContentItem``."""

from typing import Literal, Required, TypeAlias, TypedDict

from ._unchecked import UncheckedDict
from .eval_item_content_text import EvalItemContentText

__all__ = [
    "EvalItemContentItemParam",
    "InputTextContentParam",
    "InputTextContentPromptCacheBreakpointParam",
    "EvalItemContentOutputTextParam",
    "EvalItemInputImageParam",
    "InputAudioParam",
    "InputAudioInputAudioParam",
]


class InputTextContentPromptCacheBreakpointParam(TypedDict, total=False):
    """
    Marks the exact end of a reusable prompt prefix. The breakpoint inherits its TTL from the
    request's `prompt_cache_options.ttl`; the boundary is not rounded to a token block.
    """

    mode: Required[Literal["explicit"]]
    """The breakpoint mode. Always `explicit`."""


class InputTextContentParam(TypedDict, total=False):
    """A text input to the model."""

    type: Required[Literal["input_text"]]
    """The type of the input item. Always `input_text`."""

    text: Required[str]
    """The text input to the model."""

    prompt_cache_breakpoint: InputTextContentPromptCacheBreakpointParam | UncheckedDict


class EvalItemContentOutputTextParam(TypedDict, total=False):
    """A text output from the model."""

    type: Required[Literal["output_text"]]
    """The type of the output text. Always `output_text`."""

    text: Required[str]
    """The text output from the model."""


class EvalItemInputImageParam(TypedDict, total=False):
    """An image input block used within EvalItem content arrays."""

    type: Required[Literal["input_image"]]
    """The type of the image input. Always `input_image`."""

    image_url: Required[str]
    """The URL of the image input."""

    detail: str
    """
    The detail level of the image to be sent to the model. One of `high`, `low`, or `auto`.
    Defaults to `auto`.
    """


class InputAudioInputAudioParam(TypedDict, total=False):
    """The audio data and its format."""

    data: Required[str]
    """Base64-encoded audio data."""

    format: Literal["mp3", "wav"]
    """The format of the audio data. Currently supported formats are `mp3` and `wav`."""


class InputAudioParam(TypedDict, total=False):
    """An audio input to the model."""

    type: Required[Literal["input_audio"]]
    """The type of the input item. Always `input_audio`."""

    input_audio: Required[InputAudioInputAudioParam | UncheckedDict]
    """The audio data and its format."""


EvalItemContentItemParam: TypeAlias = (
    EvalItemContentText
    | InputTextContentParam
    | EvalItemContentOutputTextParam
    | EvalItemInputImageParam
    | InputAudioParam
)
"""A single content item: input text, output text, input image, or input audio."""
