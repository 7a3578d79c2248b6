"""Idempotency keys, on the fixture SDK whose config names an idempotency header (``zoo``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest
import respx

from tests.support import FIXTURES

BASE = "http://zoo.test"
CAT = {"kind": "cat", "name": "Tom"}


@pytest.fixture(scope="module")
def zoo() -> Iterator[ModuleType]:
    sys.path.insert(0, str(FIXTURES / "zoo" / "expected" / "src"))
    try:
        import zoo

        yield zoo
    finally:
        sys.path.remove(str(FIXTURES / "zoo" / "expected" / "src"))


def _no_sleep(monkeypatch: pytest.MonkeyPatch, zoo: ModuleType) -> None:
    monkeypatch.setattr(zoo.Client, "_sleep", lambda self, seconds: None)


def test_one_key_across_the_retries_of_one_call(zoo: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_sleep(monkeypatch, zoo)
    with respx.mock(base_url=BASE) as mock:
        responses = [httpx.Response(503), httpx.Response(200, json=CAT), httpx.Response(200, json=CAT)]
        route = mock.post("/animals").mock(side_effect=responses)
        client = zoo.Client(base_url=BASE)
        animal = client.animals.create(body=zoo.types.Cat(kind="cat", name="Tom"))
        assert animal.name == "Tom"
        keys = [call.request.headers["Idempotency-Key"] for call in route.calls]
        assert len(keys) == 2 and keys[0] == keys[1] and keys[0].startswith("zoo-retry-")
        client.animals.create(body=zoo.types.Cat(kind="cat", name="Tom"))
        assert route.calls[-1].request.headers["Idempotency-Key"] != keys[0]  # a new call, a new key


def test_key_can_be_chosen_per_call(zoo: ModuleType) -> None:
    with respx.mock(base_url=BASE) as mock:
        route = mock.post("/animals").respond(200, json=CAT)
        zoo.Client(base_url=BASE).animals.create(body=zoo.types.Cat(kind="cat", name="Tom"), idempotency_key="k1")
        assert route.calls[0].request.headers["Idempotency-Key"] == "k1"


def test_get_requests_carry_no_key(zoo: ModuleType) -> None:
    with respx.mock(base_url=BASE) as mock:
        route = mock.get("/animals/a1").respond(200, json={"kind": "dog", "name": "Rex"})
        dog = zoo.Client(base_url=BASE).animals.retrieve("a1")
        assert type(dog).__name__ == "Dog"  # the discriminated union picked the right member
        assert "Idempotency-Key" not in route.calls[0].request.headers


@pytest.mark.anyio
async def test_async_key_is_reused_across_retries(zoo: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    async def no_sleep(self: object, seconds: float) -> None:
        return None

    monkeypatch.setattr(zoo.AsyncClient, "_sleep", no_sleep)
    with respx.mock(base_url=BASE) as mock:
        route = mock.post("/animals").mock(side_effect=[httpx.Response(429), httpx.Response(200, json=CAT)])
        async with zoo.AsyncClient(base_url=BASE) as client:
            await client.animals.create(body=zoo.types.Dog(kind="dog", name="Rex"))
        keys = {call.request.headers["Idempotency-Key"] for call in route.calls}
        assert len(route.calls) == 2 and len(keys) == 1
