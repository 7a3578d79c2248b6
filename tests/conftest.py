"""Fixtures every test may use: the Prism mock server, a fake API key, the async backend."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.support import SPEC, serving_prism

# Every generator run in the tests is a full run: the cache would answer a determinism test from an earlier run's
# output. (tests/pipeline/test_cache.py points it at a folder of its own.)
os.environ["SDKGEN_CACHE_DIR"] = ""


SLOW_FOLDERS = ("pipeline", "contract")
"""Whole runs: the generator, pytest, pyright or Prism in subprocesses. Every test there is ``slow``; elsewhere a
test says so itself (``@pytest.mark.slow``). ``make test-fast`` leaves them out."""


LONGEST = ("test_spec_edits.py",)
"""Modules whose tests take a minute or more: run first, so that under xdist no worker ends up waiting for one that
another worker started late."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.parent.name in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.path.name not in LONGEST)  # stable: the rest keep their order


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Prism serving spec/openapi.yaml on a free port of 127.0.0.1, once per session (``--errors`` makes a request
    that violates the spec fail instead of being answered)."""
    with serving_prism(SPEC) as url:
        yield url


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """A fake key in the environment; the base-URL variable cleared so tests choose their own server."""
    monkeypatch.setenv("FINETUNING_API_KEY", "sk-test-key")
    monkeypatch.delenv("FINETUNING_BASE_URL", raising=False)
    return "sk-test-key"


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio unless a module asks for more backends."""
    return "asyncio"
