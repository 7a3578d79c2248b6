# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""
The API's data types: pydantic models, and the TypedDicts of methods' arguments (in a folder per resource).
Each module is imported on first use, not with the package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .create_fine_tuning_job_hyperparameters import (
        CreateFineTuningJobHyperparameters as CreateFineTuningJobHyperparameters,
    )
    from .create_fine_tuning_job_integration import CreateFineTuningJobIntegration as CreateFineTuningJobIntegration
    from .create_fine_tuning_job_request import CreateFineTuningJobRequest as CreateFineTuningJobRequest
    from .error import Error as Error
    from .error_response import ErrorResponse as ErrorResponse
    from .fine_tuning_job import FineTuningJob as FineTuningJob
    from .fine_tuning_job_checkpoint import FineTuningJobCheckpoint as FineTuningJobCheckpoint
    from .fine_tuning_job_checkpoint_metrics import FineTuningJobCheckpointMetrics as FineTuningJobCheckpointMetrics
    from .fine_tuning_job_error import FineTuningJobError as FineTuningJobError
    from .fine_tuning_job_event import FineTuningJobEvent as FineTuningJobEvent
    from .fine_tuning_job_hyperparameters import FineTuningJobHyperparameters as FineTuningJobHyperparameters
    from .fine_tuning_job_integration import FineTuningJobIntegration as FineTuningJobIntegration
    from .fine_tuning_job_wandb_integration import FineTuningJobWandbIntegration as FineTuningJobWandbIntegration
    from .fine_tuning_job_wandb_integration_object import (
        FineTuningJobWandbIntegrationObject as FineTuningJobWandbIntegrationObject,
    )
    from .list_fine_tuning_job_checkpoints_response import (
        ListFineTuningJobCheckpointsResponse as ListFineTuningJobCheckpointsResponse,
    )
    from .list_fine_tuning_job_events_response import ListFineTuningJobEventsResponse as ListFineTuningJobEventsResponse
    from .list_paginated_fine_tuning_jobs_response import (
        ListPaginatedFineTuningJobsResponse as ListPaginatedFineTuningJobsResponse,
    )

_MODULES: dict[str, str] = {
    "FineTuningJob": "fine_tuning_job",
    "FineTuningJobError": "fine_tuning_job_error",
    "FineTuningJobHyperparameters": "fine_tuning_job_hyperparameters",
    "FineTuningJobEvent": "fine_tuning_job_event",
    "FineTuningJobIntegration": "fine_tuning_job_integration",
    "FineTuningJobWandbIntegrationObject": "fine_tuning_job_wandb_integration_object",
    "FineTuningJobWandbIntegration": "fine_tuning_job_wandb_integration",
    "CreateFineTuningJobRequest": "create_fine_tuning_job_request",
    "CreateFineTuningJobHyperparameters": "create_fine_tuning_job_hyperparameters",
    "CreateFineTuningJobIntegration": "create_fine_tuning_job_integration",
    "FineTuningJobCheckpoint": "fine_tuning_job_checkpoint",
    "FineTuningJobCheckpointMetrics": "fine_tuning_job_checkpoint_metrics",
    "ListPaginatedFineTuningJobsResponse": "list_paginated_fine_tuning_jobs_response",
    "ListFineTuningJobEventsResponse": "list_fine_tuning_job_events_response",
    "ListFineTuningJobCheckpointsResponse": "list_fine_tuning_job_checkpoints_response",
    "Error": "error",
    "ErrorResponse": "error_response",
}

__all__: list[str] = [
    "FineTuningJob",
    "FineTuningJobError",
    "FineTuningJobHyperparameters",
    "FineTuningJobEvent",
    "FineTuningJobIntegration",
    "FineTuningJobWandbIntegrationObject",
    "FineTuningJobWandbIntegration",
    "CreateFineTuningJobRequest",
    "CreateFineTuningJobHyperparameters",
    "CreateFineTuningJobIntegration",
    "FineTuningJobCheckpoint",
    "FineTuningJobCheckpointMetrics",
    "ListPaginatedFineTuningJobsResponse",
    "ListFineTuningJobEventsResponse",
    "ListFineTuningJobCheckpointsResponse",
    "Error",
    "ErrorResponse",
]


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
