"""The diff command, the version bump and changelog of `generate`, and a real pair built from the OpenAI spec."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import parse_config
from generator.diff import Side, compare
from generator.errors import GenerationError
from generator.loader import Document, load_document
from generator.release import CHANGELOG, SNAPSHOT
from generator.versioning import bump, prepend
from generator.writer import read_tree
from tests.support import CONFIG, ROOT, SHARED, SPEC, run_generator


def _edited_spec(folder: Path, edit: Any) -> Path:
    """A copy of the fine-tuning spec and config in ``folder``, with ``edit`` applied to the spec."""
    folder.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    edit(data)
    path = folder / "openapi.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    shutil.copy(CONFIG, folder / "sdk.yaml")
    return path


def _break_and_add(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    del schemas["CreateFineTuningJobRequest"]["properties"]["suffix"]
    schemas["CreateFineTuningJobRequest"]["properties"]["metadata"] = {
        "type": "object",
        "additionalProperties": {"type": "string"},
    }
    schemas["FineTuningJob"]["properties"]["status"]["enum"].append("paused")


def _add_only(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["FineTuningJob"]["properties"]["model"]["description"] = "Reworded."
    spec["components"]["schemas"]["CreateFineTuningJobRequest"]["properties"]["priority"] = {"type": "integer"}


# -- python -m generator diff -------------------------------------------------------------------------------------


def test_diff_prints_a_report_grouped_by_resource(tmp_path: Path) -> None:
    new = _edited_spec(tmp_path / "new", _break_and_add)
    result = run_generator("diff", SPEC, new)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2] == "client.fine_tuning.jobs"
    assert any(
        "BREAKING  create(suffix=): argument removed (body field 'suffix')  [request-property-removed]" in line
        for line in lines
    )
    assert any("added     create(metadata=): new optional argument" in line for line in lines)
    assert "finetuning.types" in lines
    assert any("FineTuningJob.status: enum value 'paused' added (in responses)" in line for line in lines)
    assert lines[-1] == "2 breaking changes, 1 addition, 0 other changes; version bump: major"


def test_fail_on_breaking_exits_1_only_for_breaking_changes(tmp_path: Path) -> None:
    breaking = _edited_spec(tmp_path / "breaking", _break_and_add)
    additive = _edited_spec(tmp_path / "additive", _add_only)
    assert run_generator("diff", SPEC, breaking, "--fail-on-breaking").returncode == 1
    result = run_generator("diff", SPEC, additive, "--fail-on-breaking")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "0 breaking changes, 1 addition, 0 other changes; version bump: minor"
    same = run_generator("diff", SPEC, SPEC, "--fail-on-breaking")
    assert same.returncode == 0 and "No changes to the SDK's interface." in same.stdout


def test_diff_json_has_a_stable_schema(tmp_path: Path) -> None:
    new = _edited_spec(tmp_path / "new", _break_and_add)
    result = run_generator("diff", "generated", new, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"format", "old", "new", "summary", "old_version", "new_version", "changes"}
    assert data["summary"] == {"breaking": 2, "addition": 1, "other": 0, "bump": "major"}
    assert data["old"] == "generated/api-snapshot.json#/spec"
    recorded = json.loads((ROOT / "generated" / SNAPSHOT).read_text())["version"]
    assert (data["old_version"], data["new_version"]) == (recorded, bump(recorded, "major"))
    removed = next(c for c in data["changes"] if c["rule"] == "request-property-removed")
    assert removed == {
        "rule": "request-property-removed",
        "impact": "breaking",
        "breaking": True,
        "group": "client.fine_tuning.jobs",
        "location": "create(suffix=)",
        "message": "argument removed (body field 'suffix')",
        "note": "calls that pass it raise TypeError",
        "direction": "request",
        "operation": "createFineTuningJob",
        "document": "old",
        "pointer": "/components/schemas/CreateFineTuningJobRequest/properties/suffix",
    }


def test_diff_bad_input_exits_2_with_a_pointer(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: [{in: query}]\n"
    )
    result = run_generator("diff", SPEC, bad)
    assert result.returncode == 2
    assert "bad.yaml#/paths/~1a/get/parameters/0: error:" in result.stderr and "Traceback" not in result.stderr
    missing = run_generator("diff", tmp_path, SPEC)
    assert missing.returncode == 2 and f"a folder without {SNAPSHOT}" in missing.stderr


# -- generate: version bump and changelog --------------------------------------------------------------------------


def test_generate_bumps_the_version_and_prepends_a_changelog_entry(tmp_path: Path) -> None:
    spec = _edited_spec(tmp_path / "spec", lambda _: None)
    out = tmp_path / "out"
    first = run_generator("generate", "--spec", spec, "--out", out)
    assert first.returncode == 0, first.stderr
    assert json.loads((out / SNAPSHOT).read_text())["version"] == "0.1.0"
    assert (out / CHANGELOG).read_text().count("\n## ") == 1

    unchanged = read_tree(out)
    again = run_generator("generate", "--spec", spec, "--out", out)
    assert "API changes" not in again.stdout and read_tree(out) == unchanged  # nothing to report, nothing changes

    _edited_spec(tmp_path / "spec", _add_only)
    minor = run_generator("generate", "--spec", spec, "--out", out)
    assert minor.returncode == 0, minor.stderr
    assert "version bump: minor (0.1.0 -> 0.2.0)" in minor.stdout
    assert 'version = "0.2.0"' in (out / "pyproject.toml").read_text()
    assert '__version__ = "0.2.0"' in (out / "src/finetuning/_version.py").read_text()

    _edited_spec(tmp_path / "spec", _break_and_add)
    major = run_generator("generate", "--spec", spec, "--out", out)
    assert "version bump: major (0.2.0 -> 1.0.0)" in major.stdout
    changelog = (out / CHANGELOG).read_text()
    assert changelog.index("## 1.0.0") < changelog.index("## 0.2.0") < changelog.index("## 0.1.0")
    assert "- `client.fine_tuning.jobs.create(suffix=)`: argument removed" in changelog
    assert run_generator("check", "--spec", spec, "--out", out).returncode == 0  # the new state is reproducible

    info_only = tmp_path / "spec" / "openapi.yaml"
    info_only.write_text(info_only.read_text().replace("version: 1.0.0", "version: 1.0.1", 1))
    patch = run_generator("generate", "--spec", spec, "--out", out, "--quiet")
    assert "0 breaking changes, 0 additions, 0 other changes; version bump: patch (1.0.0 -> 1.0.1)" in patch.stdout
    assert "No change to the package's interface" in (out / CHANGELOG).read_text()


def test_the_policy_is_honoured_and_the_config_version_raises_the_floor(tmp_path: Path) -> None:
    spec = _edited_spec(tmp_path / "spec", lambda _: None)
    config = tmp_path / "spec" / "sdk.yaml"
    config.write_text(config.read_text() + "version_policy: semver-zero\n")
    out = tmp_path / "out"
    assert run_generator("generate", "--spec", spec, "--out", out, "--quiet").returncode == 0
    _edited_spec(tmp_path / "spec", _break_and_add)
    config.write_text(config.read_text() + "version_policy: semver-zero\n")
    breaking = run_generator("generate", "--spec", spec, "--out", out, "--quiet")
    assert "2 breaking changes, 1 addition, 0 other changes; version bump: minor (0.1.0 -> 0.2.0)" in breaking.stdout
    config.write_text(config.read_text().replace("version: 0.1.0", "version: 1.0.0"))
    raised = run_generator("generate", "--spec", spec, "--out", out, "--quiet")
    assert "version bump: major (0.2.0 -> 1.0.0)" in raised.stdout, raised.stdout + raised.stderr
    assert "The version was raised in the config; the API did not change." in (out / CHANGELOG).read_text()


def test_version_policies() -> None:
    assert [bump("0.3.1", part) for part in ("major", "minor", "patch")] == ["1.0.0", "0.4.0", "0.3.2"]
    assert [bump("0.3.1", part, "semver-zero") for part in ("major", "minor", "patch")] == ["0.4.0", "0.3.2", "0.3.2"]
    assert [bump("2.3.1", part, "semver-zero") for part in ("major", "minor", "patch")] == ["3.0.0", "2.4.0", "2.3.2"]
    with pytest.raises(ValueError, match="MAJOR.MINOR.PATCH"):
        bump("1.0", "major")


def test_prepend_keeps_older_entries_below_the_new_one() -> None:
    first = prepend(None, "## 0.1.0\n\nFirst.\n")
    assert prepend(first, "## 0.2.0\n\nSecond.\n").endswith("## 0.2.0\n\nSecond.\n\n## 0.1.0\n\nFirst.\n")


def test_bad_version_settings_are_pointed_at() -> None:
    with pytest.raises(GenerationError) as error:
        parse_config({"version": "1.0", "version_policy": "calver"}, "sdk.yaml")
    text = str(error.value)
    assert "sdk.yaml#/version: error: '1.0' is not a MAJOR.MINOR.PATCH version" in text
    assert "sdk.yaml#/version_policy: error: unknown version policy 'calver'" in text


# -- a real pair: two versions of the OpenAI document ----------------------------------------------------------------

OPENAI = SHARED / "specs" / "openai" / "openapi.yaml"


@pytest.fixture(scope="module")
def openai() -> dict[str, Any]:
    """The OpenAI document without the operations this generator does not support yet (so both sides parse)."""
    if not OPENAI.is_file():
        pytest.skip("../shared/specs/openai is absent")
    root = load_document(OPENAI).root
    for _ in range(3):
        try:
            Side.parse(Document(root, "openai.yaml"), parse_config(None, "sdk.yaml"))
            return root
        except GenerationError as exc:
            for problem in exc.problems:
                path, method = problem.pointer.split("/")[2:4]
                root["paths"][path.replace("~1", "/").replace("~0", "~")].pop(method, None)
    pytest.fail("the pruned OpenAI document still does not parse")


def test_openai_pair(openai: dict[str, Any]) -> None:
    old = openai
    new = copy.deepcopy(old)
    schemas = new["components"]["schemas"]
    del schemas["CreateFineTuningJobRequest"]["properties"]["suffix"]
    schemas["FineTuningJob"]["properties"]["status"]["enum"].append("paused")
    new["paths"]["/fine_tuning/jobs"]["get"]["parameters"].append(
        {"name": "project", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    del new["paths"]["/fine_tuning/jobs/{fine_tuning_job_id}/cancel"]
    config = parse_config(
        {"package_name": "openai", "operations": {"createFineTuningJob": "fine_tuning.jobs.create"}}, "sdk.yaml"
    )
    changes = compare(Side.parse(Document(old, "old.yaml"), config), Side.parse(Document(new, "new.yaml"), config))
    found = {(c.rule, c.impact, f"{c.group}.{c.location}") for c in changes}
    assert found == {
        ("request-property-removed", "breaking", "client.fine_tuning.jobs.create(suffix=)"),
        ("response-property-enum-value-added", "breaking", "openai.types.FineTuningJob.status"),
        ("new-required-request-parameter", "breaking", "client.fine_tuning.jobs.list(project=)"),
        ("api-removed-without-deprecation", "breaking", "client.fine_tuning.jobs.cancel()"),
    }
