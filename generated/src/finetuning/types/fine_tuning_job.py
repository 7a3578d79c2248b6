# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel

from .fine_tuning_job_error import FineTuningJobError
from .fine_tuning_job_hyperparameters import FineTuningJobHyperparameters
from .fine_tuning_job_integration import FineTuningJobIntegration


class FineTuningJob(BaseModel):
    """
    The `fine_tuning.job` object represents a fine-tuning job that has been created
    through the API.
    """

    id: str
    """
    The object identifier, which can be referenced in the API endpoints.
    """
    created_at: int
    """
    The Unix timestamp (in seconds) for when the fine-tuning job was created.
    """
    error: FineTuningJobError | None
    """
    For fine-tuning jobs that have `failed`, this will contain more information on
    the cause of the failure.
    """
    fine_tuned_model: str | None
    """
    The name of the fine-tuned model that is being created. The value will be null
    if the fine-tuning job is still running.
    """
    finished_at: int | None
    """
    The Unix timestamp (in seconds) for when the fine-tuning job was finished. The
    value will be null if the fine-tuning job is still running.
    """
    hyperparameters: FineTuningJobHyperparameters
    model: str
    """
    The base model that is being fine-tuned.
    """
    object: Literal["fine_tuning.job"]
    """
    The object type, which is always "fine_tuning.job".
    """
    organization_id: str
    """
    The organization that owns the fine-tuning job.
    """
    result_files: list[str]
    """
    The compiled results file ID(s) for the fine-tuning job. You can retrieve the
    results with the
    [Files API](https://platform.openai.com/docs/api-reference/files/retrieve-contents).
    """
    seed: int
    """
    The seed used for the fine-tuning job.
    """
    status: Literal["validating_files", "queued", "running", "succeeded", "failed", "cancelled"]
    """
    The current status of the fine-tuning job, which can be either
    `validating_files`, `queued`, `running`, `succeeded`, `failed`, or `cancelled`.
    """
    trained_tokens: int | None
    """
    The total number of billable tokens processed by this fine-tuning job. The value
    will be null if the fine-tuning job is still running.
    """
    training_file: str
    """
    The file ID used for training. You can retrieve the training data with the
    [Files API](https://platform.openai.com/docs/api-reference/files/retrieve-contents).
    """
    validation_file: str | None
    """
    The file ID used for validation. You can retrieve the validation results with
    the
    [Files API](https://platform.openai.com/docs/api-reference/files/retrieve-contents).
    """
    estimated_finish: int | None = None
    """
    The Unix timestamp (in seconds) for when the fine-tuning job is estimated to
    finish. The value will be null if the fine-tuning job is not running.
    """
    integrations: list[FineTuningJobIntegration] | None = None
    """
    A list of integrations to enable for this fine-tuning job.
    """
