"""The generator's cache: entries are content-addressed and checked, a run with nothing to do is skipped, and a
cached run writes exactly what an uncached build produces."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cli
from generator.emit.render import environment
from generator.output.cache import Cache, digest
from generator.output.folder import MARKER, with_marker
from generator.output.writer import read_tree
from generator.pipeline import build
from tests.support import FIXTURES


def test_entries_round_trip_and_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = digest("some input")
    cache.put("format", key, "x = 1\n")
    assert cache.get("format", key) == "x = 1\n"
    assert cache.get("format", digest("other input")) is None
    (entry,) = (tmp_path / "format").rglob(key)
    entry.write_text(entry.read_text().replace("x = 1", "x = 2"))
    assert cache.get("format", key) is None


def test_byte_entries_round_trip_as_they_are_and_a_damaged_one_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    value = b"\x80\x05not text\r\n\n"
    cache.put_bytes("parsed", digest("bytes"), value)
    assert cache.get_bytes("parsed", digest("bytes")) == value
    assert cache.get("parsed", digest("bytes")) is None  # not UTF-8: no text
    cache.put("format", digest("text"), "a\r\nb\n")
    assert cache.get("format", digest("text")) == "a\r\nb\n"  # line breaks as they were put
    (entry,) = (tmp_path / "parsed").rglob(digest("bytes"))
    entry.write_bytes(entry.read_bytes()[:-1])
    assert cache.get_bytes("parsed", digest("bytes")) is None


def test_digest_parts_do_not_run_together() -> None:
    assert digest("ab", "c") != digest("a", "bc")


@pytest.fixture
def zoo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the zoo fixture's spec and config, and a cache of its own."""
    folder = tmp_path / "zoo"
    folder.mkdir()
    for name in ("openapi.yaml", "sdk.yaml"):
        shutil.copy(FIXTURES / "zoo" / name, folder / name)
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def _generate(spec: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(out), *extra]) == 0
    return capsys.readouterr().out


def test_a_run_with_nothing_to_do_is_skipped_and_a_damaged_output_is_restored(
    zoo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    spec = zoo / "openapi.yaml"
    out.mkdir()
    for name in ("api-snapshot.json", "CHANGELOG.md", MARKER):  # the history the committed output was generated with
        shutil.copy(FIXTURES / "zoo" / "expected" / name, out / name)
    assert "files written" in _generate(spec, out, capsys)
    assert read_tree(out) == read_tree(FIXTURES / "zoo" / "expected")

    assert "up to date" in _generate(spec, out, capsys)

    client = out / "src" / "zoo" / "_client.py"
    client.write_text(client.read_text() + "# edited by hand\n")
    assert "1 files written" in _generate(spec, out, capsys)
    assert read_tree(out) == read_tree(FIXTURES / "zoo" / "expected")


def test_a_changed_spec_reuses_the_cache_and_writes_what_a_cold_build_writes(
    zoo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    spec = zoo / "openapi.yaml"
    _generate(spec, out, capsys)
    # A cold build (no cache) for an output folder with the same history must write the same files.
    cold_out = tmp_path / "cold"
    cold_out.mkdir()
    for name in ("api-snapshot.json", "CHANGELOG.md", MARKER):
        shutil.copy(out / name, cold_out / name)
    text = spec.read_text()
    spec.write_text(text.replace("summary: Look up an animal", "summary: Look up one animal by its id", 1))

    assert "files written" in _generate(spec, out, capsys)
    assert read_tree(out) == with_marker(build(spec, zoo / "sdk.yaml", cold_out).files)
    assert read_tree(out) != read_tree(FIXTURES / "zoo" / "expected")


def test_no_cache_neither_reads_nor_writes_it(zoo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    _generate(zoo / "openapi.yaml", out, capsys, "--no-cache")
    assert "files written" in _generate(zoo / "openapi.yaml", out, capsys, "--no-cache")
    assert not (tmp_path / "cache").exists()


def test_compiled_templates_are_cached_and_give_the_same_text(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.j2").write_text("{% for x in items %}{{ x }}\n{% endfor %}")
    cache = Cache(tmp_path / "cache")
    first = environment(tmp_path / "templates", cache).get_template("t.j2").render(items=[1, 2])
    assert len(list((tmp_path / "cache" / "templates").rglob("*"))) == 2  # a folder and one entry
    again = environment(tmp_path / "templates", cache).get_template("t.j2").render(items=[1, 2])
    assert first == again == environment(tmp_path / "templates").get_template("t.j2").render(items=[1, 2]) == "1\n2\n"
