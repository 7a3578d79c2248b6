"""Fuzzing what a caller passes into a request: header values, ids and base URLs. Every input is either sent
exactly as given or refused with the SDK's ``InvalidRequestError`` before anything is sent; nothing else escapes,
and no id or base URL can move a request to another host or path."""

from __future__ import annotations

from urllib.parse import unquote

import httpx
import pytest
from finetuning import Client, FinetuningError, InvalidRequestError
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

JOB = {"id": "ftjob-1", "object": "fine_tuning.job"}
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=JOB)


def client(base_url: str = "https://api.example.test/v1") -> tuple[Client, Recorder]:
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return Client(api_key="sk-fuzz", base_url=base_url, http_client=http, max_retries=0), recorder


header_text = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(["a\r\nb", " a", "a\n", "é", ""])


@FUZZ
@given(value=header_text)
def test_a_header_value_is_sent_exactly_or_refused(value: str) -> None:
    sdk, recorder = client()
    try:
        sdk.fine_tuning.jobs.retrieve("ftjob-1", extra_headers={"X-Fuzz": value})
    except InvalidRequestError as error:
        assert recorder.requests == [] and (value == "" or value not in str(error) or len(value) < 4)
        return
    assert recorder.requests[0].headers["x-fuzz"] == value


@FUZZ
@given(name=st.text(max_size=20))
def test_a_header_name_is_sent_or_refused(name: str) -> None:
    sdk, recorder = client()
    try:
        sdk.fine_tuning.jobs.retrieve("ftjob-1", extra_headers={name: "v"})
    except InvalidRequestError:
        assert recorder.requests == []
        return
    assert recorder.requests[0].headers[name] == "v"


@FUZZ
@given(job_id=st.text(min_size=1, max_size=60) | st.sampled_from(["..", ".", "a/../../b", "?x=1", "#f", "%2F", "@h"]))
def test_an_id_stays_one_path_segment_on_the_api_host(job_id: str) -> None:
    sdk, recorder = client()
    sdk.fine_tuning.jobs.retrieve(job_id)
    url = recorder.requests[0].url
    assert url.host == "api.example.test" and not url.query and not url.fragment
    prefix = "/v1/fine_tuning/jobs/"
    raw_path = url.raw_path.decode("ascii")
    assert raw_path.startswith(prefix) and "/" not in raw_path[len(prefix) :]
    assert unquote(raw_path[len(prefix) :]) == job_id


def test_an_id_too_long_for_a_url_is_refused() -> None:
    sdk, recorder = client()
    with pytest.raises(InvalidRequestError):
        sdk.fine_tuning.jobs.retrieve("é" * 30_000)
    assert recorder.requests == []


url_parts = st.tuples(
    st.sampled_from(["http", "https", "ftp", "", "HTTP"]),
    st.sampled_from(["", "user@", "user:pw@", ":@"]),
    st.sampled_from(["api.example.test", "127.0.0.1:8080", "[::1]", "", "exa mple", "xn--bcher-kva.example"]),
    st.text(st.sampled_from("/abc%?=&#;.é "), max_size=12),
)


@FUZZ
@given(parts=url_parts | st.tuples(st.just(""), st.just(""), st.text(max_size=30), st.just("")))
def test_a_base_url_is_used_as_given_or_refused(parts: tuple[str, str, str, str]) -> None:
    scheme, userinfo, host, rest = parts
    base_url = f"{scheme}://{userinfo}{host}{rest}" if scheme else host
    assume(base_url)  # an empty base URL means the default one
    try:
        sdk, recorder = client(base_url)
    except InvalidRequestError:
        return
    except FinetuningError as error:  # pragma: no cover - a failure message names what escaped
        raise AssertionError(f"{type(error).__name__} for {base_url!r}") from error
    base = httpx.URL(base_url)
    assert not base.userinfo
    try:
        sdk.fine_tuning.jobs.retrieve("ftjob-1", extra_query={"q": "1"})
    except InvalidRequestError:
        assert recorder.requests == []
        return
    sent = recorder.requests[0].url
    assert (sent.scheme, sent.host, sent.port) == (base.scheme, base.host, base.port)
    base_path = base.raw_path.split(b"?")[0]
    base_path += b"" if base_path.endswith(b"/") else b"/"
    assert sent.raw_path.startswith(base_path + b"fine_tuning/jobs/ftjob-1")
    assert all(sent.params.get(k) == v for k, v in base.params.items() if k != "q")
