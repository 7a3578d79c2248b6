"""The generated packages are code a person would be glad to read: strict pyright, ruff, no API words leaking."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import FIXTURES, GENERATED, ROOT

PACKAGES = [GENERATED, *sorted(p / "expected" for p in FIXTURES.iterdir() if (p / "expected").is_dir())]
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"

# Words of the fine-tuning API that must never appear in the generic toolchain.
API_WORDS = re.compile(r"fine[_\- ]?tun|finetuning|checkpoint|wandb|openai|hyperparam|ftjob", re.IGNORECASE)


@pytest.mark.parametrize("folder", ["generator", "templates"])
def test_toolchain_holds_no_word_of_the_api(folder: str) -> None:
    hits = []
    for path in sorted((ROOT / folder).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if API_WORDS.search(line):
                    hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not hits, "\n".join(hits)


@pytest.fixture(scope="module")
def strict_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[str]]:
    """Strict pyright over every package in one run (one start instead of one a package): each package an execution
    environment of its own, with the settings its ``pyproject.toml`` gives it. The errors by package."""
    if not PYRIGHT.exists():
        pytest.skip("node_modules not installed (run `make test`)")
    work = tmp_path_factory.mktemp("pyright")

    def rel(path: Path) -> str:  # pyright reads the config's paths relative to the config's folder
        return os.path.relpath(path, work)

    config = {
        "include": [rel(p / part) for p in PACKAGES for part in ("src", "tests") if (p / part).is_dir()],
        "typeCheckingMode": "strict",
        "pythonVersion": "3.11",
        "executionEnvironments": [{"root": rel(p), "extraPaths": [rel(p / "src")]} for p in PACKAGES],
    }
    (work / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, "--outputjson", "-p", str(work)],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["summary"]["filesAnalyzed"] > 0, result.stdout[-4000:]
    found: dict[Path, list[str]] = {p: [] for p in PACKAGES}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            owner = next(p for p in PACKAGES if Path(diagnostic["file"]).is_relative_to(p))
            found[owner].append(f"{diagnostic['file']}: {diagnostic['message']}")
    return found


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name if p.name == "expected" else p.name)
def test_pyright_strict_passes(package: Path, strict_errors: dict[Path, list[str]]) -> None:
    """The package's own settings are these (strict), so the one run checks what ``pyright`` in it would."""
    settings = (package / "pyproject.toml").read_text()
    assert settings.count('typeCheckingMode = "strict"') == 1 and 'include = ["src", "tests"]' in settings
    assert strict_errors[package] == [], "\n".join(strict_errors[package][:20])


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name if p.name == "expected" else p.name)
def test_ruff_passes(package: Path) -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run(
        [ruff, "check", "--no-cache", "."], cwd=package, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_generated_module_compiles() -> None:
    for package in PACKAGES:
        for path in sorted(package.rglob("*.py")):
            compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_the_toolchain_itself_passes_ruff_and_black() -> None:
    bin_dir = Path(sys.executable).parent
    ruff = subprocess.run(
        [str(bin_dir / "ruff"), "check", "--no-cache", "generator", "tests", "realworld"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
    black = subprocess.run(
        [str(bin_dir / "black"), "--check", "--quiet", "generator", "tests", "realworld"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert black.returncode == 0, black.stderr
