"""The models' cache (:func:`generator.emit.models.start_models`): only modules that passed the check are cached,
under a key with every model's name and module, so a warm run takes them without checking them again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.api.ir import Api
from generator.api.parser import parse
from generator.core.errors import GenerationError
from generator.emit import models
from generator.output.cache import Cache, digest
from generator.pipeline import read_inputs
from tests.support import FIXTURES


@pytest.fixture(scope="module")
def zoo() -> Api:
    inputs = read_inputs(FIXTURES / "zoo" / "openapi.yaml", FIXTURES / "zoo" / "sdk.yaml")
    return parse(inputs.doc, inputs.config).api


def test_cached_modules_are_the_checked_ones_and_are_not_checked_again(
    zoo: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    cold = models.render_models(zoo)
    assert models.render_models(zoo, cache=cache) == cold

    def unexpected(*args: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(models, "check_modules", unexpected)
    assert models.render_models(zoo, cache=cache) == cold


def test_modules_that_fail_the_check_are_never_cached(
    zoo: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    real = models.generate_quietly
    monkeypatch.setattr(models, "generate_quietly", lambda *args: {**real(*args), "stray.py": "X = 1\n"})
    for _ in range(2):
        with pytest.raises(GenerationError, match="wrote types/stray.py, a module of its own"):
            models.render_models(zoo, cache=cache)
    assert not (tmp_path / "models").exists()


def test_a_foreign_entry_is_ignored(zoo: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path)
    cold = models.render_models(zoo, cache=cache)
    (entry,) = (tmp_path / "models").rglob("*/*")
    cache.put("models", entry.name, '{"animal.py": 1}')
    assert models.render_models(zoo, cache=cache) == cold


@pytest.mark.parametrize("kept", ["", "0" * 64, "../../models"])
def test_an_api_of_a_known_shape_finds_its_models_without_their_schemas(
    zoo: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: str
) -> None:
    cache = Cache(tmp_path)
    cold = models.render_models(zoo)
    assert models.start_models(zoo, cache=cache, shape="some shape")() == cold
    if kept:  # a foreign entry: its models are made again
        cache.put(models.MODELS_OF, digest("some shape"), kept)
        assert models.start_models(zoo, cache=cache, shape="some shape")() == cold
    monkeypatch.setattr(models, "model_document", None)
    assert models.start_models(zoo, cache=cache, shape="some shape")() == cold
