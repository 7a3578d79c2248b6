# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The request-side twin of ``GraderTextSimilarity``."""

from typing import Literal, Required, TypedDict

__all__ = ["GraderTextSimilarityParam"]


class GraderTextSimilarityParam(TypedDict, total=False):
    """A TextSimilarityGrader object which grades text based on similarity metrics."""

    type: Required[Literal["text_similarity"]]
    """The type of grader."""

    name: Required[str]
    """The name of the grader."""

    input: Required[str]
    """The text being graded."""

    reference: Required[str]
    """The text being graded against."""

    evaluation_metric: Required[
        Literal[
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
    ]
    """
    The evaluation metric to use. One of `cosine`, `fuzzy_match`, `bleu`, `gleu`, `meteor`,
    `rouge_1`, `rouge_2`, `rouge_3`, `rouge_4`, `rouge_5`, or `rouge_l`.
    """
