# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The request-side twin of ``GraderScoreModel``."""

from collections.abc import Iterable
from typing import Literal, Required, TypedDict

from ._unchecked import UncheckedDict
from .eval_item_param import EvalItemParam
from .reasoning_effort import ReasoningEffort

__all__ = ["GraderScoreModelParam", "GraderScoreModelSamplingParamsParam"]


class GraderScoreModelSamplingParamsParam(TypedDict, total=False):
    """The sampling parameters for the model."""

    seed: int | None
    """A seed value to initialize the randomness, during sampling."""

    top_p: float | None
    """An alternative to temperature for nucleus sampling; 1.0 includes all tokens."""

    temperature: float | None
    """A higher temperature increases randomness in the outputs."""

    max_completions_tokens: int | None
    """The maximum number of tokens the grader model may generate in its response."""

    reasoning_effort: ReasoningEffort


class GraderScoreModelParam(TypedDict, total=False):
    """A ScoreModelGrader object that uses a model to assign a score to the input."""

    type: Required[Literal["score_model"]]
    """The object type, which is always `score_model`."""

    name: Required[str]
    """The name of the grader."""

    model: Required[str]
    """The model to use for the evaluation."""

    sampling_params: GraderScoreModelSamplingParamsParam | UncheckedDict
    """The sampling parameters for the model."""

    input: Required[Iterable[EvalItemParam | UncheckedDict]]
    """
    The input messages evaluated by the grader. Supports text, output text, input image, and
    input audio content blocks, and may include template strings.
    """

    range: Iterable[float]
    """The range of the score. Defaults to `[0, 1]`."""
