"""Contract tests: the generated client against the Prism mock server serving our own spec.

Prism validates every request against the spec (``--errors`` turns a violation into an error response) and answers
from the spec's examples, so these tests prove that what the client sends is what the spec allows.
"""

from __future__ import annotations

from collections.abc import Iterator

import finetuning
import pytest
from finetuning import AsyncClient, Client
from finetuning.pagination import AsyncCursorPage, SyncCursorPage
from finetuning.types import FineTuningJob, FineTuningJobCheckpoint, FineTuningJobEvent

from tests.support import needs_prism

pytestmark = [pytest.mark.prism, needs_prism]


@pytest.fixture
def client(prism_url: str) -> Iterator[Client]:
    with Client(api_key="sk-contract", base_url=prism_url, max_retries=0) as c:
        yield c


def _assert_job(job: FineTuningJob) -> None:
    assert isinstance(job, FineTuningJob)
    assert isinstance(job.id, str) and isinstance(job.created_at, int)
    assert job.object == "fine_tuning.job"
    assert job.status in ("validating_files", "queued", "running", "succeeded", "failed", "cancelled")
    assert isinstance(job.result_files, list)
    assert type(job.hyperparameters).__name__ == "FineTuningJobHyperparameters"


def test_create_with_required_arguments(client: Client) -> None:
    _assert_job(client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123"))


def test_create_with_every_argument(client: Client) -> None:
    from finetuning.types import CreateFineTuningJobHyperparameters, CreateFineTuningJobIntegration

    job = client.fine_tuning.jobs.create(
        model="gpt-4o-mini",
        training_file="file-abc123",
        hyperparameters=CreateFineTuningJobHyperparameters(n_epochs=3, batch_size="auto", learning_rate_multiplier=0.5),
        integrations=[
            CreateFineTuningJobIntegration.model_validate(
                {"type": "wandb", "wandb": {"project": "p", "name": None, "entity": None, "tags": ["t"]}}
            )
        ],
        seed=42,
        suffix="custom-model-name",
        validation_file="file-def456",
    )
    _assert_job(job)


def test_retrieve_cancel(client: Client) -> None:
    _assert_job(client.fine_tuning.jobs.retrieve("ftjob-abc123"))
    _assert_job(client.fine_tuning.jobs.cancel("ftjob-abc123"))


def test_lists(client: Client) -> None:
    page = client.fine_tuning.jobs.list(limit=2)
    assert isinstance(page, SyncCursorPage) and not page.has_next_page()
    for job in page:
        _assert_job(job)
    events = client.fine_tuning.jobs.list_events("ftjob-abc123", limit=2)
    assert events.items and all(isinstance(e, FineTuningJobEvent) for e in events)
    checkpoints = client.fine_tuning.jobs.checkpoints.list("ftjob-abc123", after="x")
    assert checkpoints.items and all(isinstance(c, FineTuningJobCheckpoint) for c in checkpoints)


def test_raw_response(client: Client) -> None:
    response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-abc123")
    assert response.status_code == 200
    _assert_job(response.parse())


async def _async_calls(url: str) -> None:
    async with AsyncClient(api_key="sk-contract", base_url=url, max_retries=0) as client:
        _assert_job(await client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123"))
        _assert_job(await client.fine_tuning.jobs.retrieve("ftjob-abc123"))
        page = await client.fine_tuning.jobs.list()
        assert isinstance(page, AsyncCursorPage)
        assert [job.id async for job in client.fine_tuning.jobs.list()]


@pytest.mark.anyio
async def test_async_client(prism_url: str) -> None:
    await _async_calls(prism_url)


def test_a_request_that_violates_the_spec_is_rejected(client: Client) -> None:
    """Prism validates requests: a body or query the spec forbids fails, while the same call without it passes.

    Prism answers an invalid request with the operation's declared 400 response (422 where none is declared).
    """
    client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123", seed=1)
    with pytest.raises((finetuning.BadRequestError, finetuning.UnprocessableEntityError)):
        client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123", extra_body={"seed": "x"})
    client.fine_tuning.jobs.list(limit=3)
    with pytest.raises((finetuning.BadRequestError, finetuning.UnprocessableEntityError)):
        client.fine_tuning.jobs.list(extra_query={"limit": "not-a-number"})


def test_missing_auth_is_rejected(prism_url: str) -> None:
    with Client(api_key="x", base_url=prism_url, max_retries=0, default_headers={"Authorization": ""}) as c:
        with pytest.raises(finetuning.AuthenticationError):
            c.fine_tuning.jobs.retrieve("ftjob-abc123")
