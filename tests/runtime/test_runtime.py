"""Behaviour of the generated SDK runtime (``generated/src/finetuning``), against respx-mocked HTTP.

Retries, retry delays, timeouts, raw and streamed responses, lenient/strict parsing, headers, logging,
client lifecycle, pagination hardening and import cost. No test sleeps for real: ``_sleep`` is patched.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import finetuning
import finetuning._base_client
import finetuning._logs
import httpx
import pytest
import respx
from finetuning import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncClient,
    Client,
    PaginationError,
)
from finetuning._base_client import AsyncAPIClient, SyncAPIClient
from finetuning._retries import MAX_RETRY_AFTER, parse_retry_after, retry_delay

BASE_URL = "http://finetuning.test/v1"
API_KEY = "sk-test-key"
JOB_PATH = "/fine_tuning/jobs/ftjob-1"
LIST_PATH = "/fine_tuning/jobs"


def job_json(**overrides: object) -> dict[str, object]:
    """A fine-tuning job that is valid under strict validation."""
    data: dict[str, object] = {
        "id": "ftjob-1",
        "created_at": 1_700_000_000,
        "error": None,
        "fine_tuned_model": None,
        "finished_at": None,
        "hyperparameters": {"n_epochs": "auto"},
        "model": "gpt-4o-mini",
        "object": "fine_tuning.job",
        "organization_id": "org-1",
        "result_files": [],
        "seed": 42,
        "status": "running",
        "trained_tokens": None,
        "training_file": "file-1",
        "validation_file": None,
    }
    data.update(overrides)
    return data


def item(job_id: str) -> dict[str, object]:
    return job_json(id=job_id)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Delays requested by the sync and async request loops; nothing actually sleeps."""
    recorded: list[float] = []

    def fake_sleep(self: object, seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(self: object, seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(SyncAPIClient, "_sleep", fake_sleep)
    monkeypatch.setattr(AsyncAPIClient, "_sleep", fake_async_sleep)
    return recorded


@pytest.fixture
def client(api_key: str, sleeps: list[float]) -> Iterator[Client]:
    with Client(base_url=BASE_URL) as c:
        yield c


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router


# ---------------------------------------------------------------------------------------------------------------------
# Retries
# ---------------------------------------------------------------------------------------------------------------------

RETRIED = [408, 409, 429, 500, 502, 503, 504]
NOT_RETRIED = [400, 401, 403, 404, 422]
STATUS_TABLE = [(s, 2) for s in RETRIED] + [(s, 0) for s in NOT_RETRIED]


def test_default_max_retries(api_key: str) -> None:
    assert Client().max_retries == 2
    assert AsyncClient().max_retries == 2
    assert finetuning._constants.DEFAULT_MAX_RETRIES == 2


@pytest.mark.parametrize(("status", "expected_retries"), STATUS_TABLE)
def test_retry_by_status(
    client: Client, mock: respx.MockRouter, sleeps: list[float], status: int, expected_retries: int
) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(status, json={"error": {"message": "no"}}))
    with pytest.raises(APIStatusError) as exc_info:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert exc_info.value.status_code == status
    assert route.call_count == expected_retries + 1
    assert len(sleeps) == expected_retries


@pytest.mark.parametrize(("status", "expected_retries"), STATUS_TABLE)
@pytest.mark.anyio
async def test_retry_by_status_async(
    api_key: str, sleeps: list[float], mock: respx.MockRouter, status: int, expected_retries: int
) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(status, json={"error": {"message": "no"}}))
    async with AsyncClient(base_url=BASE_URL) as client:
        with pytest.raises(APIStatusError) as exc_info:
            await client.fine_tuning.jobs.retrieve("ftjob-1")
    assert exc_info.value.status_code == status
    assert route.call_count == expected_retries + 1
    assert len(sleeps) == expected_retries


@pytest.mark.parametrize("status", RETRIED)
def test_retried_status_then_success(client: Client, mock: respx.MockRouter, status: int) -> None:
    route = mock.get(JOB_PATH).mock(side_effect=[httpx.Response(status), httpx.Response(200, json=job_json())])
    job = client.fine_tuning.jobs.retrieve("ftjob-1")
    assert job.id == "ftjob-1"
    assert route.call_count == 2


@pytest.mark.parametrize(
    ("exc", "error_type"),
    [
        (httpx.ConnectError("connection refused"), APIConnectionError),
        (httpx.ReadTimeout("read timed out"), APITimeoutError),
        (httpx.ConnectTimeout("connect timed out"), APITimeoutError),
        (httpx.RemoteProtocolError("server disconnected"), APIConnectionError),
    ],
)
def test_transport_errors_retried_then_raised(
    client: Client, mock: respx.MockRouter, sleeps: list[float], exc: Exception, error_type: type[Exception]
) -> None:
    route = mock.get(JOB_PATH).mock(side_effect=exc)
    with pytest.raises(error_type) as exc_info:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 3
    assert len(sleeps) == 2
    if error_type is APIConnectionError:
        assert not isinstance(exc_info.value, APITimeoutError)
    assert isinstance(exc_info.value.__cause__, type(exc))
    assert exc_info.value.request.url == f"{BASE_URL}{JOB_PATH}"


@pytest.mark.parametrize(
    ("exc", "error_type"),
    [(httpx.ConnectError("connection refused"), APIConnectionError), (httpx.ReadTimeout("slow"), APITimeoutError)],
)
@pytest.mark.anyio
async def test_transport_errors_retried_then_raised_async(
    api_key: str, sleeps: list[float], mock: respx.MockRouter, exc: Exception, error_type: type[Exception]
) -> None:
    route = mock.get(JOB_PATH).mock(side_effect=exc)
    async with AsyncClient(base_url=BASE_URL) as client:
        with pytest.raises(error_type):
            await client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 3
    assert len(sleeps) == 2


def test_connection_error_then_success(client: Client, mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.Response(200, json=job_json())]
    )
    response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.retries_taken == 2
    assert route.call_count == 3


def test_x_should_retry_true_retries_a_400(client: Client, mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(400, headers={"x-should-retry": "true"}))
    with pytest.raises(finetuning.BadRequestError):
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 3


def test_x_should_retry_false_stops_a_503(client: Client, mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(503, headers={"x-should-retry": "false"}))
    with pytest.raises(finetuning.InternalServerError):
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 1


@pytest.mark.anyio
async def test_x_should_retry_async(api_key: str, sleeps: list[float], mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(
        side_effect=[
            httpx.Response(400, headers={"x-should-retry": "true"}),
            httpx.Response(503, headers={"x-should-retry": "false"}),
        ]
    )
    async with AsyncClient(base_url=BASE_URL) as client:
        with pytest.raises(finetuning.InternalServerError):
            await client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 2


def test_max_retries_from_constructor(api_key: str, sleeps: list[float], mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(500))
    with Client(base_url=BASE_URL, max_retries=5) as client:
        assert client.max_retries == 5
        with pytest.raises(finetuning.InternalServerError):
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 6
    assert len(sleeps) == 5


def test_max_retries_zero_from_constructor(api_key: str, sleeps: list[float], mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(500))
    with Client(base_url=BASE_URL, max_retries=0) as client:
        with pytest.raises(finetuning.InternalServerError):
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 1
    assert sleeps == []


def test_max_retries_with_options(client: Client, mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(500))
    with pytest.raises(finetuning.InternalServerError):
        client.with_options(max_retries=1).fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 2
    assert client.max_retries == 2  # the original is unchanged
    route.reset()
    with pytest.raises(finetuning.InternalServerError):
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert route.call_count == 3


@pytest.mark.parametrize("per_call", [0, 1, 4])
def test_max_retries_per_call(client: Client, mock: respx.MockRouter, per_call: int) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(429))
    with pytest.raises(finetuning.RateLimitError):
        client.fine_tuning.jobs.retrieve("ftjob-1", max_retries=per_call)
    assert route.call_count == per_call + 1


@pytest.mark.anyio
async def test_max_retries_async(api_key: str, sleeps: list[float], mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(500))
    async with AsyncClient(base_url=BASE_URL, max_retries=3) as client:
        with pytest.raises(finetuning.InternalServerError):
            await client.fine_tuning.jobs.retrieve("ftjob-1")
        assert route.call_count == 4
        route.reset()
        with pytest.raises(finetuning.InternalServerError):
            await client.with_options(max_retries=1).fine_tuning.jobs.retrieve("ftjob-1")
        assert route.call_count == 2
        route.reset()
        with pytest.raises(finetuning.InternalServerError):
            await client.fine_tuning.jobs.retrieve("ftjob-1", max_retries=0)
        assert route.call_count == 1


def test_retries_taken_and_retry_count_header(client: Client, mock: respx.MockRouter, sleeps: list[float]) -> None:
    route = mock.get(JOB_PATH).mock(
        side_effect=[httpx.Response(500), httpx.Response(502), httpx.Response(200, json=job_json())]
    )
    response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.retries_taken == 2
    assert response.parse().id == "ftjob-1"
    sent = [call.request.headers.get("X-Retry-Count") for call in route.calls]
    assert sent == [None, "1", "2"]
    assert len(sleeps) == 2


@pytest.mark.anyio
async def test_retries_taken_and_retry_count_header_async(
    api_key: str, sleeps: list[float], mock: respx.MockRouter
) -> None:
    route = mock.get(JOB_PATH).mock(
        side_effect=[httpx.Response(500), httpx.Response(502), httpx.Response(200, json=job_json())]
    )
    async with AsyncClient(base_url=BASE_URL) as client:
        response = await client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.retries_taken == 2
    assert response.parse().id == "ftjob-1"
    assert [call.request.headers.get("X-Retry-Count") for call in route.calls] == [None, "1", "2"]


def test_retry_honours_retry_after_header(client: Client, mock: respx.MockRouter, sleeps: list[float]) -> None:
    mock.get(JOB_PATH).mock(
        side_effect=[
            httpx.Response(429, headers={"retry-after-ms": "1500"}),
            httpx.Response(503, headers={"retry-after": "3"}),
            httpx.Response(200, json=job_json()),
        ]
    )
    client.fine_tuning.jobs.retrieve("ftjob-1")
    assert sleeps == [1.5, 3.0]


def test_retry_backoff_delays(
    client: Client, mock: respx.MockRouter, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(random, "random", lambda: 0.0)
    mock.get(JOB_PATH).mock(return_value=httpx.Response(500))
    with pytest.raises(finetuning.InternalServerError):
        client.fine_tuning.jobs.retrieve("ftjob-1", max_retries=6)
    assert sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


# ---------------------------------------------------------------------------------------------------------------------
# Retry delays: retry_delay and parse_retry_after
# ---------------------------------------------------------------------------------------------------------------------

NOW = 1_700_000_000.0


def http_date(timestamp: float) -> str:
    return email.utils.formatdate(timestamp, usegmt=True)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "0.01"}, 0.01),
        ({"retry-after": "-1"}, -1.0),
        ({"retry-after": http_date(NOW + 5)}, 5.0),
        ({"retry-after": http_date(NOW - 5)}, -5.0),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after-ms": "soon", "retry-after": "2"}, 2.0),
        ({"retry-after": "garbage"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(httpx.Headers(headers), now=NOW) == (None if expected is None else pytest.approx(expected))


def test_parse_retry_after_http_date_uses_current_time() -> None:
    headers = httpx.Headers({"retry-after": http_date(time.time() + 5)})
    parsed = parse_retry_after(headers)
    assert parsed is not None
    assert 3.9 <= parsed <= 5.0


BACKOFF_0 = 0.5  # retries_taken == 0, random.random() patched to 0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "0.01"}, 0.01),
        ({"retry-after": str(int(MAX_RETRY_AFTER))}, MAX_RETRY_AFTER),
        ({"retry-after": "61"}, BACKOFF_0),
        ({"retry-after": "3600"}, BACKOFF_0),
        ({"retry-after-ms": "61000"}, BACKOFF_0),
        ({"retry-after": "0"}, BACKOFF_0),
        ({"retry-after": "-5"}, BACKOFF_0),
        ({"retry-after-ms": "-100"}, BACKOFF_0),
        ({"retry-after": "garbage"}, BACKOFF_0),
        ({"retry-after": "nan"}, BACKOFF_0),
        ({"retry-after": "inf"}, BACKOFF_0),
        ({"retry-after-ms": "x", "retry-after": "y"}, BACKOFF_0),
        ({"retry-after": http_date(time.time() - 30)}, BACKOFF_0),
        ({"retry-after": http_date(time.time() + 3600)}, BACKOFF_0),
        ({}, BACKOFF_0),
        (None, BACKOFF_0),
    ],
)
def test_retry_delay_table(monkeypatch: pytest.MonkeyPatch, headers: dict[str, str] | None, expected: float) -> None:
    monkeypatch.setattr(random, "random", lambda: 0.0)
    assert retry_delay(0, None if headers is None else httpx.Headers(headers)) == pytest.approx(expected)


def test_retry_delay_http_date_in_the_future(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(random, "random", lambda: 0.0)
    delay = retry_delay(0, httpx.Headers({"retry-after": http_date(time.time() + 5)}))
    # An HTTP date has whole seconds only, so the wait is a little under 5 s.
    assert 3.9 <= delay <= 5.0


def test_retry_after_above_cap_uses_backoff_not_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(random, "random", lambda: 0.0)
    assert retry_delay(3, httpx.Headers({"retry-after": str(MAX_RETRY_AFTER + 1)})) == 4.0


@pytest.mark.parametrize("retries_taken", range(6))
@pytest.mark.parametrize("jitter", [0.0, 0.5, 0.999999])
def test_backoff_exact(monkeypatch: pytest.MonkeyPatch, retries_taken: int, jitter: float) -> None:
    monkeypatch.setattr(random, "random", lambda: jitter)
    base = min(0.5 * 2**retries_taken, 8.0)
    assert retry_delay(retries_taken, None) == pytest.approx(base * (1 - 0.25 * jitter))
    assert retry_delay(retries_taken, httpx.Headers()) == pytest.approx(base * (1 - 0.25 * jitter))


@pytest.mark.parametrize("retries_taken", range(6))
def test_backoff_within_bounds(retries_taken: int) -> None:
    base = min(0.5 * 2**retries_taken, 8.0)
    for _ in range(200):
        delay = retry_delay(retries_taken, None)
        assert 0.75 * base <= delay <= base


# ---------------------------------------------------------------------------------------------------------------------
# Timeouts
# ---------------------------------------------------------------------------------------------------------------------


def timeout_dict(timeout: float | httpx.Timeout | None) -> dict[str, float | None]:
    return httpx.Timeout(timeout).as_dict()


def capture(mock: respx.MockRouter) -> list[httpx.Request]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=job_json())

    mock.get(JOB_PATH).mock(side_effect=handler)
    return seen


def test_default_timeout(client: Client, mock: respx.MockRouter) -> None:
    assert client.timeout == httpx.Timeout(600, connect=5)
    seen = capture(mock)
    client.fine_tuning.jobs.retrieve("ftjob-1")
    assert seen[0].extensions["timeout"] == {"connect": 5.0, "read": 600.0, "write": 600.0, "pool": 600.0}


def test_client_float_timeout(api_key: str, mock: respx.MockRouter) -> None:
    seen = capture(mock)
    with Client(base_url=BASE_URL, timeout=3.0) as client:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert seen[0].extensions["timeout"] == timeout_dict(3.0)


def test_client_timeout_none(api_key: str, mock: respx.MockRouter) -> None:
    seen = capture(mock)
    with Client(base_url=BASE_URL, timeout=None) as client:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert seen[0].extensions["timeout"] == {"connect": None, "read": None, "write": None, "pool": None}


@pytest.mark.parametrize(
    ("per_call", "expected"),
    [
        (2.5, timeout_dict(2.5)),
        (httpx.Timeout(1.0, read=7.0), {"connect": 1.0, "read": 7.0, "write": 1.0, "pool": 1.0}),
        (None, {"connect": None, "read": None, "write": None, "pool": None}),
    ],
)
def test_per_call_timeout(
    client: Client, mock: respx.MockRouter, per_call: float | httpx.Timeout | None, expected: dict[str, Any]
) -> None:
    seen = capture(mock)
    client.fine_tuning.jobs.retrieve("ftjob-1", timeout=per_call)
    client.fine_tuning.jobs.retrieve("ftjob-1")  # not passing: the client default again
    assert seen[0].extensions["timeout"] == expected
    assert seen[1].extensions["timeout"] == timeout_dict(httpx.Timeout(600, connect=5))


def test_with_options_timeout(client: Client, mock: respx.MockRouter) -> None:
    seen = capture(mock)
    client.with_options(timeout=9.0).fine_tuning.jobs.retrieve("ftjob-1")
    assert seen[0].extensions["timeout"] == timeout_dict(9.0)


@pytest.mark.parametrize(
    ("per_call", "expected"),
    [
        (2.5, timeout_dict(2.5)),
        (httpx.Timeout(1.0, read=7.0), {"connect": 1.0, "read": 7.0, "write": 1.0, "pool": 1.0}),
        (None, {"connect": None, "read": None, "write": None, "pool": None}),
    ],
)
@pytest.mark.anyio
async def test_per_call_timeout_async(
    api_key: str, mock: respx.MockRouter, per_call: float | httpx.Timeout | None, expected: dict[str, Any]
) -> None:
    seen = capture(mock)
    async with AsyncClient(base_url=BASE_URL) as client:
        assert client.timeout == httpx.Timeout(600, connect=5)
        await client.fine_tuning.jobs.retrieve("ftjob-1", timeout=per_call)
        await client.fine_tuning.jobs.retrieve("ftjob-1")
    assert seen[0].extensions["timeout"] == expected
    assert seen[1].extensions["timeout"] == {"connect": 5.0, "read": 600.0, "write": 600.0, "pool": 600.0}


# ---------------------------------------------------------------------------------------------------------------------
# Raw and streamed responses
# ---------------------------------------------------------------------------------------------------------------------


def test_raw_response(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(
        return_value=httpx.Response(200, json=job_json(), headers={"x-request-id": "req_abc", "x-custom": "yes"})
    )
    response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.status_code == 200
    assert response.headers["x-custom"] == "yes"
    assert response.http_request.method == "GET"
    assert response.http_request.url == f"{BASE_URL}{JOB_PATH}"
    assert response.retries_taken == 0
    assert response.request_id == "req_abc"
    job = response.parse()
    assert isinstance(job, finetuning.types.FineTuningJob)
    assert job.id == "ftjob-1"
    assert response.parse() is job  # parsed once
    assert json.loads(response.read()) == job_json()


def test_raw_response_via_client_attribute(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    response = client.with_raw_response.fine_tuning.jobs.retrieve("ftjob-1")
    assert response.status_code == 200
    assert response.request_id is None
    assert response.parse().status == "running"


@pytest.mark.anyio
async def test_raw_response_async(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json(), headers={"x-request-id": "req_1"}))
    async with AsyncClient(base_url=BASE_URL) as client:
        response = await client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.status_code == 200
    assert response.request_id == "req_1"
    assert response.retries_taken == 0
    assert response.http_request.method == "GET"
    assert response.parse().id == "ftjob-1"


def test_streaming_response_reads_lazily(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as response:
        assert response.http_response.is_stream_consumed is False
        assert response.http_response.is_closed is False
        body = response.read()
        assert response.http_response.is_stream_consumed is True
        assert json.loads(body)["id"] == "ftjob-1"
        assert response.parse().id == "ftjob-1"
    assert response.http_response.is_closed is True


def test_streaming_response_closed_without_reading(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    with client.with_streaming_response.fine_tuning.jobs.retrieve("ftjob-1") as response:
        assert response.status_code == 200
    assert response.http_response.is_stream_consumed is False
    assert response.http_response.is_closed is True


def test_streaming_response_error_status_raises(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(404, json={"error": {"message": "missing"}}))
    with pytest.raises(finetuning.NotFoundError) as exc_info:
        with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1"):
            pass
    assert exc_info.value.body == {"message": "missing"}


@pytest.mark.anyio
async def test_streaming_response_async(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    async with AsyncClient(base_url=BASE_URL) as client:
        async with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as response:
            assert response.http_response.is_stream_consumed is False
            await response.read()
            assert response.http_response.is_stream_consumed is True
            assert (await response.parse()).id == "ftjob-1"
        assert response.http_response.is_closed is True


# ---------------------------------------------------------------------------------------------------------------------
# Lenient vs strict parsing
# ---------------------------------------------------------------------------------------------------------------------


def test_lenient_keeps_unknown_field_and_enum(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json(status="paused", new_field={"a": 1})))
    job = client.fine_tuning.jobs.retrieve("ftjob-1")
    assert job.status == "paused"
    assert job.new_field == {"a": 1}  # type: ignore[attr-defined]
    assert job.to_dict()["new_field"] == {"a": 1}


def test_lenient_keeps_wrong_typed_field(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json(created_at="yesterday")))
    job = client.fine_tuning.jobs.retrieve("ftjob-1")
    assert job.created_at == "yesterday"


def test_lenient_list_keeps_unknown_enum(client: Client, mock: respx.MockRouter) -> None:
    mock.get(LIST_PATH).mock(
        return_value=httpx.Response(200, json={"data": [job_json(status="paused")], "has_more": False})
    )
    page = client.fine_tuning.jobs.list()
    assert [j.status for j in page] == ["paused"]


@pytest.mark.parametrize("overrides", [{"status": "paused"}, {"created_at": "yesterday"}, {"result_files": "nope"}])
def test_strict_raises_validation_error(api_key: str, mock: respx.MockRouter, overrides: dict[str, object]) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json(**overrides)))
    with Client(base_url=BASE_URL, strict_response_validation=True) as client:
        with pytest.raises(APIResponseValidationError) as exc_info:
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert exc_info.value.status_code == 200
    assert next(iter(overrides)) in str(exc_info.value)


def test_strict_accepts_valid_and_keeps_unknown_field(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json(new_field=1)))
    with Client(base_url=BASE_URL, strict_response_validation=True) as client:
        job = client.fine_tuning.jobs.retrieve("ftjob-1")
    assert job.status == "running"
    assert job.new_field == 1  # type: ignore[attr-defined]


def test_strict_list_raises_validation_error(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(LIST_PATH).mock(
        return_value=httpx.Response(200, json={"data": [job_json(status="paused")], "has_more": False})
    )
    with Client(base_url=BASE_URL, strict_response_validation=True) as client:
        with pytest.raises(APIResponseValidationError):
            client.fine_tuning.jobs.list()


@pytest.mark.parametrize("body", [{"data": "not a list", "has_more": False}, {"has_more": False}])
def test_strict_page_without_data_list_raises(api_key: str, mock: respx.MockRouter, body: dict[str, object]) -> None:
    mock.get(LIST_PATH).mock(return_value=httpx.Response(200, json=body))
    with Client(base_url=BASE_URL, strict_response_validation=True) as client:
        with pytest.raises(APIResponseValidationError):
            client.fine_tuning.jobs.list()


@pytest.mark.anyio
async def test_strict_list_raises_validation_error_async(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(LIST_PATH).mock(
        return_value=httpx.Response(200, json={"data": [job_json(created_at="yesterday")], "has_more": False})
    )
    async with AsyncClient(base_url=BASE_URL, strict_response_validation=True) as client:
        with pytest.raises(APIResponseValidationError):
            await client.fine_tuning.jobs.list()


@pytest.mark.anyio
async def test_strict_async(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json(status="paused")))
    async with AsyncClient(base_url=BASE_URL, strict_response_validation=True) as client:
        with pytest.raises(APIResponseValidationError):
            await client.fine_tuning.jobs.retrieve("ftjob-1")
    async with AsyncClient(base_url=BASE_URL) as client:
        assert (await client.fine_tuning.jobs.retrieve("ftjob-1")).status == "paused"


@pytest.mark.parametrize("strict", [False, True])
def test_html_body_raises_validation_error(api_key: str, mock: respx.MockRouter, strict: bool) -> None:
    html = "<html><head><title>502 Bad Gateway</title></head><body>upstream is down</body></html>"
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, text=html, headers={"content-type": "text/html"}))
    with Client(base_url=BASE_URL, strict_response_validation=strict) as client:
        with pytest.raises(APIResponseValidationError) as exc_info:
            client.fine_tuning.jobs.retrieve("ftjob-1")
    message = str(exc_info.value)
    assert "<title>502 Bad Gateway</title>" in message
    assert "text/html" in message
    assert exc_info.value.status_code == 200
    assert exc_info.value.body == html


@pytest.mark.anyio
async def test_html_body_raises_validation_error_async(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, text="<html>oops</html>"))
    async with AsyncClient(base_url=BASE_URL) as client:
        with pytest.raises(APIResponseValidationError, match="<html>oops</html>"):
            await client.fine_tuning.jobs.retrieve("ftjob-1")


# ---------------------------------------------------------------------------------------------------------------------
# Headers and errors
# ---------------------------------------------------------------------------------------------------------------------


def test_user_agent_and_auth_headers(client: Client, mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    client.fine_tuning.jobs.retrieve("ftjob-1")
    headers = route.calls.last.request.headers
    assert headers["User-Agent"] == f"finetuning/{finetuning.__version__} python/{platform.python_version()}"
    assert headers["Authorization"] == f"Bearer {API_KEY}"
    assert headers["Accept"] == "application/json"
    assert "X-Retry-Count" not in headers


def test_default_headers_sent(api_key: str, mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    with Client(base_url=BASE_URL, default_headers={"X-Team": "ml", "X-Other": "1"}) as client:
        client.fine_tuning.jobs.retrieve("ftjob-1")
        client.fine_tuning.jobs.retrieve("ftjob-1", extra_headers={"X-Other": "2"})
        client.with_options(default_headers={"X-Added": "yes"}).fine_tuning.jobs.retrieve("ftjob-1")
    first, second, third = (call.request.headers for call in route.calls)
    assert first["X-Team"] == "ml" and first["X-Other"] == "1"
    assert second["X-Team"] == "ml" and second["X-Other"] == "2"
    assert third["X-Team"] == "ml" and third["X-Added"] == "yes"


@pytest.mark.anyio
async def test_headers_async(api_key: str, mock: respx.MockRouter) -> None:
    route = mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    async with AsyncClient(base_url=BASE_URL, default_headers={"X-Team": "ml"}) as client:
        await client.fine_tuning.jobs.retrieve("ftjob-1")
    headers = route.calls.last.request.headers
    assert headers["User-Agent"] == f"finetuning/{finetuning.__version__} python/{platform.python_version()}"
    assert headers["X-Team"] == "ml"


def test_request_id_on_error(client: Client, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(
        return_value=httpx.Response(404, json={"error": {"message": "no such job"}}, headers={"x-request-id": "req_9"})
    )
    with pytest.raises(finetuning.NotFoundError) as exc_info:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    err = exc_info.value
    assert err.request_id == "req_9"
    assert err.status_code == 404
    assert err.body == {"message": "no such job"}
    assert "no such job" in str(err)
    assert err.response.status_code == 404


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, finetuning.BadRequestError),
        (401, finetuning.AuthenticationError),
        (403, finetuning.PermissionDeniedError),
        (404, finetuning.NotFoundError),
        (409, finetuning.ConflictError),
        (422, finetuning.UnprocessableEntityError),
        (429, finetuning.RateLimitError),
        (500, finetuning.InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_error_classes(
    client: Client, mock: respx.MockRouter, status: int, error_type: type[APIStatusError]
) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(status, text="plain text error"))
    with pytest.raises(error_type) as exc_info:
        client.fine_tuning.jobs.retrieve("ftjob-1", max_retries=0)
    assert type(exc_info.value) is error_type
    assert exc_info.value.body == "plain text error"
    assert exc_info.value.request_id is None


def test_missing_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINETUNING_API_KEY", raising=False)
    with pytest.raises(finetuning.MissingAPIKeyError):
        Client(base_url=BASE_URL)
    with pytest.raises(finetuning.MissingAPIKeyError):
        AsyncClient(base_url=BASE_URL)


# ---------------------------------------------------------------------------------------------------------------------
# Logging and secrets
# ---------------------------------------------------------------------------------------------------------------------


@pytest.fixture
def debug_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """FINETUNING_LOG=debug with the once-per-process setup reset; the logger restored afterwards."""
    logger = logging.getLogger("finetuning")
    old_handlers, old_level = list(logger.handlers), logger.level
    monkeypatch.setenv("FINETUNING_LOG", "debug")
    monkeypatch.setattr(finetuning._logs, "_configured", False)
    yield logger
    for handler in list(logger.handlers):
        if handler not in old_handlers:
            logger.removeHandler(handler)
    logger.setLevel(old_level)


def all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records)


def test_debug_logging_redacts_api_key(
    api_key: str,
    debug_logging: logging.Logger,
    caplog: pytest.LogCaptureFixture,
    sleeps: list[float],
    mock: respx.MockRouter,
) -> None:
    mock.get(JOB_PATH).mock(
        side_effect=[
            httpx.Response(500, headers={"set-cookie": "session=secret-cookie"}),
            httpx.Response(200, json=job_json(), headers={"x-request-id": "req_log"}),
        ]
    )
    with Client(base_url=BASE_URL, default_headers={"X-Api-Key": api_key}) as client:
        assert debug_logging.isEnabledFor(logging.DEBUG)
        client.fine_tuning.jobs.retrieve("ftjob-1")
    records = [r for r in caplog.records if r.name.startswith("finetuning")]
    messages = [r.getMessage() for r in records]
    assert any(m.startswith("request: GET") and JOB_PATH in m for m in messages)
    assert any(m.startswith("response: GET") and '"200 OK"' in m for m in messages)
    assert any(m.startswith("request headers:") for m in messages)
    assert any("(retry 1)" in m for m in messages)
    header_lines = [m for m in messages if m.startswith("request headers:")]
    assert all("'authorization': '<redacted>'" in m for m in header_lines)
    assert all("'x-api-key': '<redacted>'" in m for m in header_lines)
    text = all_log_text(caplog)
    assert api_key not in text
    assert "secret-cookie" not in text


@pytest.mark.anyio
async def test_debug_logging_redacts_api_key_async(
    api_key: str,
    debug_logging: logging.Logger,
    caplog: pytest.LogCaptureFixture,
    mock: respx.MockRouter,
) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    async with AsyncClient(base_url=BASE_URL) as client:
        await client.fine_tuning.jobs.retrieve("ftjob-1")
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("finetuning")]
    assert any(m.startswith("request headers:") and "<redacted>" in m for m in messages)
    assert api_key not in all_log_text(caplog)


def test_logging_off_by_default(
    api_key: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, mock: respx.MockRouter
) -> None:
    logger = logging.getLogger("finetuning")
    old_handlers, old_level = list(logger.handlers), logger.level
    monkeypatch.delenv("FINETUNING_LOG", raising=False)
    monkeypatch.setattr(finetuning._logs, "_configured", False)
    try:
        mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
        with Client(base_url=BASE_URL) as client:
            client.fine_tuning.jobs.retrieve("ftjob-1")
        assert logger.handlers == old_handlers
        assert not [r for r in caplog.records if r.name.startswith("finetuning")]
    finally:
        logger.handlers[:] = old_handlers
        logger.setLevel(old_level)


def test_api_key_not_in_repr_or_errors(client: Client, mock: respx.MockRouter) -> None:
    assert API_KEY not in repr(client)
    assert API_KEY not in str(client)
    assert API_KEY not in repr(client.with_options(max_retries=0))
    mock.get(JOB_PATH).mock(return_value=httpx.Response(401, json={"error": {"message": "bad key"}}))
    with pytest.raises(APIStatusError) as exc_info:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert API_KEY not in str(exc_info.value)
    assert API_KEY not in repr(exc_info.value)
    assert API_KEY not in repr(exc_info.value.args)


@pytest.mark.anyio
async def test_api_key_not_in_repr_async(api_key: str) -> None:
    async with AsyncClient(base_url=BASE_URL) as client:
        assert API_KEY not in repr(client)


# ---------------------------------------------------------------------------------------------------------------------
# Lifecycle
# ---------------------------------------------------------------------------------------------------------------------


def test_context_manager_closes_owned_client(api_key: str) -> None:
    with Client(base_url=BASE_URL) as client:
        assert not client.is_closed()
    assert client.is_closed()
    assert client._client.is_closed


def test_close_closes_owned_client(api_key: str) -> None:
    client = Client(base_url=BASE_URL)
    client.close()
    assert client.is_closed()


def test_user_http_client_not_closed(api_key: str) -> None:
    http_client = httpx.Client()
    try:
        client = Client(base_url=BASE_URL, http_client=http_client)
        assert client._client is http_client
        client.close()
        assert not http_client.is_closed
        with Client(base_url=BASE_URL, http_client=http_client):
            pass
        assert not http_client.is_closed
    finally:
        http_client.close()


def test_copy_shares_pool_and_closing_copy_keeps_it(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    with Client(base_url=BASE_URL) as c1:
        c2 = c1.copy(max_retries=0)
        c3 = c1.with_options(timeout=1.0)
        assert c2._client is c1._client
        assert c3._client is c1._client
        assert c2.max_retries == 0 and c1.max_retries == 2
        assert c3.timeout == 1.0 and c1.timeout == httpx.Timeout(600, connect=5)
        c2.close()
        with c3:
            pass
        assert not c1.is_closed()
        assert c1.fine_tuning.jobs.retrieve("ftjob-1").id == "ftjob-1"
    assert c1.is_closed()


def test_copy_keeps_settings(api_key: str) -> None:
    with Client(
        base_url=BASE_URL, default_headers={"X-A": "1"}, default_query={"q": "1"}, strict_response_validation=True
    ) as c1:
        c2 = c1.with_options(default_headers={"X-B": "2"})
        assert c2.api_key == c1.api_key
        assert c2.base_url == c1.base_url
        assert c2._default_headers == {"X-A": "1", "X-B": "2"}
        assert c2._default_query == {"q": "1"}
        assert c2._strict_response_validation is True
        assert c1.with_options(api_key="other").api_key == "other"


@pytest.mark.anyio
async def test_async_lifecycle(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json=job_json()))
    async with AsyncClient(base_url=BASE_URL) as c1:
        c2 = c1.copy(max_retries=0)
        c3 = c1.with_options(timeout=2.0)
        assert c2._client is c1._client and c3._client is c1._client
        await c2.close()
        async with c3:
            pass
        assert not c1.is_closed()
        assert (await c1.fine_tuning.jobs.retrieve("ftjob-1")).id == "ftjob-1"
    assert c1.is_closed()

    http_client = httpx.AsyncClient()
    try:
        client = AsyncClient(base_url=BASE_URL, http_client=http_client)
        await client.close()
        assert not http_client.is_closed
    finally:
        await http_client.aclose()

    client = AsyncClient(base_url=BASE_URL)
    await client.close()
    assert client.is_closed()


# ---------------------------------------------------------------------------------------------------------------------
# Pagination hardening
# ---------------------------------------------------------------------------------------------------------------------

MAX_PAGE_REQUESTS = 8


def page_server(mock: respx.MockRouter, pages: dict[str | None, dict[str, object]]) -> respx.Route:
    """Answer ``GET /fine_tuning/jobs`` from ``pages`` keyed by the ``after`` query; fail loudly on a runaway loop."""

    def handler(request: httpx.Request) -> httpx.Response:
        if route.call_count > MAX_PAGE_REQUESTS:
            raise AssertionError(f"pagination did not stop after {MAX_PAGE_REQUESTS} requests")
        after = request.url.params.get("after")
        return httpx.Response(200, json=pages[after])

    route = mock.get(LIST_PATH).mock(side_effect=handler)
    return route


def page(ids: list[str], has_more: bool | None) -> dict[str, object]:
    body: dict[str, object] = {"object": "list", "data": [item(i) for i in ids]}
    if has_more is not None:
        body["has_more"] = has_more
    return body


REPEATED_CURSOR = {None: page(["a", "b"], True), "b": page(["b"], True)}
CYCLE = {None: page(["a", "b"], True), "b": page(["c", "d"], True), "d": page(["b"], True)}
EMPTY_WITH_MORE = {None: page(["a"], True), "a": page([], True)}
NORMAL = {None: page(["a", "b"], True), "b": page(["c"], True), "c": page(["d"], False)}


def test_pagination_follows_cursor_and_ends(client: Client, mock: respx.MockRouter) -> None:
    route = page_server(mock, NORMAL)
    assert [job.id for job in client.fine_tuning.jobs.list()] == ["a", "b", "c", "d"]
    assert route.call_count == 3
    assert [call.request.url.params.get("after") for call in route.calls] == [None, "b", "c"]


def test_pagination_has_more_missing_ends(client: Client, mock: respx.MockRouter) -> None:
    route = page_server(mock, {None: page(["a"], None)})
    first = client.fine_tuning.jobs.list()
    assert not first.has_next_page()
    assert [job.id for job in first] == ["a"]
    assert route.call_count == 1


def test_iter_pages(client: Client, mock: respx.MockRouter) -> None:
    page_server(mock, NORMAL)
    first = client.fine_tuning.jobs.list()
    pages = list(first.iter_pages())
    assert [[j.id for j in p.items] for p in pages] == [["a", "b"], ["c"], ["d"]]
    assert pages[0] is first
    assert not pages[-1].has_next_page()


@pytest.mark.parametrize("pages", [REPEATED_CURSOR, CYCLE], ids=["repeated", "cycle"])
def test_pagination_repeated_cursor_raises(
    client: Client, mock: respx.MockRouter, pages: dict[str | None, dict[str, object]]
) -> None:
    route = page_server(mock, pages)
    seen: list[str] = []
    with pytest.raises(PaginationError):
        for job in client.fine_tuning.jobs.list():
            seen.append(job.id)
    assert route.call_count == len(pages)
    assert seen[:2] == ["a", "b"]


def test_pagination_repeated_cursor_iter_pages(client: Client, mock: respx.MockRouter) -> None:
    route = page_server(mock, REPEATED_CURSOR)
    with pytest.raises(PaginationError):
        for _ in client.fine_tuning.jobs.list().iter_pages():
            pass
    assert route.call_count == 2


def test_pagination_empty_page_with_more_raises(client: Client, mock: respx.MockRouter) -> None:
    route = page_server(mock, EMPTY_WITH_MORE)
    seen: list[str] = []
    with pytest.raises(PaginationError):
        for job in client.fine_tuning.jobs.list():
            seen.append(job.id)
    assert seen == ["a"]
    assert route.call_count == 2


def test_pagination_first_page_empty_with_more_raises(client: Client, mock: respx.MockRouter) -> None:
    route = page_server(mock, {None: page([], True)})
    with pytest.raises(PaginationError):
        list(client.fine_tuning.jobs.list())
    assert route.call_count == 1


def test_page_repr_never_raises(client: Client, mock: respx.MockRouter) -> None:
    page_server(mock, {None: page([], True)})
    first = client.fine_tuning.jobs.list()
    assert "items=0" in repr(first)  # a broken page must still be printable (debuggers, logs)


def test_get_next_page_on_last_page_raises(client: Client, mock: respx.MockRouter) -> None:
    page_server(mock, {None: page(["a"], False)})
    with pytest.raises(PaginationError):
        client.fine_tuning.jobs.list().get_next_page()


@pytest.mark.anyio
async def test_async_pagination(api_key: str, mock: respx.MockRouter) -> None:
    route = page_server(mock, NORMAL)
    async with AsyncClient(base_url=BASE_URL) as client:
        ids = [job.id async for job in client.fine_tuning.jobs.list()]
        assert ids == ["a", "b", "c", "d"]
        assert route.call_count == 3
        first = await client.fine_tuning.jobs.list()
        pages = [p async for p in first.iter_pages()]
        assert [[j.id for j in p.items] for p in pages] == [["a", "b"], ["c"], ["d"]]
        assert [j.id async for j in first] == ["a", "b", "c", "d"]


@pytest.mark.parametrize("pages", [REPEATED_CURSOR, CYCLE, EMPTY_WITH_MORE], ids=["repeated", "cycle", "empty"])
@pytest.mark.anyio
async def test_async_pagination_hardening(
    api_key: str, mock: respx.MockRouter, pages: dict[str | None, dict[str, object]]
) -> None:
    route = page_server(mock, pages)
    async with AsyncClient(base_url=BASE_URL) as client:
        with pytest.raises(PaginationError):
            async for _ in client.fine_tuning.jobs.list():
                pass
        assert route.call_count == len(pages)
        route.reset()
        first = await client.fine_tuning.jobs.list()
        with pytest.raises(PaginationError):
            async for _ in first.iter_pages():
                pass
        assert route.call_count == len(pages)


# ---------------------------------------------------------------------------------------------------------------------
# Import cost and typing
# ---------------------------------------------------------------------------------------------------------------------

IMPORT_PROBE = r"""
import json, sys

def loaded(prefixes):
    return sorted(m for m in sys.modules if any(m == p or m.startswith(p + ".") for p in prefixes))

import finetuning
result = {"after_import": loaded(["finetuning.types", "finetuning.resources", "pydantic", "httpcore"])}
client = finetuning.Client(api_key="sk-probe", base_url="http://127.0.0.1:9/v1")
result["after_client"] = loaded(["finetuning.types", "finetuning.resources", "pydantic"])
client.fine_tuning.jobs
result["jobs_loaded"] = "finetuning.resources.fine_tuning.jobs.jobs" in sys.modules
client.close()
print(json.dumps(result))
"""

TYPES_PROBE = r"""
import json, sys
import finetuning.types
result = {"job_module_before": "finetuning.types.fine_tuning_job" in sys.modules}
result["dir"] = dir(finetuning.types)
from finetuning.types import FineTuningJob
result["job_module_after"] = "finetuning.types.fine_tuning_job" in sys.modules
result["name"] = FineTuningJob.__name__
result["is_model"] = issubclass(FineTuningJob, __import__("pydantic").BaseModel)
try:
    from finetuning.types import NoSuchType
    result["missing"] = "imported"
except ImportError:
    result["missing"] = "ImportError"
print(json.dumps(result))
"""


def run_probe(code: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINETUNING_")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_import_is_lazy() -> None:
    """Nor does ``import`` load httpcore (the deadline sockets come with the first pool): 57 ms of import time."""
    result = run_probe(IMPORT_PROBE)
    assert result["after_import"] == []
    assert result["after_client"] == []
    assert result["jobs_loaded"] is True


def test_types_lazy_but_typed() -> None:
    result = run_probe(TYPES_PROBE)
    assert result["job_module_before"] is False
    assert "FineTuningJob" in result["dir"]
    assert result["job_module_after"] is True
    assert result["name"] == "FineTuningJob"
    assert result["is_model"] is True
    assert result["missing"] == "ImportError"


def test_py_typed_marker() -> None:
    from pathlib import Path

    assert (Path(finetuning.__file__).parent / "py.typed").is_file()
