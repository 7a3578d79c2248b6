"""Incremental reading (:mod:`generator.inputs.incremental`): the same data as reading the whole file, always, and
only the changed blocks read again."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest

from generator.core.errors import GenerationError
from generator.inputs import incremental, reading
from generator.inputs.vocabulary import normalise
from generator.output.cache import Cache
from tests.support import FIXTURES

PLAIN = """\
openapi: 3.1.0
info:
  title: T
  version: "1"
paths:
  /pets:
    get:
      summary: List pets.
      responses:
        200:
          description: ok
components:
  schemas:
    Pet:
      type: object
      description: |+
        Kept trailing lines.


    Tag:
      enum:
      - a
      - b
"""

TRICKY = {
    "plain": PLAIN,
    "comments and compact sequences": "# top\na:\n  # inside\n  b:\n  - 1\n  - 2\n# between\n  c: 3\nd: [1,\n  2]\n",
    "quoted scalar over a line that looks like a key": 'a:\n  b: "one\n  c: two"\n  d: 1\n',
    "single-quoted at column 0": "a:\n  b: 'one\nc: two'\n",
    "flow mapping over lines": "a:\n  b: {x: 1,\n  y: 2}\n  c: 3\n",
    "anchors within a block": "a:\n  b: &x {k: [1]}\n  c: 2\nd:\n  e: &y [1]\n  f: *y\n",
    "alias to another block": "a:\n  b: &x {k: 1}\nc:\n  d: *x\n",
    "timestamps": "a:\n  b: 2024-10-01\n  c: 1\n",
    "crlf": "a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n",
    "document marker": "---\na:\n  b: 1\n",
    "document end marker later": "a:\n  b: 1\nc: 2\n...\n# end\n",
    "byte-order mark at a line's start": "a:\n  b: 1\n\ufeffc: 2\n",
    "indented root": "  a:\n    b: 1\n",
    "explicit key": "a:\n  ? b\n  : 1\n",
    "sequence root": "- a: 1\n- b: 2\n",
    "block scalar with keys in it": "a:\n  b: |\n    x:\n  c: |-\n    y:\nz: 1\n",
    "plain scalar over lines": "a:\n  b: one\n    two\n  c: 3\n",
}

BROKEN = {
    "duplicate key across blocks": "paths:\n  /a:\n    get: {}\n  /a:\n    put: {}\n",
    "duplicate top-level key": "a: 1\nb: 2\na: 3\n",
    "unterminated quote": 'a:\n  b: "one\n  c: 2\n',
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "undefined alias": "a:\n  b: *nowhere\n",
    "a tab for indentation": "a:\n  b: 1\n\tc: 2\n",
    "merge key at a cut level": "a:\n  <<: {k: 1}\n  b: 2\n",
    "a second document": "a:\n  b: 1\n---\nc: 2\n",
}


def _read_twice(tmp_path: Path, text: str) -> tuple[Any, Any]:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text, encoding="utf-8", newline="")
    cache = Cache(tmp_path / "cache")
    first = incremental.read_document(spec, "openapi.yaml", cache)
    return first, incremental.read_document(spec, "openapi.yaml", cache)


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_reads_what_the_whole_file_reads(tmp_path: Path, text: str) -> None:
    expected = reading.parse_text(text, "openapi.yaml")
    first, again = _read_twice(tmp_path, text)
    uncached = incremental.read_document(tmp_path / "openapi.yaml", "openapi.yaml", None)
    assert first == expected and again == expected and uncached == expected
    for read in (again, uncached):
        assert [type(v) for v in _leaves(read)] == [type(v) for v in _leaves(expected)]  # 200 stays an int key


def test_without_a_cache_the_blocks_are_read_one_by_one(tmp_path: Path) -> None:
    """A cold run reads in blocks too (less memory at once, and faster than the whole text), keeping nothing."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(PLAIN, encoding="utf-8")
    found = incremental.read_known(spec, "openapi.yaml", None)
    assert isinstance(found, reading.Read) and found.data == normalise(reading.parse_text(PLAIN, "openapi.yaml"))
    assert list(tmp_path.iterdir()) == [spec]


def test_nodes_shared_through_aliases_stay_shared(tmp_path: Path) -> None:
    _, again = _read_twice(tmp_path, TRICKY["anchors within a block"])
    assert again["d"]["e"] is again["d"]["f"]


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_reports_what_the_whole_file_reports(tmp_path: Path, text: str) -> None:
    with pytest.raises(GenerationError) as whole:
        reading.parse_text(text, "openapi.yaml")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    for cache in (Cache(tmp_path / "cache"), None):
        with pytest.raises(GenerationError) as split:
            incremental.read_document(spec, "openapi.yaml", cache)
        assert [str(p) for p in split.value.problems] == [str(p) for p in whole.value.problems]


def test_only_the_changed_block_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (FIXTURES / "media" / "openapi.yaml").read_text(encoding="utf-8")  # a frozen document: spec/ may change
    _read_twice(tmp_path, text)
    edited = text.replace("summary: ", "summary: Edited. ", 1)
    assert edited != text
    read: list[str] = []
    parse = reading.parse_text

    def counting(block: str, name: str) -> Any:
        read.append(block)
        return parse(block, name)

    monkeypatch.setattr(reading, "parse_text", counting)
    (tmp_path / "openapi.yaml").write_text(edited, encoding="utf-8")
    result = incremental.read_document(tmp_path / "openapi.yaml", "openapi.yaml", Cache(tmp_path / "cache"))
    assert result == parse(edited, "openapi.yaml")
    assert len(read) == 1 and "Edited." in read[0] and len(read[0]) < len(text) / 5


def test_a_copy_of_the_document_reuses_the_blocks_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _read_twice(tmp_path, PLAIN)
    copy = tmp_path / "copy" / "openapi.yaml"
    copy.parent.mkdir()
    copy.write_text(PLAIN, encoding="utf-8")
    monkeypatch.setattr(reading, "parse_text", lambda *_: pytest.fail("a block was read again"))
    assert incremental.read_document(copy, "openapi.yaml", Cache(tmp_path / "cache"))["info"]["title"] == "T"


def _leaves(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [x for key, value in node.items() for x in (key, *_leaves(value))]
    if isinstance(node, list):
        return [x for value in node for x in _leaves(value)]
    return [node]


@pytest.mark.parametrize("damage", ["bytes", "not marshal", "another value", "other blocks"])
def test_a_damaged_or_foreign_table_reads_what_the_whole_file_reads(tmp_path: Path, damage: str) -> None:
    _read_twice(tmp_path, PLAIN)
    cache = Cache(tmp_path / "cache")
    (table,) = (p for p in (tmp_path / "cache" / incremental.KIND).rglob("*") if p.is_file() and p.stat().st_size > 200)
    blocks = marshal.loads(table.read_bytes().partition(b"\n")[2])
    if damage == "bytes":
        table.write_bytes(table.read_bytes()[:-5])
    else:
        value = {"not marshal": b"\xff", "another value": marshal.dumps([1]), "other blocks": b""}[damage]
        cache.put_bytes(incremental.KIND, table.name, value or marshal.dumps({k: b"\x00" for k in blocks}))
    spec = tmp_path / "openapi.yaml"
    assert incremental.read_document(spec, "openapi.yaml", cache) == reading.parse_text(PLAIN, "openapi.yaml")
