"""Bad input: exit code 2, one line per problem naming the file and JSON pointer, no traceback, output untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.writer import read_tree

from .conftest import GENERATED, ROOT

GOOD_OPERATION = """
    get:
      operationId: {op_id}
      responses:
        "200":
          description: ok
"""


def _spec(tmp_path: Path, text: str, name: str = "openapi.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _generate(spec: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", str(out), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


HEADER = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("openapi: [unclosed\n", "invalid YAML at line"),
        ("swagger: '2.0'\ninfo: {title: T}\npaths: {}\n", "#/openapi: error: not an OpenAPI 3.x document"),
        ("- just\n- a list\n", "the document is not a mapping"),
        (
            HEADER + "paths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n"
            "          description: ok\n          content:\n            application/json:\n"
            "              schema: {$ref: '#/components/schemas/Missing'}\n",
            "#/paths/~1a/get/responses/200/content/application~1json/schema/$ref: error: $ref "
            "'#/components/schemas/Missing' points at nothing",
        ),
        (
            HEADER + "paths:\n  /a/{id}:\n    get:\n      operationId: a\n      responses: {'204': {description: x}}\n",
            "#/paths/~1a~1{id}/get: error: path parameter {id} is not declared",
        ),
        (
            HEADER + "paths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n"
            "          description: ok\n          content:\n            application/json:\n"
            "              schema: {$ref: '#/components/schemas/A'}\ncomponents:\n  schemas:\n"
            "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
            "circular $ref chain",
        ),
    ],
    ids=["invalid-yaml", "swagger-2", "not-a-mapping", "dangling-ref", "undeclared-path-param", "circular-ref"],
)
def test_bad_documents_fail_clearly(tmp_path: Path, text: str, expected: str) -> None:
    result = _generate(_spec(tmp_path, text), tmp_path / "out")
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    text = (
        HEADER
        + "paths:\n  /a:"
        + GOOD_OPERATION.format(op_id="same")
        + "  /b:"
        + GOOD_OPERATION.format(op_id="same")
        + "  /c/{x}:"
        + GOOD_OPERATION.format(op_id="other")
    )
    result = _generate(_spec(tmp_path, text), tmp_path / "out")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(lines) == 2, result.stderr
    assert "operationId 'same' is also used at /paths/~1a/get" in lines[0]
    assert "path parameter {x} is not declared" in lines[1]
    assert all(line.startswith(str(tmp_path / "openapi.yaml")) or "openapi.yaml#" in line for line in lines)


def test_bad_config_names_the_option(tmp_path: Path) -> None:
    spec = _spec(tmp_path, HEADER + "paths: {}\n")
    config = tmp_path / "sdk.yaml"
    config.write_text(
        "package_nam: x\nmax_retries: -1\npagination:\n  - {name: P, style: sideways, request_param: p}\n"
    )
    result = _generate(spec, tmp_path / "out", "--config", str(config))
    assert result.returncode == 2
    assert "sdk.yaml#/package_nam: error: unknown option 'package_nam'" in result.stderr
    assert "sdk.yaml#/max_retries: error: max_retries must not be negative" in result.stderr
    assert "sdk.yaml#/pagination/0/style: error: unknown pagination style 'sideways'" in result.stderr


def test_a_failed_run_leaves_the_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    shutil.copytree(GENERATED, out, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    before = read_tree(out)
    result = _generate(_spec(tmp_path, "openapi: 3.1.0\npaths: {\n"), out)
    assert result.returncode == 2
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated", "openapi.yaml"]  # no staging left behind


def test_a_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    result = _generate(ROOT / "spec/openapi.yaml", tmp_path / "out", "--config", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "cannot read file" in result.stderr and "Traceback" not in result.stderr
