"""The runtime is plain Python (``templates/runtime/``): linted, formatted and strictly type-checked as it is, copied
into every generated package unchanged, with stand-ins that define exactly what the generated modules define."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.emit import runtime_files as generator_runtime
from tests.runtime.conftest import RUNTIME
from tests.support import FIXTURES, GENERATED, ROOT

PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"
BIN = Path(sys.executable).parent
PACKAGES = [GENERATED, *sorted(p / "expected" for p in FIXTURES.iterdir() if (p / "expected").is_dir())]
STAND_INS = {"__init__", "_base_error", "_constants", "_version"}


def _source(package: Path) -> Path:
    (src,) = [p for p in (package / "src").iterdir() if p.is_dir()]
    return src


def test_the_folder_holds_the_runtime_and_the_stand_ins_only() -> None:
    modules = {p.stem for p in RUNTIME.glob("*.py")}
    every_runtime = set(generator_runtime.CORE_MODULES) | set(generator_runtime.OPTIONAL_MODULES)
    assert modules == every_runtime | STAND_INS
    assert STAND_INS <= set(generator_runtime.GENERATED_MODULES)


def test_ruff_and_black_pass_on_the_source() -> None:
    ruff = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", str(RUNTIME)], cwd=ROOT, capture_output=True, text=True
    )
    assert ruff.returncode == 0, ruff.stdout
    black = subprocess.run([str(BIN / "black"), "--check", str(RUNTIME)], cwd=ROOT, capture_output=True, text=True)
    assert black.returncode == 0, black.stderr


@pytest.mark.slow
@pytest.mark.skipif(not PYRIGHT.exists(), reason="node_modules not installed (run `make test`)")
def test_pyright_strict_passes_on_the_source(tmp_path: Path) -> None:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.11"}), "utf-8")
    result = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, "--outputjson", "-p", str(config), "."],
        cwd=RUNTIME,
        capture_output=True,
        text=True,
        check=False,
    )
    summary = json.loads(result.stdout)["summary"]
    assert summary["filesAnalyzed"] == len(list(RUNTIME.glob("*.py")))
    assert summary["errorCount"] == 0, result.stdout[-4000:]


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name if p.name == "expected" else p.name)
def test_every_package_holds_the_runtime_unchanged(package: Path) -> None:
    src = _source(package)
    copied = {p.stem for p in src.glob("_*.py")} - set(generator_runtime.GENERATED_MODULES)
    assert set(generator_runtime.CORE_MODULES) <= copied
    assert copied <= set(generator_runtime.CORE_MODULES) | set(generator_runtime.OPTIONAL_MODULES)
    for name in sorted(copied):
        text = (src / f"{name}.py").read_text(encoding="utf-8")
        expected = f"{generator_runtime.COPY_HEADER}\n" + (RUNTIME / f"{name}.py").read_text(encoding="utf-8")
        assert text == expected, f"{name}.py differs from templates/runtime/{name}.py"


def _names(path: Path) -> dict[str, str]:
    """Module-level names of a module, each with its annotation (or the kind of statement that binds it)."""
    names: dict[str, str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = ast.unparse(node.annotation)
        elif isinstance(node, ast.Assign):
            names.update({t.id: "=" for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, ast.ClassDef | ast.FunctionDef):
            names[node.name] = type(node).__name__
    return names


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name if p.name == "expected" else p.name)
@pytest.mark.parametrize("module", ["_constants", "_version"])
def test_stand_ins_define_what_the_generated_modules_define(package: Path, module: str) -> None:
    stand_in, generated = _names(RUNTIME / f"{module}.py"), _names(_source(package) / f"{module}.py")
    optional = CREDENTIAL_ENVS | {"STREAM_TERMINATOR"}
    assert {k: v for k, v in stand_in.items() if k not in optional} == {
        k: v for k, v in generated.items() if k not in optional
    }
    assert {k: v for k, v in generated.items() if k in optional}.items() <= stand_in.items()
    assert set(generated) & CREDENTIAL_ENVS in (set(), {"API_KEY_ENV"}, {"USERNAME_ENV", "PASSWORD_ENV"})
    streams = (_source(package) / "_streaming.py").exists()
    assert ("STREAM_TERMINATOR" in generated) is (streams and module == "_constants")


CREDENTIAL_ENVS = {"API_KEY_ENV", "USERNAME_ENV", "PASSWORD_ENV"}
"""The stand-in defines them all; a generated SDK only those its authentication reads (none, the key's, or the user
name's and the password's). ``STREAM_TERMINATOR`` only an SDK with streams has."""


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name if p.name == "expected" else p.name)
def test_the_root_error_is_known_to_the_runtime_as_base_error(package: Path) -> None:
    generated = _names(_source(package) / "_base_error.py")
    stand_in = _names(RUNTIME / "_base_error.py")
    assert generated["BaseError"] == stand_in["BaseError"] == "="
    assert sorted(v for k, v in generated.items() if k != "BaseError") == ["=", "ClassDef"]  # __all__ and the class
