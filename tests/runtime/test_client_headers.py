"""Client options the document cannot express (``client_headers`` in the config): each is a constructor argument, sent
as its header with every request, defaulting to its environment variable; ``copy`` changes it; an explicit
``default_headers`` entry still wins."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.runtime.recording import recorded
from tests.support import generate_into, imported

BASE = "http://orgs.test"
DOCUMENT = """
openapi: 3.1.0
info: {title: Orgs, version: "1"}
servers: [{url: "http://orgs.test"}]
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: ok}}
"""
CONFIG = """
client_headers:
  organization: {header: Acme-Organization, env: ACME_ORG_ID}
  project: {header: Acme-Project}
"""


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with imported(generate_into(tmp_path_factory.mktemp("orgs"), DOCUMENT, CONFIG), "orgs") as package:
        yield package


@pytest.fixture
def sent() -> Iterator[list[httpx.Request]]:
    with recorded(BASE, lambda _: httpx.Response(204), method="GET", path="/things/t1") as requests:
        yield requests


def _header(request: httpx.Request, name: str) -> str | None:
    return request.headers.get(name)


def test_an_argument_is_sent_as_its_header(sdk: Any, sent: list[httpx.Request], monkeypatch: Any) -> None:
    monkeypatch.delenv("ACME_ORG_ID", raising=False)
    with sdk.Client(organization="org-1") as client:
        client.things.retrieve("t1")
        assert client.organization == "org-1" and client.project is None
    assert _header(sent[0], "acme-organization") == "org-1" and _header(sent[0], "acme-project") is None


def test_the_environment_is_the_default_and_the_argument_beats_it(
    sdk: Any, sent: list[httpx.Request], monkeypatch: Any
) -> None:
    monkeypatch.setenv("ACME_ORG_ID", "org-env")
    with sdk.Client(project="p-1") as client:
        client.things.retrieve("t1")
    with sdk.Client(organization="org-arg") as client:
        client.things.retrieve("t1")
    assert [_header(r, "acme-organization") for r in sent] == ["org-env", "org-arg"]
    assert _header(sent[0], "acme-project") == "p-1"


def test_copy_changes_it_and_default_headers_still_win(sdk: Any, sent: list[httpx.Request], monkeypatch: Any) -> None:
    monkeypatch.delenv("ACME_ORG_ID", raising=False)
    with sdk.Client(organization="org-1") as client:
        client.copy(organization="org-2").things.retrieve("t1")
        client.with_options(default_headers={"Acme-Organization": "org-3"}).things.retrieve("t1")
        client.things.retrieve("t1")
    assert [_header(r, "acme-organization") for r in sent] == ["org-2", "org-3", "org-1"]


def test_the_constructor_documents_them(sdk: Any) -> None:
    doc = sdk.Client.__doc__ or ""
    assert "organization: Sent as the ``Acme-Organization`` header" in " ".join(doc.split())
    assert "``ACME_ORG_ID`` environment variable" in " ".join(doc.split())
