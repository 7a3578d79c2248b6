"""Golden files: the committed output is exactly what the generator produces, byte for byte."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from generator.output.folder import MARKER, with_marker
from generator.output.writer import diff_tree, read_tree
from generator.pipeline import build
from tests.support import CONFIG, FIXTURES, GENERATED, ROOT, SPEC, run_generator

FIXTURE_NAMES = sorted(p.name for p in FIXTURES.iterdir() if (p / "openapi.yaml").is_file())


def _inputs(name: str) -> tuple[Path, Path | None, Path]:
    if name == "finetuning":
        return SPEC, CONFIG, GENERATED
    folder = FIXTURES / name
    config = folder / "sdk.yaml"
    return folder / "openapi.yaml", config if config.is_file() else None, folder / "expected"


@pytest.fixture(scope="module")
def builds() -> dict[str, dict[str, str]]:
    """What ``generate`` writes for each: the build's files and the output folder's marker."""
    return {name: with_marker(build(*_inputs(name)).files) for name in ["finetuning", *FIXTURE_NAMES]}


@pytest.mark.parametrize("name", ["finetuning", *FIXTURE_NAMES])
def test_committed_output_is_what_the_generator_writes(name: str, builds: dict[str, dict[str, str]]) -> None:
    expected_dir = _inputs(name)[2]
    committed = read_tree(expected_dir)
    generated = builds[name]
    assert sorted(generated) == sorted(committed), "missing or extra files; run `make generate`"
    stale = [path for path in generated if generated[path] != committed[path]]
    assert not stale, f"stale files (run `make generate`): {stale}"
    assert diff_tree(generated, expected_dir) == []


def test_fixtures_cover_other_shapes() -> None:
    """The generality fixtures are not about fine-tuning: another pagination style, and a discriminated union."""
    assert {"bookshelf", "zoo"} <= set(FIXTURE_NAMES)


@pytest.fixture
def copy_of_generated(tmp_path: Path) -> Path:
    target = tmp_path / "generated"
    shutil.copytree(GENERATED, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return target


def test_one_edited_byte_is_caught(copy_of_generated: Path, builds: dict[str, dict[str, str]]) -> None:
    path = copy_of_generated / "src/finetuning/_client.py"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    diffs = diff_tree(builds["finetuning"], copy_of_generated)
    assert len(diffs) == 1 and "src/finetuning/_client.py" in diffs[0]


def test_missing_and_extra_files_are_caught(copy_of_generated: Path, builds: dict[str, dict[str, str]]) -> None:
    (copy_of_generated / "src/finetuning/types/fine_tuning_job.py").unlink()
    (copy_of_generated / "src/finetuning/stray.py").write_text("x = 1\n")
    diffs = diff_tree(builds["finetuning"], copy_of_generated)
    assert len(diffs) == 2
    assert any("fine_tuning_job.py" in d for d in diffs) and any("stray.py" in d for d in diffs)


def test_check_command_exits_1_with_a_diff(copy_of_generated: Path) -> None:
    path = copy_of_generated / "src/finetuning/_version.py"
    path.write_text(path.read_text().replace("__version__", "__versio__"))
    result = run_generator("check", "--out", str(copy_of_generated))
    assert result.returncode == 1
    assert "--- generated/src/finetuning/_version.py" in result.stdout
    assert "+__version__" in result.stdout


def test_check_command_passes_on_committed_output() -> None:
    result = run_generator("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generate_is_deterministic_across_hash_seeds_and_directories(tmp_path: Path) -> None:
    """Different PYTHONHASHSEEDs and working directories give byte-identical output (from the committed history)."""
    outputs = []
    for seed, cwd in (("1", ROOT), ("4242", tmp_path)):
        out = tmp_path / f"out-{seed}"
        out.mkdir()
        for name in ("api-snapshot.json", "CHANGELOG.md", MARKER):
            shutil.copy(GENERATED / name, out / name)
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        result = run_generator(
            "generate", "--quiet", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out), env=env, cwd=cwd
        )
        assert result.returncode == 0, result.stderr
        outputs.append(read_tree(out))
    assert outputs[0] == outputs[1]
    assert outputs[0] == read_tree(GENERATED)


def test_generated_files_carry_no_timestamps_or_absolute_paths(builds: dict[str, dict[str, str]]) -> None:
    today = datetime.date.today().isoformat()
    for name, files in builds.items():
        for path, text in files.items():
            assert str(ROOT) not in text, f"{name}:{path} contains an absolute path"
            assert today not in text and "#   timestamp:" not in text, f"{name}:{path} carries a timestamp"
