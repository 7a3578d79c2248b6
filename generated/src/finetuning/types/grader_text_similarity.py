# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class GraderTextSimilarity(BaseModel):
    """
    A TextSimilarityGrader object which grades text based on similarity metrics.
    """

    type: Literal["text_similarity"]
    """
    The type of grader.
    """
    name: str
    """
    The name of the grader.
    """
    input: str
    """
    The text being graded.
    """
    reference: str
    """
    The text being graded against.
    """
    evaluation_metric: Literal[
        "cosine",
        "fuzzy_match",
        "bleu",
        "gleu",
        "meteor",
        "rouge_1",
        "rouge_2",
        "rouge_3",
        "rouge_4",
        "rouge_5",
        "rouge_l",
    ]
    """
    The evaluation metric to use. One of `cosine`, `fuzzy_match`, `bleu`, `gleu`, `meteor`,
    `rouge_1`, `rouge_2`, `rouge_3`, `rouge_4`, `rouge_5`, or `rouge_l`.
    """
