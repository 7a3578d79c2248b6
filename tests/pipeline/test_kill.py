"""A real SIGKILL at every moment of a generation (see :mod:`tests.pipeline.crash`): after each, the output folder
holds the whole old tree or the whole new one (or, where the file system cannot exchange two folders atomically, the
old tree waits beside it), the next run recovers from what the kill left, and the history (the version in
api-snapshot.json, CHANGELOG.md) is never lost.

The fine-tuning spec runs in ``make test``; the OpenAI document (``../shared/specs/openai/openapi.yaml``, 288
operations and 2,200 files; skipped when absent) in ``make fuzz``, or when ``SDKGEN_FULL`` is set.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.output.writer import backup_folder, read_tree
from tests.pipeline.crash import MOMENTS
from tests.support import ROOT, SHARED, SPEC

OPENAI = SHARED / "specs" / "openai" / "openapi.yaml"
FULL = bool(os.environ.get("SDKGEN_FULL"))


def _run(moment: str | None, spec: Path, out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    command = ["generate", "--quiet", "--keep-going", "--spec", str(spec), "--out", str(out)]
    runner = ["-m", "tests.pipeline.crash", moment] if moment else ["-m", "generator"]
    return subprocess.run(
        [sys.executable, *runner, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SDKGEN_CACHE_DIR": str(cache)},
        check=False,
    )


def _version(out: Path) -> str:
    return str(json.loads((out / "api-snapshot.json").read_text())["version"])


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name and p.name.startswith(f".{out.name}."))


def _kill_at_every_moment(source: Path, tmp_path: Path, moments: tuple[str, ...] = MOMENTS) -> None:
    """Generate ``source``; add an optional field to its first request body; then kill the regeneration at every
    moment in turn, each run starting from what the previous kill left; finally run to the end."""
    spec, out, cache = tmp_path / "spec" / "openapi.yaml", tmp_path / "out", tmp_path / "cache"
    spec.parent.mkdir()
    config = source.parent / "sdk.yaml"
    if config.is_file():
        (spec.parent / "sdk.yaml").write_text(config.read_text())
    doc = yaml.load(source.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    spec.write_text(json.dumps(doc, default=str))
    first = _run(None, spec, out, cache)
    assert first.returncode == 0, first.stderr
    old, old_version = read_tree(out), _version(out)

    _add_request_field(doc)
    spec.write_text(json.dumps(doc, default=str))
    new: dict[str, str] | None = None
    for moment in moments:
        killed = _run(moment, spec, out, cache)
        assert killed.returncode == -9, (moment, killed.stderr)
        now = read_tree(out)
        if moment == "moved-aside":  # no exchange: the one moment without an output folder, which the next run undoes
            assert not out.exists() and read_tree(backup_folder(out)) == old
        elif now != old:  # from the swap on, the new tree: whole, and the same every time
            assert new is None or now == new, moment
            new = now
            assert moment in ("swapped", "cleaning"), f"killed at {moment}, the folder changed"
        else:
            assert new is None, f"killed at {moment}, the folder went back to the old tree"

    last = _run(None, spec, out, cache)
    assert last.returncode == 0, last.stderr
    assert read_tree(out) == new
    assert _leftovers(out) == []
    assert _version(out) == old_version  # the release recorded before the kills is kept
    changelog = (out / "CHANGELOG.md").read_text()
    assert changelog.index("## Unreleased") < changelog.index(f"## {old_version}")  # the new field, unreleased
    assert ".dev0" in (out / "pyproject.toml").read_text()


def _add_request_field(doc: dict[str, object]) -> None:
    for item in doc["paths"].values():  # type: ignore[attr-defined]
        for operation in item.values():
            schema = (
                (operation.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema")
                if isinstance(operation, dict)
                else None
            )
            if isinstance(schema, dict) and "$ref" in schema:
                target = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]  # type: ignore[index]
                target.setdefault("properties", {})["sdkgen_kill_test_note"] = {"type": "string"}
                return
    raise AssertionError("no request body to extend")


def test_a_kill_at_any_moment_loses_nothing(tmp_path: Path) -> None:
    _kill_at_every_moment(SPEC, tmp_path, MOMENTS[1:])  # parsing, like formatting, is before anything is written


@pytest.mark.skipif(not OPENAI.is_file(), reason="../shared/specs/openai is absent")
@pytest.mark.skipif(not FULL, reason="minutes of work: run by `make fuzz` (or with SDKGEN_FULL=1)")
def test_a_kill_at_any_moment_of_the_openai_generation_loses_nothing(tmp_path: Path) -> None:
    _kill_at_every_moment(OPENAI, tmp_path)
