# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .input_audio_input_audio import InputAudioInputAudio


class InputAudio(BaseModel):
    """
    An audio input to the model.
    """

    type: Literal["input_audio"]
    """
    The type of the input item. Always `input_audio`.
    """
    input_audio: InputAudioInputAudio
    """
    The audio data and its format.
    """
