# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""
The API's data types: pydantic models, and the TypedDicts of methods' arguments (in a folder per resource).
Each module is imported on first use, not with the package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .create_fine_tuning_checkpoint_permission_request import (
        CreateFineTuningCheckpointPermissionRequest as CreateFineTuningCheckpointPermissionRequest,
    )
    from .create_fine_tuning_job_hyperparameters import (
        CreateFineTuningJobHyperparameters as CreateFineTuningJobHyperparameters,
    )
    from .create_fine_tuning_job_integration import CreateFineTuningJobIntegration as CreateFineTuningJobIntegration
    from .create_fine_tuning_job_request import CreateFineTuningJobRequest as CreateFineTuningJobRequest
    from .delete_fine_tuning_checkpoint_permission_response import (
        DeleteFineTuningCheckpointPermissionResponse as DeleteFineTuningCheckpointPermissionResponse,
    )
    from .error import Error as Error
    from .error_response import ErrorResponse as ErrorResponse
    from .eval_item import EvalItem as EvalItem
    from .eval_item_content import EvalItemContent as EvalItemContent
    from .eval_item_content_array import EvalItemContentArray as EvalItemContentArray
    from .eval_item_content_item import EvalItemContentItem as EvalItemContentItem
    from .eval_item_content_item_param import EvalItemContentItemParam as EvalItemContentItemParam
    from .eval_item_content_output_text import EvalItemContentOutputText as EvalItemContentOutputText
    from .eval_item_content_text import EvalItemContentText as EvalItemContentText
    from .eval_item_input_image import EvalItemInputImage as EvalItemInputImage
    from .eval_item_param import EvalItemParam as EvalItemParam
    from .fine_tune_dpo_hyperparameters import FineTuneDPOHyperparameters as FineTuneDPOHyperparameters
    from .fine_tune_dpo_method import FineTuneDPOMethod as FineTuneDPOMethod
    from .fine_tune_method import FineTuneMethod as FineTuneMethod
    from .fine_tune_reinforcement_hyperparameters import (
        FineTuneReinforcementHyperparameters as FineTuneReinforcementHyperparameters,
    )
    from .fine_tune_reinforcement_method import FineTuneReinforcementMethod as FineTuneReinforcementMethod
    from .fine_tune_supervised_hyperparameters import (
        FineTuneSupervisedHyperparameters as FineTuneSupervisedHyperparameters,
    )
    from .fine_tune_supervised_method import FineTuneSupervisedMethod as FineTuneSupervisedMethod
    from .fine_tuning_checkpoint_permission import FineTuningCheckpointPermission as FineTuningCheckpointPermission
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
    from .grader_label_model import GraderLabelModel as GraderLabelModel
    from .grader_multi import GraderMulti as GraderMulti
    from .grader_python import GraderPython as GraderPython
    from .grader_python_param import GraderPythonParam as GraderPythonParam
    from .grader_score_model import GraderScoreModel as GraderScoreModel
    from .grader_score_model_param import GraderScoreModelParam as GraderScoreModelParam
    from .grader_score_model_sampling_params import GraderScoreModelSamplingParams as GraderScoreModelSamplingParams
    from .grader_string_check import GraderStringCheck as GraderStringCheck
    from .grader_string_check_param import GraderStringCheckParam as GraderStringCheckParam
    from .grader_text_similarity import GraderTextSimilarity as GraderTextSimilarity
    from .grader_text_similarity_param import GraderTextSimilarityParam as GraderTextSimilarityParam
    from .input_audio import InputAudio as InputAudio
    from .input_audio_input_audio import InputAudioInputAudio as InputAudioInputAudio
    from .input_text_content import InputTextContent as InputTextContent
    from .list_fine_tuning_checkpoint_permission_response import (
        ListFineTuningCheckpointPermissionResponse as ListFineTuningCheckpointPermissionResponse,
    )
    from .list_fine_tuning_job_checkpoints_response import (
        ListFineTuningJobCheckpointsResponse as ListFineTuningJobCheckpointsResponse,
    )
    from .list_fine_tuning_job_events_response import ListFineTuningJobEventsResponse as ListFineTuningJobEventsResponse
    from .list_paginated_fine_tuning_jobs_response import (
        ListPaginatedFineTuningJobsResponse as ListPaginatedFineTuningJobsResponse,
    )
    from .metadata import Metadata as Metadata
    from .prompt_cache_breakpoint_config import PromptCacheBreakpointConfig as PromptCacheBreakpointConfig
    from .reasoning_effort import ReasoningEffort as ReasoningEffort

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
    "Metadata": "metadata",
    "FineTuneMethod": "fine_tune_method",
    "FineTuneSupervisedMethod": "fine_tune_supervised_method",
    "FineTuneSupervisedHyperparameters": "fine_tune_supervised_hyperparameters",
    "FineTuneDPOMethod": "fine_tune_dpo_method",
    "FineTuneDPOHyperparameters": "fine_tune_dpo_hyperparameters",
    "FineTuneReinforcementMethod": "fine_tune_reinforcement_method",
    "FineTuneReinforcementHyperparameters": "fine_tune_reinforcement_hyperparameters",
    "GraderStringCheck": "grader_string_check",
    "GraderTextSimilarity": "grader_text_similarity",
    "GraderPython": "grader_python",
    "GraderScoreModelSamplingParams": "grader_score_model_sampling_params",
    "GraderScoreModel": "grader_score_model",
    "GraderLabelModel": "grader_label_model",
    "GraderMulti": "grader_multi",
    "EvalItem": "eval_item",
    "EvalItemContent": "eval_item_content",
    "EvalItemContentArray": "eval_item_content_array",
    "EvalItemContentItem": "eval_item_content_item",
    "EvalItemContentText": "eval_item_content_text",
    "EvalItemContentOutputText": "eval_item_content_output_text",
    "EvalItemInputImage": "eval_item_input_image",
    "InputTextContent": "input_text_content",
    "PromptCacheBreakpointConfig": "prompt_cache_breakpoint_config",
    "InputAudioInputAudio": "input_audio_input_audio",
    "InputAudio": "input_audio",
    "ReasoningEffort": "reasoning_effort",
    "FineTuningCheckpointPermission": "fine_tuning_checkpoint_permission",
    "ListFineTuningCheckpointPermissionResponse": "list_fine_tuning_checkpoint_permission_response",
    "CreateFineTuningCheckpointPermissionRequest": "create_fine_tuning_checkpoint_permission_request",
    "DeleteFineTuningCheckpointPermissionResponse": "delete_fine_tuning_checkpoint_permission_response",
    "Error": "error",
    "ErrorResponse": "error_response",
    "GraderStringCheckParam": "grader_string_check_param",
    "GraderTextSimilarityParam": "grader_text_similarity_param",
    "GraderPythonParam": "grader_python_param",
    "GraderScoreModelParam": "grader_score_model_param",
    "EvalItemParam": "eval_item_param",
    "EvalItemContentItemParam": "eval_item_content_item_param",
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
    "Metadata",
    "FineTuneMethod",
    "FineTuneSupervisedMethod",
    "FineTuneSupervisedHyperparameters",
    "FineTuneDPOMethod",
    "FineTuneDPOHyperparameters",
    "FineTuneReinforcementMethod",
    "FineTuneReinforcementHyperparameters",
    "GraderStringCheck",
    "GraderTextSimilarity",
    "GraderPython",
    "GraderScoreModelSamplingParams",
    "GraderScoreModel",
    "GraderLabelModel",
    "GraderMulti",
    "EvalItem",
    "EvalItemContent",
    "EvalItemContentArray",
    "EvalItemContentItem",
    "EvalItemContentText",
    "EvalItemContentOutputText",
    "EvalItemInputImage",
    "InputTextContent",
    "PromptCacheBreakpointConfig",
    "InputAudioInputAudio",
    "InputAudio",
    "ReasoningEffort",
    "FineTuningCheckpointPermission",
    "ListFineTuningCheckpointPermissionResponse",
    "CreateFineTuningCheckpointPermissionRequest",
    "DeleteFineTuningCheckpointPermissionResponse",
    "Error",
    "ErrorResponse",
    "GraderStringCheckParam",
    "GraderTextSimilarityParam",
    "GraderPythonParam",
    "GraderScoreModelParam",
    "EvalItemParam",
    "EvalItemContentItemParam",
]


if not TYPE_CHECKING:  # type checkers read the imports above: a name this module lacks is an error to them

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)
