# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class FineTuningJobHyperparameters(BaseModel):
    """
    The hyperparameters used for the fine-tuning job. See the
    [fine-tuning guide](https://platform.openai.com/docs/guides/fine-tuning) for
    more details.
    """

    n_epochs: Literal["auto"] | int
    """
    The number of epochs to train the model for. An epoch refers to one full cycle
    through the training dataset. "auto" decides the optimal number of epochs based
    on the size of the dataset. If setting the number manually, we support any
    number between 1 and 50 epochs.
    """
