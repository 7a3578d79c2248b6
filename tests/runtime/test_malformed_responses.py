"""Malformed responses become typed errors carrying the status and a bounded excerpt of the body; none hangs."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import respx
from finetuning import APIResponseValidationError, APIStatusError, Client, InternalServerError, NotFoundError

BASE_URL = "http://finetuning.test/v1"
JOB_PATH = "/fine_tuning/jobs/ftjob-1"
HUGE = 20 * 1024 * 1024  # 20 MB
EXCERPT_LIMIT = 1000  # no message may carry more than this much of the body


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as router:
        yield router


def _client(strict: bool) -> Client:
    return Client(base_url=BASE_URL, max_retries=0, strict_response_validation=strict)


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize(
    ("response", "excerpt"),
    [
        (httpx.Response(200, text="not json at all"), "not json at all"),
        (httpx.Response(200, text='{"id": "ftjob-1", "created_at": 17'), '{"id": "ftjob-1", "created_at": 17'),
        (httpx.Response(200, content=b""), "(empty body)"),
        (httpx.Response(200, text="<html><body>Bad Gateway</body></html>"), "<html><body>Bad Gateway</body></html>"),
        (httpx.Response(200, content=b"\xff\xfe\x00garbage"), "garbage"),
        (httpx.Response(200, text="x" * HUGE), "xxxx"),
    ],
    ids=["not-json", "truncated", "empty", "html", "binary", "huge"],
)
def test_a_bad_success_body_is_a_validation_error(
    api_key: str, mock: respx.MockRouter, strict: bool, response: httpx.Response, excerpt: str
) -> None:
    mock.get(JOB_PATH).mock(return_value=response)
    with _client(strict) as client, pytest.raises(APIResponseValidationError) as caught:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    message = str(caught.value)
    assert caught.value.status_code == 200
    assert "status 200" in message
    assert excerpt in message
    assert len(message) < EXCERPT_LIMIT


@pytest.mark.parametrize("body", ["[]", '"a string"', "42", "null"], ids=["list", "string", "number", "null"])
def test_a_json_body_of_the_wrong_shape_is_a_validation_error_when_strict(
    api_key: str, mock: respx.MockRouter, body: str
) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, text=body, headers={"content-type": "application/json"}))
    with _client(True) as client, pytest.raises(APIResponseValidationError) as caught:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert caught.value.status_code == 200


@pytest.mark.parametrize("body", ["[]", '"a string"', "42", "null"], ids=["list", "string", "number", "null"])
def test_a_json_body_of_the_wrong_shape_never_raises_a_bare_error_when_lenient(
    api_key: str, mock: respx.MockRouter, body: str
) -> None:
    """Lenient mode hands back what came (or a typed error): never a KeyError, TypeError or AttributeError."""
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, text=body, headers={"content-type": "application/json"}))
    with _client(False) as client:
        try:
            client.fine_tuning.jobs.retrieve("ftjob-1")
        except APIResponseValidationError as exc:
            assert exc.status_code == 200


def test_a_wrong_type_in_strict_mode_names_the_status_and_field(api_key: str, mock: respx.MockRouter) -> None:
    mock.get(JOB_PATH).mock(return_value=httpx.Response(200, json={"id": 1, "created_at": "yesterday"}))
    with _client(True) as client, pytest.raises(APIResponseValidationError) as caught:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    assert caught.value.status_code == 200
    assert "created_at" in str(caught.value)


@pytest.mark.parametrize(
    ("status", "response", "error", "excerpt"),
    [
        (502, httpx.Response(502, text="<html><title>502 Bad Gateway</title></html>"), InternalServerError, "502 Bad"),
        (500, httpx.Response(500, content=b""), InternalServerError, None),
        (404, httpx.Response(404, content=b""), NotFoundError, None),
        (404, httpx.Response(404, text='{"error": {"message": "no such jo'), NotFoundError, "no such jo"),
        (503, httpx.Response(503, text="e" * HUGE), InternalServerError, "eeee"),
        (418, httpx.Response(418, json={"error": "teapot"}), APIStatusError, "teapot"),
    ],
    ids=["html-502", "empty-500", "empty-404", "truncated-json-404", "huge-503", "unknown-status"],
)
def test_an_error_status_is_a_typed_error_with_a_bounded_excerpt(
    api_key: str,
    mock: respx.MockRouter,
    status: int,
    response: httpx.Response,
    error: type[APIStatusError],
    excerpt: str | None,
) -> None:
    mock.get(JOB_PATH).mock(return_value=response)
    with _client(False) as client, pytest.raises(error) as caught:
        client.fine_tuning.jobs.retrieve("ftjob-1")
    message = str(caught.value)
    assert caught.value.status_code == status
    assert f"Error code: {status}" in message
    if excerpt:
        assert excerpt in message
    assert len(message) < EXCERPT_LIMIT
