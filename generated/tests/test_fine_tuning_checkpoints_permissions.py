# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Every operation of ``client.fine_tuning.checkpoints.permissions``, sync and async, against the mock server."""

from __future__ import annotations

import pytest

from finetuning import APIStatusError, AsyncClient, Client
from finetuning.pagination import AsyncCursorPage, SyncCursorPage
from finetuning.types import (
    DeleteFineTuningCheckpointPermissionResponse,
    FineTuningCheckpointPermission,
    ListFineTuningCheckpointPermissionResponse,
)

from .utils import assert_matches_type


def test_list(client: Client) -> None:
    result = client.fine_tuning.checkpoints.permissions.list("ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd")
    assert_matches_type(SyncCursorPage[FineTuningCheckpointPermission], result)


def test_list_with_every_argument(client: Client) -> None:
    result = client.fine_tuning.checkpoints.permissions.list(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd",
        project_id="proj_abGMw1llN8IrBb6SvvY5A1iH",
        after="cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        limit=10,
        order="descending",
    )
    assert_matches_type(SyncCursorPage[FineTuningCheckpointPermission], result)


def test_raw_response_list(client: Client) -> None:
    response = client.fine_tuning.checkpoints.permissions.with_raw_response.list(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd"
    )
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(SyncCursorPage[FineTuningCheckpointPermission], result)


def test_streaming_response_list(client: Client) -> None:
    with client.fine_tuning.checkpoints.permissions.with_streaming_response.list(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd"
    ) as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(SyncCursorPage[FineTuningCheckpointPermission], result)
    assert response.http_response.is_closed


def test_path_params_list(client: Client) -> None:
    with pytest.raises(ValueError, match="fine_tuned_model_checkpoint"):
        client.fine_tuning.checkpoints.permissions.list("")


def test_invalid_request_list(client: Client) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        client.fine_tuning.checkpoints.permissions.list(
            "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", extra_query={"limit": "not-a-number"}
        )
    assert caught.value.status_code in (400, 422)


def test_create(client: Client) -> None:
    result = client.fine_tuning.checkpoints.permissions.create(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"]
    )
    assert_matches_type(ListFineTuningCheckpointPermissionResponse, result)


def test_raw_response_create(client: Client) -> None:
    response = client.fine_tuning.checkpoints.permissions.with_raw_response.create(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"]
    )
    assert response.http_request.method == "POST"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(ListFineTuningCheckpointPermissionResponse, result)


def test_streaming_response_create(client: Client) -> None:
    with client.fine_tuning.checkpoints.permissions.with_streaming_response.create(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"]
    ) as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(ListFineTuningCheckpointPermissionResponse, result)
    assert response.http_response.is_closed


def test_path_params_create(client: Client) -> None:
    with pytest.raises(ValueError, match="fine_tuned_model_checkpoint"):
        client.fine_tuning.checkpoints.permissions.create("", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"])


def test_delete(client: Client) -> None:
    result = client.fine_tuning.checkpoints.permissions.delete(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", "cp_zc4Q7MP6XxulcVzj4MZdwsAB"
    )
    assert_matches_type(DeleteFineTuningCheckpointPermissionResponse, result)


def test_raw_response_delete(client: Client) -> None:
    response = client.fine_tuning.checkpoints.permissions.with_raw_response.delete(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", "cp_zc4Q7MP6XxulcVzj4MZdwsAB"
    )
    assert response.http_request.method == "DELETE"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(DeleteFineTuningCheckpointPermissionResponse, result)


def test_streaming_response_delete(client: Client) -> None:
    with client.fine_tuning.checkpoints.permissions.with_streaming_response.delete(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", "cp_zc4Q7MP6XxulcVzj4MZdwsAB"
    ) as response:
        assert not response.http_response.is_closed
        result = response.parse()
        assert_matches_type(DeleteFineTuningCheckpointPermissionResponse, result)
    assert response.http_response.is_closed


def test_path_params_delete(client: Client) -> None:
    with pytest.raises(ValueError, match="fine_tuned_model_checkpoint"):
        client.fine_tuning.checkpoints.permissions.delete("", "cp_zc4Q7MP6XxulcVzj4MZdwsAB")
    with pytest.raises(ValueError, match="permission_id"):
        client.fine_tuning.checkpoints.permissions.delete("ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", "")


@pytest.mark.anyio
async def test_async_list(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.checkpoints.permissions.list(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd"
    )
    assert_matches_type(AsyncCursorPage[FineTuningCheckpointPermission], result)


@pytest.mark.anyio
async def test_async_list_with_every_argument(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.checkpoints.permissions.list(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd",
        project_id="proj_abGMw1llN8IrBb6SvvY5A1iH",
        after="cp_zc4Q7MP6XxulcVzj4MZdwsAB",
        limit=10,
        order="descending",
    )
    assert_matches_type(AsyncCursorPage[FineTuningCheckpointPermission], result)


@pytest.mark.anyio
async def test_async_raw_response_list(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.checkpoints.permissions.with_raw_response.list(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd"
    )
    assert response.http_request.method == "GET"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(AsyncCursorPage[FineTuningCheckpointPermission], result)


@pytest.mark.anyio
async def test_async_streaming_response_list(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.checkpoints.permissions.with_streaming_response.list(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd"
    ) as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(AsyncCursorPage[FineTuningCheckpointPermission], result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_path_params_list(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="fine_tuned_model_checkpoint"):
        await async_client.fine_tuning.checkpoints.permissions.list("")


@pytest.mark.anyio
async def test_async_invalid_request_list(async_client: AsyncClient) -> None:
    """The mock server rejects an argument of the wrong type, so the calls above were checked against the spec."""
    with pytest.raises(APIStatusError) as caught:
        await async_client.fine_tuning.checkpoints.permissions.list(
            "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", extra_query={"limit": "not-a-number"}
        )
    assert caught.value.status_code in (400, 422)


@pytest.mark.anyio
async def test_async_create(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.checkpoints.permissions.create(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"]
    )
    assert_matches_type(ListFineTuningCheckpointPermissionResponse, result)


@pytest.mark.anyio
async def test_async_raw_response_create(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.checkpoints.permissions.with_raw_response.create(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"]
    )
    assert response.http_request.method == "POST"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(ListFineTuningCheckpointPermissionResponse, result)


@pytest.mark.anyio
async def test_async_streaming_response_create(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.checkpoints.permissions.with_streaming_response.create(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"]
    ) as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(ListFineTuningCheckpointPermissionResponse, result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_path_params_create(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="fine_tuned_model_checkpoint"):
        await async_client.fine_tuning.checkpoints.permissions.create("", project_ids=["proj_abGMw1llN8IrBb6SvvY5A1iH"])


@pytest.mark.anyio
async def test_async_delete(async_client: AsyncClient) -> None:
    result = await async_client.fine_tuning.checkpoints.permissions.delete(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", "cp_zc4Q7MP6XxulcVzj4MZdwsAB"
    )
    assert_matches_type(DeleteFineTuningCheckpointPermissionResponse, result)


@pytest.mark.anyio
async def test_async_raw_response_delete(async_client: AsyncClient) -> None:
    response = await async_client.fine_tuning.checkpoints.permissions.with_raw_response.delete(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", "cp_zc4Q7MP6XxulcVzj4MZdwsAB"
    )
    assert response.http_request.method == "DELETE"
    assert response.http_response.is_closed
    result = response.parse()
    assert_matches_type(DeleteFineTuningCheckpointPermissionResponse, result)


@pytest.mark.anyio
async def test_async_streaming_response_delete(async_client: AsyncClient) -> None:
    async with async_client.fine_tuning.checkpoints.permissions.with_streaming_response.delete(
        "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", "cp_zc4Q7MP6XxulcVzj4MZdwsAB"
    ) as response:
        assert not response.http_response.is_closed
        result = await response.parse()
        assert_matches_type(DeleteFineTuningCheckpointPermissionResponse, result)
    assert response.http_response.is_closed


@pytest.mark.anyio
async def test_async_path_params_delete(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="fine_tuned_model_checkpoint"):
        await async_client.fine_tuning.checkpoints.permissions.delete("", "cp_zc4Q7MP6XxulcVzj4MZdwsAB")
    with pytest.raises(ValueError, match="permission_id"):
        await async_client.fine_tuning.checkpoints.permissions.delete(
            "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd", ""
        )
