"""An operation that declares an idempotency header (``Idempotency-Key``) gets a key from the client when the call
passes none, the same on every retry, so a POST the server received before the connection dropped is not done twice;
a key the call passes is sent as it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import respx

from tests.support import generate_into, imported

BASE = "http://pay.test"
DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Payments", "version": "1"},
    "servers": [{"url": BASE}],
    "paths": {
        "/payments": {
            "post": {
                "operationId": "createPayment",
                "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "properties": {"amount": {"type": "integer"}}}
                        }
                    }
                },
                "responses": {"204": {"description": "ok"}},
            }
        }
    },
}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out: Path = generate_into(tmp_path_factory.mktemp("payments"), DOCUMENT)
    with imported(out, "payments") as package:
        yield package


@pytest.fixture
def sent() -> Iterator[list[httpx.Request]]:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(503 if len(requests) == 1 else 204)

    with respx.mock(base_url=BASE) as router:
        router.post("/payments").mock(side_effect=answer)
        yield requests


def test_the_client_sends_one_key_on_every_retry(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=1) as client:
        client._sleep = lambda *_: None  # no backoff wait in the test
        client.payments.create(amount=5)
    keys = [r.headers.get("idempotency-key") for r in sent]
    assert len(keys) == 2 and keys[0] and keys[0] == keys[1]


def test_a_key_the_call_passes_is_sent_as_it_is(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=1) as client:
        client._sleep = lambda *_: None
        client.payments.create(amount=5, idempotency_key="mine-1")
    assert [r.headers.get("idempotency-key") for r in sent] == ["mine-1", "mine-1"]
