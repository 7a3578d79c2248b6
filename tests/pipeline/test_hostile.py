"""Hostile specs: text from the spec lands in generated code as inert data, and hostile names stay valid.

One hostile document (``tests/pipeline/hostile.py``) carries quote breakouts, Jinja syntax, control characters, lone
surrogates, bidi overrides, 100 KB strings and colliding, keyword, builtin and dunder names in every position.
It is generated once per module; the SDK must compile, pass strict pyright, import, build requests for every
operation, and keep every enum value and default verbatim, all without the canary file ever appearing.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support import ROOT

from .hostile import CANARY, HEADERS, HUGE, NAMES, hostile_spec, texts

PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"


def _canaries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob(f"{CANARY}*") if "out" not in p.relative_to(root).parts[:1])


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile spec, generated in a scratch directory (which is also the working directory)."""
    work = tmp_path_factory.mktemp("hostile")
    (work / "openapi.json").write_text(json.dumps(hostile_spec()), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--quiet", "--spec", "openapi.json", "--out", "out"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert _canaries(work) == []
    return work


def _package(work: Path) -> Path:
    (package,) = (work / "out" / "src").iterdir()
    return package


def test_every_generated_file_compiles_and_is_clean_text(generated: Path) -> None:
    files = sorted((generated / "out").rglob("*"))
    python = [p for p in files if p.suffix == ".py"]
    assert len(python) > 50
    for path in files:
        if path.is_file():
            text = path.read_text(encoding="utf-8")  # a lone surrogate would have failed to encode
            assert "\x00" not in text and "\u202e" not in text, path
    for path in python:
        compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)


def test_text_positions_hold_the_payloads_as_data_not_code(generated: Path) -> None:
    """No payload became a statement: every call in the generated code is one the templates wrote."""
    for path in sorted(_package(generated).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "__import__", f"{path}: {ast.unparse(node)[:200]}"
            if isinstance(node, ast.Attribute):
                assert node.attr != "write_text", f"{path}: {ast.unparse(node)[:200]}"


def test_pyproject_and_readme_stay_well_formed(generated: Path) -> None:
    import tomllib

    pyproject = tomllib.loads((generated / "out" / "pyproject.toml").read_text(encoding="utf-8"))
    assert "\n" not in pyproject["project"]["description"]
    readme = (generated / "out" / "README.md").read_text(encoding="utf-8")
    title = readme.splitlines()[0]
    assert title.startswith("# ") and title.endswith(" Python SDK")


RUNNER = """
import importlib, inspect, json, pkgutil, sys, typing, warnings
import httpx

package = importlib.import_module(sys.argv[1])
expected = json.loads(sys.stdin.read())
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
types = importlib.import_module(package.__name__ + ".types")
models = [m for m in (getattr(types, name) for name in types.__all__) if not typing.is_typeddict(m)]  # not params

# Enum values and defaults are the spec's text exactly, NUL, quotes, braces and 100 KB strings included.
enum = typing.get_args(types.HostileEnum.__value__)
assert list(enum) == expected["enum"], "enum values changed"
defaults = {n if f.alias is None else f.alias: f.default for n, f in types.Everything.model_fields.items() if not f.is_required()}
assert defaults == expected["defaults"], "defaults changed"

seen = []
def answer(request):
    seen.append(request)
    return httpx.Response(200, json={})

client = package.Client(api_key="k", base_url="http://h.test", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
calls = 0
pending = [client]
while pending:
    owner = pending.pop()
    for name in sorted(dir(type(owner))):
        if name.startswith("_") or name in ("with_raw_response", "with_streaming_response"):
            continue
        attribute = getattr(type(owner), name)
        if isinstance(attribute, property) or hasattr(attribute, "__set_name__") and not callable(attribute):
            value = getattr(owner, name)
            if type(value).__module__.startswith(package.__name__ + ".resources"):
                pending.append(value)
            continue
        if not inspect.isfunction(attribute) or owner is client:
            continue
        method = getattr(owner, name)
        arguments = {}
        for parameter in inspect.signature(method).parameters.values():
            if parameter.default is inspect.Parameter.empty:
                arguments[parameter.name] = "v"
        positional = [arguments.pop(p) for p in list(arguments) if inspect.signature(method).parameters[p].kind
                      == inspect.Parameter.POSITIONAL_OR_KEYWORD]
        result = method(*positional, **arguments)
        if hasattr(result, "__iter__") and not isinstance(result, (str, bytes, dict)):
            list(result)
        calls += 1
print(json.dumps({"calls": calls, "requests": len(seen), "models": len(models)}))
"""


def test_importing_and_calling_the_sdk_runs_nothing_from_the_spec(generated: Path) -> None:
    package = _package(generated)
    spec = hostile_spec()
    expected = {
        "enum": spec["components"]["schemas"]["HostileEnum"]["enum"],
        "defaults": {  # required fields have no default
            name: prop["default"]
            for name, prop in spec["components"]["schemas"]["Everything"]["properties"].items()
            if name not in spec["components"]["schemas"]["Everything"]["required"]
        },
    }
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", textwrap.dedent(RUNNER), package.name],
        input=json.dumps(expected),
        cwd=generated,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(package.parent)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.splitlines()[-1])
    operations = len(spec["paths"]) + 1  # every path has one operation, /everything/{id} has two
    assert report == {"calls": operations, "requests": operations, "models": len(spec["components"]["schemas"])}
    assert _canaries(generated) == []


@pytest.mark.skipif(not PYRIGHT.exists(), reason="node_modules not installed (run `make test`)")
def test_pyright_strict_passes_on_the_hostile_sdk(generated: Path) -> None:
    result = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, "--outputjson", "-p", "."],
        cwd=generated / "out",
        capture_output=True,
        text=True,
        check=False,
    )
    summary = json.loads(result.stdout)["summary"]
    assert summary["filesAnalyzed"] > 0
    assert summary["errorCount"] == 0, result.stdout[-4000:]


def test_hostile_names_are_all_used() -> None:
    """Guards the fixture itself: the names and payloads it promises really are in the spec."""
    spec = json.dumps(hostile_spec())
    for value in [*NAMES, *HEADERS, *texts(), HUGE]:
        assert json.dumps(value) in spec, value[:40]


def test_hostile_output_is_deterministic_and_carries_no_paths_or_times(generated: Path, tmp_path: Path) -> None:
    """Another hash seed, another working directory, the spec as YAML instead of JSON: the same bytes."""
    import datetime

    import yaml

    from generator.output.writer import read_tree

    spec = tmp_path / "elsewhere" / "openapi.yaml"
    spec.parent.mkdir()
    spec.write_text(
        yaml.safe_dump(json.loads((generated / "openapi.json").read_text()), allow_unicode=False, sort_keys=False)
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--quiet", "--spec", str(spec), "--out", str(tmp_path / "o")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "4242", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = read_tree(generated / "out"), read_tree(tmp_path / "o")
    assert first == second
    today = datetime.date.today().isoformat()
    for name, text in second.items():
        assert str(tmp_path) not in text and str(generated) not in text and str(ROOT) not in text, name
        assert today not in text, name
