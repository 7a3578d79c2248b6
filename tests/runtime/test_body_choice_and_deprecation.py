"""A body offered as JSON and as multipart goes as multipart when a call passes a file (JSON otherwise), and a
deprecated operation warns when called and carries the PEP 702 marker that type checkers show."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.runtime.recording import multipart_parts, recorded
from tests.support import generate_into, imported, needs_pyright, pyright_errors

BASE = "http://files.test"
FILE = {"id": "cf-1", "name": "data.csv"}
DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Containers", "version": "1"},
    "servers": [{"url": BASE}],
    "paths": {
        "/containers/{container_id}/files": {
            "post": {
                "operationId": "createContainerFile",
                "parameters": [{"name": "container_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/FileBody"}},
                        "multipart/form-data": {"schema": {"$ref": "#/components/schemas/FileBody"}},
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContainerFile"}}},
                    }
                },
            }
        },
        "/containers/{container_id}/archive": {
            "post": {
                "operationId": "archiveContainer",
                "deprecated": True,
                "parameters": [{"name": "container_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContainerFile"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "FileBody": {
                "type": "object",
                "properties": {
                    "file_id": {"type": "string"},
                    "file": {"type": "string", "format": "binary"},
                    "meta": {"type": "object", "properties": {"tag": {"type": "string"}}},
                },
            },
            "ContainerFile": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
            },
        }
    },
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_into(tmp_path_factory.mktemp("containers"), DOCUMENT)


@pytest.fixture(scope="module")
def sdk(out: Path) -> Iterator[ModuleType]:
    with imported(out, "containers") as package:
        yield package


def _file(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=FILE)


@pytest.fixture
def sent() -> Iterator[list[httpx.Request]]:
    with recorded(BASE, _file, method="POST", url__regex=r"/containers/.*", assert_all_called=False) as sent:
        yield sent


def _parts(request: httpx.Request) -> dict[str, tuple[str | None, bytes]]:
    """Each part of a multipart request: its content type and payload, by field name."""
    return {name: (kind, payload) for name, kind, payload in multipart_parts(request)}


def test_without_a_file_the_body_is_json(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=0) as client:
        created = client.containers.files.create("c1", file_id="file-1", meta={"tag": "x"})
    assert created.id == "cf-1"
    assert sent[0].headers["content-type"] == "application/json"
    assert json.loads(sent[0].content) == {"file_id": "file-1", "meta": {"tag": "x"}}


def test_a_file_makes_the_body_multipart(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=0) as client:
        client.containers.files.create("c1", file=("data.csv", b"a,b\n", "text/csv"), meta={"tag": "x"})
    assert sent[0].headers["content-type"].startswith("multipart/form-data; boundary=")
    assert _parts(sent[0]) == {"meta": ("application/json", b'{"tag":"x"}'), "file": ("text/csv", b"a,b\n")}


@pytest.mark.anyio
async def test_async_reads_a_path_into_a_multipart_body(sdk: Any, sent: list[httpx.Request], tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello")
    async with sdk.AsyncClient(max_retries=0) as client:
        await client.containers.files.create("c1", file=path, file_id="file-1")
    parts = _parts(sent[0])
    assert parts["file"][1] == b"hello" and parts["file_id"] == (None, b"file-1")


@pytest.mark.anyio
async def test_a_deprecated_operation_warns_sync_and_async(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=0) as client:
        with pytest.warns(DeprecationWarning, match=r"client\.containers\.archive\(\)` is deprecated"):
            assert client.containers.archive("c1").id == "cf-1"
        with pytest.warns(DeprecationWarning):
            client.containers.with_raw_response.archive("c1")
    async with sdk.AsyncClient(max_retries=0) as client:
        with pytest.warns(DeprecationWarning):
            assert (await client.containers.archive("c1")).id == "cf-1"
    assert "is deprecated" in type(client.containers).archive.__deprecated__  # the PEP 702 marker
    assert len(sent) == 3


@pytest.mark.slow
@needs_pyright
def test_type_checkers_flag_a_deprecated_call_and_nothing_in_the_package(out: Path) -> None:
    (out / "usage.py").write_text(
        "from containers import Client\n\n"
        "client = Client()\n"
        "client.containers.files.create('c1', file=b'x')\n"
        "client.containers.archive('c1')\n",
        encoding="utf-8",
    )
    (out / "pyrightconfig.json").write_text(
        json.dumps({"include": ["src", "tests", "usage.py"], "typeCheckingMode": "strict", "extraPaths": ["src"]}),
        encoding="utf-8",
    )
    errors = pyright_errors(out)
    assert [(Path(str(e["file"])).name, e["rule"]) for e in errors] == [("usage.py", "reportDeprecated")]
