# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tuning_job_wandb_integration import FineTuningJobWandbIntegration


class CreateFineTuningJobIntegration(BaseModel):
    """
    An integration to enable for a fine-tuning job.
    """

    type: Literal["wandb"]
    """
    The type of integration to enable. Currently, only "wandb" (Weights and Biases)
    is supported.
    """
    wandb: FineTuningJobWandbIntegration
