"""End-to-end checks of an SDK generated from the OpenAI document; run with the interpreter it is installed in.

``python -m realworld.openai_e2e PACKAGE PRISM_URL`` prints a JSON list of ``{"check", "ok", "reason"}``. Fine-tuning
jobs are created, listed and retrieved against Prism; file uploads (multipart: from bytes, from a path, from a
``(name, content, media type)`` tuple) go to a local server that parses the body; a chat completion with
``stream=True`` reads server-sent events from a local server. Operations are found by their HTTP method and path
(through a recording transport), not by name, so the checks hold whatever the generator calls them.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import servers
from .smoke import candidates, dry_run, fill

CREATE_JOB = "POST /fine_tuning/jobs"
LIST_JOBS = "GET /fine_tuning/jobs"
RETRIEVE_JOB = "GET /fine_tuning/jobs/{fine_tuning_job_id}"
CREATE_FILE = "POST /files"
CHAT = "POST /chat/completions"
TEMPLATES = [CREATE_JOB, LIST_JOBS, RETRIEVE_JOB, CREATE_FILE, CHAT]

TRAINING = b'{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}\n'
FILE_OBJECT = {
    "id": "file-abc123",
    "object": "file",
    "bytes": len(TRAINING),
    "created_at": 1677610602,
    "filename": "train.jsonl",
    "purpose": "fine-tune",
    "status": "uploaded",
}
MESSAGES = [{"role": "user", "content": "Say hello"}]


def chunk(index: int, content: str) -> dict[str, Any]:
    """One chat completion chunk as the API streams it."""
    return {
        "id": "chatcmpl-123",
        "object": "chat.completion.chunk",
        "created": 1694268190,
        "model": "gpt-4o-mini",
        "system_fingerprint": "fp_44709d6fcb",
        "choices": [
            {"index": 0, "delta": {"role": "assistant", "content": content}, "logprobs": None, "finish_reason": None}
        ],
    } | ({"choices": [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}]} if index < 0 else {})


class Operations:
    """The generated methods of a client, by ``"METHOD /path/{template}"``."""

    def __init__(self, client: Any) -> None:
        self.names: dict[str, tuple[str, str]] = {}
        for candidate in candidates(client):
            fill(candidate, {})
            dry_run(client, candidate, TEMPLATES)
            if candidate.path in TEMPLATES:
                self.names[candidate.path] = (candidate.resource, candidate.name)

    def on(self, client: Any, template: str) -> Callable[..., Any]:
        """The method that sends ``template`` on ``client`` (a sync or an async client)."""
        if template not in self.names:
            raise AssertionError(f"no generated method sends {template}")
        resource, name = self.names[template]
        target = client
        for part in resource.split("."):
            target = getattr(target, part)
        return getattr(target, name)


def _type_name(value: object) -> str:
    return type(value).__name__


def check_fine_tuning(module: Any, operations: Operations, prism_url: str) -> None:
    with module.Client(api_key="sk-e2e", base_url=prism_url, max_retries=0) as client:
        job = operations.on(client, CREATE_JOB)(model="gpt-4o-mini", training_file="file-abc123")
        assert _type_name(job) == "FineTuningJob", _type_name(job)
        assert isinstance(job.id, str) and job.object == "fine_tuning.job", job
        listed = operations.on(client, LIST_JOBS)(limit=2)
        first = listed.data if hasattr(listed, "data") else next(iter(listed))
        jobs = first if isinstance(first, list) else [first]
        assert jobs and all(_type_name(j) == "FineTuningJob" for j in jobs), listed
        again = operations.on(client, RETRIEVE_JOB)("ftjob-abc123")
        assert _type_name(again) == "FineTuningJob" and isinstance(again.status, str), again


def _upload(module: Any, operations: Operations, file: Any) -> servers.Part:
    def reply(_: servers.Received) -> servers.Reply:
        return servers.Reply(headers={"Content-Type": "application/json"}, chunks=[json.dumps(FILE_OBJECT).encode()])

    with servers.serve(reply) as server, module.Client(api_key="sk-e2e", base_url=server.url, max_retries=0) as client:
        created = operations.on(client, CREATE_FILE)(file=file, purpose="fine-tune")
    assert _type_name(created) == "OpenAIFile" and created.id == "file-abc123", created
    (request,) = server.received
    assert request.method == "POST" and request.path.endswith("/files"), request
    assert request.headers.get("Content-Type", "").startswith("multipart/form-data; boundary="), request.headers
    parts = {p.name: p for p in servers.parse_multipart(request.headers["Content-Type"], request.body)}
    assert set(parts) == {"file", "purpose"}, parts
    assert parts["purpose"].data == b"fine-tune" and parts["purpose"].filename is None, parts["purpose"]
    assert parts["file"].data == TRAINING, parts["file"]
    return parts["file"]


def check_upload_bytes(module: Any, operations: Operations, _prism_url: str) -> None:
    part = _upload(module, operations, TRAINING)
    assert part.filename, "a file part needs a filename"


def check_upload_path(module: Any, operations: Operations, _prism_url: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "train.jsonl"
        path.write_bytes(TRAINING)
        part = _upload(module, operations, path)
    assert part.filename == "train.jsonl", part


def check_upload_tuple(module: Any, operations: Operations, _prism_url: str) -> None:
    part = _upload(module, operations, ("data.jsonl", TRAINING, "application/jsonl"))
    assert part.filename == "data.jsonl" and part.content_type == "application/jsonl", part


def check_stream(module: Any, operations: Operations, _prism_url: str) -> None:
    events = [servers.sse_event(json.dumps(chunk(i, word))) for i, word in enumerate(["Hel", "lo", "!"])]
    events.append(servers.sse_event(json.dumps(chunk(-1, ""))))
    events += [servers.sse_event("[DONE]"), servers.sse_event(json.dumps(chunk(9, "after done")))]

    def reply(_: servers.Received) -> servers.Reply:
        return servers.Reply(headers={"Content-Type": "text/event-stream"}, chunks=events)

    with servers.serve(reply) as server, module.Client(api_key="sk-e2e", base_url=server.url, max_retries=0) as client:
        stream = operations.on(client, CHAT)(model="gpt-4o-mini", messages=MESSAGES, stream=True)
        with stream:
            chunks = list(stream)
    assert [_type_name(c) for c in chunks] == ["CreateChatCompletionStreamResponse"] * 4, chunks
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == "Hello!", text
    assert chunks[-1].choices[0].finish_reason == "stop", chunks[-1]
    (request,) = server.received
    body = json.loads(request.body)
    assert body["stream"] is True and body["messages"] == MESSAGES, body


def check_stream_break(module: Any, operations: Operations, _prism_url: str) -> None:
    events = [servers.sse_event(json.dumps(chunk(i, f"w{i} "))) for i in range(400)]

    def reply(_: servers.Received) -> servers.Reply:
        return servers.Reply(headers={"Content-Type": "text/event-stream"}, chunks=events, delay=0.005)

    with servers.serve(reply) as server, module.Client(api_key="sk-e2e", base_url=server.url, max_retries=0) as client:
        seen = 0
        for _ in operations.on(client, CHAT)(model="gpt-4o-mini", messages=MESSAGES, stream=True):
            seen += 1
            if seen == 2:
                break  # no close(), no with: leaving the loop must be enough
        assert server.disconnected.wait(timeout=10), "the server kept writing after the client broke off"
    assert seen == 2


def check_async_stream(module: Any, operations: Operations, _prism_url: str) -> None:
    events = [servers.sse_event(json.dumps(chunk(i, word))) for i, word in enumerate(["a", "b"])]
    events.append(servers.sse_event("[DONE]"))

    def reply(_: servers.Received) -> servers.Reply:
        return servers.Reply(headers={"Content-Type": "text/event-stream"}, chunks=events)

    async def collect(url: str) -> list[Any]:
        async with module.AsyncClient(api_key="sk-e2e", base_url=url, max_retries=0) as client:
            stream = await operations.on(client, CHAT)(model="gpt-4o-mini", messages=MESSAGES, stream=True)
            async with stream:
                return [item async for item in stream]

    with servers.serve(reply) as server:
        chunks = asyncio.run(collect(server.url))
    assert [c.choices[0].delta.content for c in chunks] == ["a", "b"], chunks
    assert {_type_name(c) for c in chunks} == {"CreateChatCompletionStreamResponse"}, chunks


CHECKS: list[tuple[str, Callable[[Any, Operations, str], None]]] = [
    ("fine-tuning jobs create, list, retrieve (Prism)", check_fine_tuning),
    ("files create: multipart upload from bytes", check_upload_bytes),
    ("files create: multipart upload from a path", check_upload_path),
    ("files create: multipart upload from a (name, content, media type) tuple", check_upload_tuple),
    ("chat completions stream=True: chunks parsed, stops at [DONE]", check_stream),
    ("chat completions stream=True: breaking early closes the connection", check_stream_break),
    ("chat completions stream=True, async client", check_async_stream),
]


def run(package: str, prism_url: str) -> list[dict[str, Any]]:
    """Every check, each with its outcome; a failing check does not stop the others."""
    module = importlib.import_module(package)
    with module.Client(api_key="sk-e2e", base_url="http://127.0.0.1:9", max_retries=0) as client:
        operations = Operations(client)
    results = []
    for name, check in CHECKS:
        try:
            check(module, operations, prism_url)
            results.append({"check": name, "ok": True, "reason": ""})
        except Exception as exc:  # noqa: BLE001 - every failure is a result to report
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else traceback.format_exc(limit=3)
            results.append({"check": name, "ok": False, "reason": " ".join(reason.split())[:400]})
    return results


def main(argv: list[str]) -> int:
    package, prism_url = argv
    print(json.dumps(run(package, prism_url), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
