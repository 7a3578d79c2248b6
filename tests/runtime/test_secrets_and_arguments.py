"""Secrets outside text (a pickled error, a traceback's locals, an echoed body) and arguments refused before sending
(an idempotency key, an API key or a base URL with whitespace, a ``str`` as a file, an empty path value), issue 22;
errors that read like the official SDK's (issue 25); an idempotency header an operation declares."""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from types import FrameType, ModuleType, TracebackType
from typing import Any

import httpx
import pytest
import respx
from finetuning import APIConnectionError, BadRequestError, Client, InternalServerError, InvalidRequestError
from finetuning._base_client import RequestOptions
from finetuning._utils import path_template

from tests.runtime.conftest import runtime_module
from tests.support import FIXTURES

KEY = "sk-live-Secret0123456789abcdef"
BASE = "http://api.test"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINETUNING_BASE_URL", raising=False)
    monkeypatch.delenv("FINETUNING_API_KEY", raising=False)


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Client, "_sleep", lambda self, seconds: None)


def echoing_error(request: httpx.Request) -> httpx.Response:
    """A 500 whose body echoes the key the request carried, as some servers do."""
    echoed = request.headers["authorization"].removeprefix("Bearer ")
    return httpx.Response(500, json={"error": {"message": f"bad key {echoed}", "code": "boom"}})


# -- secrets outside text ---------------------------------------------------------------------------------------


def test_a_pickled_error_holds_no_credential(no_sleep: None) -> None:
    with respx.mock(base_url=BASE) as mock:
        mock.get("/fine_tuning/jobs/j").mock(side_effect=echoing_error)
        with pytest.raises(InternalServerError) as info:
            Client(api_key=KEY, base_url=BASE, max_retries=0).fine_tuning.jobs.retrieve("j")
    blob = pickle.dumps(info.value)
    assert KEY.encode() not in blob  # main: authorization: Bearer sk-... in the request's headers
    restored = pickle.loads(blob)
    assert type(restored) is InternalServerError and str(restored) == str(info.value)
    assert restored.status_code == 500 and restored.code == "boom" and restored.body == info.value.body
    assert restored.request.url == info.value.request.url and restored.request.headers["authorization"] != ""
    assert restored.response.status_code == 500 and "boom" in restored.response.text


def test_the_body_a_server_echoed_is_redacted(no_sleep: None) -> None:
    with respx.mock(base_url=BASE) as mock:
        mock.get("/fine_tuning/jobs/j").mock(side_effect=echoing_error)
        with pytest.raises(InternalServerError) as info:
            Client(api_key=KEY, base_url=BASE, max_retries=0).fine_tuning.jobs.retrieve("j")
    assert info.value.body == {"message": "bad key <redacted>", "code": "boom"}


def _frames(error: BaseException) -> Iterator[FrameType]:
    """Every frame of the error's traceback and of its causes' and contexts' tracebacks."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        tb: TracebackType | None = current.__traceback__
        while tb is not None:
            yield tb.tb_frame
            tb = tb.tb_next
        pending += [current.__cause__, current.__context__]


def _sdk_locals(error: BaseException) -> list[str]:
    """``repr`` of every local of the SDK's own frames, as ``pytest -l``, rich or Sentry show them."""
    return [
        f"{frame.f_code.co_name}: {name} = {value!r}"
        for frame in _frames(error)
        if frame.f_globals.get("__name__", "").startswith("finetuning")
        for name, value in frame.f_locals.items()
    ]


class QueryKeyClient(Client):
    _security = ("query", "api_key")


REFUSED = {"X-Trace": "a\r\nb"}


@pytest.mark.parametrize("make", [Client, QueryKeyClient], ids=["bearer", "query-key"])
@pytest.mark.parametrize(
    "base_url, headers",
    [(BASE, None), (BASE, REFUSED), ("http://127.0.0.1:9", None)],
    ids=["status", "refused", "down"],
)
def test_no_local_of_the_sdks_frames_shows_the_key(
    no_sleep: None, make: type[Client], base_url: str, headers: dict[str, str] | None
) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        mock.get("/fine_tuning/jobs/j").respond(500, json={"error": {"message": "down"}})
        mock.route(host="127.0.0.1").mock(side_effect=httpx.ConnectError("refused"))
        with pytest.raises((InternalServerError, InvalidRequestError, APIConnectionError)) as info:
            make(api_key=KEY, base_url=base_url, max_retries=0).fine_tuning.jobs.retrieve("j", extra_headers=headers)
    shown = _sdk_locals(info.value)
    assert shown and not [line for line in shown if KEY in line]  # main: headers = {..., 'Authorization': ...}


# -- errors that read like the official SDK's -------------------------------------------------------------------


def test_a_status_error_reads_like_the_official_sdks() -> None:
    envelope = {"error": {"message": "Invalid  value:\n'x'", "type": "invalid_request_error", "param": "model"}}
    with respx.mock(base_url=BASE) as mock:
        mock.get("/fine_tuning/jobs/j").respond(400, json=envelope)
        with pytest.raises(BadRequestError) as info:
            Client(api_key=KEY, base_url=BASE).fine_tuning.jobs.retrieve("j")
    assert str(info.value) == f"Error code: 400 - {envelope!r}"  # main: the message's double space was collapsed
    assert info.value.body == envelope["error"] and info.value.param == "model"


@pytest.mark.parametrize("value", ["", [], ()])
def test_an_empty_path_value_is_refused_as_the_official_sdks_do(value: object) -> None:
    with pytest.raises(ValueError) as info:
        path_template("/fine_tuning/jobs/{job_id}", job_id=value)  # main: "/fine_tuning/jobs/", another endpoint
    assert str(info.value) == f"Expected a non-empty value for `job_id` but received {value!r}"


# -- arguments refused before sending ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", [" " + KEY, KEY + " ", "\t" + KEY])
def test_an_api_key_with_whitespace_at_either_end_is_refused(key: str) -> None:
    with pytest.raises(InvalidRequestError) as info:
        Client(api_key=key, base_url=BASE)  # main: a leading space was sent, as "Bearer  sk-..."
    assert "'Authorization' header" in str(info.value) and "start or end" in str(info.value)
    assert KEY not in str(info.value)


@pytest.mark.parametrize("base_url", [BASE + "/v1 ", " " + BASE + "/v1", BASE + "/v1\n"])
def test_a_base_url_with_whitespace_at_either_end_is_refused(base_url: str) -> None:
    with pytest.raises(InvalidRequestError, match="whitespace at its start or end"):
        Client(api_key=KEY, base_url=base_url)  # main: requests went to /v1%20/...


@pytest.mark.parametrize("file", ["report.pdf", ("report.pdf", "text, not bytes"), 3])
def test_something_that_is_not_a_file_is_a_clear_type_error(file: object) -> None:
    files = runtime_module("_files")
    with pytest.raises(TypeError, match="`file` must be bytes, a path"):  # main: AttributeError: 'str' ... 'read'
        files.multipart_files({"file": file})


def test_a_file_opened_in_text_mode_is_a_clear_type_error(tmp_path: Any) -> None:
    files = runtime_module("_files")
    path = tmp_path / "a.txt"
    path.write_text("text")
    with path.open() as handle, pytest.raises(TypeError, match="binary mode"):
        files.multipart_files({"file": handle})


@pytest.fixture(scope="module")
def zoo() -> Iterator[ModuleType]:
    sys.path.insert(0, str(FIXTURES / "zoo" / "expected" / "src"))
    try:
        import zoo

        yield zoo
    finally:
        sys.path.remove(str(FIXTURES / "zoo" / "expected" / "src"))


@pytest.mark.parametrize("key", ["k1\r\nX-Injected: 1", " k1", "k\u00e91"])
def test_an_idempotency_key_http_cannot_carry_is_refused_at_once(zoo: ModuleType, key: str) -> None:
    with respx.mock(base_url="http://zoo.test", assert_all_called=False) as mock:
        route = mock.post("/animals").respond(503)
        client = zoo.Client(base_url="http://zoo.test", max_retries=2)
        with pytest.raises(zoo.InvalidRequestError, match="Idempotency-Key"):
            client.animals.create(body=zoo.types.Cat(kind="cat", name="Tom"), idempotency_key=key)
    assert route.call_count == 0  # main: sent and retried twice, then APIConnectionError


# -- an idempotency header the operation declares ---------------------------------------------------------------


def test_an_operation_that_declares_an_idempotency_header_sends_one_key_on_every_retry(no_sleep: None) -> None:
    client = Client(api_key=KEY, base_url=BASE, max_retries=2)
    options = RequestOptions(method="post", path="/payments", json={}, idempotency_header="Idempotency-Key")
    with respx.mock(base_url=BASE) as mock:
        route = mock.post("/payments").mock(side_effect=[httpx.Response(503), httpx.Response(200, json={})])
        client.request(object, options)
        keys = [call.request.headers.get("Idempotency-Key") for call in route.calls]
        assert len(keys) == 2 and keys[0] == keys[1] and keys[0] and keys[0].startswith("finetuning-retry-")

        route.mock(side_effect=None, return_value=httpx.Response(200, json={}))
        client.request(object, RequestOptions(**{**options.__dict__, "headers": {"idempotency-key": "mine"}}))
        assert route.calls.last.request.headers.get_list("idempotency-key") == ["mine"]  # the caller's, alone
        client.request(object, RequestOptions(method="post", path="/payments", json={}))
        assert "Idempotency-Key" not in route.calls.last.request.headers  # declared nowhere, sent nowhere
