"""Shared paths and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "spec" / "sdk.yaml"
GENERATED = ROOT / "generated"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """A fake key in the environment; the base-URL variable cleared so tests choose their own server."""
    monkeypatch.setenv("FINETUNING_API_KEY", "sk-test-key")
    monkeypatch.delenv("FINETUNING_BASE_URL", raising=False)
    return "sk-test-key"
