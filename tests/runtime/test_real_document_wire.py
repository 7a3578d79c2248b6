"""What real documents needed of the generated client on the wire (mistral, intercom, square, stackexchange, the
readme.io style examples), on an SDK generated from a small document: resources named ``query``, ``headers`` and
``stream``, a path placeholder nobody declared, optional bodies left out, JSON under ``*/*``, JSON Lines, the
parameter styles of queries and forms, and the request id header the document declares.

The package is generated once into a temporary folder and imported; requests are answered by respx.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import respx

from tests.support import generate_into, imported, needs_pyright, pyright_errors

BASE = "http://wire.test"
ARRAY = {"type": "array", "items": {"type": "string"}}
OBJECT = {"type": "object", "properties": {"R": {"type": "integer"}, "G": {"type": "integer"}}}
THING = {"$ref": "#/components/schemas/Thing"}
DONE = {"204": {"description": "done"}}
REQUEST_ID = {"Request-Id": {"schema": {"type": "string"}}}


def _answer(media: str, schema: Any) -> dict[str, Any]:
    return {"200": {"description": "ok", "headers": REQUEST_ID, "content": {media: {"schema": schema}}}}


def _form(schema: Any, encoding: Any = None) -> dict[str, Any]:
    media = {"schema": schema, **({"encoding": encoding} if encoding else {})}
    return {"content": {"application/x-www-form-urlencoded": media}}


PATHS: dict[str, Any] = {
    "/query": {
        "get": {
            "operationId": "runQuery",
            "parameters": [
                {"name": "expand", "in": "query", "style": "deepObject", "explode": True, "schema": ARRAY},
                {"name": "ids", "in": "query", "style": "pipeDelimited", "explode": False, "schema": ARRAY},
                {"name": "words", "in": "query", "style": "spaceDelimited", "explode": False, "schema": ARRAY},
                {"name": "color", "in": "query", "schema": OBJECT},
                {"name": "rgb", "in": "query", "explode": False, "schema": OBJECT},
                {"name": "X-Tags", "in": "header", "schema": ARRAY},
            ],
            "responses": _answer("*/*", THING),
        }
    },
    "/stream": {"get": {"operationId": "exportThings", "responses": _answer("application/x-ndjson", THING)}},
    "/headers": {
        "post": {
            "operationId": "sendForm",
            "requestBody": _form(
                {"type": "object", "properties": {"tags": ARRAY, "ids": ARRAY}},
                {"ids": {"style": "form", "explode": False}},
            ),
            "responses": DONE,
        }
    },
    "/jobs/{job_identifier}": {"get": {"operationId": "getJob", "responses": _answer("application/json", THING)}},
    "/pings": {"post": {"operationId": "ping", "requestBody": _form({"type": "object"}), "responses": DONE}},
    "/notes": {
        "post": {
            "operationId": "note",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
            "responses": DONE,
        }
    },
}
DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "Wire", "version": "1"},
    "servers": [{"url": BASE}],
    "paths": PATHS,
    "components": {"schemas": {"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}},
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_into(tmp_path_factory.mktemp("wire"), DOCUMENT)


@pytest.fixture(scope="module")
def wire(generated: Path) -> Iterator[ModuleType]:
    with imported(generated, "wire") as module:
        yield module


@pytest.fixture
def client(wire: ModuleType) -> Iterator[Any]:
    with wire.Client(base_url=BASE, max_retries=0) as c:
        yield c


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock


def _query(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.url.query.decode(), keep_blank_values=True)


def test_resources_named_like_runtime_names_are_classes_of_other_names(wire: ModuleType, client: Any) -> None:
    assert type(client.query).__name__ == "QueryResource" and type(client.stream).__name__ == "StreamResource"
    assert type(client.headers).__name__ == "HeadersResource"


def test_an_undeclared_path_placeholder_is_a_positional_argument(client: Any, router: respx.MockRouter) -> None:
    route = router.get("/jobs/j%2F1").respond(200, json={"id": "j/1"})
    assert client.jobs.retrieve("j/1").id == "j/1"
    assert route.called


def test_an_optional_body_left_out_sends_none(client: Any, router: respx.MockRouter) -> None:
    """An empty form body or an optional JSON body, left out: no ``'NoneType' object has no attribute 'items'``."""
    pings = router.post("/pings").respond(204)
    notes = router.post("/notes").respond(204)
    assert client.pings.create() is None and client.notes.create() is None
    assert pings.calls.last.request.content == b"" and notes.calls.last.request.content == b""
    client.pings.create(body={"a": "1"})
    assert pings.calls.last.request.content == b"a=1"


def test_a_wildcard_json_response_is_parsed_into_its_type(client: Any, router: respx.MockRouter) -> None:
    """stackexchange answers ``*/*`` with JSON: a model comes back, with the documented ``Request-Id``."""
    router.get("/query").respond(
        200, content=b'{"id": "t1"}', headers={"content-type": "text/plain", "Request-Id": "r1"}
    )
    thing = client.query.retrieve()
    assert thing.id == "t1"
    assert thing._request_id == "r1"


def test_a_json_lines_response_is_the_list_of_its_lines(client: Any, router: respx.MockRouter) -> None:
    route = router.get("/stream").respond(
        200, content=b'{"id": "a"}\n\n{"id": "b"}\n', headers={"content-type": "application/x-ndjson"}
    )
    assert [t.id for t in client.stream.retrieve()] == ["a", "b"]
    assert route.calls.last.request.headers["accept"] == "application/x-ndjson"
    route.respond(200, content=b'{"id": "c"}\n', headers={"content-type": "application/octet-stream"})
    assert [t.id for t in client.stream.retrieve()] == ["c"]  # the Accept asked for JSON Lines


@pytest.mark.anyio
async def test_a_json_lines_response_async(wire: ModuleType, router: respx.MockRouter) -> None:
    router.get("/stream").respond(
        200, content=b'{"id": "a"}\n{"id": "b"}', headers={"content-type": "application/jsonl"}
    )
    async with wire.AsyncClient(base_url=BASE, max_retries=0) as client:
        assert [t.id for t in await client.stream.retrieve()] == ["a", "b"]


def test_query_arrays_by_style(client: Any, router: respx.MockRouter) -> None:
    route = router.get("/query").respond(200, json={"id": "t"})
    client.query.retrieve(expand=["a", "b"], ids=["1", "2"], words=["x", "y"])
    assert _query(route.calls.last.request) == {
        "expand[0]": ["a"],
        "expand[1]": ["b"],
        "ids": ["1|2"],
        "words": ["x y"],
    }


def test_query_objects_and_header_arrays_by_openapi_defaults(client: Any, router: respx.MockRouter) -> None:
    """An object query argument is exploded (``style: form``): its fields are keys (``R=1&G=2``), or with
    ``explode: false`` one value ``R,1,G,2``; a header list is ``style: simple``: ``a,b`` (never a Python repr)."""
    route = router.get("/query").respond(200, json={"id": "t"})
    client.query.retrieve(color={"R": 1, "G": 2}, rgb={"R": 3, "G": 4}, x_tags=["a", "b"])
    request = route.calls.last.request
    assert _query(request) == {"R": ["1"], "G": ["2"], "rgb": ["R,3,G,4"]}
    assert request.headers["x-tags"] == "a,b"


def test_form_arrays_by_encoding(client: Any, router: respx.MockRouter) -> None:
    route = router.post("/headers").respond(204)
    client.headers.create(tags=["a", "b"], ids=["1", "2"])
    assert parse_qs(route.calls.last.request.content.decode()) == {"tags": ["a", "b"], "ids": ["1,2"]}


def test_the_request_id_is_read_from_the_documented_header(
    wire: ModuleType, client: Any, router: respx.MockRouter
) -> None:
    router.get("/jobs/j1").respond(404, json={"message": "no"}, headers={"Request-Id": "req-404"})
    with pytest.raises(wire.NotFoundError) as caught:
        client.jobs.retrieve("j1")
    assert caught.value.request_id == "req-404"


@pytest.mark.slow
@needs_pyright
def test_the_package_passes_pyright(generated: Path) -> None:
    assert pyright_errors(generated) == []
