"""The tools' versions in the generator's fingerprint are what :mod:`importlib.metadata` reads, read without it."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

from generator.output import cache


def test_the_installed_tools_versions_are_importlib_metadatas() -> None:
    for name in (*cache.TOOLS, "pytest", "hypothesis", "Jinja2", "PyYAML", "datamodel_code_generator"):
        assert cache._version(name) == metadata.version(name), name
    assert cache._version("no-such-distribution") is None


def _dist(folder: Path, name: str, metadata_text: str) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / "METADATA").write_text(metadata_text, encoding="utf-8")


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("plain", "1.2.3"),
        ("first on the path wins", "1.2.3"),
        ("no version line", "asked"),
        ("version in the body only", "asked"),
        ("two folders for one name", "asked"),
        ("an egg", "asked"),
    ],
)
def test_what_is_not_read_simply_is_asked_of_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str, expected: str
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    header = "Metadata-Version: 2.1\nName: Some.Tool\n"
    if layout == "no version line":
        _dist(first, "some_tool-1.2.3.dist-info", header)
    elif layout == "version in the body only":
        _dist(first, "some_tool-1.2.3.dist-info", header + "\nVersion: 9.9.9\n")
    else:
        _dist(first, "some_tool-1.2.3.dist-info", header + "Version: 1.2.3\n\nVersion: 9.9.9\n")
    if layout == "first on the path wins":
        _dist(second, "some_tool-4.5.6.dist-info", header + "Version: 4.5.6\n")
    elif layout == "two folders for one name":
        _dist(first, "Some.Tool-4.5.6.dist-info", header + "Version: 4.5.6\n")
    elif layout == "an egg":
        _dist(first, "some_tool-4.5.6-py3.11.egg-info", header + "Version: 4.5.6\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    monkeypatch.setattr(cache, "_asked", lambda name: "asked")
    assert cache._version("some-tool") == expected
