"""The diff command and the release flow: the Unreleased section `generate` keeps, `release`, and a real pair of
specs built from the OpenAI document.

The runs use the bookshelf fixture's spec and config (frozen with its expected output), so nothing here depends on
what spec/openapi.yaml holds; the tests of the committed output read its facts from the files themselves.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.api.config import parse_config
from generator.core.errors import GenerationError
from generator.inputs.document import Document
from generator.inputs.loader import load_document
from generator.output.writer import read_tree
from generator.release.diff import Side, compare
from generator.release.history import CHANGELOG, SNAPSHOT
from generator.release.versioning import DEV_SUFFIX, bump, changelog, released_entries
from tests.support import FIXTURES, GENERATED, SHARED, SPEC, run_generator


@pytest.fixture(scope="module", autouse=True)
def warm_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """These tests generate the same small documents again and again: they share a cache of their own (a warm run
    writes what a cold one writes: tests/pipeline/test_cache_property.py), instead of the suite's cold runs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SDKGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


BOOKSHELF = FIXTURES / "bookshelf"
Edit = Callable[[dict[str, Any]], None]


def _api(folder: Path, *edits: Edit) -> Path:
    """The bookshelf spec and config in ``folder`` (rewritten in place), with ``edits`` applied to the spec."""
    folder.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load((BOOKSHELF / "openapi.yaml").read_text(encoding="utf-8"))
    for edit in edits:
        edit(data)
    path = folder / "openapi.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    shutil.copy(BOOKSHELF / "sdk.yaml", folder / "sdk.yaml")
    return path


def _drop_trace_header(spec: dict[str, Any]) -> None:
    listing = spec["paths"]["/books"]["get"]
    listing["parameters"] = [p for p in listing["parameters"] if p["name"] != "X-Trace-Id"]


def _add_genre(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Genre"]["enum"].append("drama")


def _add_sort(spec: dict[str, Any]) -> None:
    spec["paths"]["/books"]["get"]["parameters"].append({"name": "sort", "in": "query", "schema": {"type": "string"}})


def _reword(spec: dict[str, Any]) -> None:
    spec["paths"]["/books"]["get"]["description"] = "Reworded."


def _add_operation(spec: dict[str, Any]) -> None:
    """``POST /books/{book_id}/archive`` with the operationId ``archiveBook``."""
    spec["paths"]["/books/{book_id}/archive"] = {
        "parameters": spec["paths"]["/books/{book_id}"]["parameters"],
        "post": {"operationId": "archiveBook", "responses": {"204": {"description": "Archived."}}},
    }


BREAK_AND_ADD = (_drop_trace_header, _add_sort, _add_genre)
ADD_ONLY = (_reword, _add_sort)


def _generate(spec: Path, out: Path, *args: str) -> str:
    result = run_generator("generate", "--spec", spec, "--out", out, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _release(spec: Path, out: Path) -> str:
    result = run_generator("release", "--spec", spec, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _package_version(out: Path) -> str:
    match = re.search(r'^version = "(.+)"$', (out / "pyproject.toml").read_text(), re.MULTILINE)
    assert match is not None
    return match.group(1)


def _snapshot_version(out: Path) -> str:
    return str(json.loads((out / SNAPSHOT).read_text())["version"])


@pytest.fixture
def released(tmp_path: Path) -> tuple[Path, Path]:
    """The bookshelf API generated once into ``out``: its first release, 0.1.0."""
    spec, out = _api(tmp_path / "api"), tmp_path / "out"
    _generate(spec, out)
    assert _snapshot_version(out) == _package_version(out) == "0.1.0"
    return spec, out


# -- python -m generator diff -------------------------------------------------------------------------------------


def test_diff_prints_a_report_grouped_by_resource(tmp_path: Path) -> None:
    new = _api(tmp_path / "new", *BREAK_AND_ADD)
    result = run_generator("diff", BOOKSHELF / "openapi.yaml", new)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2] == "client.books"
    assert (
        "  added     list(sort=): new optional argument (query parameter 'sort')  [new-optional-request-parameter]"
        in lines
    )
    assert (
        "  BREAKING  list(x_trace_id=): argument removed (header parameter 'X-Trace-Id')  [request-parameter-removed]"
        in lines
    )
    assert "bookshelf.types" in lines
    assert any("Genre: enum value 'drama' added (in responses)" in line for line in lines)
    assert lines[-1] == "1 breaking change, 2 additions, 0 other changes; version bump: major"


def test_fail_on_breaking_exits_1_only_for_breaking_changes(tmp_path: Path) -> None:
    old = BOOKSHELF / "openapi.yaml"
    breaking, additive = _api(tmp_path / "breaking", *BREAK_AND_ADD), _api(tmp_path / "additive", *ADD_ONLY)
    assert run_generator("diff", old, breaking, "--fail-on-breaking").returncode == 1
    result = run_generator("diff", old, additive, "--fail-on-breaking")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "0 breaking changes, 1 addition, 0 other changes; version bump: minor"
    same = run_generator("diff", old, old, "--fail-on-breaking")
    assert same.returncode == 0 and "No changes to the SDK's interface." in same.stdout


def test_diff_json_has_a_stable_schema(released: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = released
    result = run_generator("diff", out, _api(tmp_path / "new", *BREAK_AND_ADD), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"format", "old", "new", "summary", "old_version", "new_version", "changes"}
    assert data["summary"] == {"breaking": 1, "addition": 2, "other": 0, "bump": "major"}
    assert data["old"].endswith("out/api-snapshot.json#/spec")
    assert (data["old_version"], data["new_version"]) == ("0.1.0", "1.0.0")
    removed = next(c for c in data["changes"] if c["rule"] == "request-parameter-removed")
    assert removed == {
        "rule": "request-parameter-removed",
        "impact": "breaking",
        "breaking": True,
        "group": "client.books",
        "location": "list(x_trace_id=)",
        "message": "argument removed (header parameter 'X-Trace-Id')",
        "note": "calls that pass it raise TypeError",
        "direction": "request",
        "operation": "listBooks",
        "document": "old",
        "pointer": "/paths/~1books/get/parameters/3",
    }


def test_diff_bad_input_exits_2_with_a_pointer(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: [{in: query}]\n"
    )
    result = run_generator("diff", BOOKSHELF / "openapi.yaml", bad)
    assert result.returncode == 2
    assert "bad.yaml#/paths/~1a/get/parameters/0: error:" in result.stderr and "Traceback" not in result.stderr
    missing = run_generator("diff", tmp_path, BOOKSHELF / "openapi.yaml")
    assert missing.returncode == 2 and f"a folder without {SNAPSHOT}" in missing.stderr


# -- generate: the Unreleased section ----------------------------------------------------------------------------


def test_iterating_keeps_one_unreleased_entry_recomputed_from_the_release(
    released: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")  # each run prints its report, even one whose inputs did not change
    spec, out = released
    _api(spec.parent, *ADD_ONLY)
    first = _generate(spec, out)
    assert "version bump: minor (0.1.0 -> 0.2.0)" in first and f"the package is 0.2.0{DEV_SUFFIX}" in first
    again = _generate(spec, out)  # the same pending change, reported again, counted once
    assert "version bump: minor (0.1.0 -> 0.2.0)" in again
    log = (out / CHANGELOG).read_text()
    assert log.count("## Unreleased") == 1 and log.count("`client.books.list(sort=)`") == 1
    assert "Next version: 0.2.0" in log and log.index("## Unreleased") < log.index("## 0.1.0")
    assert (_snapshot_version(out), _package_version(out)) == ("0.1.0", f"0.2.0{DEV_SUFFIX}")

    _api(spec.parent, *ADD_ONLY, _drop_trace_header)  # a breaking change on top: the pending bump grows
    assert "version bump: major (0.1.0 -> 1.0.0)" in _generate(spec, out)
    log = (out / CHANGELOG).read_text()
    assert log.count("## Unreleased") == 1 and "Next version: 1.0.0" in log
    assert _package_version(out) == f"1.0.0{DEV_SUFFIX}"


def test_an_undone_change_disappears(released: tuple[Path, Path]) -> None:
    spec, out = released
    before = read_tree(out)
    _api(spec.parent, *BREAK_AND_ADD)
    _generate(spec, out)
    assert read_tree(out) != before
    _api(spec.parent)
    assert "API changes" not in _generate(spec, out)
    assert read_tree(out) == before


def test_mapping_a_new_operation_before_its_release_is_still_one_addition(released: tuple[Path, Path]) -> None:
    """The issue's case: add an operation, generate, then place it elsewhere in the config: nothing was released in
    between, so nothing moved."""
    spec, out = released
    _api(spec.parent, _add_operation)
    assert "added     archive(): new method" in _generate(spec, out)
    config = spec.parent / "sdk.yaml"
    config.write_text(config.read_text() + "operations:\n  archiveBook: books.shelve\n")
    report = _generate(spec, out)
    assert "sdk-method-moved" not in report and "shelve()" in report
    assert "0 breaking changes, 1 addition, 0 other changes; version bump: minor (0.1.0 -> 0.2.0)" in report
    log = (out / CHANGELOG).read_text()
    assert "archive()" not in log and log.count("`client.books.shelve()`") == 1


# -- release -----------------------------------------------------------------------------------------------------


def test_release_stamps_the_version_and_records_the_api(released: tuple[Path, Path]) -> None:
    spec, out = released
    _api(spec.parent, *ADD_ONLY)
    _generate(spec, out)
    stamped = _release(spec, out)
    assert "version bump: minor (0.1.0 -> 0.2.0)" in stamped and "released 0.2.0" in stamped
    log = (out / CHANGELOG).read_text()
    assert "## Unreleased" not in log and log.index("## 0.2.0") < log.index("## 0.1.0")
    assert (_snapshot_version(out), _package_version(out)) == ("0.2.0", "0.2.0")
    assert '__version__ = "0.2.0"' in (out / "src/bookshelf/_version.py").read_text()

    after = read_tree(out)
    assert "API changes" not in _generate(spec, out) and read_tree(out) == after
    assert "nothing to release" in _release(spec, out) and read_tree(out) == after
    assert run_generator("check", "--spec", spec, "--out", out).returncode == 0

    _api(spec.parent, *ADD_ONLY, _drop_trace_header)  # the next change is measured from 0.2.0
    assert "1 breaking change, 0 additions, 0 other changes; version bump: major (0.2.0 -> 1.0.0)" in _generate(
        spec, out
    )
    log = (out / CHANGELOG).read_text()
    assert log.index("## Unreleased") < log.index("## 0.2.0") < log.index("## 0.1.0")


def test_diff_and_generate_agree(released: tuple[Path, Path]) -> None:
    """`diff OUT SPEC` prints the very report `generate` prints, with the same versions."""
    spec, out = released
    _api(spec.parent, *BREAK_AND_ADD)
    generated = _generate(spec, out)
    diffed = run_generator("diff", out, spec)
    assert diffed.returncode == 0, diffed.stderr
    assert generated.startswith(diffed.stdout), (generated, diffed.stdout)
    data = json.loads(run_generator("diff", out, spec, "--json").stdout)
    assert _package_version(out) == data["new_version"] + DEV_SUFFIX


def test_the_policy_is_honoured_and_the_config_version_raises_the_floor(released: tuple[Path, Path]) -> None:
    spec, out = released
    config = spec.parent / "sdk.yaml"
    _api(spec.parent, *BREAK_AND_ADD)
    config.write_text(config.read_text() + "version_policy: semver-zero\n")
    assert "1 breaking change, 2 additions, 0 other changes; version bump: minor (0.1.0 -> 0.2.0)" in _release(
        spec, out
    )
    config.write_text(config.read_text() + "version: 1.0.0\n")
    raised = _generate(spec, out, "--quiet")
    assert "version bump: major (0.2.0 -> 1.0.0)" in raised, raised
    assert "The version was raised in the config; the API did not change." in (out / CHANGELOG).read_text()


def test_a_patch_says_the_interface_did_not_change(released: tuple[Path, Path]) -> None:
    spec, out = released
    spec.write_text(spec.read_text().replace("version: 2.1.0", "version: 2.1.1", 1))
    report = _generate(spec, out, "--quiet")
    assert "0 breaking changes, 0 additions, 0 other changes; version bump: patch (0.1.0 -> 0.1.1)" in report
    log = (out / CHANGELOG).read_text()
    assert "API version 2.1.1 (was 2.1.0). No change to the package's interface" in log


# -- the committed output ------------------------------------------------------------------------------------------


def test_the_committed_changelog_is_what_diff_reports() -> None:
    """generated/: its Unreleased section, the package version and `diff generated SPEC` say the same thing."""
    data = json.loads(run_generator("diff", GENERATED, SPEC, "--json").stdout)
    log = (GENERATED / CHANGELOG).read_text()
    assert data["old_version"] == _snapshot_version(GENERATED)
    if data["new_version"] == data["old_version"]:
        assert "## Unreleased" not in log and _package_version(GENERATED) == data["old_version"]
    else:
        assert f"Next version: {data['new_version']}" in log
        assert _package_version(GENERATED) == data["new_version"] + DEV_SUFFIX
    newest = released_entries(log)[0]
    assert newest.startswith(f"## {data['old_version']}\n")


# -- the rules ---------------------------------------------------------------------------------------------------


def test_version_policies() -> None:
    assert [bump("0.3.1", part) for part in ("major", "minor", "patch")] == ["1.0.0", "0.4.0", "0.3.2"]
    assert [bump("0.3.1", part, "semver-zero") for part in ("major", "minor", "patch")] == ["0.4.0", "0.3.2", "0.3.2"]
    assert [bump("2.3.1", part, "semver-zero") for part in ("major", "minor", "patch")] == ["3.0.0", "2.4.0", "2.3.2"]
    with pytest.raises(ValueError, match="MAJOR.MINOR.PATCH"):
        bump("1.0", "major")


def test_the_changelog_keeps_released_entries_and_recomputes_unreleased() -> None:
    first = changelog(None, "## 0.1.0\n\nFirst.\n")
    pending = changelog(first, "## Unreleased\n\nSoon.\n")
    assert pending.endswith("## Unreleased\n\nSoon.\n\n## 0.1.0\n\nFirst.\n")
    assert changelog(pending, "## Unreleased\n\nLater.\n").count("## Unreleased") == 1
    assert changelog(pending) == first
    assert released_entries(changelog(pending, "## 0.2.0\n\nSecond.\n")) == [
        "## 0.2.0\n\nSecond.\n",
        "## 0.1.0\n\nFirst.\n",
    ]


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
        ("response-property-enum-value-added", "addition", "openai.types.FineTuningJob.status"),
        ("new-required-request-parameter", "breaking", "client.fine_tuning.jobs.list(project=)"),
        ("api-removed-without-deprecation", "breaking", "client.fine_tuning.jobs.cancel()"),
    }
