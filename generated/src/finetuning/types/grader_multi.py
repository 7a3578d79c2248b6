# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .grader_label_model import GraderLabelModel
from .grader_python import GraderPython
from .grader_score_model import GraderScoreModel
from .grader_string_check import GraderStringCheck
from .grader_text_similarity import GraderTextSimilarity


class GraderMulti(BaseModel):
    """
    A MultiGrader object combines the output of multiple graders to produce a single score.
    """

    type: Literal["multi"]
    """
    The object type, which is always `multi`.
    """
    name: str
    """
    The name of the grader.
    """
    graders: GraderStringCheck | GraderTextSimilarity | GraderPython | GraderScoreModel | GraderLabelModel
    calculate_output: str
    """
    A formula to calculate the output based on grader results.
    """
