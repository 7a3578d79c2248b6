# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class CreateFineTuningJobHyperparameters(BaseModel):
    """
    The hyperparameters used for the fine-tuning job.
    """

    batch_size: Literal["auto"] | int = "auto"
    """
    Number of examples in each batch. A larger batch size means that model
    parameters are updated less frequently, but with lower variance.
    """
    learning_rate_multiplier: Literal["auto"] | float = "auto"
    """
    Scaling factor for the learning rate. A smaller learning rate may be useful to
    avoid overfitting.
    """
    n_epochs: Literal["auto"] | int = "auto"
    """
    The number of epochs to train the model for. An epoch refers to one full cycle
    through the training dataset.
    """
