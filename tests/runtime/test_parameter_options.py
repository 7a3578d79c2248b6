"""The config's ``parameters``: a header the document declares as a string taken as ``list[str]`` and sent
comma-joined (``anthropic-beta`` as ``betas``), a parameter renamed in the signature while the wire keeps its name,
and an entry that names no parameter of the document, an error at its place in the config."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import respx
import yaml

from generator.api.config import parse_config
from generator.api.parser import parse
from generator.core.errors import GenerationError
from generator.inputs.document import Document
from tests.support import generate_into, imported

BASE = "http://messages.test"
DOCUMENT = f"""
openapi: 3.1.0
info: {{title: Chat, version: "1"}}
servers: [{{url: "{BASE}"}}]
paths:
  /messages:
    get:
      operationId: listMessages
      parameters:
        - {{name: anthropic-beta, in: header, schema: {{type: string}}, description: Beta features.}}
        - {{name: thread-id, in: query, required: true, schema: {{type: string}}, description: The thread.}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {{type: object, properties: {{count: {{type: integer}}}}}}
"""
CONFIG = """
parameters:
  anthropic-beta: {name: betas, list: true}
  thread-id: {name: conversation}
"""


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = generate_into(tmp_path_factory.mktemp("chat"), DOCUMENT, CONFIG)
    with imported(out, "chat") as package:
        yield package


def test_a_list_goes_comma_joined_into_the_header_and_the_renamed_argument_keeps_its_wire_name(sdk: Any) -> None:
    with respx.mock(base_url=BASE) as router:
        route = router.get("/messages").mock(return_value=httpx.Response(200, json={"count": 1}))
        with sdk.Client(max_retries=0) as client:
            client.messages.list(conversation="t1", betas=["a", "b"])
    request: httpx.Request = route.calls[0].request
    assert request.headers["anthropic-beta"] == "a,b"
    assert request.url.params["thread-id"] == "t1"


def test_the_signature_and_docstring_name_the_arguments_the_config_gives(sdk: Any) -> None:
    with sdk.Client() as client:
        method = type(client.messages).list
    parameters = inspect.signature(method).parameters
    assert parameters["betas"].annotation == "list[str] | NotGiven"
    assert parameters["conversation"].annotation == "str"
    assert "thread_id" not in parameters and "anthropic_beta" not in parameters
    assert "conversation:" in (method.__doc__ or "") and "betas:" in (method.__doc__ or "")


def _problems(config: str, tmp_path: Path) -> list[str]:
    settings = parse_config(yaml.safe_load(config), str(tmp_path / "sdk.yaml"))
    with pytest.raises(GenerationError) as raised:
        parse(Document(yaml.safe_load(DOCUMENT), "openapi.yaml"), settings)
    return [str(p) for p in raised.value.problems]


def test_an_entry_that_names_no_parameter_is_an_error_at_its_place(tmp_path: Path) -> None:
    (problem,) = _problems("parameters:\n  anthropic-betas: {name: betas}\n", tmp_path)
    assert problem.startswith(f"{tmp_path / 'sdk.yaml'}#/parameters/anthropic-betas: error: no operation has")
    assert "did you mean 'anthropic-beta'?" in problem


def test_a_list_of_what_is_not_a_string_and_a_bad_name_are_errors(tmp_path: Path) -> None:
    with pytest.raises(GenerationError) as raised:
        parse_config({"parameters": {"thread-id": {"name": "no good"}}}, "sdk.yaml")
    assert "'no good' is not an argument name" in str(raised.value.problems[0])
    document = DOCUMENT.replace("schema: {type: string}, description: The", "schema: {type: integer}, description: The")
    settings = parse_config({"parameters": {"thread-id": {"list": True}}}, "sdk.yaml")
    with pytest.raises(GenerationError) as found:
        parse(Document(yaml.safe_load(document), "openapi.yaml"), settings)
    assert str(found.value.problems[0]).startswith("sdk.yaml#/parameters/thread-id/list: error: the query parameter")
