"""A body offered as JSON and as multipart whose files only the multipart schema declares (OpenAI's
``images.edit``: JSON takes image references, multipart the images): the files are arguments too, a call that passes
one goes as multipart, and a field both schemas declare (``mask``: a reference or a file) is one argument."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.runtime.recording import multipart_parts, recorded
from tests.support import generate_into, imported

BASE = "http://images.test"
DOCUMENT = f"""
openapi: 3.1.0
info: {{title: Pictures, version: "1"}}
servers: [{{url: "{BASE}"}}]
paths:
  /images/edits:
    post:
      operationId: createImageEdit
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: {{$ref: "#/components/schemas/EditMultipart"}}
          application/json:
            schema: {{$ref: "#/components/schemas/EditJson"}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {{type: object, properties: {{created: {{type: integer}}}}}}
components:
  schemas:
    ImageRef:
      type: object
      properties: {{image_url: {{type: string}}, file_id: {{type: string}}}}
    EditJson:
      type: object
      required: [images, prompt]
      properties:
        images: {{type: array, items: {{$ref: "#/components/schemas/ImageRef"}}}}
        prompt: {{type: string}}
        mask: {{$ref: "#/components/schemas/ImageRef"}}
    EditMultipart:
      type: object
      required: [image, prompt]
      properties:
        image:
          anyOf:
            - {{type: string, format: binary}}
            - {{type: array, items: {{type: string, format: binary}}}}
        prompt: {{type: string}}
        mask: {{type: string, format: binary}}
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_into(tmp_path_factory.mktemp("pictures"), DOCUMENT)


@pytest.fixture(scope="module")
def sdk(out: Path) -> Iterator[ModuleType]:
    with imported(out, "pictures") as package:
        yield package


def _created(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"created": 1})


@pytest.fixture
def sent() -> Iterator[list[httpx.Request]]:
    with recorded(BASE, _created, method="POST", path="/images/edits", assert_all_called=False) as requests:
        yield requests


def _parts(request: httpx.Request) -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {}
    for name, _, payload in multipart_parts(request):
        found.setdefault(name, []).append(payload)
    return found


def test_the_multipart_files_are_arguments_and_each_field_is_one(sdk: Any, out: Path) -> None:
    with sdk.Client() as client:
        signature = inspect.signature(type(client.images.edits).create)
    names = [p for p in signature.parameters if p not in ("self", "extra_headers", "extra_query", "extra_body")]
    assert names[:4] == ["prompt", "images", "mask", "image"]  # required first
    annotations = {name: str(signature.parameters[name].annotation) for name in names[:4]}
    # no argument is required by one body only: a call sends one of the two
    assert "NotGiven" in annotations["images"] and "NotGiven" in annotations["image"]
    assert annotations["prompt"] == "str"
    assert "FileTypes" in annotations["image"] and "list[FileTypes]" in annotations["image"]
    assert annotations["mask"] == "edit_create_params.Mask | UncheckedDict | NotGiven"
    params = (out / "src/pictures/types/images/edit_create_params.py").read_text(encoding="utf-8")
    assert "Mask: TypeAlias = ImageRefParam | FileTypes" in params  # a reference (JSON) or a file (multipart)


def test_a_file_only_multipart_declares_makes_the_body_multipart(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=0) as client:
        client.images.edits.create(image=[b"one", b"two"], mask=b"m", prompt="add a hat")
    assert sent[0].headers["content-type"].startswith("multipart/form-data; boundary=")
    assert _parts(sent[0]) == {"prompt": [b"add a hat"], "image": [b"one", b"two"], "mask": [b"m"]}


@pytest.mark.anyio
async def test_a_field_both_declare_is_a_reference_in_json_or_a_file_in_multipart(
    sdk: Any, sent: list[httpx.Request]
) -> None:
    async with sdk.AsyncClient(max_retries=0) as client:
        await client.images.edits.create(images=[{"file_id": "f1"}], mask={"image_url": "u"}, prompt="p")
    assert sent[0].headers["content-type"] == "application/json"
    assert json.loads(sent[0].content) == {"images": [{"file_id": "f1"}], "prompt": "p", "mask": {"image_url": "u"}}
    async with sdk.AsyncClient(max_retries=0) as client:
        await client.images.edits.create(images=[{"file_id": "f1"}], mask=b"m", prompt="p")  # the mask as a file
    assert _parts(sent[1]) == {"images": [b'{"file_id":"f1"}'], "prompt": [b"p"], "mask": [b"m"]}
