"""openai-python's own API tests, run against the SDK generated from the OpenAI document with examples/openai/sdk.yaml.

``make official-tests`` downloads the sdist of the official ``openai`` package at :data:`VERSION` (the release nearest
after the document's commit) from PyPI into ``.examples/official-tests``, takes its ``tests/api_resources`` (the
cases its generator writes for every endpoint: each method called with the required arguments and with all of them,
through raw and streaming responses, and with empty path arguments) and runs them against Prism serving the
document, with the generated ``openai`` package on the path in place of the official one.

The official suite's own harness (its conftest, its type checker, its HTTP mocking plugin) reaches into the official
package's private modules, so a small one of ours stands in for it (:data:`CONFTEST`, :data:`UTILS`); the cases are
run as written, except one line dropped from each: the assertion on the official SDK's telemetry header
(``X-Stainless-Lang``), which no document declares. Prints how many cases pass, and why the others fail, grouped;
``--write`` also writes docs/official-tests.md. Not part of ``make test``: minutes, and it needs PyPI.
"""

from __future__ import annotations

import argparse
import ast
import collections
import os
import re
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from . import prism

ROOT = Path(__file__).resolve().parent.parent
VERSION = "3.4.0"  # released 2026-08-25; the document in ../shared/specs/openai is of 2026-08-21
DOCUMENT = ROOT.parent / "shared" / "specs" / "openai" / "openapi.yaml"
CONFIG = ROOT / "examples" / "openai" / "sdk.yaml"
WORK = ROOT / ".examples" / "official-tests"
SDK = ROOT / ".examples" / "openai"
REPORT = ROOT / "docs" / "official-tests.md"
TELEMETRY = re.compile(r'^\s*assert \w+\.http_request\.headers\.get\("X-Stainless-Lang"\) == "python"\n', re.M)

CONFTEST = '''"""Client fixtures for the official cases, in place of the official suite's conftest."""

import os
from collections.abc import Iterator

import pytest
import respx

from openai import AsyncOpenAI, OpenAI

base_url = os.environ["TEST_API_BASE_URL"]


def _options(request: pytest.FixtureRequest) -> tuple[bool, str | None]:
    param = getattr(request, "param", True)
    if isinstance(param, dict):
        return bool(param.get("strict", True)), param.get("http_client")
    return bool(param), None


@pytest.fixture(scope="session")
def client(request: pytest.FixtureRequest) -> Iterator[OpenAI]:
    strict, _ = _options(request)
    with OpenAI(base_url=base_url, api_key="My API Key", strict_response_validation=strict) as made:
        yield made


@pytest.fixture(scope="session")
def async_client(request: pytest.FixtureRequest) -> AsyncOpenAI:
    strict, transport = _options(request)
    if transport == "aiohttp":
        pytest.skip("the official SDK's aiohttp transport is not part of the document")
    return AsyncOpenAI(base_url=base_url, api_key="My API Key", strict_response_validation=strict)


@pytest.fixture
def respx2_mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=base_url, assert_all_called=False) as router:
        yield router


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"

'''

UTILS = '''"""The official cases' type check, in place of the official suite's (which reads the official package's internals).

A value matches a type when pydantic validates it (dumped, for a model) as that type; a page matches ``Page[T]`` when
it is a ``Page`` and each of its items matches ``T``."""

from typing import Any, get_args, get_origin

import pydantic


def assert_matches_type(type_: Any, value: object, *, path: list[str]) -> None:
    origin = get_origin(type_)
    if isinstance(origin, type) and not issubclass(origin, pydantic.BaseModel) and hasattr(value, "items"):
        assert isinstance(value, origin), (path, type(value))
        for item in getattr(value, "items"):
            assert_matches_type(get_args(type_)[0], item, path=[*path, "items"])
        return
    if isinstance(type_, type) and isinstance(value, type_):
        return
    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(type_)
    dumped = value.model_dump(mode="json", by_alias=True) if isinstance(value, pydantic.BaseModel) else value
    adapter.validate_python(dumped)
'''

HTTPX2 = '"""The official suite\'s HTTP client of choice, here httpx itself."""\n\nfrom httpx import *  # noqa: F403\n'


@dataclass
class Outcome:
    """What the run gave: cases by result, and the failures grouped by reason."""

    cases: int = 0
    passed: int = 0
    skipped: int = 0
    failed: collections.Counter[str] = field(default_factory=collections.Counter)
    unimported: dict[str, int] = field(default_factory=dict)  # module -> cases it holds

    def share(self, count: int) -> str:
        return f"{count}/{self.cases} ({100 * count / max(self.cases, 1):.1f}%)"


def sdist() -> Path:
    """The official tests of :data:`VERSION`, downloaded once."""
    tests = WORK / f"openai-{VERSION}" / "tests" / "api_resources"
    if tests.is_dir():
        return tests
    WORK.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", f"openai=={VERSION}", "--no-deps", "--no-binary", ":all:", "-q"]
    subprocess.run([*pip, "-d", str(WORK)], check=True)
    with tarfile.open(WORK / f"openai-{VERSION}.tar.gz") as archive:
        members = [m for m in archive.getmembers() if "/tests/" in m.name and m.isfile()]
        archive.extractall(WORK, members=members, filter="data")
    return tests


def prepare(tests: Path, run: Path) -> None:
    """A folder holding the official cases (less the telemetry line) and our harness in place of theirs."""
    shutil.rmtree(run, ignore_errors=True)
    (run / "tests").mkdir(parents=True)
    for source in sorted(tests.rglob("*.py")):
        target = run / "tests" / "api_resources" / source.relative_to(tests)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(TELEMETRY.sub("", source.read_text(encoding="utf-8")), encoding="utf-8")
    for folder in [run / "tests", *(p for p in (run / "tests").rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    (run / "tests" / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (run / "tests" / "utils.py").write_text(UTILS, encoding="utf-8")
    (run / "httpx2.py").write_text(HTTPX2, encoding="utf-8")
    # the run's own root, not this repository's; each async case on asyncio (the anyio_backend fixture above)
    (run / "pytest.ini").write_text("[pytest]\nanyio_mode = auto\n", encoding="utf-8")


def cases_in(module: Path) -> int:
    """How many cases a test module holds: each test function once per value of its ``parametrize``."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    count = 0
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        width = 2  # loose and strict
        for node in cls.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                params = [a for a in node.value.args if isinstance(a, ast.List)]
                width = len(params[0].elts) if params else width
        count += width * sum(1 for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef))
    return count


def reason(text: str) -> str:
    """A failure's message, cut to the kind of failure it is (names kept, values dropped)."""
    first = next((line for line in text.splitlines() if line.startswith("E ")), text.splitlines()[0] if text else "")
    first = first.removeprefix("E").strip()
    patterns = [
        (r"has no attribute '(\w+)'", "no attribute"),
        (r"got an unexpected keyword argument '(\w+)'", "unexpected argument"),
        (r"missing \d+ required (?:keyword-only )?argument", "missing argument"),
        (r"Error code: (\d+)", "the mock answered"),
        (r"validation error", "response validation"),
    ]
    for pattern, kind in patterns:
        found = re.search(pattern, first)
        if found:
            return f"{kind}: {found.group(1)}" if found.groups() else kind
    return first[:100]


def read_results(junit: Path, run: Path, outcome: Outcome) -> None:
    """Results from pytest's JUnit XML: the cases it collected, and for a module that did not import, the cases it
    holds (counted from its text)."""
    for case in ET.parse(junit).getroot().iter("testcase"):
        problem = case.find("failure")
        problem = case.find("error") if problem is None else problem
        if case.find("skipped") is not None:
            outcome.skipped += 1
        elif problem is None:
            outcome.passed += 1
        elif case.get("classname"):
            outcome.failed[reason(problem.text or problem.get("message", ""))] += 1
        else:  # a module that did not import: all its cases are lost
            why, module = reason(problem.text or ""), run / case.get("file", "")
            outcome.unimported[why] = outcome.unimported.get(why, 0) + (cases_in(module) if module.is_file() else 0)
    outcome.cases = outcome.passed + outcome.skipped + sum(outcome.failed.values()) + sum(outcome.unimported.values())


def run_cases(run: Path, url: str) -> Path:
    junit = run / "results.xml"
    env = {**os.environ, "TEST_API_BASE_URL": url, "PYTHONPATH": f"{SDK / 'src'}{os.pathsep}{run}"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]
    command += ["--continue-on-collection-errors", "--junitxml", str(junit), "-o", "junit_family=xunit1"]
    command += ["tests/api_resources"]
    subprocess.run(command, cwd=run, env=env, check=False, capture_output=True, timeout=3600)
    return junit


def summary(outcome: Outcome) -> str:
    lines = [
        f"- official cases: {outcome.cases} (openai-python {VERSION}, tests/api_resources; those of modules that did "
        "not import counted from their text)",
        f"- passed: {outcome.share(outcome.passed)}",
        f"- skipped: {outcome.skipped}",
        f"- failed: {sum(outcome.failed.values())}",
        f"- in modules that did not import: {sum(outcome.unimported.values())}",
        "",
        "Why modules did not import (cases lost):",
        *(f"- {n} {why}" for why, n in sorted(outcome.unimported.items(), key=lambda kv: (-kv[1], kv[0]))),
        "",
        "Why cases failed:",
        *(f"- {n} {why}" for why, n in sorted(outcome.failed.items(), key=lambda kv: (-kv[1], kv[0]))[:40]),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="python -m realworld.official_tests", description=__doc__.split("\n")[0])
    args.add_argument("--write", action="store_true", help=f"also write {REPORT.relative_to(ROOT)}")
    args.add_argument("--config", type=Path, default=CONFIG, help="the sdk.yaml (default: examples/openai/sdk.yaml)")
    options = args.parse_args(argv)
    if not DOCUMENT.exists():
        print(f"needs {DOCUMENT}", file=sys.stderr)
        return 2
    generate = [sys.executable, "-m", "generator", "generate", "--quiet", "--spec", str(DOCUMENT)]
    subprocess.run([*generate, "--config", str(options.config), "--out", str(SDK)], cwd=ROOT, check=True)
    run = WORK / "run"
    prepare(sdist(), run)
    with prism.serve(DOCUMENT, startup_seconds=prism.startup_seconds(DOCUMENT)) as url:
        junit = run_cases(run, url)
    outcome = Outcome()
    read_results(junit, run, outcome)
    text = summary(outcome)
    print(text, end="")
    if options.write:
        REPORT.write_text(f"# openai-python's API tests against the generated SDK\n\n{text}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
