# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .create_fine_tuning_job_hyperparameters import CreateFineTuningJobHyperparameters
from .create_fine_tuning_job_integration import CreateFineTuningJobIntegration


class CreateFineTuningJobRequest(BaseModel):
    """
    The parameters for creating a fine-tuning job.
    """

    model: str | Literal["babbage-002", "davinci-002", "gpt-3.5-turbo", "gpt-4o-mini"]
    """
    The name of the model to fine-tune. You can select one of the
    [supported models](https://platform.openai.com/docs/guides/fine-tuning/which-models-can-be-fine-tuned).
    """
    training_file: str
    """
    The ID of an uploaded file that contains training data.

    See [upload file](https://platform.openai.com/docs/api-reference/files/create)
    for how to upload a file.

    Your dataset must be formatted as a JSONL file. Additionally, you must upload
    your file with the purpose `fine-tune`.

    The contents of the file should differ depending on if the model uses the
    [chat](https://platform.openai.com/docs/api-reference/fine-tuning/chat-input) or
    [completions](https://platform.openai.com/docs/api-reference/fine-tuning/completions-input)
    format.

    See the [fine-tuning guide](https://platform.openai.com/docs/guides/fine-tuning)
    for more details.
    """
    hyperparameters: CreateFineTuningJobHyperparameters | None = None
    integrations: list[CreateFineTuningJobIntegration] | None = None
    """
    A list of integrations to enable for your fine-tuning job.
    """
    seed: int | None = None
    """
    The seed controls the reproducibility of the job. Passing in the same seed and
    job parameters should produce the same results, but may differ in rare cases. If
    a seed is not specified, one will be generated for you.
    """
    suffix: str | None = None
    """
    A string of up to 64 characters that will be added to your fine-tuned model
    name.

    For example, a `suffix` of "custom-model-name" would produce a model name like
    `ft:gpt-4o-mini:openai:custom-model-name:7p4lURel`.
    """
    validation_file: str | None = None
    """
    The ID of an uploaded file that contains validation data.

    If you provide this file, the data is used to generate validation metrics
    periodically during fine-tuning. These metrics can be viewed in the fine-tuning
    results file. The same data should not be present in both train and validation
    files.

    Your dataset must be formatted as a JSONL file. You must upload your file with
    the purpose `fine-tune`.

    See the [fine-tuning guide](https://platform.openai.com/docs/guides/fine-tuning)
    for more details.
    """
