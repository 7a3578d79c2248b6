"""A maintainer's edits to the API regenerate into a package that passes the suite.

The repository is copied to a temporary folder (``.venv`` and ``node_modules`` are linked, not reinstalled), four
real edits are made to ``spec/openapi.yaml`` (an optional request field added, a response field removed, an
operation added, an enum value added), and there, as a maintainer would: ``make generate`` (twice: the second
changes nothing), the tests, ``make release``, ``make check``. The edits find their targets by shape,
so they apply to whatever the spec holds.

Which tests run in the copy: every module that reads the spec, the config or the generated package (found by what it
imports, so a new one is picked up), less the fixtures' cases (the fixtures do not change) and the modules in
``NOT_RERUN``, each with its reason; the rest of the suite reads none of them. The whole suite again would double
the time of ``make test`` for tests an edit of the spec cannot change.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.output.writer import read_tree
from tests.support import FIXTURES, ROOT, needs_prism

LINKED = (".venv", "node_modules")
READS_THE_API = re.compile(r"\b(SPEC|CONFIG|GENERATED)\b|^\s*(from|import) finetuning\b", re.MULTILINE)
THIS = Path(__file__).resolve()


SEED_CONTRACT = "the runtime through the seed's six methods, a contract the edits keep"
NOT_RERUN = {
    "tests/pipeline/test_golden.py": "`make check` in the copy is the same comparison",
    "tests/pipeline/test_errors.py": "bad input made from the spec: whatever the spec holds, the same problems",
    "tests/pipeline/test_one_model.py": "runs that start from a copy of the spec and edit it themselves",
    "tests/pipeline/test_diff_workflow.py": "the bookshelf fixture; its test of the committed output is in RERUN",
    "tests/runtime/test_runtime.py": SEED_CONTRACT,
    "tests/runtime/test_fault_injection.py": SEED_CONTRACT,
    "tests/runtime/test_malformed_responses.py": SEED_CONTRACT,
    "tests/runtime/test_body_limits.py": SEED_CONTRACT,
    "tests/runtime/test_hostile_conditions.py": SEED_CONTRACT,
    "tests/runtime/test_runtime_faults.py": SEED_CONTRACT,
    "tests/runtime/test_runtime_source.py": "the runtime, copied unchanged into every package: no spec reaches it",
    "tests/pipeline/test_cache_property.py": "runs that start from a copy of the spec and edit it themselves",
    "tests/unit/release/test_history.py": "histories that start from a copy of the spec and edit it themselves",
    "tests/pipeline/test_output_folder.py": "the output folder's guarantees, with the spec as any input",
    "tests/pipeline/test_kill.py": "kills during a run, with the spec as any input",
    "tests/unit/api/test_openai_example.py": "the OpenAI document of ../shared with the example config, not spec/",
    "tests/runtime/test_client_headers.py": "a document and a config of its own",
}
RERUN = ["tests/pipeline/test_diff_workflow.py::test_the_committed_changelog_is_what_diff_reports"]


def reading_the_api() -> list[str]:
    """The test modules that read spec/, the config or generated/ (this one aside), relative to the root."""
    found = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        if "fixtures" in path.parts or path.resolve() == THIS:
            continue
        if READS_THE_API.search(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(ROOT).as_posix())
    return found


def spec_dependent_tests() -> list[str]:
    """What runs in the copy: the modules reading the API but those in NOT_RERUN, and RERUN."""
    return [name for name in reading_the_api() if name not in NOT_RERUN] + RERUN


def fixture_cases() -> str:
    """A ``-k`` expression leaving out the tests parametrized by a fixture (their packages do not change)."""
    return " and ".join(f"not {p.name}" for p in sorted(FIXTURES.iterdir()) if (p / "openapi.yaml").is_file())


# -- the edits -------------------------------------------------------------------------------------------------------


def _operations(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield path, method, op


def _schema_name(node: Mapping[str, Any] | None) -> str | None:
    ref = (node or {}).get("$ref", "")
    return ref.rsplit("/", 1)[-1] if ref.startswith("#/components/schemas/") else None


def _json_schema(holder: Mapping[str, Any]) -> str | None:
    return _schema_name(holder.get("content", {}).get("application/json", {}).get("schema"))


def _returned(op: Mapping[str, Any]) -> str | None:
    return _json_schema(op.get("responses", {}).get("200", {}))


def add_optional_field(spec: dict[str, Any]) -> str:
    """An optional integer property on the first JSON request body."""
    for _, _, op in _operations(spec):
        name = _json_schema(op.get("requestBody", {}))
        if name:
            spec["components"]["schemas"][name]["properties"]["priority"] = {
                "type": "integer",
                "description": "Scheduling priority: higher runs sooner.",
            }
            return "priority"
    raise AssertionError("the spec has no JSON request body to edit")


def _retrieved(spec: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """The first item path (with a path parameter) whose GET returns a named schema."""
    return next(
        (p, _returned(op) or "", op) for p, m, op in _operations(spec) if "{" in p and m == "get" and _returned(op)
    )


def remove_response_field(spec: dict[str, Any]) -> str:
    """The last optional property of the schema the first item GET returns."""
    _, name, _ = _retrieved(spec)
    schema = spec["components"]["schemas"][name]
    optional = [p for p in schema["properties"] if p not in schema.get("required", [])]
    del schema["properties"][optional[-1]]
    return f"{name}.{optional[-1]}"


def add_operation(spec: dict[str, Any]) -> str:
    """``POST {item path}/archive``, answering what the item's GET answers."""
    path, _, get = _retrieved(spec)
    params = [p for p in get.get("parameters", []) + spec["paths"][path].get("parameters", []) if p["in"] == "path"]
    spec["paths"][f"{path}/archive"] = {
        "post": {
            "operationId": "archiveItem",
            "summary": "Archive an item",
            "description": "Archives the item; it stays readable.",
            "parameters": params,
            "responses": {"200": get["responses"]["200"]},
        }
    }
    return "archiveItem"


def add_enum_value(spec: dict[str, Any]) -> str:
    """``archived``, added to the first string enum of more than one value among the properties of a returned
    schema (a status, not a constant)."""
    for _, _, op in _operations(spec):
        name = _returned(op)
        for prop, schema in spec["components"]["schemas"].get(name, {}).get("properties", {}).items():
            if schema.get("type") == "string" and len(schema.get("enum", [])) > 1:
                schema["enum"].append("archived")
                return f"{name}.{prop}"
    raise AssertionError("no returned schema has a string enum")


EDITS = {
    "new-optional-request-property": add_optional_field,
    "response-optional-property-removed": remove_response_field,
    "endpoint-added": add_operation,
    "response-property-enum-value-added": add_enum_value,
}


# -- the copy ----------------------------------------------------------------------------------------------------------


def copy_repository(target: Path) -> Path:
    """The working tree's files (tracked, and new ones not ignored) with their times, and links to the tools."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for name in LINKED:
        (target / name).symlink_to(ROOT / name, target_is_directory=True)
    return target


def _run(copy: Path, *command: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """A command in the copy; its generator and package come first on the path (the linked .venv installs point
    at this checkout), and ``make`` is told the installs are done."""
    env = {
        **os.environ,
        "PYTHONPATH": f"{copy}{os.pathsep}{copy / 'generated' / 'src'}",
        "SDKGEN_CACHE_DIR": str(copy / ".generator-cache"),
    }
    if command[0] == "make":
        command = (
            "make",
            "--no-print-directory",
            "-o",
            ".venv/.installed",
            "-o",
            "node_modules/.installed",
            *command[1:],
        )
    return subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.stdout[-6000:], result.stderr[-3000:])
    return result.stdout


@needs_prism
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout to list the files to copy")
def test_edited_spec_regenerates_and_passes_the_suite(tmp_path: Path) -> None:
    copy = copy_repository(tmp_path / "repo")
    spec_path = copy / "spec" / "openapi.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    edited = {rule: edit(spec) for rule, edit in EDITS.items()}
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")

    report = _ok(_run(copy, "make", "generate"))
    for rule in EDITS:
        assert f"[{rule}]" in report, (rule, edited[rule], report)
    changelog = (copy / "generated" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.count("## Unreleased") == 1 and "version bump: major" in report
    written = read_tree(copy / "generated")
    _ok(_run(copy, "make", "generate"))
    assert read_tree(copy / "generated") == written  # a second run changes nothing (`make check` comes after release)

    tests = spec_dependent_tests()
    result = _run(copy, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", fixture_cases(), *tests)
    assert result.returncode == 0, result.stdout[-8000:]
    summary = result.stdout.strip().splitlines()[-1]
    print(f"in the copy: {summary}")
    assert int(summary.split(" passed")[0].split()[-1]) > 100, summary  # skipped: only what needs ../shared

    _ok(_run(copy, "make", "release"))
    released = (copy / "generated" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" not in released and "\n## 1.0.0\n" in released
    _ok(_run(copy, "make", "check"))


def test_the_selection_covers_every_module_that_reads_the_api() -> None:
    """A module that starts reading the spec or the package is run in the copy unless a reason says why not."""
    selected = spec_dependent_tests()
    assert "tests/unit/api/test_ir.py" in selected and "tests/contract/test_docs_examples.py" in selected
    assert "tests/unit/core/test_naming.py" not in reading_the_api()
    assert set(NOT_RERUN) <= set(reading_the_api()), "a reason for a module that no longer reads the API"
    assert all((ROOT / name.split("::")[0]).is_file() for name in selected)
    assert fixture_cases().count("not ") == len([p for p in FIXTURES.iterdir() if (p / "openapi.yaml").is_file()])
