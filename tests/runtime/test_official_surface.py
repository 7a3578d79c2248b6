"""What users of the official SDKs type: pages with ``.data``/``.has_more``, ``next_page_info()`` and friends, raw
responses with ``is_closed``/``http_request``/``elapsed`` (the async one parsed without ``await``), models with
``_request_id``, and ``client.get/post/put/patch/delete`` for endpoints the spec does not describe."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import finetuning
import httpx
import pytest
import respx
from finetuning import AsyncClient, Client
from finetuning.pagination import AsyncCursorPage, PageInfo, SyncCursorPage
from finetuning.types import FineTuningJob

BASE = "http://official.test/v1"
JOB = {"id": "ftjob-1", "object": "fine_tuning.job", "status": "running", "model": "m", "created_at": 1}


def jobs(*ids: str) -> list[dict[str, object]]:
    return [{**JOB, "id": i} for i in ids]


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.get("/fine_tuning/jobs/ftjob-1").respond(200, json=JOB, headers={"x-request-id": "req_1"})

        def pages(request: httpx.Request) -> httpx.Response:
            after = request.url.params.get("after")
            body = {"object": "list", "data": jobs("a", "b"), "has_more": True}
            if after == "b":
                body = {"object": "list", "data": jobs("c"), "has_more": False}
            return httpx.Response(200, json=body, headers={"x-request-id": f"req_{after}"})

        router.get("/fine_tuning/jobs").mock(side_effect=pages)
        yield router


@pytest.fixture
def client(mock: respx.MockRouter) -> Iterator[Client]:
    with Client(api_key="sk-test", base_url=BASE, max_retries=0) as c:
        yield c


# -- pages -------------------------------------------------------------------------------------------------------


def test_a_page_has_the_official_attributes(client: Client) -> None:
    page = client.fine_tuning.jobs.list()
    assert isinstance(page, SyncCursorPage)
    assert [job.id for job in page.data] == ["a", "b"] and page.data is page.items
    assert page.has_more is True and page.has_next_page() is True
    assert page.next_page_info() == PageInfo(params={"after": "b"})
    last = page.get_next_page()
    assert [job.id for job in last.data] == ["c"] and last.has_more is False
    assert last.next_page_info() is None and last.has_next_page() is False
    assert [[job.id for job in p.data] for p in page.iter_pages()] == [["a", "b"], ["c"]]
    assert [job.id for job in page] == ["a", "b", "c"]


@pytest.mark.anyio
async def test_an_async_page_has_the_official_attributes(mock: respx.MockRouter) -> None:
    async with AsyncClient(api_key="sk-test", base_url=BASE) as client:
        page = await client.fine_tuning.jobs.list()
        assert isinstance(page, AsyncCursorPage) and page.has_more is True
        assert [job.id for job in (await page.get_next_page()).data] == ["c"]
        assert [len(p.data) async for p in page.iter_pages()] == [2, 1]
        assert [job.id async for job in client.fine_tuning.jobs.list()] == ["a", "b", "c"]


# -- raw and streamed responses ------------------------------------------------------------------------------------


def test_a_raw_response_is_read_and_closed(client: Client) -> None:
    response = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
    assert response.is_closed is True
    assert response.http_request.method == response.method == "GET"
    assert isinstance(response.elapsed, datetime.timedelta)
    assert response.http_version == "HTTP/1.1" and response.request_id == "req_1"
    job = response.parse()
    assert isinstance(job, FineTuningJob) and job._request_id == "req_1"


def test_a_streamed_response_is_open_until_the_block_ends(client: Client) -> None:
    with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as response:
        assert response.is_closed is False
        assert response.parse().id == "ftjob-1"
    assert response.is_closed is True


@pytest.mark.anyio
async def test_the_async_raw_response_parses_without_await(mock: respx.MockRouter) -> None:
    async with AsyncClient(api_key="sk-test", base_url=BASE) as client:
        response = await client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
        assert response.is_closed is True
        job = response.parse()  # not a coroutine: the body was read
        assert isinstance(job, FineTuningJob) and job._request_id == "req_1"
        assert json.loads(response.text())["id"] == "ftjob-1" and list(response.iter_lines())
        page = (await client.fine_tuning.jobs.with_raw_response.list()).parse()
        assert [job.id async for job in page] == ["a", "b", "c"]
        async with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as streamed:
            assert streamed.is_closed is False
            assert (await streamed.parse()).id == "ftjob-1"  # lazy: the body is read as asked
        assert streamed.is_closed is True


def test_request_id_is_on_the_model_a_method_returns_only(client: Client) -> None:
    job = client.fine_tuning.jobs.retrieve("ftjob-1")
    assert job._request_id == "req_1"
    assert "_request_id" not in job.to_dict() and "request_id" not in job.to_json()
    assert all(item._request_id is None for item in client.fine_tuning.jobs.list().data)


# -- endpoints the spec does not describe --------------------------------------------------------------------------


def test_get_post_put_patch_delete_reach_any_path(client: Client, mock: respx.MockRouter) -> None:
    echo = mock.route(path__startswith="/custom").mock(
        side_effect=lambda request: httpx.Response(
            200,
            json={
                "method": request.method,
                "path": request.url.path,
                "query": dict(request.url.params),
                "body": json.loads(request.content or b"null"),
                "trace": request.headers.get("x-trace"),
            },
        )
    )
    got = client.get("/custom/things", cast_to=dict[str, object], options={"params": {"q": "1"}})
    assert got == {"method": "GET", "path": "/v1/custom/things", "query": {"q": "1"}, "body": None, "trace": None}
    job = FineTuningJob.construct_from(JOB)
    for verb in ("post", "put", "patch", "delete"):
        result = getattr(client, verb)(
            "custom/x", cast_to=dict[str, object], body={"job": job}, options={"headers": {"X-Trace": verb}}
        )
        assert result["method"] == verb.upper() and result["trace"] == verb
        assert result["body"] == {"job": job.to_dict()}
    assert isinstance(client.get("/custom/raw", cast_to=httpx.Response), httpx.Response)
    assert client.get("/fine_tuning/jobs/ftjob-1", cast_to=FineTuningJob)._request_id == "req_1"
    assert echo.call_count == 6


def test_get_has_the_same_retries_errors_and_options(mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finetuning._base_client.SyncAPIClient, "_sleep", lambda self, seconds: None)
    route = mock.get("/custom/flaky").mock(side_effect=[httpx.Response(503), httpx.Response(404, json={"e": 1})])
    with Client(api_key="sk-test", base_url=BASE, max_retries=1) as client:
        with pytest.raises(finetuning.NotFoundError):
            client.get("/custom/flaky", cast_to=dict[str, object])
        assert route.call_count == 2
        with pytest.raises(finetuning.InternalServerError):
            route.side_effect = [httpx.Response(503)]
            client.get("/custom/flaky", cast_to=dict[str, object], options={"max_retries": 0})
        with pytest.raises(finetuning.InvalidRequestError, match="not on the API's host"):
            client.get("https://elsewhere.test/v1/steal", cast_to=dict[str, object])
        assert client.get(f"{BASE}/fine_tuning/jobs/ftjob-1", cast_to=FineTuningJob).id == "ftjob-1"


@pytest.mark.anyio
async def test_the_async_client_has_them_too(mock: respx.MockRouter) -> None:
    mock.post("/custom/echo").mock(side_effect=lambda r: httpx.Response(201, json=json.loads(r.content)))
    async with AsyncClient(api_key="sk-test", base_url=BASE) as client:
        assert await client.post("/custom/echo", cast_to=dict[str, Any], body={"a": [1, 2]}) == {"a": [1, 2]}
        assert (await client.get("fine_tuning/jobs/ftjob-1", cast_to=FineTuningJob)).status == "running"
