"""The generated README.md and api.md: every Python example in them runs against Prism, and api.md is complete.

The examples read the server and key from the environment like any user's code (``FINETUNING_BASE_URL``,
``FINETUNING_API_KEY``), so they are run as written, each block on its own.
"""

from __future__ import annotations

import contextlib
import io
import re

import finetuning
import finetuning.types
import pytest

from tests.support import GENERATED, needs_prism

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


def test_every_doc_has_examples_for_every_resource() -> None:
    readme = (GENERATED / "README.md").read_text(encoding="utf-8")
    for resource in ("client.fine_tuning.jobs", "client.fine_tuning.jobs.checkpoints"):
        assert f"### `{resource}`" in readme
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


def test_api_md_lists_every_method_and_every_type() -> None:
    api_md = (GENERATED / "api.md").read_text(encoding="utf-8")
    calls = re.findall(r"`(client\.[\w.]+)\((.*?)\) -> (.+?)`", api_md)
    assert {c[0] for c in calls} == {
        "client.fine_tuning.jobs.create",
        "client.fine_tuning.jobs.list",
        "client.fine_tuning.jobs.retrieve",
        "client.fine_tuning.jobs.cancel",
        "client.fine_tuning.jobs.list_events",
        "client.fine_tuning.jobs.checkpoints.list",
    }
    returns = {c[0]: c[2] for c in calls}
    assert returns["client.fine_tuning.jobs.list"] == "SyncCursorPage[FineTuningJob]"
    assert returns["client.fine_tuning.jobs.retrieve"] == "FineTuningJob"
    for name in finetuning.types.__all__:
        assert f"`{name}`" in api_md, name
    for name in ("APIStatusError", "NotFoundError", "RateLimitError", "APIConnectionError"):
        assert hasattr(finetuning, name) and name in api_md
