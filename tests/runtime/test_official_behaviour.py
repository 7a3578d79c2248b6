"""What users of the official SDKs rely on once a call is made (issue 25), on an SDK generated from
``official_spec.py``: lists iterate their items, an error event inside a stream raises, binary results and raw
responses have the official attributes, and the package exports the official names."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import respx

from tests.runtime.conftest import runtime_module
from tests.runtime.official_spec import DOCUMENT
from tests.support import GENERATED, generate_into, imported, needs_pyright, pyright_errors

BASE = "https://official.test/v1"
MODELS = {
    "object": "list",
    "data": [{"id": "m1", "object": "model", "owned_by": "o"}, {"id": "m2", "object": "model", "owned_by": "o"}],
}
EMBEDDINGS = {
    "object": "list",
    "data": [{"index": 0, "embedding": [0.5]}, {"index": 1, "embedding": [1.5]}],
    "model": "e",
}


@pytest.fixture(scope="module")
def official(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with imported(generate_into(tmp_path_factory.mktemp("official"), DOCUMENT), "official") as module:
        yield module


@pytest.fixture
def client(official: ModuleType) -> Iterator[Any]:
    with respx.mock, official.Client(api_key="k", max_retries=0) as c:
        yield c


# -- lists --------------------------------------------------------------------------------------------------------


def test_a_list_returned_whole_iterates_its_items(client: Any) -> None:
    respx.get(f"{BASE}/models").respond(200, json=MODELS, headers={"x-request-id": "req_m"})
    assert [m.id for m in client.models.list()] == ["m1", "m2"]
    assert client.models.list()._request_id == "req_m"


def test_a_list_shaped_model_iterates_its_items_and_other_models_their_fields(client: Any) -> None:
    respx.post(f"{BASE}/embeddings").respond(200, json=EMBEDDINGS)
    response = client.embeddings.create(input="x")
    assert type(response).__name__ == "CreateEmbeddingResponse" and response.model == "e"
    assert [e.index for e in response] == [0, 1]
    respx.post(f"{BASE}/completions").respond(200, json={"id": "c", "choices": []})
    assert dict(client.completions.create(prompt="x")) == {"id": "c", "choices": []}  # "choices" is not a list's name


# -- streams ------------------------------------------------------------------------------------------------------


def _events(*data: str) -> httpx.Response:
    body = "".join(f"data: {d}\n\n" for d in data).encode()
    return httpx.Response(200, content=body, headers={"content-type": "text/event-stream"})


def test_an_error_inside_a_stream_raises_api_error_with_its_message(client: Any, official: ModuleType) -> None:
    chunk = '{"id": "c1", "choices": [{"text": "hi"}]}'
    respx.post(f"{BASE}/completions").mock(return_value=_events(chunk, '{"error": {"message": "overloaded"}}'))
    seen: list[str] = []
    with pytest.raises(official.APIError) as info:
        for part in client.completions.create(prompt="x", stream=True):
            seen.append(part.id)
    assert seen == ["c1"]
    assert info.value.message == "overloaded" and info.value.body == {"message": "overloaded"}
    respx.post(f"{BASE}/completions").mock(return_value=_events('{"error": "nope"}'))
    with pytest.raises(official.APIError, match="An error occurred during streaming"):
        list(client.completions.create(prompt="x", stream=True))


# -- binary results -----------------------------------------------------------------------------------------------


def test_a_binary_result_has_the_official_methods(client: Any, tmp_path: Path) -> None:
    respx.get(f"{BASE}/files/f1/content").respond(
        200, content=b'{"a": 1}', headers={"content-type": "application/json"}
    )
    body = client.files.content("f1")
    assert body.content == b'{"a": 1}' and body.text == '{"a": 1}' and body.json() == {"a": 1}
    assert body.read() == b'{"a": 1}' and b"".join(body.iter_bytes(3)) == b'{"a": 1}'
    body.write_to_file(tmp_path / "a")
    body.stream_to_file(tmp_path / "b")
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes() == b'{"a": 1}'
    body.close()


@pytest.mark.anyio
async def test_an_async_binary_result_too(official: ModuleType, tmp_path: Path) -> None:
    with respx.mock:
        respx.get(f"{BASE}/files/f1/content").respond(200, content=b"abc")
        async with official.AsyncClient(api_key="k") as c:
            body = await c.files.content("f1")
            assert [chunk async for chunk in body.aiter_bytes()] == [b"abc"]
            await body.astream_to_file(tmp_path / "f")
    assert (tmp_path / "f").read_bytes() == b"abc"


# -- raw responses -------------------------------------------------------------------------------------------------


def test_a_raw_response_has_text_and_content_and_parses_to_any_type(client: Any, official: ModuleType) -> None:
    respx.get(f"{BASE}/models").respond(200, json=MODELS, headers={"x-request-id": "req_r"})
    raw = client.models.with_raw_response.list()
    assert raw.content.startswith(b'{"object"') and raw.text.startswith('{"object"')
    assert raw.text() == raw.text  # the earlier call form keeps working
    assert raw.parse(to=httpx.Response) is raw.http_response
    assert raw.parse(to=dict)["object"] == "list"
    assert raw.parse(to=official.types.ListModelsResponse).data[1].id == "m2"
    page = raw.parse()
    assert [m.id for m in page] == ["m1", "m2"] and page._request_id == "req_r"
    assert raw.parse() is page


# -- the package's names -------------------------------------------------------------------------------------------


def test_the_package_exports_the_official_defaults(official: ModuleType) -> None:
    from official import _constants

    assert official.DEFAULT_MAX_RETRIES == _constants.DEFAULT_MAX_RETRIES
    assert official.DEFAULT_TIMEOUT == _constants.DEFAULT_TIMEOUT
    with official.DefaultHttpxClient(headers={"x-extra": "1"}) as http:
        assert isinstance(http, httpx.Client) and http.timeout == official.DEFAULT_TIMEOUT
        with respx.mock:
            route = respx.get(f"{BASE}/models").respond(200, json=MODELS)
            with official.Client(api_key="k", http_client=http) as c:
                c.models.list()
            assert route.calls.last.request.headers["x-extra"] == "1"
    assert issubclass(official.DefaultAsyncHttpxClient, httpx.AsyncClient)
    assert {"DefaultHttpxClient", "DefaultAsyncHttpxClient", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT"} <= set(
        official.__all__
    )


def test_the_runtime_looks_for_a_lists_items_where_pagination_does() -> None:
    from generator.api.pagination import shapes

    assert runtime_module("_models").ITEM_FIELDS == shapes.ITEM_NAMES


@pytest.mark.slow
@needs_pyright
def test_a_misspelt_type_import_is_an_error_to_pyright(tmp_path: Path) -> None:
    (tmp_path / "pyrightconfig.json").write_text(json.dumps({"extraPaths": [str(GENERATED / "src")]}), "utf-8")
    (tmp_path / "use.py").write_text(
        "from finetuning.types import FineTuningJb, FineTuningJob\n\nprint(FineTuningJob, FineTuningJb)\n", "utf-8"
    )
    errors = pyright_errors(tmp_path)
    assert [(e["range"]["start"]["line"], "FineTuningJb" in str(e["message"])) for e in errors] == [(0, True)]  # type: ignore[index]


def test_raw_and_streamed_responses_pass_arguments_named_like_the_wrappers_own() -> None:
    """An operation may have arguments named ``mode`` or ``func`` (a moderation mode, a function name): the raw and
    streaming wrappers pass them on instead of taking them for their own (``got multiple values for argument``)."""
    response = runtime_module("_response")
    seen: list[dict[str, object]] = []

    class Closing:
        def close(self) -> None: ...

        async def aclose(self) -> None: ...

    def call(**kwargs: object) -> Closing:
        seen.append(kwargs)
        return Closing()

    async def acall(**kwargs: object) -> Closing:
        return call(**kwargs)

    response.to_raw_response_wrapper(call)(mode="fast", func="f")
    with response.to_streamed_response_wrapper(call)(mode="fast", func="f"):
        pass
    asyncio.run(response.async_to_raw_response_wrapper(acall)(mode="fast", func="f"))
    assert seen == [{"mode": "fast", "func": "f"}] * 3
