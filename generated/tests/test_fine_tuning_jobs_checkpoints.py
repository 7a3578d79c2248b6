# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Every operation of ``client.fine_tuning.jobs.checkpoints``, sync and async, against the mock server."""

from __future__ import annotations

import pytest

from finetuning import APIStatusError, AsyncClient, Client
from finetuning.pagination import AsyncCursorPage, SyncCursorPage
from finetuning.types import FineTuningJobCheckpoint

from .utils import assert_matches_type


def test_list(client: Client) -> None:
    result = client.fine_tuning.jobs.checkpoints.list("ftjob-abc123")
    assert_matches_type(SyncCursorPage[FineTuningJobCheckpoint], result)


def test_list_with_every_argument(client: Client) -> None:
    result = client.fine_tuning.jobs.checkpoints.list("ftjob-abc123", after="ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB", limit=10)
    assert_matches_type(SyncCursorPage[FineTuningJobCheckpoint], result)


def test_raw_response_list(client: Client) -> None:
    response = client.fine_tuning.jobs.checkpoints.with_raw_response.list("ftjob-abc123")
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(SyncCursorPage[FineTuningJobCheckpoint], result)


def test_streaming_response_list(client: Client) -> None:
    with client.fine_tuning.jobs.checkpoints.with_streaming_response.list("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(SyncCursorPage[FineTuningJobCheckpoint], result)
    assert response.http_response.is_closed


def test_path_params_list(client: Client) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        client.fine_tuning.jobs.checkpoints.list("")


def test_invalid_request_list(client: Client) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        client.fine_tuning.jobs.checkpoints.list("ftjob-abc123", extra_query={"limit": "not-a-number"})
    assert caught.value.status_code in (400, 422)


@pytest.mark.anyio
async def test_async_list(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.checkpoints.list("ftjob-abc123")
    assert_matches_type(AsyncCursorPage[FineTuningJobCheckpoint], result)


@pytest.mark.anyio
async def test_async_list_with_every_argument(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.jobs.checkpoints.list(
        "ftjob-abc123", after="ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB", limit=10
    )
    assert_matches_type(AsyncCursorPage[FineTuningJobCheckpoint], result)


@pytest.mark.anyio
async def test_async_raw_response_list(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.jobs.checkpoints.with_raw_response.list("ftjob-abc123")
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(AsyncCursorPage[FineTuningJobCheckpoint], result)


@pytest.mark.anyio
async def test_async_streaming_response_list(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.jobs.checkpoints.with_streaming_response.list("ftjob-abc123") as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(AsyncCursorPage[FineTuningJobCheckpoint], result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_path_params_list(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        await async_client.fine_tuning.jobs.checkpoints.list("")


@pytest.mark.anyio
async def test_async_invalid_request_list(async_client: AsyncClient) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        await async_client.fine_tuning.jobs.checkpoints.list("ftjob-abc123", extra_query={"limit": "not-a-number"})
    assert caught.value.status_code in (400, 422)
