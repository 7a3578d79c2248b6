# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class InputAudioInputAudio(BaseModel):
    """
    The audio data and its format.
    """

    data: str
    """
    Base64-encoded audio data.
    """
    format: Literal["mp3", "wav"] | None = None
    """
    The format of the audio data. Currently supported formats are `mp3` and `wav`.
    """
