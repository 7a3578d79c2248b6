# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tune_dpo_method import FineTuneDPOMethod
from .fine_tune_reinforcement_method import FineTuneReinforcementMethod
from .fine_tune_supervised_method import FineTuneSupervisedMethod


class FineTuneMethod(BaseModel):
    """
    The method used for fine-tuning.
    """

    type: Literal["supervised", "dpo", "reinforcement"]
    """
    The type of method. Is either `supervised`, `dpo`, or `reinforcement`.
    """
    supervised: FineTuneSupervisedMethod | None = None
    dpo: FineTuneDPOMethod | None = None
    reinforcement: FineTuneReinforcementMethod | None = None
