# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel

from .fine_tune_reinforcement_hyperparameters import FineTuneReinforcementHyperparameters
from .grader_multi import GraderMulti
from .grader_python import GraderPython
from .grader_score_model import GraderScoreModel
from .grader_string_check import GraderStringCheck
from .grader_text_similarity import GraderTextSimilarity


class FineTuneReinforcementMethod(BaseModel):
    """
    Configuration for the reinforcement fine-tuning method.
    """

    grader: GraderStringCheck | GraderTextSimilarity | GraderPython | GraderScoreModel | GraderMulti
    """
    The grader used for the fine-tuning job.
    """
    hyperparameters: FineTuneReinforcementHyperparameters | None = None
