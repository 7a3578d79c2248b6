# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tuning_job_wandb_integration import FineTuningJobWandbIntegration


class FineTuningJobWandbIntegrationObject(BaseModel):
    """
    A Weights and Biases integration enabled for a fine-tuning job.
    """

    type: Literal["wandb"]
    """
    The type of the integration being enabled for the fine-tuning job
    """
    wandb: FineTuningJobWandbIntegration
