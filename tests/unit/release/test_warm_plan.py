"""The release plan with a cache gives what it gives without one: the kept snapshot's memo."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator.api.config import parse_config
from generator.api.shape import api_shape
from generator.inputs.document import Document
from generator.output.cache import Cache, digest
from generator.release import history
from generator.release.diff import Side
from generator.release.history import SNAPSHOT, Release, plan, snapshot_text
from tests.unit.release.test_real_history import STRING, tiny

JSON = dict[str, Any]
INTEGER: JSON = {"type": "integer"}


def _plan(out: Path, new: JSON, cache: Cache | None) -> Release:
    doc = Document(new, "new.yaml")
    config = parse_config(None, "sdk.yaml", doc)
    return plan(Side.parse(doc, config).api, doc, {}, config, out, cache=cache)


def _edited(old: JSON) -> JSON:
    new = copy.deepcopy(old)
    new["paths"]["/things"]["post"]["description"] = "Make a thing, clearly."
    return new


def test_the_kept_snapshot_is_the_cold_runs_whether_the_file_is_as_written_or_not(tmp_path: Path) -> None:
    old = tiny(STRING, STRING)
    cache = Cache(tmp_path / "cache")
    out = tmp_path / "out"
    out.mkdir()
    for written in (snapshot_text("1.2.3", old, {}), json.dumps({"version": "1.2.3", "spec": old, "config": {}})):
        (out / SNAPSHOT).write_text(written, encoding="utf-8")
        cold = _plan(out, _edited(old), None).files
        for _ in range(2):  # the first run fills the memo, the second reads it
            assert _plan(out, _edited(old), cache).files == cold
        assert cold[SNAPSHOT] == snapshot_text("1.2.3", old, {})


def test_a_snapshot_file_as_written_is_not_written_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tiny(STRING, STRING)
    cache = Cache(tmp_path / "cache")
    out = _released_out(tmp_path, old)
    _plan(out, _edited(old), cache)
    calls: list[str] = []
    monkeypatch.setattr(history, "snapshot_text", lambda version, *_: calls.append(version) or "")
    assert _plan(out, _edited(old), cache).files[SNAPSHOT] == (out / SNAPSHOT).read_text(encoding="utf-8")
    assert calls == []


def test_the_snapshot_of_a_release_made_now_is_not_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first generation is a release: the next run (a development version) keeps its snapshot's text, which is what
    writing the snapshot again gives (numbers, escapes and all)."""
    old = tiny(STRING, STRING)
    old["info"]["x-numbers"] = [1.5e-7, 10**30, -0.0, 1e300, True, None]
    old["info"]["x-text"] = 'caf\u00e9 \U0001f600 \ud800 \x7f "quoted"\n'
    cache = Cache(tmp_path / "cache")
    out = tmp_path / "out"
    out.mkdir()
    written = _plan(out, old, cache).files[SNAPSHOT]
    (out / SNAPSHOT).write_text(written, encoding="utf-8", errors="surrogatepass")
    cold = _plan(out, _edited(old), None).files[SNAPSHOT]
    calls: list[str] = []
    monkeypatch.setattr(history, "snapshot_text", lambda version, *_: calls.append(version) or "")
    assert _plan(out, _edited(old), cache).files[SNAPSHOT] == cold == written
    assert calls == []


def test_a_corrupt_memo_of_the_snapshot_is_a_miss(tmp_path: Path) -> None:
    old = tiny(STRING, STRING)
    cache = Cache(tmp_path / "cache")
    out = _released_out(tmp_path, old)
    _plan(out, _edited(old), cache)
    for kind in (tmp_path / "cache").iterdir():
        if kind.name == "snapshot":
            for entry in kind.rglob("*"):
                if entry.is_file():
                    entry.write_text("not a checked entry", encoding="utf-8")  # a corrupt cache is a miss
    assert _plan(out, _edited(old), cache).files[SNAPSHOT] == snapshot_text("1.2.3", old, {})


def _shaped_plan(out: Path, new: JSON, cache: Cache | None) -> Release:
    """The plan as a build makes it: with the API's shape, which keys the changes' memo."""
    doc = Document(new, "new.yaml")
    config = parse_config(None, "sdk.yaml", doc)
    api = Side.parse(doc, config).api
    return plan(api, doc, {}, config, out, cache=cache, shape=api_shape(api))


def _released_out(tmp_path: Path, old: JSON) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / SNAPSHOT).write_text(snapshot_text("1.2.3", old, {}), encoding="utf-8")
    return out


def _retyped(old: JSON) -> JSON:
    new = _edited(old)
    new["components"]["schemas"]["Thing"]["properties"]["result"] = INTEGER  # a breaking change: another shape
    return new


def _summed_up(new: JSON, text: str) -> JSON:
    new = copy.deepcopy(new)
    new["paths"]["/things"]["post"]["summary"] = text
    return new


def test_the_changes_are_the_cold_runs_after_summary_edits_and_after_other_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tiny(STRING, STRING)
    cache = Cache(tmp_path / "cache")
    out = _released_out(tmp_path, old)
    for edit in (_edited, _retyped):
        cold = _shaped_plan(out, _summed_up(edit(old), "One."), None)
        assert _shaped_plan(out, _summed_up(edit(old), "One."), cache).changes == cold.changes
        assert cold.changes or edit is _edited
        with monkeypatch.context() as patched:  # the same shape: neither the release's parse nor a comparison
            patched.setattr(history, "compare", None)
            patched.setattr(history, "_released", None)
            again = _shaped_plan(out, _summed_up(edit(old), "Two."), cache)
        assert again.changes == _shaped_plan(out, _summed_up(edit(old), "Two."), None).changes == cold.changes
        assert again.files == _shaped_plan(out, _summed_up(edit(old), "Two."), None).files


@pytest.mark.parametrize("entry", ["not json", '{"changes": []}', '[{"rule": 1}]'])
def test_a_damaged_or_foreign_memo_of_the_changes_is_a_miss(tmp_path: Path, entry: str) -> None:
    old = tiny(STRING, STRING)
    cache = Cache(tmp_path / "cache")
    out = _released_out(tmp_path, old)
    cold = _shaped_plan(out, _retyped(old), None)
    _shaped_plan(out, _retyped(old), cache)
    (stored,) = (path for path in (tmp_path / "cache" / "changes").rglob("*") if path.is_file())
    cache.put("changes", stored.name, entry)
    assert _shaped_plan(out, _retyped(old), cache).changes == cold.changes
    stored.write_text("damaged", encoding="utf-8")
    assert _shaped_plan(out, _retyped(old), cache).changes == cold.changes


def _content_plan(out: Path, new: JSON, cache: Cache | None) -> Release:
    """The plan of a document read in blocks: its data's digest (``content``) keys the comparison's memo."""
    doc = Document(new, "new.yaml", content=digest(json.dumps(new, sort_keys=True)))
    config = parse_config(None, "sdk.yaml", doc)
    api = Side.parse(doc, config).api
    return plan(api, doc, {}, config, out, cache=cache, shape=api_shape(api))


@pytest.mark.parametrize("damage", ["none", "bytes", "not json", "another form"])
def test_a_run_after_an_edit_does_not_read_the_snapshot_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    old = tiny(STRING, STRING)
    cache = Cache(tmp_path / "cache")
    out = _released_out(tmp_path, old)
    for text in ("One.", "Two."):
        cold = _content_plan(out, _summed_up(_edited(old), text), None)
        _content_plan(out, _summed_up(_edited(old), text), cache)
        (entry,) = (p for p in (tmp_path / "cache" / "compared").rglob("*") if p.is_file())
        if damage == "bytes":
            entry.write_text(entry.read_text().replace("1.2.3", "1.2.4"))
        elif damage != "none":
            cache.put("compared", entry.name, "[" if damage == "not json" else '["1.2.3", 1, null]')
        with monkeypatch.context() as patched:
            if damage == "none":  # the snapshot's JSON is not read
                patched.setattr(history, "parse_text", lambda *_: pytest.fail("read"))
            warm = _content_plan(out, _summed_up(_edited(old), text), cache)
        assert (warm.version, warm.released, warm.api_changed, warm.files) == (
            cold.version,
            cold.released,
            cold.api_changed,
            cold.files,
        )
        entry.unlink()
    unchanged = _content_plan(out, old, cache)  # another document's data: compared again
    assert not unchanged.api_changed and unchanged.version == "1.2.3"


def test_the_snapshot_read_is_the_one_its_digest_was_taken_of(tmp_path: Path) -> None:
    """Memos are kept under the digest of the snapshot's bytes: those bytes are what is parsed, even when the file
    changes during the run (it was once read a second time)."""
    out = _released_out(tmp_path, tiny(STRING, STRING))
    recorded = history.read_recorded(out)
    assert recorded is not None
    (out / history.SNAPSHOT).write_text('{"version": "9.9.9", "spec": {}, "config": {}}', encoding="utf-8")
    assert recorded.version == "1.2.3"
