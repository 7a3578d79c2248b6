"""The generated README.md and api.md: every Python example in them runs against Prism, and api.md is complete.

The examples read the server and key from the environment like any user's code (``FINETUNING_BASE_URL``,
``FINETUNING_API_KEY``), so they are run as written, each block on its own. The README of the ``media`` fixture
shows what the fine-tuning API has not (streaming, file uploads): its examples run against Prism serving its own
document, but for the stream, which Prism cannot send, answered by respx.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator

import finetuning
import finetuning.types
import httpx
import pytest
import respx

from generator.api.config import load_config
from generator.api.ir import Api
from generator.api.parser import parse
from generator.inputs.loader import load_document
from tests.support import CONFIG, FIXTURES, GENERATED, SPEC, imported, needs_prism, serving_prism

DOCS = ["README.md", "api.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, int, str]]:
    found: list[tuple[str, int, str]] = []
    for name in DOCS:
        text = (GENERATED / name).read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            found.append((name, text.count("\n", 0, match.start()) + 1, match.group(1)))
    return found


BLOCKS = _blocks()


@pytest.mark.prism
@needs_prism
@pytest.mark.parametrize(("doc", "line", "code"), BLOCKS, ids=[f"{d}:{n}" for d, n, _ in BLOCKS])
def test_python_example_runs(doc: str, line: int, code: str, prism_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINETUNING_BASE_URL", prism_url)
    monkeypatch.setenv("FINETUNING_API_KEY", "sk-docs-example")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, f"{doc}:{line}", "exec"), {"__name__": "__docs_example__"})
    if "print(" in code:
        assert output.getvalue().strip(), "the example printed nothing"


@pytest.fixture(scope="module")
def api() -> Api:
    """The API the committed docs were generated from (their content is checked against it, whatever it holds)."""
    return parse(load_document(SPEC), load_config(CONFIG)).api


def test_every_doc_has_examples_for_every_resource(api: Api) -> None:
    readme = (GENERATED / "README.md").read_text(encoding="utf-8")
    for resource in (r for r in api.walk() if r.operations):
        assert f"### `client.{'.'.join(resource.path)}`" in readme
    for section in (
        "## Install",
        "## Authentication",
        "## Usage",
        "## Pagination",
        "## Errors",
        "## Retries",
        "## Async",
    ):
        assert section in readme
    assert "with_raw_response" in readme and "with_streaming_response" in readme
    official = ("_request_id", "model_fields_set", "strict_response_validation=True", "client.get(", "client.post")
    official += ("DefaultHttpxClient(", "with Client() as client:", "client.close()", "export FINETUNING_LOG=info")
    assert [name for name in official if name not in readme] == []


def test_api_md_lists_every_method_and_every_type(api: Api) -> None:
    api_md = (GENERATED / "api.md").read_text(encoding="utf-8")
    calls = re.findall(r"`(client\.[\w.]+)\((.*?)\) -> (.+?)`", api_md)
    methods = {f"client.{'.'.join(r.path)}.{op.method_name}": op for r in api.walk() for op in r.operations}
    assert {c[0] for c in calls} == set(methods)
    for call, _, returned in calls:
        op = methods[call]
        if op.page is not None and op.item is not None:
            assert returned == f"{op.page.sync_class}[{op.item.source}]", call
        elif op.response is not None and not op.stream:
            assert returned == op.response.source, call
    for name in finetuning.types.__all__:
        assert f"`{name}`" in api_md, name
    for name in ("APIStatusError", "NotFoundError", "RateLimitError", "APIConnectionError"):
        assert hasattr(finetuning, name) and name in api_md


MEDIA = FIXTURES / "media"


@pytest.fixture(scope="module")
def media_url() -> Iterator[str]:
    with serving_prism(MEDIA / "openapi.yaml") as url:
        yield url


def _sections(text: str) -> list[tuple[str, str]]:
    """(the heading above it, the code) of each Python block."""
    return [(re.findall(r"^## (.+)$", text[: m.start()], re.MULTILINE)[-1], m.group(1)) for m in BLOCK.finditer(text)]


@pytest.mark.prism
@needs_prism
def test_the_media_readme_runs_its_streaming_and_upload_examples(
    media_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDIA_VAULT_BASE_URL", media_url)
    monkeypatch.setenv("MEDIA_VAULT_USERNAME", "docs")
    monkeypatch.setenv("MEDIA_VAULT_PASSWORD", "secret")
    sections = _sections((MEDIA / "expected" / "README.md").read_text(encoding="utf-8"))
    assert {"Streaming responses", "File uploads"} <= {heading for heading, _ in sections}
    events = b'data: {"id": "t1", "delta": "hel"}\n\ndata: [DONE]\n\n'
    with imported(MEDIA / "expected", "media_vault"):
        for heading, code in sections:
            output = io.StringIO()
            with contextlib.ExitStack() as stack:
                if heading == "Streaming responses":  # Prism cannot send an event stream
                    router = stack.enter_context(respx.mock)
                    router.post(url__startswith=media_url).mock(
                        return_value=httpx.Response(200, content=events, headers={"content-type": "text/event-stream"})
                    )
                stack.enter_context(contextlib.redirect_stdout(output))
                exec(compile(code, heading, "exec"), {"__name__": "__docs_example__"})
            if heading in ("Streaming responses", "File uploads"):
                assert output.getvalue().strip(), heading
