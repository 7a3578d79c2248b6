"""The harness that runs openai-python's API tests against the generated SDK: how it counts, groups and prepares."""

from __future__ import annotations

from pathlib import Path

from realworld import official_tests

MODULE = """
import pytest

class TestJobs:
    parametrize = pytest.mark.parametrize("client", [False, True], indirect=True, ids=["loose", "strict"])

    @parametrize
    def test_method_create(self, client) -> None:
        response = client.jobs.with_raw_response.create(model="m")
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        assert response.parse()

    @parametrize
    def test_path_params_retrieve(self, client) -> None:
        with client.jobs.with_streaming_response.retrieve("id") as http_response:
            assert http_response.http_request.headers.get("X-Stainless-Lang") == "python"


class TestAsyncJobs:
    parametrize = pytest.mark.parametrize("async_client", [False, True, {"http_client": "aiohttp"}], indirect=True)

    @parametrize
    async def test_method_create(self, async_client) -> None: ...
"""

JUNIT = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite>
<testcase classname="tests.api_resources.test_jobs.TestJobs" name="test_method_create[loose]" file="x"/>
<testcase classname="tests.api_resources.test_jobs.TestJobs" name="test_method_create[strict]" file="x">
<failure message="m">E   TypeError: Jobs.create() got an unexpected keyword argument 'image'</failure></testcase>
<testcase classname="tests.api_resources.test_jobs.TestJobs" name="test_path_params_retrieve[loose]" file="x">
<skipped message="s"/></testcase>
<testcase classname="" name="tests.api_resources.test_files" file="tests/api_resources/test_files.py">
<error message="collection failure">E   ImportError: cannot import name 'FileObject' from 'openai.types'</error>
</testcase></testsuite></testsuites>"""


def test_cases_are_counted_per_value_of_each_class_parametrize(tmp_path: Path) -> None:
    module = tmp_path / "test_jobs.py"
    module.write_text(MODULE, encoding="utf-8")
    assert official_tests.cases_in(module) == 2 * 2 + 3 * 1


def test_only_the_telemetry_assertion_is_dropped(tmp_path: Path) -> None:
    source = tmp_path / "official" / "test_jobs.py"
    source.parent.mkdir()
    source.write_text(MODULE, encoding="utf-8")
    run = tmp_path / "run"
    official_tests.prepare(source.parent, run)
    prepared = (run / "tests" / "api_resources" / "test_jobs.py").read_text(encoding="utf-8")
    assert "X-Stainless-Lang" not in prepared
    telemetry = [line for line in MODULE.splitlines(keepends=True) if "X-Stainless-Lang" in line]
    assert len(telemetry) == 2 and prepared == "".join(
        line for line in MODULE.splitlines(keepends=True) if line not in telemetry
    )
    assert {p.name for p in (run / "tests").iterdir()} >= {"conftest.py", "utils.py", "__init__.py", "api_resources"}
    assert (run / "pytest.ini").is_file()  # the run is its own root: this repository's pytest options stay out


def test_results_are_grouped_by_reason_and_a_module_that_did_not_import_loses_all_its_cases(tmp_path: Path) -> None:
    run = tmp_path / "run"
    (run / "tests" / "api_resources").mkdir(parents=True)
    (run / "tests" / "api_resources" / "test_files.py").write_text(MODULE, encoding="utf-8")
    junit = tmp_path / "results.xml"
    junit.write_text(JUNIT, encoding="utf-8")
    outcome = official_tests.Outcome()
    official_tests.read_results(junit, run, outcome)
    assert (outcome.cases, outcome.passed, outcome.skipped) == (1 + 1 + 1 + 7, 1, 1)
    assert outcome.failed == {"unexpected argument: image": 1}
    assert outcome.unimported == {"ImportError: cannot import name 'FileObject' from 'openai.types'": 7}
    assert "- passed: 1/10 (10.0%)" in official_tests.summary(outcome)
