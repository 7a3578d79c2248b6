# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Every operation of ``client.fine_tuning.jobs``, sync and async, against the mock server."""

from __future__ import annotations

import pytest

from finetuning import APIStatusError, AsyncClient, Client
from finetuning.pagination import AsyncCursorPage, SyncCursorPage
from finetuning.types import (
    FineTuningJob,
    FineTuningJobEvent,
)

from .utils import assert_matches_type


def test_create(client: Client) -> None:
    result = client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123")
    assert_matches_type(FineTuningJob, result)


def test_create_with_every_argument(client: Client) -> None:
    result = client.fine_tuning.jobs.create(
        model="gpt-4o-mini",
        training_file="file-abc123",
        hyperparameters={"n_epochs": 3, "batch_size": "auto", "learning_rate_multiplier": "auto"},
        integrations=[
            {
                "type": "wandb",
                "wandb": {
                    "project": "my-wandb-project",
                    "name": "ftjob-abc123",
                    "entity": None,
                    "tags": ["custom-tag"],
                },
            }
        ],
        seed=42,
        suffix="custom-model-name",
        validation_file="file-def456",
    )
    assert_matches_type(FineTuningJob, result)


def test_raw_response_create(client: Client) -> None:
    response = client.fine_tuning.jobs.with_raw_response.create(model="gpt-4o-mini", training_file="file-abc123")
    assert response.http_request.method == "POST"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(FineTuningJob, result)


def test_streaming_response_create(client: Client) -> None:
    with client.fine_tuning.jobs.with_streaming_response.create(
        model="gpt-4o-mini", training_file="file-abc123"
    ) as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(FineTuningJob, result)
    assert response.http_response.is_closed


def test_invalid_request_create(client: Client) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123", extra_body={"model": 12345})
    assert caught.value.status_code in (400, 422)


def test_list(client: Client) -> None:
    result = client.fine_tuning.jobs.list()
    assert_matches_type(SyncCursorPage[FineTuningJob], result)


def test_list_with_every_argument(client: Client) -> None:
    result = client.fine_tuning.jobs.list(after="ftjob-abc123", limit=20)
    assert_matches_type(SyncCursorPage[FineTuningJob], result)


def test_raw_response_list(client: Client) -> None:
    response = client.fine_tuning.jobs.with_raw_response.list()
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(SyncCursorPage[FineTuningJob], result)


def test_streaming_response_list(client: Client) -> None:
    with client.fine_tuning.jobs.with_streaming_response.list() as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(SyncCursorPage[FineTuningJob], result)
    assert response.http_response.is_closed


def test_invalid_request_list(client: Client) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        client.fine_tuning.jobs.list(extra_query={"limit": "not-a-number"})
    assert caught.value.status_code in (400, 422)


def test_retrieve(client: Client) -> None:
    result = client.fine_tuning.jobs.retrieve("ftjob-abc123")
    assert_matches_type(FineTuningJob, result)


def test_raw_response_retrieve(client: Client) -> None:
    response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-abc123")
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(FineTuningJob, result)


def test_streaming_response_retrieve(client: Client) -> None:
    with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(FineTuningJob, result)
    assert response.http_response.is_closed


def test_path_params_retrieve(client: Client) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        client.fine_tuning.jobs.retrieve("")


def test_cancel(client: Client) -> None:
    result = client.fine_tuning.jobs.cancel("ftjob-abc123")
    assert_matches_type(FineTuningJob, result)


def test_raw_response_cancel(client: Client) -> None:
    response = client.fine_tuning.jobs.with_raw_response.cancel("ftjob-abc123")
    assert response.http_request.method == "POST"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(FineTuningJob, result)


def test_streaming_response_cancel(client: Client) -> None:
    with client.fine_tuning.jobs.with_streaming_response.cancel("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(FineTuningJob, result)
    assert response.http_response.is_closed


def test_path_params_cancel(client: Client) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        client.fine_tuning.jobs.cancel("")


def test_list_events(client: Client) -> None:
    result = client.fine_tuning.jobs.list_events("ftjob-abc123")
    assert_matches_type(SyncCursorPage[FineTuningJobEvent], result)


def test_list_events_with_every_argument(client: Client) -> None:
    result = client.fine_tuning.jobs.list_events("ftjob-abc123", after="ftevent-abc123", limit=20)
    assert_matches_type(SyncCursorPage[FineTuningJobEvent], result)


def test_raw_response_list_events(client: Client) -> None:
    response = client.fine_tuning.jobs.with_raw_response.list_events("ftjob-abc123")
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(SyncCursorPage[FineTuningJobEvent], result)


def test_streaming_response_list_events(client: Client) -> None:
    with client.fine_tuning.jobs.with_streaming_response.list_events("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(SyncCursorPage[FineTuningJobEvent], result)
    assert response.http_response.is_closed


def test_path_params_list_events(client: Client) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        client.fine_tuning.jobs.list_events("")


def test_invalid_request_list_events(client: Client) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        client.fine_tuning.jobs.list_events("ftjob-abc123", extra_query={"limit": "not-a-number"})
    assert caught.value.status_code in (400, 422)


@pytest.mark.anyio
async def test_async_create(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123")
    assert_matches_type(FineTuningJob, result)


@pytest.mark.anyio
async def test_async_create_with_every_argument(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.create(
        model="gpt-4o-mini",
        training_file="file-abc123",
        hyperparameters={"n_epochs": 3, "batch_size": "auto", "learning_rate_multiplier": "auto"},
        integrations=[
            {
                "type": "wandb",
                "wandb": {
                    "project": "my-wandb-project",
                    "name": "ftjob-abc123",
                    "entity": None,
                    "tags": ["custom-tag"],
                },
            }
        ],
        seed=42,
        suffix="custom-model-name",
        validation_file="file-def456",
    )
    assert_matches_type(FineTuningJob, result)


@pytest.mark.anyio
async def test_async_raw_response_create(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.jobs.with_raw_response.create(
        model="gpt-4o-mini", training_file="file-abc123"
    )
    assert response.http_request.method == "POST"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(FineTuningJob, result)


@pytest.mark.anyio
async def test_async_streaming_response_create(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.jobs.with_streaming_response.create(
        model="gpt-4o-mini", training_file="file-abc123"
    ) as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(FineTuningJob, result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_invalid_request_create(async_client: AsyncClient) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        await async_client.fine_tuning.jobs.create(
            model="gpt-4o-mini", training_file="file-abc123", extra_body={"model": 12345}
        )
    assert caught.value.status_code in (400, 422)


@pytest.mark.anyio
async def test_async_list(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.list()
    assert_matches_type(AsyncCursorPage[FineTuningJob], result)


@pytest.mark.anyio
async def test_async_list_with_every_argument(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.list(after="ftjob-abc123", limit=20)
    assert_matches_type(AsyncCursorPage[FineTuningJob], result)


@pytest.mark.anyio
async def test_async_raw_response_list(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.jobs.with_raw_response.list()
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(AsyncCursorPage[FineTuningJob], result)


@pytest.mark.anyio
async def test_async_streaming_response_list(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.jobs.with_streaming_response.list() as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(AsyncCursorPage[FineTuningJob], result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_invalid_request_list(async_client: AsyncClient) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        await async_client.fine_tuning.jobs.list(extra_query={"limit": "not-a-number"})
    assert caught.value.status_code in (400, 422)


@pytest.mark.anyio
async def test_async_retrieve(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.retrieve("ftjob-abc123")
    assert_matches_type(FineTuningJob, result)


@pytest.mark.anyio
async def test_async_raw_response_retrieve(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-abc123")
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(FineTuningJob, result)


@pytest.mark.anyio
async def test_async_streaming_response_retrieve(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(FineTuningJob, result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_path_params_retrieve(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        await async_client.fine_tuning.jobs.retrieve("")


@pytest.mark.anyio
async def test_async_cancel(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.cancel("ftjob-abc123")
    assert_matches_type(FineTuningJob, result)


@pytest.mark.anyio
async def test_async_raw_response_cancel(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.jobs.with_raw_response.cancel("ftjob-abc123")
    assert response.http_request.method == "POST"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(FineTuningJob, result)


@pytest.mark.anyio
async def test_async_streaming_response_cancel(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.jobs.with_streaming_response.cancel("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(FineTuningJob, result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_path_params_cancel(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        await async_client.fine_tuning.jobs.cancel("")


@pytest.mark.anyio
async def test_async_list_events(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.list_events("ftjob-abc123")
    assert_matches_type(AsyncCursorPage[FineTuningJobEvent], result)


@pytest.mark.anyio
async def test_async_list_events_with_every_argument(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.list_events("ftjob-abc123", after="ftevent-abc123", limit=20)
    assert_matches_type(AsyncCursorPage[FineTuningJobEvent], result)


@pytest.mark.anyio
async def test_async_raw_response_list_events(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.jobs.with_raw_response.list_events("ftjob-abc123")
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(AsyncCursorPage[FineTuningJobEvent], result)


@pytest.mark.anyio
async def test_async_streaming_response_list_events(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.jobs.with_streaming_response.list_events("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(AsyncCursorPage[FineTuningJobEvent], result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_path_params_list_events(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        await async_client.fine_tuning.jobs.list_events("")


@pytest.mark.anyio
async def test_async_invalid_request_list_events(async_client: AsyncClient) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        await async_client.fine_tuning.jobs.list_events("ftjob-abc123", extra_query={"limit": "not-a-number"})
    assert caught.value.status_code in (400, 422)
