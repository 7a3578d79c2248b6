# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel

from .reasoning_effort import ReasoningEffort


class GraderScoreModelSamplingParams(BaseModel):
    """
    The sampling parameters for the model.
    """

    seed: int | None = None
    """
    A seed value to initialize the randomness, during sampling.
    """
    top_p: float | None = None
    """
    An alternative to temperature for nucleus sampling; 1.0 includes all tokens.
    """
    temperature: float | None = None
    """
    A higher temperature increases randomness in the outputs.
    """
    max_completions_tokens: int | None = None
    """
    The maximum number of tokens the grader model may generate in its response.
    """
    reasoning_effort: ReasoningEffort | None = None
