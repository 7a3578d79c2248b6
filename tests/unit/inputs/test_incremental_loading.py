"""Loading from blocks (:func:`generator.inputs.incremental.read_known`): the document a cold load gives, with the
walks over the whole document (nesting, external references, normalising) answered by the blocks' measures."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from generator.core.errors import GenerationError
from generator.inputs import incremental, loader, reading, validate
from generator.inputs.document import Document
from generator.inputs.vocabulary import is_normal
from generator.output.cache import Cache
from tests.unit.inputs.test_incremental import TRICKY

HEAD = 'openapi: 3.1.0\ninfo:\n  title: T\n  version: "1"\n'
DEEP = "[" * (reading.MAX_NESTING + 2) + "]" * (reading.MAX_NESTING + 2)
DOCUMENTS = {
    **{name: HEAD + text for name, text in TRICKY.items() if not text.startswith(("-", " ", "---"))},
    "response codes": HEAD + "paths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n",
    "a date": HEAD + "x-released: 2024-01-01\npaths: {}\n",
    "external reference": HEAD + "paths:\n  /a:\n    $ref: other.yaml#/A\n",
    "too deep": HEAD + f"paths:\n  /a:\n    get:\n      x-deep: {DEEP}\n",
}


def _load(spec: Path, cache: Cache | None) -> Document:
    return loader.load_document(spec, "openapi.yaml", read=lambda path, name: incremental.read_known(path, name, cache))


def _outcome(spec: Path, cache: Cache | None) -> Any:
    try:
        doc = _load(spec, cache) if cache is not None else loader.load_document(spec, "openapi.yaml")
    except GenerationError as exc:
        return [str(p) for p in exc.problems]
    return doc.root, dict(doc.unfollowed), doc.sources, _key_types(doc.root)


def _key_types(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [t for key, value in node.items() for t in (type(key).__name__, *_key_types(value))]
    if isinstance(node, list):
        return [t for value in node for t in _key_types(value)]
    return []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_loads_what_a_cold_load_loads_before_and_after_an_edit(tmp_path: Path, name: str) -> None:
    spec = tmp_path / "openapi.yaml"
    (tmp_path / "other.yaml").write_text("A:\n  get:\n    responses: {}\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    original = DOCUMENTS[name]
    for text in (original, original + "x-edited:\n  by: hand\n", original.replace("paths:", "x-moved: 1\npaths:")):
        spec.write_text(text, encoding="utf-8")
        cold = _outcome(spec, None)
        assert _outcome(spec, cache) == cold  # the blocks read now
        assert _outcome(spec, cache) == cold  # the blocks from the cache


def test_a_block_edited_too_deep_is_reported_at_its_pointer(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    cache = Cache(tmp_path / "cache")
    spec.write_text(HEAD + "paths:\n  /a:\n    get:\n      x-deep: []\n", encoding="utf-8")
    _load(spec, cache)
    spec.write_text(DOCUMENTS["too deep"], encoding="utf-8")
    with pytest.raises(GenerationError) as raised:
        _load(spec, cache)
    assert raised.value.problems[0].pointer.startswith("/paths/~1a/get/x-deep/0/0")
    assert _outcome(spec, None) == [str(p) for p in raised.value.problems]


def test_a_document_read_in_blocks_is_not_walked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(DOCUMENTS["response codes"], encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    cold = _outcome(spec, None)
    monkeypatch.setattr(loader, "check_nesting", lambda *_: pytest.fail("walked for its depth"))
    monkeypatch.setattr(loader, "normalise", lambda *_: pytest.fail("walked to normalise"))
    monkeypatch.setattr(loader, "bundle", lambda *_: pytest.fail("walked for external references"))
    assert _outcome(spec, cache) == cold
    assert _outcome(spec, cache) == cold


def test_normal_data_is_what_normalise_leaves_as_it_is() -> None:
    assert is_normal({"a": [1, {"b": None}], "c": "2024-01-01"})
    assert not is_normal({"a": {200: "ok"}})
    assert not is_normal({"a": [datetime.date(2024, 1, 1)]})
    shared: dict[str, Any] = {"k": [1]}
    assert is_normal({"a": shared, "b": shared})


@pytest.mark.parametrize("name", ["response codes", "a date", "crlf", "comments and compact sequences"])
def test_the_size_known_from_the_blocks_is_the_documents(tmp_path: Path, name: str) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(DOCUMENTS[name], encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    for _ in range(2):
        doc = _load(spec, cache)
        assert doc.size == validate.size(doc.root)


def test_a_document_over_the_size_limit_is_reported_as_a_cold_load_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(DOCUMENTS["response codes"], encoding="utf-8")
    monkeypatch.setattr(validate, "MAX_NODES", validate.size(loader.load_document(spec).root)[0] - 1)
    problems = []
    for cache in (None, Cache(tmp_path / "cache"), Cache(tmp_path / "cache")):
        doc = _load(spec, cache) if cache is not None else loader.load_document(spec, "openapi.yaml")
        with pytest.raises(GenerationError) as raised:
            validate.validate(doc)
        problems.append([str(p) for p in raised.value.problems])
    assert problems[0] == problems[1] == problems[2] and "expands to more than" in problems[0][0]


def test_the_content_digest_follows_every_block_and_the_shape_leaves_out_summaries(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    spec = tmp_path / "openapi.yaml"
    text = HEAD + "paths:\n  /a:\n    get:\n      summary: One.\n      responses: {}\n"
    found = []
    for edited in (text, text, text.replace("One.", "Two."), text.replace("responses: {}", "responses: {x: 1}")):
        spec.write_text(edited, encoding="utf-8")
        doc = _load(spec, cache)
        found.append((doc.shape, doc.content))
    assert found[0] == found[1] and None not in found[0]
    assert found[2][0] == found[0][0] and found[2][1] != found[0][1]  # a summary: the same shape, other content
    assert found[3][0] != found[0][0] and found[3][1] not in (found[0][1], found[2][1])
    spec.write_text(HEAD + "paths:\n  /a:\n    $ref: other.yaml#/A\n", encoding="utf-8")
    assert _load(spec, cache).content is None  # its data is not the blocks' alone
