"""The parse from the cache (:mod:`generator.api.parse_memo`): after an edit of operations' summaries or
descriptions, the IR is a cold parse's; after any other edit it is parsed again; a damaged or foreign entry is a
miss."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.api import parse_memo
from generator.api.config import parse_config
from generator.api.parser import ParseResult, parse
from generator.inputs import incremental, loader
from generator.inputs.document import Document
from generator.inputs.reading import read_file
from generator.output.cache import Cache
from tests.support import CONFIG, FIXTURES, SPEC

STORES = """openapi: 3.1.0
info:
  title: Stores
  version: "1"
paths:
  /stores/{store_id}:
    get:
      operationId: getStore
      summary: Retrieve a store
      parameters:
        - {name: store_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
  /stores/{store_id}/orders:
    get:
      operationId: orderHistory
      summary: List the orders
      parameters:
        - {name: store_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
"""
"""Where a summary places an operation: ``stores.list_orders``, or ``stores.orders`` when it says no listing."""

DOCUMENTS: dict[str, tuple[Path | str, Path | None]] = {
    "stores": (STORES, None),
    "fine-tuning": (SPEC, CONFIG),
    **{name: (FIXTURES / name / "openapi.yaml", FIXTURES / name / "sdk.yaml") for name in ("zoo", "bookshelf")},
}


def _summaries(text: str, new: Callable[[int, str], str]) -> str:
    """``text`` with the ``n``-th operation summary ``old`` replaced by ``new(n, old)``."""
    lines, n = text.split("\n"), 0
    for i, line in enumerate(lines):
        if line.startswith("      summary: "):
            lines[i], n = f"      summary: {new(n, line.removeprefix('      summary: '))}", n + 1
    assert n, "the document has operation summaries"
    return "\n".join(lines)


EDITS: dict[str, Callable[[str], str]] = {
    "summaries": lambda text: _summaries(text, lambda n, old: f"{old} (edited)"),
    "other summaries": lambda text: _summaries(text, lambda n, old: f"Does thing {n}"),
    "a summary that says it lists": lambda text: _summaries(text, lambda n, old: "List them" if n == 0 else old),
    "descriptions": lambda text: text.replace("description: ", "description: Now ", 3),
    "a path": lambda text: text.replace("\n  /", "\n  /v9/", 1),
}


def _load(folder: Path, text: str, cache: Cache) -> Document:
    spec = folder / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    return loader.load_document(spec, "openapi.yaml", read=lambda path, name: incremental.read_known(path, name, cache))


def _same(warm: ParseResult, cold: ParseResult) -> bool:
    """Equal values throughout (a pickle of each may still differ: which equal strings are one object)."""
    return _equal(warm, cold, set())


def _equal(a: Any, b: Any, seen: set[tuple[int, int]]) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, str | int | float | bool | bytes | None | frozenset | set):
        return a == b
    if (id(a), id(b)) in seen:
        return True
    seen.add((id(a), id(b)))
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_equal(x, y, seen) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_equal(a[k], b[k], seen) for k in a)
    return _equal(vars(a), vars(b), seen) if hasattr(a, "__dict__") else a is b


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_parse_after_an_edit_is_the_cold_parse(tmp_path: Path, name: str, edit: str) -> None:
    spec, config_path = DOCUMENTS[name]
    cache = Cache(tmp_path / "cache")
    text = spec.read_text(encoding="utf-8") if isinstance(spec, Path) else spec
    doc = _load(tmp_path, text, cache)
    config = parse_config(read_file(config_path, "sdk.yaml") if config_path else None, "sdk.yaml", doc)
    first, shape = parse_memo.parse_cached(doc, config, cache)
    assert shape is not None and _same(first, parse(doc, config))
    edited = _load(tmp_path, EDITS[edit](text), cache)
    assert edited.root != doc.root
    for _ in range(2):
        warm, again = parse_memo.parse_cached(edited, config, cache)
        assert _same(warm, parse(edited, config))
        assert again is not None
        assert again == shape or edit != "summaries"  # a summary edit that lists as before: from the cache


@pytest.mark.parametrize("entry", ["damaged", "not a pickle", "another value"])
def test_a_damaged_or_foreign_entry_is_parsed_again(tmp_path: Path, entry: str) -> None:
    cache = Cache(tmp_path / "cache")
    doc = _load(tmp_path, STORES, cache)  # a document of its own: whatever spec/ holds, it is stored
    config = parse_config(None, "sdk.yaml", doc)
    parse_memo.parse_cached(doc, config, cache)
    (stored,) = (path for path in (tmp_path / "cache" / parse_memo.KIND).rglob("*") if path.is_file())
    if entry == "damaged":
        stored.write_bytes(stored.read_bytes()[:-10])
    else:
        value = b"not a pickle" if entry == "not a pickle" else pickle.dumps({"a": 1})
        cache.put_bytes(parse_memo.KIND, stored.name, value)
    warm, _ = parse_memo.parse_cached(doc, config, cache)
    assert _same(warm, parse(doc, config))
