"""The generated client under hostile conditions, against real loopback servers: no leaked secret, headers HTTP
cannot carry refused before sending, base URLs with a path and a query, redirects, deadlines, Retry-After values
that cannot be parsed, and every error inside the SDK's hierarchy with the original as ``__cause__``."""

from __future__ import annotations

import email.utils
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import anyio
import finetuning
import httpx
import pytest
from finetuning import AsyncClient, Client, FinetuningError, InvalidRequestError, RedirectError, Timeout
from finetuning._base_client import RequestOptions
from finetuning._retries import parse_retry_after

KEY = "sk-live-Secret0123456789abcdef"
PASSWORD = "hunter2-Pa55w0rd"
JOB = {"id": "ftjob-1", "object": "fine_tuning.job", "status": "running", "model": "m", "created_at": 1}
JOB_BODY = json.dumps(JOB).encode()


def ok(body: bytes = JOB_BODY, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"content-type": "application/json", **headers}, body


def texts(error: BaseException) -> list[str]:
    """str and repr of an error and of every error in its cause and context chain."""
    found: list[str] = []
    current: BaseException | None = error
    while current is not None:
        found += [str(current), repr(current)]
        current = current.__cause__ or current.__context__
    return found


def assert_no_secret(*text: str) -> None:
    for t in text:
        assert KEY not in t and PASSWORD not in t, t


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG, logger="finetuning")
    yield caplog


def log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records)


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINETUNING_BASE_URL", raising=False)
    monkeypatch.delenv("FINETUNING_API_KEY", raising=False)


# -- header values ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad_key", [KEY + "\n", KEY + "\r\n", KEY[:8] + "\n" + KEY[8:], KEY + "\x00", KEY + "é", KEY + " ", KEY + "\t"]
)
def test_an_api_key_http_cannot_carry_is_refused_and_never_shown(
    loopback: Any, monkeypatch: pytest.MonkeyPatch, bad_key: str
) -> None:
    served = loopback(lambda *_: ok())
    for make in (
        lambda: Client(api_key=bad_key, base_url=served.url),
        lambda: AsyncClient(api_key=bad_key, base_url=served.url),
    ):
        with pytest.raises(InvalidRequestError) as info:
            make()
        assert isinstance(info.value, FinetuningError) and isinstance(info.value, ValueError)
        assert "'Authorization' header" in str(info.value)
        assert_no_secret(*texts(info.value))
    if "\x00" not in bad_key:  # the environment cannot hold a NUL
        monkeypatch.setenv("FINETUNING_API_KEY", bad_key)
        with pytest.raises(InvalidRequestError):
            Client(base_url=served.url)
    assert served.requests == []


@pytest.mark.parametrize(
    "headers",
    [{"X-Trace": "a\r\nX-Injected: 1"}, {"X-Trace": "caf\u00e9"}, {"Bad Name": "x"}, {"X-Trace": "x "}, {"X-N": 3}],
    ids=["crlf", "non-ascii", "bad-name", "trailing-space", "not-a-str"],
)
def test_a_call_header_http_cannot_carry_is_refused_and_not_retried(loopback: Any, headers: dict[str, Any]) -> None:
    served = loopback(lambda *_: ok())
    with Client(api_key=KEY, base_url=served.url, max_retries=3) as client:
        with pytest.raises(InvalidRequestError):
            client.fine_tuning.jobs.retrieve("ftjob-1", extra_headers=headers)
        with pytest.raises(InvalidRequestError):
            Client(api_key=KEY, base_url=served.url, default_headers=headers)
        client.fine_tuning.jobs.retrieve("ftjob-1", extra_headers={"X-Trace": "a\tb c"})  # inner blanks are fine
    assert len(served.requests) == 1 and served.requests[0][3]["x-trace"] == "a\tb c"


# -- one redaction ----------------------------------------------------------------------------------------------


class QueryKeyClient(Client):
    """The same client with its key sent as a query parameter, as query-key security schemes do."""

    _security = ("query", "key")


def test_no_log_line_repr_or_message_shows_a_credential(loopback: Any, logs: pytest.LogCaptureFixture) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> Any:
        if path.endswith("/missing"):
            return 404, {"content-type": "application/json"}, json.dumps({"error": f"Incorrect API key {KEY}"}).encode()
        if path.endswith("/flaky"):
            return 503, {"retry-after": "0"}, f"overloaded for {KEY}".encode()
        return ok(request_id=KEY)

    served = loopback(handler)
    shown: list[str] = []
    for client in (
        Client(api_key=KEY, base_url=f"{served.url}/v1?key={KEY}&password={PASSWORD}", max_retries=1),
        QueryKeyClient(api_key=KEY, base_url=f"{served.url}/v1", max_retries=1, default_headers={"X-Api-Key": KEY}),
    ):
        shown.append(repr(client))
        for job_id in ("missing", "flaky"):
            with pytest.raises(finetuning.APIStatusError) as info:
                client.fine_tuning.jobs.retrieve(job_id)
            shown += texts(info.value)
        raw = client.fine_tuning.jobs.with_raw_response.retrieve("ftjob-1")
        shown += [repr(raw), repr(raw.parse())]
        client.close()
    with pytest.raises(finetuning.APIConnectionError) as info:  # nothing listens there any more
        Client(api_key=KEY, base_url=f"http://127.0.0.1:9/?key={KEY}", max_retries=0).fine_tuning.jobs.retrieve("x")
    shown += texts(info.value)
    assert KEY in served.requests[0][2]["key"][0]  # it was sent, where it belongs
    assert any("<redacted>" in line for line in log_text(logs).splitlines())
    assert_no_secret(log_text(logs), *shown)


@pytest.mark.parametrize("where", ["argument", "environment"])
def test_a_base_url_with_user_info_is_refused(loopback: Any, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    served = loopback(lambda *_: ok())
    base_url = served.url.replace("http://", f"http://admin:{PASSWORD}@") + "/v1"
    if where == "environment":
        monkeypatch.setenv("FINETUNING_BASE_URL", base_url)
    with pytest.raises(InvalidRequestError, match="user name or password") as info:
        Client(api_key=KEY, base_url=base_url if where == "argument" else None)
    assert_no_secret(*texts(info.value))
    assert served.requests == []


# -- base URLs keep their path and query --------------------------------------------------------------------------


def test_a_base_url_keeps_its_path_and_its_query(loopback: Any) -> None:
    page = {"object": "list", "data": [JOB], "has_more": True}
    last = {"object": "list", "data": [{**JOB, "id": "ftjob-2"}], "has_more": False}
    served = loopback(lambda m, p, q, *_: ok(json.dumps(last if "after" in q else page).encode()))
    base_url = f"{served.url}/openai/deployments/x?api-version=2024-06-01&tenant=a"
    with Client(api_key=KEY, base_url=base_url) as client:
        assert str(client.base_url) == f"{served.url}/openai/deployments/x/?api-version=2024-06-01&tenant=a"
        client.fine_tuning.jobs.retrieve("ftjob-1", extra_query={"tenant": "b"})
        assert [job.id for job in client.fine_tuning.jobs.list(limit=1)] == ["ftjob-1", "ftjob-2"]
    paths = [(path, query) for _, path, query, _ in served.requests]
    assert paths[0] == (
        "/openai/deployments/x/fine_tuning/jobs/ftjob-1",
        {"api-version": ["2024-06-01"], "tenant": ["b"]},
    )
    assert paths[2] == (
        "/openai/deployments/x/fine_tuning/jobs",
        {"api-version": ["2024-06-01"], "tenant": ["a"], "limit": ["1"], "after": ["ftjob-1"]},
    )


def test_an_operation_server_and_a_path_with_a_query_are_kept(loopback: Any) -> None:
    uploads, api = loopback(lambda *_: ok()), loopback(lambda *_: ok())
    with Client(api_key=KEY, base_url=f"{api.url}/v1?api-version=1") as client:
        options = RequestOptions(
            method="get", path="/items?beta=true", query={"q": "1"}, server=f"{uploads.url}/up?region=eu"
        )
        client.request(dict[str, object], options)
        client.get("/items?beta=true", cast_to=dict[str, object], options={"params": {"q": "2"}})
    assert uploads.requests[0][1:3] == ("/up/items", {"region": ["eu"], "beta": ["true"], "q": ["1"]})
    assert uploads.requests[0][3]["authorization"] == f"Bearer {KEY}"
    assert api.requests[0][1:3] == ("/v1/items", {"api-version": ["1"], "beta": ["true"], "q": ["2"]})


@pytest.mark.parametrize("base_url", ["example.com/v1", "ftp://host/", "http:///path", "http://[::1", "https://"])
def test_a_base_url_that_is_not_an_http_url_is_refused(base_url: str) -> None:
    with pytest.raises(InvalidRequestError, match="base URL"):
        Client(api_key=KEY, base_url=base_url)


# -- redirects ----------------------------------------------------------------------------------------------------


def test_a_same_origin_redirect_of_a_get_is_followed_with_the_credentials(loopback: Any) -> None:
    def handler(method: str, path: str, *_: object) -> Any:
        if path.endswith("/old"):
            return (
                302,
                {"location": "/v1/fine_tuning/jobs/ftjob-1", "content-type": "application/json"},
                b'{"id": "no"}',
            )
        return ok()

    served = loopback(handler)
    with Client(api_key=KEY, base_url=f"{served.url}/v1") as client:
        assert client.fine_tuning.jobs.retrieve("old").id == "ftjob-1"
    assert [r[3]["authorization"] for r in served.requests] == [f"Bearer {KEY}"] * 2


def test_a_redirect_to_another_host_is_an_error_and_sends_nothing_there(loopback: Any) -> None:
    elsewhere = loopback(lambda *_: ok())
    other = elsewhere.url.replace("127.0.0.1", "localhost")
    served = loopback(lambda *_: (302, {"location": f"{other}/steal?key={KEY}"}, JOB_BODY))
    with Client(api_key=KEY, base_url=served.url, default_headers={"X-Api-Key": KEY}) as client:
        with pytest.raises(RedirectError) as info:
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert info.value.status_code == 302 and "not followed" in str(info.value)
    assert_no_secret(*texts(info.value))
    assert elsewhere.requests == []


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_of_a_post_is_not_followed(loopback: Any, status: int) -> None:
    served = loopback(lambda *_: (status, {"location": "/fine_tuning/jobs/ftjob-1"}, b""))
    with Client(api_key=KEY, base_url=served.url) as client:
        with pytest.raises(RedirectError):
            client.fine_tuning.jobs.cancel("ftjob-1")
    assert len(served.requests) == 1


@pytest.mark.parametrize("answer", [(304, {}), (300, {}), (302, {}), (301, {"location": "/loop"})])
def test_an_unfollowed_3xx_is_an_error(loopback: Any, answer: tuple[int, dict[str, str]]) -> None:
    served = loopback(lambda *_: (*answer, b""))
    with Client(api_key=KEY, base_url=served.url) as client:
        with pytest.raises(RedirectError) as info:
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert info.value.status_code == answer[0]
    assert len(served.requests) == (6 if answer[1] else 1)  # a loop stops after 5 redirects


# -- deadlines ----------------------------------------------------------------------------------------------------


def drip(*_: object) -> Any:
    def body() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.2)
            yield b" "

    return 200, {"content-type": "application/json", "content-length": "100"}, body()


def test_a_total_timeout_bounds_a_call_that_drips(loopback: Any) -> None:
    served = loopback(drip)
    with Client(api_key=KEY, base_url=served.url, max_retries=2) as client:
        started = time.monotonic()
        with pytest.raises(finetuning.APITimeoutError):
            client.fine_tuning.jobs.retrieve("ftjob-1", timeout=Timeout(1.0, total=1.5))
        assert time.monotonic() - started < 2.5
    assert len(served.requests) == 1  # no retry can finish in time


@pytest.mark.anyio
async def test_a_total_timeout_bounds_an_async_call(loopback: Any) -> None:
    served = loopback(drip)
    async with AsyncClient(api_key=KEY, base_url=served.url, timeout=Timeout(1.0, total=1.0)) as client:
        started = time.monotonic()
        with pytest.raises(finetuning.APITimeoutError):
            await client.fine_tuning.jobs.retrieve("ftjob-1")
        assert time.monotonic() - started < 2.0


def test_no_retry_is_started_that_the_deadline_cannot_wait_for(loopback: Any) -> None:
    served = loopback(lambda *_: (503, {"retry-after": "2"}, b"busy"))
    with Client(api_key=KEY, base_url=served.url, max_retries=3, timeout=Timeout(total=1.0)) as client:
        with pytest.raises(finetuning.InternalServerError):
            client.fine_tuning.jobs.retrieve("ftjob-1")
    assert len(served.requests) == 1


def test_timeout_carries_total_and_the_per_operation_values() -> None:
    timeout = Timeout(30, total=60, connect=2)
    assert (timeout.connect, timeout.read, timeout.total) == (2, 30, 60)
    assert Timeout(timeout, read=5).total == 60 and Timeout(total=9).read == 600
    assert isinstance(timeout, httpx.Timeout) and "total=60" in repr(timeout)


# -- Retry-After ----------------------------------------------------------------------------------------------------

HOSTILE_RETRY_AFTER = [
    {"retry-after": "Fri, 31 Dec 99999 23:59:59 GMT"},
    {"retry-after": "Sat, 01 Jan 10000 00:00:00 GMT"},
    {"retry-after": "Mon, 32 Foo 2024 99:99:99 GMT"},
    {"retry-after": "nan"},
    {"retry-after": "inf"},
    {"retry-after": "1e400"},
    {"retry-after": "-5"},
    {"retry-after-ms": "NaN"},
    {"retry-after-ms": "9" * 400},
    {"retry-after": "\x00\xff"},
]


@pytest.mark.parametrize("headers", HOSTILE_RETRY_AFTER)
def test_retry_after_parsing_never_raises(headers: dict[str, str]) -> None:
    value = parse_retry_after(httpx.Headers([(k.encode(), v.encode("latin-1")) for k, v in headers.items()]))
    assert value is None or value == value and abs(value) != float("inf")


@pytest.mark.parametrize("headers", HOSTILE_RETRY_AFTER[:3])
def test_a_hostile_retry_after_falls_back_to_backoff(
    loopback: Any, monkeypatch: pytest.MonkeyPatch, headers: dict[str, str]
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(finetuning._base_client.SyncAPIClient, "_sleep", lambda self, s: waits.append(s))
    answers = iter([(429, headers, b""), ok()])
    served = loopback(lambda *_: next(answers))
    with Client(api_key=KEY, base_url=served.url) as client:
        assert client.fine_tuning.jobs.retrieve("ftjob-1").id == "ftjob-1"
    assert len(served.requests) == 2 and 0.3 < waits[0] <= 0.5


def test_an_http_date_in_the_future_is_still_honoured() -> None:
    headers = httpx.Headers({"retry-after": email.utils.formatdate(1_000_030, usegmt=True)})
    assert parse_retry_after(headers, now=1_000_000) == 30


# -- every error inside the hierarchy ------------------------------------------------------------------------------


def short_body(*_: object) -> Any:
    return 200, {"content-type": "application/json", "content-length": "1000"}, iter([JOB_BODY[:10]])


def test_a_body_cut_short_is_retried_then_a_connection_error(loopback: Any) -> None:
    served = loopback(short_body)
    with Client(api_key=KEY, base_url=served.url, max_retries=1) as client:
        client._sleep = lambda seconds: None  # type: ignore[method-assign]
        with pytest.raises(finetuning.APIConnectionError) as info:
            client.fine_tuning.jobs.retrieve("ftjob-1")
        assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
        with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as response:
            with pytest.raises(finetuning.APIConnectionError) as streamed:
                response.read()
        assert isinstance(streamed.value.__cause__, httpx.RemoteProtocolError)
    assert len(served.requests) == 3


def test_a_streamed_body_that_stalls_is_a_timeout(loopback: Any) -> None:
    def stall(*_: object) -> Any:
        def body() -> Iterator[bytes]:
            yield b"{"
            time.sleep(1)

        return 200, {"content-type": "application/json", "content-length": "100"}, body()

    served = loopback(stall)
    with Client(api_key=KEY, base_url=served.url, timeout=0.3) as client:
        with client.fine_tuning.jobs.with_streaming_response.retrieve("ftjob-1") as response:
            with pytest.raises(finetuning.APITimeoutError) as info:
                list(response.iter_lines())
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)


def test_an_id_too_long_for_a_url_is_refused_before_sending(loopback: Any) -> None:
    served = loopback(lambda *_: ok())
    with Client(api_key=KEY, base_url=served.url) as client:
        with pytest.raises(InvalidRequestError, match="URL") as info:
            client.fine_tuning.jobs.retrieve("x" * 100_000)
    assert isinstance(info.value.__cause__, httpx.InvalidURL) and served.requests == []


def test_a_call_after_close_is_an_sdk_error(loopback: Any) -> None:
    served = loopback(lambda *_: ok())
    client = Client(api_key=KEY, base_url=served.url)
    client.close()
    with pytest.raises(finetuning.ClientClosedError) as info:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert isinstance(info.value, FinetuningError) and isinstance(info.value, RuntimeError)

    async def run() -> None:
        async_client = AsyncClient(api_key=KEY, base_url=served.url)
        await async_client.close()
        with pytest.raises(finetuning.ClientClosedError):
            await async_client.fine_tuning.jobs.retrieve("ftjob-1")

    anyio.run(run)
    assert served.requests == []
