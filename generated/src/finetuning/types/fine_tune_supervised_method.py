# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel

from .fine_tune_supervised_hyperparameters import FineTuneSupervisedHyperparameters


class FineTuneSupervisedMethod(BaseModel):
    """
    Configuration for the supervised fine-tuning method.
    """

    hyperparameters: FineTuneSupervisedHyperparameters | None = None
