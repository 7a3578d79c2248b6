"""Arguments typed as TypedDicts are sent as the JSON they spell: plain dicts and lists, any iterable where the
signature says ``Iterable``, a model's ``model_dump()`` and (untyped, but still accepted) a model itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx
from finetuning import AsyncClient, Client
from finetuning.types import CreateFineTuningJobHyperparameters, CreateFineTuningJobIntegration, FineTuningJob
from finetuning.types.fine_tuning import JobCreateParams

BASE_URL = "http://finetuning.test/v1"
JOB = {
    "id": "ftjob-1",
    "created_at": 1,
    "error": None,
    "fine_tuned_model": None,
    "finished_at": None,
    "hyperparameters": {"n_epochs": 3, "batch_size": "auto", "learning_rate_multiplier": "auto"},
    "model": "gpt-4o-mini",
    "object": "fine_tuning.job",
    "organization_id": "org-1",
    "result_files": [],
    "seed": 7,
    "status": "queued",
    "trained_tokens": None,
    "training_file": "file-1",
    "validation_file": None,
    "integrations": [{"type": "wandb", "wandb": {"project": "p", "tags": ["t"]}}],
}
EXPECTED = {
    "model": "gpt-4o-mini",
    "training_file": "file-1",
    "hyperparameters": {"n_epochs": 3},
    "integrations": [{"type": "wandb", "wandb": {"project": "p", "tags": ["t"]}}],
}


@pytest.fixture
def sent(api_key: str) -> Iterator[list[Any]]:
    """The JSON bodies of the requests made; every request is answered with :data:`JOB`."""
    bodies: list[Any] = []

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        return httpx.Response(200, json=JOB)

    with respx.mock(base_url=BASE_URL) as router:
        router.post("/fine_tuning/jobs").mock(side_effect=answer)
        yield bodies


def _create(client: Client, **arguments: Any) -> FineTuningJob:
    return client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-1", **arguments)


def test_plain_dicts_lists_and_iterables_are_sent_as_json(sent: list[Any]) -> None:
    integration = {"type": "wandb", "wandb": {"project": "p", "tags": ["t"]}}
    with Client(base_url=BASE_URL) as client:
        _create(client, hyperparameters={"n_epochs": 3}, integrations=[integration])
        _create(client, hyperparameters={"n_epochs": 3}, integrations=(i for i in [integration]))  # a generator
        _create(client, hyperparameters={"n_epochs": 3}, integrations=(integration,))
        wandb = {"project": "p", "tags": iter(["t"])}  # iterables inside nested dicts too
        _create(client, hyperparameters={"n_epochs": 3}, integrations=[{"type": "wandb", "wandb": wandb}])
    assert sent == [EXPECTED] * 4


def test_a_params_typed_dict_unpacks_into_the_call(sent: list[Any]) -> None:
    params: JobCreateParams = {
        "model": "gpt-4o-mini",
        "training_file": "file-1",
        "hyperparameters": {"n_epochs": 3},
        "integrations": [{"type": "wandb", "wandb": {"project": "p", "tags": ["t"]}}],
    }
    with Client(base_url=BASE_URL) as client:
        client.fine_tuning.jobs.create(**params)
    assert sent == [EXPECTED]


def test_models_are_sent_dumped_or_as_they_are(sent: list[Any]) -> None:
    hyperparameters = CreateFineTuningJobHyperparameters(n_epochs=3)
    integration = CreateFineTuningJobIntegration.model_validate(EXPECTED["integrations"][0])
    job = FineTuningJob.model_validate(JOB)
    with Client(base_url=BASE_URL) as client:
        dumped = integration.model_dump(mode="json", by_alias=True, exclude_unset=True)
        _create(client, hyperparameters=hyperparameters.model_dump(exclude_unset=True), integrations=[dumped])
        _create(client, hyperparameters=hyperparameters, integrations=[integration])  # not in the types, still sent
        copied = [i.model_dump(exclude_unset=True) for i in job.integrations or []]
        _create(client, hyperparameters={"n_epochs": 3}, integrations=copied)
    assert sent == [EXPECTED] * 3


@pytest.mark.anyio
async def test_the_async_client_sends_the_same(sent: list[Any]) -> None:
    async with AsyncClient(base_url=BASE_URL) as client:
        await client.fine_tuning.jobs.create(
            model="gpt-4o-mini",
            training_file="file-1",
            hyperparameters={"n_epochs": 3},
            integrations=({"type": "wandb", "wandb": {"project": "p", "tags": ["t"]}} for _ in range(1)),
        )
    assert sent == [EXPECTED]
