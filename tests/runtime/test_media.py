"""Bodies and responses beyond JSON, on the zero-config ``media`` fixture SDK.

Multipart uploads (bytes, a path, an open file, a tuple, a list of files), URL-encoded forms, raw request bodies,
binary and text responses, ``deepObject`` and comma-joined query arguments, detected offset pagination, basic auth,
and server-sent event streams from a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import email.parser
import email.policy
import http.server
import io
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import respx

from tests.support import FIXTURES

BASE = "http://media.test/v1"
ASSET = {"id": "a1", "name": "cat.png", "bytes": 3}


@pytest.fixture(scope="module")
def media() -> Iterator[ModuleType]:
    src = str(FIXTURES / "media" / "expected" / "src")
    sys.path.insert(0, src)
    try:
        import media_vault

        yield media_vault
    finally:
        sys.path.remove(src)


@pytest.fixture
def client(media: ModuleType) -> Iterator[Any]:
    with media.Client(username="user", password="secret", base_url=BASE, max_retries=0) as c:
        yield c


def _parts(request: httpx.Request) -> list[tuple[str, str | None, str | None, bytes]]:
    """(field name, file name, content type, payload) of each part of a multipart request."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    found: list[tuple[str, str | None, str | None, bytes]] = []
    for part in message.iter_parts():
        disposition = part.get("content-disposition", "")
        params = dict(part.get_params(header="content-disposition")[1:])  # type: ignore[union-attr]
        assert disposition.startswith("form-data")
        payload = part.get_payload(decode=True)
        content_type = part.get("content-type") if "content-type" in part else None
        found.append((params["name"], params.get("filename"), content_type, payload))
    return found


# -- uploads ------------------------------------------------------------------------------------------------------
@respx.mock
def test_multipart_upload_from_every_kind_of_file(client: Any, tmp_path: Path) -> None:
    route = respx.post(f"{BASE}/assets").mock(return_value=httpx.Response(201, json=ASSET))
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    asset = client.assets.create(
        file=path,
        purpose="archive",
        attachments=[b"raw bytes", io.BytesIO(b"open file"), ("notes.txt", b"tuple", "text/plain")],
        expires_after={"anchor": "created_at", "seconds": 3600},
    )
    assert asset.id == "a1" and asset.bytes == 3
    request = route.calls.last.request
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.headers["authorization"].startswith("Basic ")
    parts = _parts(request)
    fields = {name: payload for name, filename, _, payload in parts if filename is None}
    files = [(name, filename, ctype, payload) for name, filename, ctype, payload in parts if filename is not None]
    # The spec's encoding says deepObject: the object goes as a[b] fields (without it, one application/json part).
    assert fields == {
        "purpose": b"archive",
        "expires_after[anchor]": b"created_at",
        "expires_after[seconds]": b"3600",
    }
    assert files[0][:2] == ("file", "report.pdf") and files[0][3] == b"%PDF-1.7"
    assert [(n, f, p) for n, f, _, p in files[1:]] == [
        ("attachments", "upload", b"raw bytes"),
        ("attachments", "upload", b"open file"),
        ("attachments", "notes.txt", b"tuple"),
    ]
    assert files[3][2] == "text/plain"


@respx.mock
def test_an_upload_sends_the_same_bytes_on_every_retry(media: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(media.Client, "_sleep", lambda self, seconds: None)
    route = respx.post(f"{BASE}/assets").mock(side_effect=[httpx.Response(503), httpx.Response(201, json=ASSET)])
    with media.Client(username="k", base_url=BASE, max_retries=1) as c:
        c.assets.create(file=io.BytesIO(b"stream once"), purpose="share")
    payloads = [[p for _, f, _, p in _parts(call.request) if f] for call in route.calls]
    assert payloads == [[b"stream once"], [b"stream once"]]


@respx.mock
@pytest.mark.anyio
async def test_async_upload_reads_a_path(media: ModuleType, tmp_path: Path) -> None:
    route = respx.post(f"{BASE}/assets").mock(return_value=httpx.Response(201, json=ASSET))
    path = tmp_path / "a.bin"
    path.write_bytes(b"\x00\x01")
    async with media.AsyncClient(username="k", base_url=BASE) as c:
        asset = await c.assets.create(file=path, purpose="share")
    assert asset.name == "cat.png"
    assert [(n, f, p) for n, f, _, p in _parts(route.calls.last.request) if f] == [("file", "a.bin", b"\x00\x01")]


@respx.mock
def test_form_body_is_url_encoded_and_text_response_is_a_str(client: Any) -> None:
    route = respx.post(f"{BASE}/assets/a%2F1/label").mock(return_value=httpx.Response(200, text="labelled: red"))
    text = client.assets.label("a/1", label="red", colors=["red", "blue"])
    assert text == "labelled: red"
    request = route.calls.last.request
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.headers["accept"] == "text/plain"
    assert parse_qs(request.content.decode()) == {"label": ["red"], "colors": ["red,blue"]}  # explode: false


@respx.mock
def test_form_body_merges_extra_body(client: Any) -> None:
    route = respx.post(f"{BASE}/assets/a1/label").mock(return_value=httpx.Response(200, text="ok"))
    client.assets.label("a1", label="x", extra_body={"debug": "1"})
    assert parse_qs(route.calls.last.request.content.decode()) == {"label": ["x"], "debug": ["1"]}


@respx.mock
def test_raw_body_is_sent_with_its_media_type(client: Any, tmp_path: Path) -> None:
    route = respx.put(f"{BASE}/assets/a1/content").mock(return_value=httpx.Response(204))
    image = tmp_path / "cat.png"
    image.write_bytes(b"\x89PNG")
    assert client.assets.content.update("a1", body=image) is None
    request = route.calls.last.request
    assert request.headers["content-type"] == "image/png"
    assert request.content == b"\x89PNG"


# -- downloads ----------------------------------------------------------------------------------------------------
@respx.mock
def test_binary_response(client: Any, media: ModuleType, tmp_path: Path) -> None:
    route = respx.get(f"{BASE}/assets/a1/content").mock(
        return_value=httpx.Response(200, content=b"\x00PNG\xff", headers={"content-type": "image/png"})
    )
    body = client.assets.content.retrieve("a1")
    assert type(body).__name__ == "BinaryResponse"
    assert body.content == b"\x00PNG\xff" and body.content_type == "image/png"
    body.write_to_file(tmp_path / "out.png")
    assert (tmp_path / "out.png").read_bytes() == b"\x00PNG\xff"
    assert route.calls.last.request.headers["accept"] == "application/octet-stream"
    assert "5 bytes" in repr(body)


@respx.mock
def test_binary_response_streamed_to_a_file(client: Any, tmp_path: Path) -> None:
    respx.get(f"{BASE}/assets/a1/content").mock(return_value=httpx.Response(200, content=b"x" * 100_000))
    with client.assets.with_streaming_response.content.retrieve("a1") as response:
        response.stream_to_file(tmp_path / "big.bin", chunk_size=4096)
    assert (tmp_path / "big.bin").stat().st_size == 100_000


@respx.mock
@pytest.mark.anyio
async def test_async_binary_response_streamed_to_a_file(media: ModuleType, tmp_path: Path) -> None:
    respx.get(f"{BASE}/assets/a1/content").mock(return_value=httpx.Response(200, content=b"abc"))
    async with media.AsyncClient(username="k", base_url=BASE) as c:
        body = await c.assets.content.retrieve("a1")
        assert body.content == b"abc"
        async with c.assets.with_streaming_response.content.retrieve("a1") as response:
            await response.stream_to_file(tmp_path / "f.bin")
    assert (tmp_path / "f.bin").read_bytes() == b"abc"


# -- query styles and detected pagination -------------------------------------------------------------------------
@respx.mock
def test_deep_object_and_comma_joined_query_with_offset_pages(client: Any) -> None:
    items = [{**ASSET, "id": f"a{i}"} for i in range(5)]

    def page(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", "0"))
        return httpx.Response(200, json={"items": items[offset : offset + 2], "total": len(items)})

    route = respx.get(f"{BASE}/assets").mock(side_effect=page)
    found = [a.id for a in client.assets.list(limit=2, filter={"name": "cat", "min_bytes": 1}, ids=["a", "b"])]
    assert found == ["a0", "a1", "a2", "a3", "a4"]
    first = route.calls[0].request.url
    assert parse_qs(urlsplit(str(first)).query) == {
        "limit": ["2"],
        "filter[name]": ["cat"],
        "filter[min_bytes]": ["1"],
        "ids": ["a,b"],
    }
    assert [c.request.url.params.get("offset") for c in route.calls] == [None, "2", "4"]


# -- server-sent events ---------------------------------------------------------------------------------------------
class SSEHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    events: list[bytes] = []
    closed = threading.Event()
    bodies: list[dict[str, Any]] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for event in type(self).events:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
            # Keep the connection open until the client hangs up: a client that closes early is seen here.
            self.connection.settimeout(10)
            while self.connection.recv(1024):
                pass
        except TimeoutError:
            return  # the client kept the connection open: `closed` stays unset
        except OSError:
            pass
        type(self).closed.set()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._stream()

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        type(self).bodies.append(body)
        if body.get("stream"):
            self._stream()
            return
        payload = json.dumps({"id": "t1", "text": "hello"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture
def sse_server() -> Iterator[str]:
    SSEHandler.events = [
        b'data: {"id": "t1", "delta": "hel"}\n\n',
        b": a comment line is ignored\n\n",
        b'event: message\ndata: {"id": "t1",\ndata:  "delta": "lo"}\n\n',
        b"data: [DONE]\n\n",
        b'data: {"id": "t1", "delta": "after the end"}\n\n',
    ]
    SSEHandler.closed = threading.Event()
    SSEHandler.bodies = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SSEHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def test_stream_true_asks_for_an_event_stream(client: Any) -> None:
    with respx.mock:
        route = respx.post(f"{BASE}/transcripts").mock(
            return_value=httpx.Response(200, content=b"data: [DONE]\n\n", headers={"content-type": "text/event-stream"})
        )
        assert list(client.transcripts.create(asset_id="a1", stream=True)) == []
        assert route.calls.last.request.headers["accept"] == "text/event-stream"
        respx.post(f"{BASE}/transcripts").mock(return_value=httpx.Response(200, json={"id": "t", "text": "x"}))
        client.transcripts.create(asset_id="a1")
        assert route.calls.last.request.headers["accept"] == "application/json"


def test_a_plain_text_error_event_raises_api_error(media: ModuleType, sse_server: str) -> None:
    SSEHandler.events = [b"event: error\ndata: overloaded, try later\n\n"]
    with media.Client(username="k", base_url=sse_server) as c:
        with pytest.raises(media.APIError, match="overloaded") as info:
            list(c.transcripts.progress.retrieve("t1"))
    assert type(info.value) is media.APIError and info.value.body == "overloaded, try later"


def test_stream_true_yields_typed_chunks_until_done(media: ModuleType, sse_server: str) -> None:
    with media.Client(username="k", base_url=sse_server) as c:
        stream = c.transcripts.create(asset_id="a1", stream=True)
        assert type(stream).__name__ == "Stream"
        chunks = list(stream)
    assert [type(x).__name__ for x in chunks] == ["TranscriptChunk", "TranscriptChunk"]
    assert "".join(x.delta for x in chunks) == "hello"
    assert SSEHandler.bodies == [{"asset_id": "a1", "stream": True}]
    assert SSEHandler.closed.wait(3)


def test_stream_false_returns_the_json_model(media: ModuleType, sse_server: str) -> None:
    with media.Client(username="k", base_url=sse_server) as c:
        transcript = c.transcripts.create(asset_id="a1")
    assert type(transcript).__name__ == "Transcript" and transcript.text == "hello"


def test_leaving_the_loop_early_closes_the_connection(media: ModuleType, sse_server: str) -> None:
    with media.Client(username="k", base_url=sse_server) as c:
        for chunk in c.transcripts.create(asset_id="a", stream=True):
            assert chunk.delta == "hel"
            break
        assert SSEHandler.closed.wait(3), "the server still holds the connection after the loop was left"


def test_always_streaming_operation_and_the_context_manager(media: ModuleType, sse_server: str) -> None:
    SSEHandler.events = [b'data: {"percent": 50}\n\n', b'data: {"percent": 100}\n\n']
    with media.Client(username="k", base_url=sse_server) as c:
        with c.transcripts.progress.retrieve("t1") as stream:
            assert [p.percent for p in stream] == [50, 100]
    assert SSEHandler.closed.wait(3)


def test_strict_stream_rejects_a_malformed_event(media: ModuleType, sse_server: str) -> None:
    SSEHandler.events = [b'data: {"percent": "most"}\n\n']
    with media.Client(username="k", base_url=sse_server, strict_response_validation=True) as c:
        with pytest.raises(media.APIResponseValidationError):
            list(c.transcripts.progress.retrieve("t1"))


def test_an_error_event_raises(media: ModuleType, sse_server: str) -> None:
    SSEHandler.events = [b'event: error\ndata: {"message": "overloaded"}\n\n']
    with media.Client(username="k", base_url=sse_server) as c:
        with pytest.raises(media.APIError, match="overloaded") as info:
            list(c.transcripts.progress.retrieve("t1"))
    assert info.value.body == {"message": "overloaded"}


@pytest.mark.anyio
async def test_async_stream(media: ModuleType, sse_server: str) -> None:
    async with media.AsyncClient(username="k", base_url=sse_server) as c:
        stream = await c.transcripts.create(asset_id="a1", stream=True)
        async with stream:
            deltas = [chunk.delta async for chunk in stream]
    assert deltas == ["hel", "lo"]
    assert SSEHandler.closed.wait(3)


@respx.mock
def test_a_json_body_where_a_stream_was_promised_is_a_typed_error(client: Any, media: ModuleType) -> None:
    respx.get(f"{BASE}/transcripts/t1/progress").mock(return_value=httpx.Response(200, json={"percent": 1}))
    with pytest.raises(media.APIResponseValidationError, match="server-sent event"):
        list(client.transcripts.progress.retrieve("t1"))


@respx.mock
def test_raw_response_of_a_stream(client: Any) -> None:
    respx.get(f"{BASE}/transcripts/t1/progress").mock(
        return_value=httpx.Response(
            200, content=b'data: {"percent": 7}\n\n', headers={"content-type": "text/event-stream"}
        )
    )
    raw = client.transcripts.with_raw_response.progress.retrieve("t1")
    assert raw.headers["content-type"] == "text/event-stream"
    assert [p.percent for p in raw.parse()] == [7]


# -- per-operation security, multipart without files, an optional body left out ----------------------------------
@respx.mock
def test_an_operation_with_its_own_security_scheme_sends_that_credential(client: Any) -> None:
    route = respx.get(f"{BASE}/assets/a1/content").mock(return_value=httpx.Response(200, content=b"x"))
    client.assets.content.retrieve("a1")
    headers = route.calls.last.request.headers
    assert headers["x-vault-key"] == "user:secret"
    assert "authorization" not in headers


@respx.mock
def test_an_operation_with_empty_security_sends_no_credential_and_multipart_without_files(client: Any) -> None:
    route = respx.post(f"{BASE}/assets/a1/notes").mock(return_value=httpx.Response(204))
    client.assets.notes.create("a1", note="looks good", extra_body={"by": "me"})
    request = route.calls.last.request
    assert "authorization" not in request.headers and "x-vault-key" not in request.headers
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert [(n, f, p) for n, f, _, p in _parts(request)] == [("note", None, b"looks good"), ("by", None, b"me")]


@respx.mock
def test_the_default_scheme_is_basic_with_the_username_and_password(client: Any) -> None:
    route = respx.put(f"{BASE}/assets/a1/tags").mock(return_value=httpx.Response(204))
    client.assets.tags.update("a1", body=["red"])
    assert route.calls.last.request.headers["authorization"] == "Basic dXNlcjpzZWNyZXQ="  # "user:secret"
    assert (client.username, client.password) == ("user", "secret")


def test_basic_credentials_come_from_the_environment_and_a_password_may_be_empty(
    media: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDIA_VAULT_USERNAME", "env-user")
    monkeypatch.delenv("MEDIA_VAULT_PASSWORD", raising=False)
    with media.Client(base_url=BASE) as c:
        assert (c.username, c.password) == ("env-user", "")
        assert c.copy(password="p2").password == "p2"
    monkeypatch.delenv("MEDIA_VAULT_USERNAME")
    with pytest.raises(media.MissingAPIKeyError, match="username"):
        media.Client(base_url=BASE)


@respx.mock
def test_extra_body_where_the_body_has_no_fields_is_a_clear_error(client: Any) -> None:
    respx.put(f"{BASE}/assets/a1/tags").mock(return_value=httpx.Response(204))
    respx.put(f"{BASE}/assets/a1/content").mock(return_value=httpx.Response(204))
    with pytest.raises(TypeError, match="not one"):
        client.assets.tags.update("a1", body=["red"], extra_body={"x": 1})
    with pytest.raises(TypeError, match="raw bytes"):
        client.assets.content.update("a1", body=b"png", extra_body={"x": 1})


@respx.mock
def test_an_optional_body_left_out_sends_no_body(client: Any) -> None:
    route = respx.put(f"{BASE}/assets/a1/tags").mock(return_value=httpx.Response(204))
    assert client.assets.tags.update("a1") is None
    assert route.calls.last.request.content == b""
    client.assets.tags.update("a1", body=[])
    assert json.loads(route.calls.last.request.content) == []


def test_the_stream_ends_at_the_configured_terminator(
    media: ModuleType, sse_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``stream_terminator`` in the config (the generated ``_constants``): another text ends the stream; with none,
    ``[DONE]`` is data like any other, and only the server's close ends the stream."""
    assert sys.modules[f"{media.__name__}._constants"].STREAM_TERMINATOR == "[DONE]"
    streaming = sys.modules[f"{media.__name__}._streaming"]  # which reads it when a stream ends
    monkeypatch.setattr(streaming, "STREAM_TERMINATOR", "END")
    SSEHandler.events = [b'data: {"percent": 50}\n\n', b"data: END\n\n", b'data: {"percent": 100}\n\n']
    with media.Client(username="k", base_url=sse_server) as c:
        assert [p.percent for p in c.transcripts.progress.retrieve("t1")] == [50]
        monkeypatch.setattr(streaming, "STREAM_TERMINATOR", None)
        SSEHandler.events = [b'data: {"percent": 50}\n\n', b"data: [DONE]\n\n"]
        with pytest.raises(media.APIResponseValidationError, match=r"Expected JSON .*\[DONE\]"):
            list(c.transcripts.progress.retrieve("t1"))


def test_an_undocumented_endpoint_can_stream(media: ModuleType, sse_server: str) -> None:
    """``client.post(path, cast_to=Stream[T], stream=True)``: events parsed as ``T``, as a described one streams."""
    from media_vault.types import TranscriptChunk

    with media.Client(username="k", base_url=sse_server) as c:
        stream = c.post("/custom/stream", cast_to=media.Stream[TranscriptChunk], body={"stream": True}, stream=True)
        chunks = list(stream)
        assert [type(x) for x in chunks] == [TranscriptChunk, TranscriptChunk]
        assert "".join(x.delta for x in chunks) == "hello"
        events = list(c.get("/custom/stream", cast_to=media.Stream[dict[str, object]], stream=True))
        assert events == [{"id": "t1", "delta": "hel"}, {"id": "t1", "delta": "lo"}]
    assert SSEHandler.bodies == [{"stream": True}]


@pytest.mark.anyio
async def test_an_undocumented_endpoint_can_stream_async(media: ModuleType, sse_server: str) -> None:
    from media_vault.types import TranscriptChunk

    async with media.AsyncClient(username="k", base_url=sse_server) as c:
        stream = await c.post(
            "/custom/stream", cast_to=media.AsyncStream[TranscriptChunk], body={"stream": True}, stream=True
        )
        assert "".join([x.delta async for x in stream]) == "hello"
