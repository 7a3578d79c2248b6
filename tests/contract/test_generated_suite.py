"""The generated packages' own tests (``<package>/tests``), run against Prism, and what they rest on.

Each package's tests run in a pytest subprocess of their own (they are a package named ``tests`` too). The fine-tuning
package's use the session's Prism (``FINETUNING_TEST_BASE_URL``); the fixtures' start their own Prism through the
generated ``conftest.py`` (``<PACKAGE>_TEST_SPEC`` and ``PRISM_BIN``), so both ways in are exercised.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, cast

import pydantic
import pytest
import yaml
from finetuning._models import BaseModel
from finetuning.pagination import SyncCursorPage
from typing_extensions import TypeAliasType

from generator.api.config import load_config
from generator.api.parser import parse
from generator.inputs.loader import load_document
from generator.pipeline import build
from tests.support import CONFIG, FIXTURES, GENERATED, PRISM, SPEC, generated_test_utils, needs_prism

PACKAGES = {
    "finetuning": (GENERATED, SPEC),
    **{p.name: (p / "expected", p / "openapi.yaml") for p in sorted(FIXTURES.iterdir()) if (p / "expected").is_dir()},
}


def _run_suite(package: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=package,
        env={**os.environ, "PYTHONPATH": str(package / "src"), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _test_functions(package: Path) -> int:
    return sum(len(re.findall(r"^(?:async )?def test_", p.read_text(), re.M)) for p in (package / "tests").glob("*.py"))


@pytest.mark.prism
@needs_prism
@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_generated_tests_pass_against_prism(name: str, request: pytest.FixtureRequest) -> None:
    package, spec = PACKAGES[name]
    prefix = next(p.name for p in (package / "src").iterdir() if (p / "__init__.py").is_file()).upper()
    if name == "finetuning":
        env = {f"{prefix}_TEST_BASE_URL": cast(str, request.getfixturevalue("prism_url"))}
    else:
        env = {f"{prefix}_TEST_SPEC": str(spec), "PRISM_BIN": str(PRISM)}
    result = _run_suite(package, env)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    expected = _test_functions(package)
    assert re.match(rf"^{expected} passed in ", summary), summary  # every test ran: none skipped, none missing


def test_without_a_mock_server_the_generated_tests_skip() -> None:
    result = _run_suite(PACKAGES["zoo"][0], {"ZOO_TEST_BASE_URL": "", "ZOO_TEST_SPEC": ""})
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\d+ skipped", result.stdout) and "passed" not in result.stdout


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_operation_has_its_tests(name: str) -> None:
    """Per operation, sync and async: required arguments, raw and streaming responses; path checks where due."""
    package = PACKAGES[name][0]
    source = "\n".join(p.read_text() for p in sorted((package / "tests").glob("test_*.py")))
    ops = re.findall(r"\.with_raw_response\.(\w+)\(", source)
    assert ops
    for op in set(ops):
        for variant in ("", "raw_response_", "streaming_response_"):
            assert f"def test_{variant}{op}(" in source
            assert f"async def test_async_{variant}{op}(" in source


def test_a_new_operation_in_the_spec_gets_its_tests(tmp_path: Path) -> None:
    doc = yaml.safe_load(SPEC.read_text())
    first_path = next(iter(doc["paths"].values()))
    operation = dict(next(iter(first_path.values())))
    operation["operationId"] = "describeWidget"
    operation.pop("requestBody", None)
    operation["parameters"] = [{"name": "widget_id", "in": "path", "required": True, "schema": {"type": "string"}}]
    doc["paths"]["/widgets/{widget_id}"] = {"get": operation}
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(doc, sort_keys=False))
    files = build(spec, CONFIG, tmp_path / "out").files
    api = parse(load_document(spec), load_config(CONFIG)).api
    (resource,) = [r for r in api.walk() if any(op.operation_id == "describeWidget" for op in r.operations)]
    (method,) = [op.method_name for op in resource.operations if op.operation_id == "describeWidget"]
    tests = files[f"tests/test_{'_'.join(resource.path)}.py"]
    for variant in ("", "raw_response_", "streaming_response_", "path_params_"):
        assert f"def test_{variant}{method}(" in tests
        assert f"def test_async_{variant}{method}(" in tests
    call = f"client.{'.'.join(resource.path)}.{method}("
    assert call in files["README.md"] and call in files["api.md"]


# -- assert_matches_type, the deep check the generated tests rely on ---------------------------------------------------


@pytest.fixture(scope="module")
def assert_matches_type() -> Callable[..., None]:
    return cast(Callable[..., None], generated_test_utils().assert_matches_type)


# Models shaped like generated ones (on the runtime's BaseModel) with every kind of field assert_matches_type must
# follow: a Literal enum, a nullable int, a nested model holding a union, a list, a nullable nested model, a list of an
# aliased model, a discriminated union. They are written here, not taken from the spec, so the checks below hold
# whatever the spec says.


class Limits(BaseModel):
    n_epochs: Literal["auto"] | int


class Failure(BaseModel):
    code: str
    message: str
    param: str | None


class Tracker(BaseModel):
    project: str


class Integration(BaseModel):
    type: Literal["wandb"]
    wandb: Tracker


IntegrationAlias = TypeAliasType("IntegrationAlias", Integration)


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool


class Job(BaseModel):
    id: str
    created_at: int
    error: Failure | None
    hyperparameters: Limits
    result_files: list[str]
    seed: int | None
    status: Literal["queued", "running", "succeeded"]
    integrations: list[IntegrationAlias] | None = None
    pet: Annotated[Cat | Dog, pydantic.Field(discriminator="kind")] | None = None


JOB: dict[str, Any] = {
    "id": "job-1",
    "created_at": 1,
    "error": None,
    "hyperparameters": {"n_epochs": "auto"},
    "result_files": ["file-1"],
    "seed": 3,
    "status": "running",
    "integrations": [{"type": "wandb", "wandb": {"project": "p"}}],
    "pet": {"kind": "cat", "lives": 9},
}


def test_assert_matches_type_accepts_a_well_typed_model(assert_matches_type: Callable[..., None]) -> None:
    assert_matches_type(Job, Job.construct_from(JOB))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"status": "paused"}, "value.status"),
        ({"pet": {"kind": "cat", "lives": "many"}}, "value.pet"),
        ({"seed": True}, "value.seed"),
        ({"created_at": "1"}, "value.created_at"),
        ({"hyperparameters": {"n_epochs": 2.5}}, "value.hyperparameters.n_epochs"),
        ({"result_files": ["ok", 7]}, "value.result_files[1]"),
        ({"error": {"code": "c", "message": 1, "param": None}}, "value.error"),
        ({"integrations": [{"type": "wandb", "wandb": {"project": None}}]}, "value.integrations"),
    ],
)
def test_assert_matches_type_finds_a_wrong_field_at_any_depth(
    assert_matches_type: Callable[..., None], change: dict[str, Any], where: str
) -> None:
    job = Job.construct_from({**JOB, **change})
    with pytest.raises(AssertionError, match=re.escape(where)):
        assert_matches_type(Job, job)


def test_assert_matches_type_checks_every_item_of_a_page(assert_matches_type: Callable[..., None]) -> None:
    good, bad = Job.construct_from(JOB), Job.construct_from({**JOB, "id": None})
    page: SyncCursorPage[Job] = object.__new__(SyncCursorPage)  # only its items matter here
    page.items = [good, bad]
    with pytest.raises(AssertionError, match=re.escape("value.items[1].id")):
        assert_matches_type(SyncCursorPage[Job], page)
    page.items = [good]
    assert_matches_type(SyncCursorPage[Job], page)
