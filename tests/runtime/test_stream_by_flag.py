"""A ``stream`` flag in a multipart body chooses the event stream per call, as in a JSON body: the method has the
``stream: Literal[True]`` overload, sends the flag as a form field and returns a ``Stream`` of the events the
document's ``text/event-stream`` response declares; without the flag, the JSON response."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.runtime.recording import recorded
from tests.support import generate_into, imported

BASE = "http://audio.test"
EVENT = {"type": "object", "properties": {"delta": {"type": "string"}}}
TEXT = {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}
BODY = {
    "type": "object",
    "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary"}, "stream": {"type": "boolean", "default": False}},
}
DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Voice", "version": "1"},
    "servers": [{"url": BASE}],
    "paths": {
        "/audio/transcriptions": {
            "post": {
                "operationId": "createTranscription",
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": BODY}}},
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": TEXT},
                            "text/event-stream": {"schema": EVENT},
                        },
                    }
                },
            }
        }
    },
}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out: Path = generate_into(tmp_path_factory.mktemp("voice"), DOCUMENT)
    with imported(out, "voice") as package:
        yield package


@pytest.fixture
def sent() -> Iterator[list[httpx.Request]]:
    def answer(request: httpx.Request) -> httpx.Response:
        if b'name="stream"\r\n\r\ntrue' in request.content:
            events = b'data: {"delta": "hel"}\n\ndata: {"delta": "lo"}\n\n'
            return httpx.Response(200, content=events, headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json={"text": "hello"})

    with recorded(BASE, answer, method="POST", path="/audio/transcriptions", assert_all_called=False) as requests:
        yield requests


def test_stream_true_in_a_multipart_body_returns_the_events(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=0) as client:
        stream = client.audio.transcriptions.create(file=("a.wav", b"RIFF"), stream=True)
        assert isinstance(stream, sdk.Stream)
        assert [event.delta for event in stream] == ["hel", "lo"]
    assert sent[0].headers["content-type"].startswith("multipart/form-data")


def test_without_the_flag_the_json_response(sdk: Any, sent: list[httpx.Request]) -> None:
    with sdk.Client(max_retries=0) as client:
        assert client.audio.transcriptions.create(file=("a.wav", b"RIFF")).text == "hello"
    assert b'name="stream"' not in sent[0].content
