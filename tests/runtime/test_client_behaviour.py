"""Behaviour of the generated ``finetuning`` client against a mocked HTTP server (respx).

Every operation is exercised through both ``Client`` and ``AsyncClient``: the exact HTTP request it sends
(method, path under the ``/v1`` base path, query, JSON body, auth header) and the typed data it returns (checked
against the model's own annotations, so an optional field added to or removed from the spec changes nothing here);
then errors, pagination, raw and streamed responses, configuration from the environment and the client's lifecycle.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable, Iterator
from typing import Any

import anyio
import finetuning
import httpx
import pytest
import respx
from finetuning import AsyncClient, Client
from finetuning._models import BaseModel
from finetuning.pagination import AsyncCursorPage, SyncCursorPage
from finetuning.types import (
    CreateFineTuningJobHyperparameters,
    CreateFineTuningJobIntegration,
    FineTuningJob,
    FineTuningJobCheckpoint,
    FineTuningJobError,
    FineTuningJobEvent,
    FineTuningJobWandbIntegration,
)

from tests.support import generated_test_utils

BASE_URL = "http://testserver/v1"
assert_matches_type = generated_test_utils().assert_matches_type
KEY = "sk-test-key"  # what the conftest ``api_key`` fixture puts in FINETUNING_API_KEY

# --------------------------------------------------------------------------------------------------------------------
# Response bodies (shaped like the examples of spec/openapi.yaml)
# --------------------------------------------------------------------------------------------------------------------


def job(job_id: str = "ftjob-abc123", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "object": "fine_tuning.job",
        "id": job_id,
        "model": "gpt-4o-mini-2024-07-18",
        "created_at": 1721764800,
        "finished_at": None,
        "fine_tuned_model": None,
        "organization_id": "org-123",
        "result_files": [],
        "status": "queued",
        "validation_file": "file-def456",
        "training_file": "file-abc123",
        "hyperparameters": {"n_epochs": 3},
        "trained_tokens": None,
        "error": None,
        "seed": 42,
        "estimated_finish": None,
        "integrations": [
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
    }
    body.update(overrides)
    return body


def event(event_id: str, message: str = "Fine-tuning job started") -> dict[str, Any]:
    return {
        "object": "fine_tuning.job.event",
        "id": event_id,
        "created_at": 1721764800,
        "level": "info",
        "message": message,
    }


def checkpoint(checkpoint_id: str, step: int = 1000) -> dict[str, Any]:
    return {
        "object": "fine_tuning.job.checkpoint",
        "id": checkpoint_id,
        "created_at": 1721764867,
        "fine_tuned_model_checkpoint": f"ft:gpt-4o-mini:my-org:custom:ckpt-step-{step}",
        "metrics": {"full_valid_loss": 0.134, "full_valid_mean_token_accuracy": 0.874},
        "fine_tuning_job_id": "ftjob-abc123",
        "step_number": step,
    }


def page(items: list[dict[str, Any]], has_more: bool = False) -> dict[str, Any]:
    return {"object": "list", "data": items, "has_more": has_more}


def error_envelope(message: str = "Something went wrong.", code: str | None = "some_code") -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": code}}


# --------------------------------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------------------------------


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    """Intercepts every request; a request no route matches fails the test (assert_all_mocked)."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def client(api_key: str) -> Iterator[Client]:
    with Client(base_url=BASE_URL, max_retries=0) as c:
        yield c


@pytest.fixture
def async_client(api_key: str) -> AsyncClient:
    return AsyncClient(base_url=BASE_URL, max_retries=0)


def sent_json(request: httpx.Request) -> object:
    return json.loads(request.content)


def sent_query(request: httpx.Request) -> dict[str, str]:
    items = request.url.params.multi_items()
    assert len(items) == len({k for k, _ in items}), f"repeated query parameter in {request.url}"
    return dict(items)


# --------------------------------------------------------------------------------------------------------------------
# Every operation: the request sent and the data returned
# --------------------------------------------------------------------------------------------------------------------


def check_model(model: type[BaseModel], result: object, body: dict[str, Any]) -> None:
    """``result`` is a ``model`` typed all the way down (each declared field of its declared type, nested models
    included) that holds exactly the ``body`` the server sent, unknown fields kept."""
    assert isinstance(result, model)
    assert_matches_type(model, result)
    assert result.to_dict() == body


def check_job(result: object) -> None:
    check_model(FineTuningJob, result, job())
    assert isinstance(result, FineTuningJob) and result.id == "ftjob-abc123"


def check_page(model: type[BaseModel], result: Any, sent: dict[str, Any]) -> None:
    assert [item.id for item in result.items] == [item["id"] for item in sent["data"]]
    for item, body in zip(result.items, sent["data"], strict=True):
        check_model(model, item, body)
    assert result.has_next_page() is False


def check_job_page(result: Any) -> None:
    check_page(FineTuningJob, result, JOB_PAGE)


def check_event_page(result: Any) -> None:
    check_page(FineTuningJobEvent, result, EVENT_PAGE)


def check_checkpoint_page(result: Any) -> None:
    check_page(FineTuningJobCheckpoint, result, CHECKPOINT_PAGE)


JOB_PAGE = page([job("ftjob-abc123"), job("ftjob-def456", hyperparameters={"n_epochs": 4})])
EVENT_PAGE = page([event("ftevent-1"), event("ftevent-2", "New fine-tuned model created")])
CHECKPOINT_PAGE = page([checkpoint("ftckpt_a", 1000), checkpoint("ftckpt_b", 2000)])

# id, call (works on Client and AsyncClient alike), method, path, query, JSON body (None: no body), response, check,
# whether a page is returned.
OPERATIONS = [
    pytest.param(
        lambda c: c.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123"),
        "POST",
        "/v1/fine_tuning/jobs",
        {},
        {"model": "gpt-4o-mini", "training_file": "file-abc123"},
        job(),
        check_job,
        False,
        id="create-required-args-only",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.create(
            model="gpt-4o-mini",
            training_file="file-abc123",
            validation_file="file-def456",
            suffix="custom-model-name",
            seed=7,
        ),
        "POST",
        "/v1/fine_tuning/jobs",
        {},
        {
            "model": "gpt-4o-mini",
            "training_file": "file-abc123",
            "validation_file": "file-def456",
            "suffix": "custom-model-name",
            "seed": 7,
        },
        job(),
        check_job,
        False,
        id="create-optional-args",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.create(
            model="gpt-4o-mini", training_file="file-abc123", seed=None, suffix=None, integrations=None
        ),
        "POST",
        "/v1/fine_tuning/jobs",
        {},
        {"model": "gpt-4o-mini", "training_file": "file-abc123", "seed": None, "suffix": None, "integrations": None},
        job(),
        check_job,
        False,
        id="create-explicit-none-sent-as-null",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.retrieve("ftjob-abc123"),
        "GET",
        "/v1/fine_tuning/jobs/ftjob-abc123",
        {},
        None,
        job(),
        check_job,
        False,
        id="retrieve",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.cancel("ftjob-abc123"),
        "POST",
        "/v1/fine_tuning/jobs/ftjob-abc123/cancel",
        {},
        None,
        job(),
        check_job,
        False,
        id="cancel",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.list(after="ftjob-000", limit=2),
        "GET",
        "/v1/fine_tuning/jobs",
        {"after": "ftjob-000", "limit": "2"},
        None,
        JOB_PAGE,
        check_job_page,
        True,
        id="list",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.list(),
        "GET",
        "/v1/fine_tuning/jobs",
        {},
        None,
        JOB_PAGE,
        check_job_page,
        True,
        id="list-no-args-sends-no-query",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.list_events("ftjob-abc123", after="ftevent-0", limit=5),
        "GET",
        "/v1/fine_tuning/jobs/ftjob-abc123/events",
        {"after": "ftevent-0", "limit": "5"},
        None,
        EVENT_PAGE,
        check_event_page,
        True,
        id="list_events",
    ),
    pytest.param(
        lambda c: c.fine_tuning.jobs.checkpoints.list("ftjob-abc123", after="ftckpt_0", limit=10),
        "GET",
        "/v1/fine_tuning/jobs/ftjob-abc123/checkpoints",
        {"after": "ftckpt_0", "limit": "10"},
        None,
        CHECKPOINT_PAGE,
        check_checkpoint_page,
        True,
        id="checkpoints.list",
    ),
]

OPERATION_ARGS = "call, method, path, query, body, response_body, check, is_page"


def assert_request(request: httpx.Request, method: str, path: str, query: dict[str, str], body: object | None) -> None:
    assert request.method == method
    assert request.url.raw_path.split(b"?")[0] == path.encode()
    assert request.url.host == "testserver"
    assert sent_query(request) == query
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    if body is None:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert sent_json(request) == body


class TestOperations:
    @pytest.mark.parametrize(OPERATION_ARGS, OPERATIONS)
    def test_sync(
        self,
        client: Client,
        router: respx.MockRouter,
        call: Callable[[Any], Any],
        method: str,
        path: str,
        query: dict[str, str],
        body: object | None,
        response_body: dict[str, Any],
        check: Callable[[object], None],
        is_page: bool,
    ) -> None:
        route = router.route().respond(200, json=response_body)

        result = call(client)

        assert route.call_count == 1
        assert_request(route.calls.last.request, method, path, query, body)
        if is_page:
            assert isinstance(result, SyncCursorPage)
        check(result)

    @pytest.mark.anyio
    @pytest.mark.parametrize(OPERATION_ARGS, OPERATIONS)
    async def test_async(
        self,
        async_client: AsyncClient,
        router: respx.MockRouter,
        call: Callable[[Any], Any],
        method: str,
        path: str,
        query: dict[str, str],
        body: object | None,
        response_body: dict[str, Any],
        check: Callable[[object], None],
        is_page: bool,
    ) -> None:
        route = router.route().respond(200, json=response_body)

        result = await call(async_client)

        assert route.call_count == 1
        assert_request(route.calls.last.request, method, path, query, body)
        if is_page:
            assert isinstance(result, AsyncCursorPage)
        check(result)


# --------------------------------------------------------------------------------------------------------------------
# Model arguments, extra_* options and per-call timeouts
# --------------------------------------------------------------------------------------------------------------------

WANDB_INTEGRATION = CreateFineTuningJobIntegration(
    type="wandb", wandb=FineTuningJobWandbIntegration(project="my-wandb-project", tags=["custom-tag"])
)
EXPECTED_MODEL_ARGS_BODY = {
    "model": "gpt-4o-mini",
    "training_file": "file-abc123",
    "hyperparameters": {"n_epochs": 3},
    "integrations": [{"type": "wandb", "wandb": {"project": "my-wandb-project", "tags": ["custom-tag"]}}],
}

EXTRAS = {
    "extra_headers": {"X-Custom-Header": "custom-value"},
    "extra_query": {"trace": "yes"},
    "extra_body": {"metadata": {"team": "ml"}},
}


class TestRequestOptions:
    def test_model_arguments_send_only_fields_set(self, client: Client, router: respx.MockRouter) -> None:
        route = router.post("/fine_tuning/jobs").respond(200, json=job())

        client.fine_tuning.jobs.create(
            model="gpt-4o-mini",
            training_file="file-abc123",
            hyperparameters=CreateFineTuningJobHyperparameters(n_epochs=3),
            integrations=[WANDB_INTEGRATION],
        )

        assert sent_json(route.calls.last.request) == EXPECTED_MODEL_ARGS_BODY

    @pytest.mark.anyio
    async def test_model_arguments_send_only_fields_set_async(
        self, async_client: AsyncClient, router: respx.MockRouter
    ) -> None:
        route = router.post("/fine_tuning/jobs").respond(200, json=job())

        await async_client.fine_tuning.jobs.create(
            model="gpt-4o-mini",
            training_file="file-abc123",
            hyperparameters=CreateFineTuningJobHyperparameters(n_epochs=3),
            integrations=[WANDB_INTEGRATION],
        )

        assert sent_json(route.calls.last.request) == EXPECTED_MODEL_ARGS_BODY

    def test_extra_headers_query_and_body_are_sent(self, client: Client, router: respx.MockRouter) -> None:
        route = router.post("/fine_tuning/jobs").respond(200, json=job())

        client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123", **EXTRAS)

        request = route.calls.last.request
        assert request.headers["X-Custom-Header"] == "custom-value"
        assert request.headers["Authorization"] == f"Bearer {KEY}"
        assert sent_query(request) == {"trace": "yes"}
        assert sent_json(request) == {
            "model": "gpt-4o-mini",
            "training_file": "file-abc123",
            "metadata": {"team": "ml"},
        }

    @pytest.mark.anyio
    async def test_extra_headers_query_and_body_are_sent_async(
        self, async_client: AsyncClient, router: respx.MockRouter
    ) -> None:
        route = router.post("/fine_tuning/jobs").respond(200, json=job())

        await async_client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123", **EXTRAS)

        request = route.calls.last.request
        assert request.headers["X-Custom-Header"] == "custom-value"
        assert sent_query(request) == {"trace": "yes"}
        assert sent_json(request) == {
            "model": "gpt-4o-mini",
            "training_file": "file-abc123",
            "metadata": {"team": "ml"},
        }

    def test_extra_query_is_merged_with_list_params(self, client: Client, router: respx.MockRouter) -> None:
        route = router.get("/fine_tuning/jobs").respond(200, json=page([]))

        client.fine_tuning.jobs.list(limit=3, extra_query={"order": "desc"})

        assert sent_query(route.calls.last.request) == {"limit": "3", "order": "desc"}

    def test_timeout_per_call(self, client: Client, router: respx.MockRouter) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job())

        client.fine_tuning.jobs.retrieve("ftjob-abc123")
        default_timeout = route.calls.last.request.extensions["timeout"]
        client.fine_tuning.jobs.retrieve("ftjob-abc123", timeout=2.5)

        assert default_timeout == {"connect": 5.0, "read": 600.0, "write": 600.0, "pool": 600.0}
        assert route.calls.last.request.extensions["timeout"] == {
            "connect": 2.5,
            "read": 2.5,
            "write": 2.5,
            "pool": 2.5,
        }

    @pytest.mark.anyio
    async def test_timeout_per_call_async(self, async_client: AsyncClient, router: respx.MockRouter) -> None:
        route = router.post("/fine_tuning/jobs/ftjob-abc123/cancel").respond(200, json=job())

        await async_client.fine_tuning.jobs.cancel("ftjob-abc123", timeout=httpx.Timeout(3.0, connect=1.0))

        assert route.calls.last.request.extensions["timeout"] == {
            "connect": 1.0,
            "read": 3.0,
            "write": 3.0,
            "pool": 3.0,
        }


# --------------------------------------------------------------------------------------------------------------------
# Path parameters
# --------------------------------------------------------------------------------------------------------------------

EMPTY_ID_CALLS = [
    pytest.param(lambda c: c.fine_tuning.jobs.retrieve(""), id="retrieve"),
    pytest.param(lambda c: c.fine_tuning.jobs.cancel(""), id="cancel"),
    pytest.param(lambda c: c.fine_tuning.jobs.list_events(""), id="list_events"),
    pytest.param(lambda c: c.fine_tuning.jobs.checkpoints.list(""), id="checkpoints.list"),
]

QUOTING_CALLS = [
    pytest.param(lambda c, i: c.fine_tuning.jobs.retrieve(i), "", id="retrieve"),
    pytest.param(lambda c, i: c.fine_tuning.jobs.cancel(i), "/cancel", id="cancel"),
    pytest.param(lambda c, i: c.fine_tuning.jobs.list_events(i), "/events", id="list_events"),
    pytest.param(lambda c, i: c.fine_tuning.jobs.checkpoints.list(i), "/checkpoints", id="checkpoints.list"),
]


def any_response(request: httpx.Request) -> httpx.Response:
    """A body every operation can parse: a job that also carries an empty page's fields."""
    return httpx.Response(200, json={**job(), "data": [], "has_more": False})


class TestPathParameters:
    @pytest.mark.parametrize("call", EMPTY_ID_CALLS)
    def test_empty_id_raises_before_any_request(
        self, client: Client, router: respx.MockRouter, call: Callable[[Any], Any]
    ) -> None:
        route = router.route().mock(side_effect=any_response)

        with pytest.raises(ValueError, match="fine_tuning_job_id"):
            call(client)

        assert route.call_count == 0
        assert len(router.calls) == 0

    @pytest.mark.anyio
    @pytest.mark.parametrize("call", EMPTY_ID_CALLS)
    async def test_empty_id_raises_before_any_request_async(
        self, async_client: AsyncClient, router: respx.MockRouter, call: Callable[[Any], Any]
    ) -> None:
        route = router.route().mock(side_effect=any_response)

        with pytest.raises(ValueError, match="fine_tuning_job_id"):
            await call(async_client)

        assert route.call_count == 0
        assert len(router.calls) == 0

    @pytest.mark.parametrize("call, suffix", QUOTING_CALLS)
    def test_id_is_url_quoted(
        self, client: Client, router: respx.MockRouter, call: Callable[[Any, str], Any], suffix: str
    ) -> None:
        route = router.route().mock(side_effect=any_response)

        call(client, "a/b")

        assert route.calls.last.request.url.raw_path == f"/v1/fine_tuning/jobs/a%2Fb{suffix}".encode()

    @pytest.mark.anyio
    async def test_id_is_url_quoted_async(self, async_client: AsyncClient, router: respx.MockRouter) -> None:
        route = router.route().mock(side_effect=any_response)

        await async_client.fine_tuning.jobs.retrieve("a/b?x=1 #")

        assert route.calls.last.request.url.raw_path == b"/v1/fine_tuning/jobs/a%2Fb%3Fx%3D1%20%23"
        assert sent_query(route.calls.last.request) == {}

    @pytest.mark.parametrize("call, suffix", [QUOTING_CALLS[0], QUOTING_CALLS[1]])
    def test_dot_dot_id_stays_inside_its_path_segment(
        self, client: Client, router: respx.MockRouter, call: Callable[[Any, str], Any], suffix: str
    ) -> None:
        """An id of ".." must not be resolved as a relative path: cancel("..") would POST /v1/fine_tuning/cancel."""
        route = router.route().mock(side_effect=any_response)

        call(client, "..")

        assert route.calls.last.request.url.raw_path.lower() == f"/v1/fine_tuning/jobs/%2e%2e{suffix}".encode()


# --------------------------------------------------------------------------------------------------------------------
# Pagination
# --------------------------------------------------------------------------------------------------------------------

PAGES = {
    None: page([job("ftjob-1"), job("ftjob-2")], has_more=True),
    "ftjob-2": page([job("ftjob-3"), job("ftjob-4")], has_more=True),
    "ftjob-4": page([job("ftjob-5")], has_more=False),
}
ALL_IDS = ["ftjob-1", "ftjob-2", "ftjob-3", "ftjob-4", "ftjob-5"]


def serve_pages(pages: dict[str | None, dict[str, Any]]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        if after not in pages:
            return httpx.Response(400, json=error_envelope(f"unexpected cursor {after!r}"))
        return httpx.Response(200, json=pages[after])

    return handler


@pytest.fixture
def paged_jobs(router: respx.MockRouter) -> respx.Route:
    return router.get("/fine_tuning/jobs").mock(side_effect=serve_pages(PAGES))


def cursors(route: respx.Route) -> list[str | None]:
    return [call.request.url.params.get("after") for call in route.calls]


class TestPagination:
    def test_iterating_follows_the_cursor_over_three_pages(self, client: Client, paged_jobs: respx.Route) -> None:
        jobs = [j for j in client.fine_tuning.jobs.list(limit=2)]

        assert [j.id for j in jobs] == ALL_IDS
        assert all(isinstance(j, FineTuningJob) for j in jobs)
        assert cursors(paged_jobs) == [None, "ftjob-2", "ftjob-4"]
        assert [c.request.url.params.get("limit") for c in paged_jobs.calls] == ["2", "2", "2"]

    @pytest.mark.anyio
    async def test_async_for_follows_the_cursor_over_three_pages(
        self, async_client: AsyncClient, paged_jobs: respx.Route
    ) -> None:
        jobs = [j async for j in async_client.fine_tuning.jobs.list(limit=2)]

        assert [j.id for j in jobs] == ALL_IDS
        assert all(isinstance(j, FineTuningJob) for j in jobs)
        assert cursors(paged_jobs) == [None, "ftjob-2", "ftjob-4"]
        assert [c.request.url.params.get("limit") for c in paged_jobs.calls] == ["2", "2", "2"]

    def test_has_next_page_and_get_next_page(self, client: Client, paged_jobs: respx.Route) -> None:
        first = client.fine_tuning.jobs.list()
        assert first.has_next_page() is True

        second = first.get_next_page()
        assert isinstance(second, SyncCursorPage)
        assert [j.id for j in second.items] == ["ftjob-3", "ftjob-4"]
        assert second.has_next_page() is True

        third = second.get_next_page()
        assert [j.id for j in third.items] == ["ftjob-5"]
        assert third.has_next_page() is False
        with pytest.raises(finetuning.PaginationError):
            third.get_next_page()
        assert cursors(paged_jobs) == [None, "ftjob-2", "ftjob-4"]

    @pytest.mark.anyio
    async def test_has_next_page_and_get_next_page_async(
        self, async_client: AsyncClient, paged_jobs: respx.Route
    ) -> None:
        first = await async_client.fine_tuning.jobs.list()
        assert isinstance(first, AsyncCursorPage)
        assert first.has_next_page() is True

        second = await first.get_next_page()
        assert isinstance(second, AsyncCursorPage)
        assert [j.id for j in second.items] == ["ftjob-3", "ftjob-4"]

        third = await second.get_next_page()
        assert [j.id for j in third.items] == ["ftjob-5"]
        assert third.has_next_page() is False
        with pytest.raises(finetuning.PaginationError):
            await third.get_next_page()
        assert cursors(paged_jobs) == [None, "ftjob-2", "ftjob-4"]

    def test_iter_pages(self, client: Client, paged_jobs: respx.Route) -> None:
        pages = list(client.fine_tuning.jobs.list().iter_pages())

        assert len(pages) == 3
        assert all(isinstance(p, SyncCursorPage) for p in pages)
        assert [[j.id for j in p.items] for p in pages] == [["ftjob-1", "ftjob-2"], ["ftjob-3", "ftjob-4"], ["ftjob-5"]]
        assert cursors(paged_jobs) == [None, "ftjob-2", "ftjob-4"]

    @pytest.mark.anyio
    async def test_iter_pages_async(self, async_client: AsyncClient, paged_jobs: respx.Route) -> None:
        first = await async_client.fine_tuning.jobs.list()
        pages = [p async for p in first.iter_pages()]

        assert len(pages) == 3
        assert all(isinstance(p, AsyncCursorPage) for p in pages)
        assert [[j.id for j in p.items] for p in pages] == [["ftjob-1", "ftjob-2"], ["ftjob-3", "ftjob-4"], ["ftjob-5"]]
        assert cursors(paged_jobs) == [None, "ftjob-2", "ftjob-4"]

    def test_single_page_makes_a_single_request(self, client: Client, router: respx.MockRouter) -> None:
        route = router.get("/fine_tuning/jobs").respond(200, json=page([job("ftjob-1")], has_more=False))

        assert [j.id for j in client.fine_tuning.jobs.list()] == ["ftjob-1"]
        assert route.call_count == 1

    def test_events_pagination_uses_last_event_id(self, client: Client, router: respx.MockRouter) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123/events").mock(
            side_effect=serve_pages(
                {
                    None: page([event("ftevent-1"), event("ftevent-2")], has_more=True),
                    "ftevent-2": page([event("ftevent-3")], has_more=True),
                    "ftevent-3": page([event("ftevent-4")], has_more=False),
                }
            )
        )

        ids = [e.id for e in client.fine_tuning.jobs.list_events("ftjob-abc123")]

        assert ids == ["ftevent-1", "ftevent-2", "ftevent-3", "ftevent-4"]
        assert cursors(route) == [None, "ftevent-2", "ftevent-3"]

    @pytest.mark.anyio
    async def test_checkpoints_pagination_uses_last_checkpoint_id_async(
        self, async_client: AsyncClient, router: respx.MockRouter
    ) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123/checkpoints").mock(
            side_effect=serve_pages(
                {
                    None: page([checkpoint("ftckpt_1")], has_more=True),
                    "ftckpt_1": page([checkpoint("ftckpt_2")], has_more=True),
                    "ftckpt_2": page([checkpoint("ftckpt_3")], has_more=False),
                }
            )
        )

        ids = [c.id async for c in async_client.fine_tuning.jobs.checkpoints.list("ftjob-abc123", limit=1)]

        assert ids == ["ftckpt_1", "ftckpt_2", "ftckpt_3"]
        assert cursors(route) == [None, "ftckpt_1", "ftckpt_2"]
        assert all(c.request.url.params.get("limit") == "1" for c in route.calls)


# --------------------------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------------------------

STATUS_ERRORS = [
    pytest.param(400, finetuning.BadRequestError, id="400"),
    pytest.param(401, finetuning.AuthenticationError, id="401"),
    pytest.param(403, finetuning.PermissionDeniedError, id="403"),
    pytest.param(404, finetuning.NotFoundError, id="404"),
    pytest.param(409, finetuning.ConflictError, id="409"),
    pytest.param(422, finetuning.UnprocessableEntityError, id="422"),
    pytest.param(429, finetuning.RateLimitError, id="429"),
    pytest.param(500, finetuning.InternalServerError, id="500"),
    pytest.param(503, finetuning.InternalServerError, id="503"),
    pytest.param(418, finetuning.APIStatusError, id="418-other-4xx"),
]


def assert_status_error(
    error: finetuning.APIStatusError, status: int, error_class: type[Exception], route: respx.Route
) -> None:
    assert type(error) is error_class
    assert isinstance(error, finetuning.APIStatusError)
    assert isinstance(error, finetuning.FinetuningError)
    assert error.status_code == status
    assert error.response.status_code == status
    assert error.body == error_envelope(f"failed with {status}")["error"]  # the error inside the spec's envelope
    assert (error.code, error.param, error.type) == ("some_code", None, "invalid_request_error")
    assert error.request_id == "req-123"
    assert error.request.url.path == "/v1/fine_tuning/jobs/ftjob-abc123"
    assert str(error).startswith(f"Error code: {status}")
    assert route.call_count == 1  # max_retries=0: retryable statuses are not retried


class TestErrors:
    @pytest.mark.parametrize("status, error_class", STATUS_ERRORS)
    def test_status_errors(
        self, client: Client, router: respx.MockRouter, status: int, error_class: type[Exception]
    ) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123").respond(
            status, json=error_envelope(f"failed with {status}"), headers={"x-request-id": "req-123"}
        )

        with pytest.raises(error_class) as info:
            client.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert_status_error(info.value, status, error_class, route)

    @pytest.mark.anyio
    @pytest.mark.parametrize("status, error_class", STATUS_ERRORS)
    async def test_status_errors_async(
        self, async_client: AsyncClient, router: respx.MockRouter, status: int, error_class: type[Exception]
    ) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123").respond(
            status, json=error_envelope(f"failed with {status}"), headers={"x-request-id": "req-123"}
        )

        with pytest.raises(error_class) as info:
            await async_client.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert_status_error(info.value, status, error_class, route)

    def test_an_error_body_outside_the_envelope_is_kept_whole(self, client: Client, router: respx.MockRouter) -> None:
        """Only ``{"error": {...}}`` is unwrapped (the spec's envelope); a number code is given as its text."""
        route = router.get("/fine_tuning/jobs/ftjob-abc123")
        for body, expected, code in [
            ({"error": "overloaded", "code": 529}, {"error": "overloaded", "code": 529}, "529"),
            ({"error": {"code": 7, "param": "model"}}, {"code": 7, "param": "model"}, "7"),
            ([{"code": "x"}], [{"code": "x"}], None),
        ]:
            route.respond(400, json=body)
            with pytest.raises(finetuning.BadRequestError) as info:
                client.fine_tuning.jobs.retrieve("ftjob-abc123")
            assert (info.value.body, info.value.code) == (expected, code)

    def test_errors_survive_pickling_whole(self, client: Client, router: respx.MockRouter) -> None:
        """As ``multiprocessing`` and task queues send them: type, message, body, response and fields intact."""
        router.get("/fine_tuning/jobs/ftjob-abc123").respond(
            404, json=error_envelope("no such job", "not_found"), headers={"x-request-id": "req-9"}
        )
        with pytest.raises(finetuning.NotFoundError) as info:
            client.fine_tuning.jobs.retrieve("ftjob-abc123")
        copy = pickle.loads(pickle.dumps(info.value))
        assert type(copy) is finetuning.NotFoundError and str(copy) == str(info.value)
        assert (copy.status_code, copy.request_id, copy.code, copy.body) == (404, "req-9", "not_found", info.value.body)
        assert copy.response.status_code == 404 and copy.request.url == info.value.request.url
        timeout = pickle.loads(pickle.dumps(finetuning.APITimeoutError(info.value.request)))
        assert type(timeout) is finetuning.APITimeoutError and timeout.request.url == info.value.request.url

    def test_non_json_error_body_is_kept_as_text(self, client: Client, router: respx.MockRouter) -> None:
        router.post("/fine_tuning/jobs").respond(502, text="<html>Bad gateway</html>")

        with pytest.raises(finetuning.InternalServerError) as info:
            client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123")

        assert info.value.body == "<html>Bad gateway</html>"
        assert info.value.request_id is None

    def test_error_during_pagination_is_raised(self, client: Client, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs").mock(
            side_effect=serve_pages({None: page([job("ftjob-1")], has_more=True)})  # cursor "ftjob-1" answers 400
        )

        with pytest.raises(finetuning.BadRequestError):
            list(client.fine_tuning.jobs.list())

    @pytest.mark.parametrize(
        "exception, error_class",
        [
            pytest.param(httpx.ConnectError, finetuning.APIConnectionError, id="connect-error"),
            pytest.param(httpx.ReadTimeout, finetuning.APITimeoutError, id="read-timeout"),
        ],
    )
    def test_transport_errors(
        self, client: Client, router: respx.MockRouter, exception: type[Exception], error_class: type[Exception]
    ) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123").mock(side_effect=exception)

        with pytest.raises(finetuning.APIConnectionError) as info:
            client.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert type(info.value) is error_class
        assert isinstance(info.value.__cause__, exception)
        assert info.value.request.url.path == "/v1/fine_tuning/jobs/ftjob-abc123"
        assert route.call_count == 1

    @pytest.mark.anyio
    @pytest.mark.parametrize(
        "exception, error_class",
        [
            pytest.param(httpx.ConnectError, finetuning.APIConnectionError, id="connect-error"),
            pytest.param(httpx.ReadTimeout, finetuning.APITimeoutError, id="read-timeout"),
        ],
    )
    async def test_transport_errors_async(
        self,
        async_client: AsyncClient,
        router: respx.MockRouter,
        exception: type[Exception],
        error_class: type[Exception],
    ) -> None:
        route = router.post("/fine_tuning/jobs").mock(side_effect=exception)

        with pytest.raises(finetuning.APIConnectionError) as info:
            await async_client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123")

        assert type(info.value) is error_class
        assert isinstance(info.value.__cause__, exception)
        assert route.call_count == 1


# --------------------------------------------------------------------------------------------------------------------
# Configuration: API key and base URL
# --------------------------------------------------------------------------------------------------------------------


class TestConfiguration:
    @pytest.mark.parametrize("client_class", [Client, AsyncClient])
    def test_missing_api_key_raises_at_construction(
        self, monkeypatch: pytest.MonkeyPatch, client_class: type[Client] | type[AsyncClient]
    ) -> None:
        monkeypatch.delenv("FINETUNING_API_KEY", raising=False)

        with pytest.raises(finetuning.MissingAPIKeyError, match="FINETUNING_API_KEY"):
            client_class(base_url=BASE_URL)

    def test_empty_api_key_env_counts_as_missing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("FINETUNING_API_KEY", "")

        with pytest.raises(finetuning.MissingAPIKeyError):
            AsyncClient(base_url=BASE_URL)

    def test_api_key_from_env_is_sent(self, api_key: str, router: respx.MockRouter) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job())

        with Client(base_url=BASE_URL) as c:
            c.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert route.calls.last.request.headers["Authorization"] == f"Bearer {api_key}"

    @pytest.mark.anyio
    async def test_explicit_api_key_wins_over_env_async(self, api_key: str, router: respx.MockRouter) -> None:
        route = router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job())

        async with AsyncClient(api_key="sk-explicit", base_url=BASE_URL) as c:
            await c.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert route.calls.last.request.headers["Authorization"] == "Bearer sk-explicit"

    def test_base_url_from_env(self, api_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("FINETUNING_BASE_URL", "http://env-server/api/v1")
        with respx.mock(base_url="http://env-server/api/v1") as mock:
            route = mock.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job())

            with Client() as c:
                result = c.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert isinstance(result, FineTuningJob)
        assert str(route.calls.last.request.url) == "http://env-server/api/v1/fine_tuning/jobs/ftjob-abc123"

    @pytest.mark.anyio
    async def test_base_url_from_env_async(self, api_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("FINETUNING_BASE_URL", "http://env-server/api/v1")
        with respx.mock(base_url="http://env-server/api/v1") as mock:
            route = mock.get("/fine_tuning/jobs").respond(200, json=page([]))

            async with AsyncClient() as c:
                await c.fine_tuning.jobs.list()

        assert str(route.calls.last.request.url) == "http://env-server/api/v1/fine_tuning/jobs"

    def test_explicit_base_url_wins_over_env(self, api_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("FINETUNING_BASE_URL", "http://env-server/v1")

        with Client(base_url="http://testserver/v1/") as c:
            assert str(c.base_url) == "http://testserver/v1/"


# --------------------------------------------------------------------------------------------------------------------
# Raw and streamed responses
# --------------------------------------------------------------------------------------------------------------------

RAW_HEADERS = {"x-request-id": "req-raw-1"}


class TestRawResponse:
    def test_retrieve(self, client: Client, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job(), headers=RAW_HEADERS)

        raw = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-abc123")

        assert raw.status_code == 200
        assert raw.headers["x-request-id"] == "req-raw-1"
        assert raw.request_id == "req-raw-1"
        assert raw.retries_taken == 0
        assert raw.http_request.method == "GET"
        assert raw.http_request.url == "http://testserver/v1/fine_tuning/jobs/ftjob-abc123"
        assert raw.http_request.headers["Authorization"] == f"Bearer {KEY}"
        check_job(raw.parse())
        assert raw.parse() is raw.parse()

    @pytest.mark.anyio
    async def test_retrieve_async(self, async_client: AsyncClient, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job(), headers=RAW_HEADERS)

        raw = await async_client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-abc123")

        assert raw.status_code == 200
        assert raw.request_id == "req-raw-1"
        assert raw.retries_taken == 0
        assert raw.http_request.url == "http://testserver/v1/fine_tuning/jobs/ftjob-abc123"
        check_job(raw.parse())

    def test_nested_checkpoints_list(self, client: Client, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs/ftjob-1/checkpoints").respond(200, json=CHECKPOINT_PAGE)

        raw = client.fine_tuning.jobs.with_raw_response.checkpoints.list("ftjob-1")

        assert raw.http_request.url.path == "/v1/fine_tuning/jobs/ftjob-1/checkpoints"
        parsed = raw.parse()
        assert isinstance(parsed, SyncCursorPage)
        check_checkpoint_page(parsed)

    @pytest.mark.anyio
    async def test_nested_checkpoints_list_async(self, async_client: AsyncClient, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs/ftjob-1/checkpoints").respond(200, json=CHECKPOINT_PAGE)

        raw = await async_client.fine_tuning.jobs.with_raw_response.checkpoints.list("ftjob-1")

        parsed = raw.parse()
        assert isinstance(parsed, AsyncCursorPage)
        check_checkpoint_page(parsed)

    def test_from_client_root(self, client: Client, router: respx.MockRouter) -> None:
        route = router.post("/fine_tuning/jobs").respond(200, json=job())

        raw = client.with_raw_response.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc123")

        assert raw.status_code == 200
        assert sent_json(route.calls.last.request) == {"model": "gpt-4o-mini", "training_file": "file-abc123"}
        check_job(raw.parse())

    @pytest.mark.anyio
    async def test_from_client_root_async(self, async_client: AsyncClient, router: respx.MockRouter) -> None:
        route = router.post("/fine_tuning/jobs").respond(200, json=job())

        raw = await async_client.with_raw_response.fine_tuning.jobs.create(
            model="gpt-4o-mini", training_file="file-abc123"
        )

        assert sent_json(route.calls.last.request) == {"model": "gpt-4o-mini", "training_file": "file-abc123"}
        check_job(raw.parse())

    def test_raw_list_page_can_still_paginate(self, client: Client, paged_jobs: respx.Route) -> None:
        raw = client.fine_tuning.jobs.with_raw_response.list()

        first = raw.parse()
        assert isinstance(first, SyncCursorPage)
        assert [j.id for j in first] == ALL_IDS
        assert cursors(paged_jobs) == [None, "ftjob-2", "ftjob-4"]


class TestStreamingResponse:
    def test_context_manager_closes_response(self, client: Client, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job(), headers=RAW_HEADERS)

        with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-abc123") as response:
            assert response.http_response.is_closed is False
            assert response.status_code == 200
            assert response.request_id == "req-raw-1"
            check_job(response.parse())

        assert response.http_response.is_closed is True

    def test_closed_even_when_body_never_read(self, client: Client, router: respx.MockRouter) -> None:
        router.route().respond(200, json=CHECKPOINT_PAGE)

        with client.with_streaming_response.fine_tuning.jobs.checkpoints.list("ftjob-1") as response:
            assert response.http_response.is_stream_consumed is False

        assert response.http_response.is_closed is True

    @pytest.mark.anyio
    async def test_context_manager_closes_response_async(
        self, async_client: AsyncClient, router: respx.MockRouter
    ) -> None:
        router.post("/fine_tuning/jobs/ftjob-abc123/cancel").respond(200, json=job(status="cancelled"))

        async with async_client.fine_tuning.jobs.with_streaming_response.cancel("ftjob-abc123") as response:
            assert response.http_response.is_closed is False
            parsed = await response.parse()
            assert isinstance(parsed, FineTuningJob)
            assert parsed.status == "cancelled"

        assert response.http_response.is_closed is True

    @pytest.mark.anyio
    async def test_list_page_async(self, async_client: AsyncClient, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs/ftjob-1/events").respond(200, json=EVENT_PAGE)

        async with async_client.fine_tuning.jobs.with_streaming_response.list_events("ftjob-1") as response:
            parsed = await response.parse()

        assert isinstance(parsed, AsyncCursorPage)
        check_event_page(parsed)
        assert response.http_response.is_closed is True


# --------------------------------------------------------------------------------------------------------------------
# Client lifecycle and response models
# --------------------------------------------------------------------------------------------------------------------


class TestLifecycle:
    def test_with_block_closes_client(self, api_key: str) -> None:
        with Client(base_url=BASE_URL) as c:
            assert c.is_closed() is False
        assert c.is_closed() is True

    @pytest.mark.anyio
    async def test_async_with_block_closes_client(self, api_key: str) -> None:
        async with AsyncClient(base_url=BASE_URL) as c:
            assert c.is_closed() is False
        assert c.is_closed() is True

    def test_caller_supplied_http_client_is_left_open(self, api_key: str) -> None:
        with httpx.Client() as http_client:
            with Client(base_url=BASE_URL, http_client=http_client):
                pass
            assert http_client.is_closed is False

    @pytest.mark.parametrize("aio", [False, True])
    def test_headers_query_and_cookies_of_a_caller_supplied_http_client_are_sent(
        self, api_key: str, router: respx.MockRouter, aio: bool
    ) -> None:
        """A gateway's settings on the ``http_client`` (an API version parameter, a header, a session cookie) go with
        every request; the SDK's own headers win where both set one."""
        route = router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job())
        settings: dict[str, Any] = {
            "headers": {"X-Gateway": "eu", "Authorization": "Bearer gateway"},
            "params": {"api-version": "2024-06-01"},
            "cookies": {"session": "s1"},
        }
        if aio:

            async def call() -> None:
                async with httpx.AsyncClient(**settings) as http:
                    await AsyncClient(base_url=BASE_URL, http_client=http).fine_tuning.jobs.retrieve("ftjob-abc123")

            anyio.run(call)
        else:
            with httpx.Client(**settings) as http:
                Client(base_url=BASE_URL, http_client=http).fine_tuning.jobs.retrieve("ftjob-abc123")
        sent = route.calls.last.request
        assert sent.headers["X-Gateway"] == "eu" and sent.headers["Cookie"] == "session=s1"
        assert sent.headers["Authorization"] == f"Bearer {KEY}"
        assert sent.url.params["api-version"] == "2024-06-01"


class TestResponseModels:
    def test_failed_job_error_is_a_model(self, client: Client, router: respx.MockRouter) -> None:
        failure = {"code": "invalid_training_file", "message": "Bad JSONL.", "param": "training_file"}
        router.get("/fine_tuning/jobs/ftjob-abc123").respond(
            200, json=job(status="failed", error=failure, integrations=None)
        )

        result = client.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert result.status == "failed"
        assert isinstance(result.error, FineTuningJobError)
        assert result.error.code == "invalid_training_file"
        assert result.error.param == "training_file"
        assert result.integrations is None

    def test_unknown_fields_are_kept(self, client: Client, router: respx.MockRouter) -> None:
        router.get("/fine_tuning/jobs/ftjob-abc123").respond(200, json=job(brand_new_field="hello"))

        result = client.fine_tuning.jobs.retrieve("ftjob-abc123")

        assert result.id == "ftjob-abc123"
        assert "brand_new_field" not in FineTuningJob.model_fields
        assert result.model_extra is not None and result.model_extra["brand_new_field"] == "hello"
        assert result.to_dict() == job(brand_new_field="hello")
