# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from finetuning._models import BaseModel

from .fine_tune_dpo_hyperparameters import FineTuneDPOHyperparameters


class FineTuneDPOMethod(BaseModel):
    """
    Configuration for the DPO fine-tuning method.
    """

    hyperparameters: FineTuneDPOHyperparameters | None = None
