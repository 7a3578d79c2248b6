# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing_extensions import TypeAliasType

from .fine_tuning_job_wandb_integration_object import FineTuningJobWandbIntegrationObject

FineTuningJobIntegration = TypeAliasType("FineTuningJobIntegration", FineTuningJobWandbIntegrationObject)
"""
An integration enabled for a fine-tuning job. Currently the only supported
integration is Weights and Biases (`wandb`).
"""
