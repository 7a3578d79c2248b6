"""A document that declares no security scheme, with ``api_key_header`` in the config: the client takes an API key
(argument, else its environment variable), sends it in that header and redacts it; ``Authorization`` sends it as a
bearer token; a document with its own scheme keeps it, with a warning at the option."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.api import parser
from generator.api.config import parse_config
from generator.inputs.document import Document
from tests.runtime.recording import recorded
from tests.support import generate_into, imported

BASE = "http://keys.test"
DOCUMENT = """
openapi: 3.1.0
info: {title: Keyed, version: "1"}
servers: [{url: "http://keys.test"}]
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: ok}}
"""


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with imported(
        generate_into(tmp_path_factory.mktemp("keyed"), DOCUMENT, "api_key_header: x-api-key\n"), "keyed"
    ) as package:
        yield package


@pytest.fixture
def sent() -> Iterator[list[httpx.Request]]:
    with recorded(BASE, lambda _: httpx.Response(204), method="GET", path="/things/t1") as requests:
        yield requests


def test_the_key_goes_in_the_configured_header(sdk: Any, sent: list[httpx.Request], monkeypatch: Any) -> None:
    monkeypatch.setenv("KEYED_API_KEY", "sk-from-env")
    with sdk.Client() as client:
        client.things.retrieve("t1")
    with sdk.Client(api_key="sk-given") as client:
        client.things.retrieve("t1")
    assert [r.headers.get("x-api-key") for r in sent] == ["sk-from-env", "sk-given"]
    assert "authorization" not in sent[0].headers
    assert "x-api-key" in sdk._constants.SENSITIVE_HEADERS


def test_without_a_key_the_client_says_where_to_put_one(sdk: Any, monkeypatch: Any) -> None:
    monkeypatch.delenv("KEYED_API_KEY", raising=False)
    with pytest.raises(sdk.MissingAPIKeyError, match="KEYED_API_KEY"):
        sdk.Client()


def _auth(config: dict[str, Any], document: str = DOCUMENT) -> tuple[str, str, list[str]]:
    import yaml  # noqa: PLC0415

    doc = Document(yaml.safe_load(document), "openapi.yaml")
    result = parser.parse(doc, parse_config(config, "sdk.yaml", doc))
    warned = [p.pointer for p in result.problems.warnings if p.file == "sdk.yaml"]
    return result.api.auth.kind, result.api.auth.name, warned


def test_authorization_is_a_bearer_token_and_a_documents_own_scheme_wins() -> None:
    assert _auth({"api_key_header": "Authorization"})[:2] == ("bearer", "")
    assert _auth({}) == ("none", "", [])
    declared = DOCUMENT + "components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\n"
    assert _auth({"api_key_header": "x-api-key"}, declared) == ("header", "X-Key", ["/api_key_header"])
