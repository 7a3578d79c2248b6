"""Bad input: exit code 2, one line per problem naming the file and JSON pointer, no traceback, output untouched."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.output.writer import read_tree
from tests.support import GENERATED, ROOT, run_generator

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
    return run_generator("generate", "--spec", spec, "--out", out, *extra)


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
            HEADER + "paths:\n  /a:\n    get:\n      operationId: a\n      responses: {'204': {description: x}}\n"
            "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n",
            "#/paths/~1a/get/parameters/0: error: path parameter 'id' does not appear in the path '/a'",
        ),
        (
            HEADER + "paths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n"
            "          description: ok\n          content:\n            application/json:\n"
            "              schema: {$ref: '#/components/schemas/A'}\ncomponents:\n  schemas:\n"
            "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
            "circular $ref chain",
        ),
    ],
    ids=["invalid-yaml", "swagger-2", "not-a-mapping", "dangling-ref", "path-param-not-in-path", "circular-ref"],
)
def test_bad_documents_fail_clearly(tmp_path: Path, text: str, expected: str) -> None:
    result = _generate(_spec(tmp_path, text), tmp_path / "out")
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_unreadable_yaml_is_one_line_naming_the_file_as_given_line_and_column(tmp_path: Path) -> None:
    """The spec, a file it references and the config are each named as the command line reached them."""
    folder = tmp_path / "api"
    folder.mkdir()
    spec = folder / "openapi.yaml"
    cases = {
        spec: (HEADER + 'paths: {}\nx-note: "a\x00b"\n', "api/openapi.yaml: error: invalid YAML at line 4, column 11:"),
        folder / "sdk.yaml": ("timeout: [\n", "api/sdk.yaml: error: invalid YAML at line 2, column 1:"),
        folder / "schemas.yaml": ("Pet: {type: object\n", "api/schemas.yaml: error: invalid YAML at line 2, column 1:"),
    }
    for broken, (text, line) in cases.items():
        spec.write_text(
            HEADER + "paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200':\n"
            "          description: ok\n          content:\n            application/json:\n"
            "              schema: {$ref: 'schemas.yaml#/Pet'}\n"
        )
        (folder / "sdk.yaml").write_text("timeout: 10\n")
        (folder / "schemas.yaml").write_text("Pet: {type: object}\n")
        broken.write_text(text)
        result = run_generator("generate", "--spec", "api/openapi.yaml", "--out", "out", cwd=tmp_path)
        lines = result.stderr.splitlines()
        assert result.returncode == 2 and len(lines) == 2, result.stderr
        assert lines[0].startswith(line) and lines[1] == _UNCHANGED, result.stderr


_UNCHANGED = "generation failed: 1 problem(s); out was not changed"


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    text = (
        HEADER
        + "paths:\n  /a:"
        + GOOD_OPERATION.format(op_id="same")
        + "  /b:"
        + GOOD_OPERATION.format(op_id="same")
        + "  /c:"
        + GOOD_OPERATION.format(op_id="other")
        + "      parameters: [{name: x, in: path, required: true, schema: {type: string}}]\n"
    )
    result = _generate(_spec(tmp_path, text), tmp_path / "out")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(lines) == 2, result.stderr
    assert "operationId 'same' is also used at /paths/~1a/get" in lines[0]
    assert "path parameter 'x' does not appear in the path '/c'" in lines[1]
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


def _op(path: str, params: str = "", op_id: str = "a") -> str:
    return f"  {path}:\n    get:\n      operationId: {op_id}\n{params}" "      responses: {'204': {description: x}}\n"


def _laughs() -> str:
    lines = [HEADER.rstrip("\n"), "paths: {}", "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        lines.append(f"x-a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i > 1 else "*a"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("invalid-json", '{"openapi": "3.1.0",', "openapi.json: error: invalid JSON at line 1"),
        ("yaml-duplicate-key", HEADER + "paths: {}\ninfo: {}\n", "duplicate key 'info'"),
        ("not-utf8", "openapi: '3.1.0'\ninfo: {title: \udcff}\n", "not UTF-8 text"),
        ("openapi-2", "openapi: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", "openapi: '2.0'"),
        (
            "external-ref",
            HEADER + "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'other.yaml#/A'}\n",
            "#/components/schemas/A/$ref: error: $ref names a file that does not exist: other.yaml",
        ),
        (
            "self-ref",
            HEADER + "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/A'}\n",
            "#/components/schemas/A: error: circular $ref chain: /components/schemas/A -> /components/schemas/A",
        ),
        (
            "param-not-in-path",
            HEADER + "paths:\n" + _op("/a", "      parameters: [{name: id, in: path, required: true}]\n"),
            "#/paths/~1a/get/parameters/0: error: path parameter 'id' does not appear in the path '/a'",
        ),
        (
            "unbalanced-braces",
            HEADER + "paths:\n" + _op("/a/{id"),
            "#/paths/~1a~1{id: error: path '/a/{id' has unbalanced braces",
        ),
        ("empty-placeholder", HEADER + "paths:\n" + _op("/a/{}"), "has an empty {} placeholder"),
        ("no-leading-slash", HEADER + "paths:\n" + _op("a"), "#/paths/a: error: path 'a' does not start with '/'"),
        (
            "duplicate-param",
            HEADER + "paths:\n" + _op("/a", "      parameters: [{name: q, in: query}, {name: q, in: query}]\n"),
            "#/paths/~1a/get/parameters/1: error: query parameter 'q' is declared twice (also at /paths/~1a/get/parameters/0)",
        ),
        (
            "bad-header-name",
            HEADER + "paths:\n" + _op("/a", "      parameters: [{name: 'X Bad\"', in: header}]\n"),
            "#/paths/~1a/get/parameters/0/name: error: header parameter name 'X Bad\"' is not a valid HTTP token",
        ),
        (
            "bad-param",
            HEADER + "paths:\n" + _op("/a", "      parameters: [{name: q, in: body}]\n"),
            "#/paths/~1a/get/parameters/0: error: a parameter needs a string 'name' and 'in' of path, query, header or cookie",
        ),
        (
            "operation-not-a-mapping",
            HEADER + "paths:\n  /a:\n    get: [1]\n",
            "#/paths/~1a/get: error: an operation must be a mapping",
        ),
        ("paths-not-a-mapping", HEADER + "paths: [1]\n", "#/paths: error: 'paths' must be a mapping, not list"),
        ("billion-laughs", _laughs(), "error: the document expands to more than 2,000,000 nodes"),
        ("deep-nesting", '{"openapi": "3.1.0", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nests too deeply"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 and "\n" not in value else "",
)
def test_more_bad_documents_fail_clearly(tmp_path: Path, name: str, text: str, expected: str) -> None:
    suffix = ".json" if text.startswith("{") else ".yaml"
    path = tmp_path / f"openapi{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    result = _generate(path, tmp_path / "out")
    assert result.returncode == 2, result.stdout
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    for line in result.stderr.splitlines()[:-1]:
        assert line.startswith(str(path)) or line.startswith(path.name), line


def test_problems_of_every_kind_are_reported_in_one_run(tmp_path: Path) -> None:
    text = (
        HEADER
        + "paths:\n"
        + _op("/a", op_id="same")
        + _op("/b", "      parameters: [{name: 'X Bad', in: header}, {name: y, in: path, required: true}]\n", "same")
        + "  /c:\n    get:\n      operationId: c\n      responses:\n        '200':\n          description: ok\n"
        + "          content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}\n"
    )
    result = _generate(_spec(tmp_path, text), tmp_path / "out", "--debug")
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert result.returncode == 2
    assert "Traceback" not in result.stderr  # --debug shows tracebacks only for generator bugs, not bad input
    assert [e.split(": error: ")[0].split("#")[1] for e in errors] == [
        "/paths/~1c/get/responses/200/content/application~1json/schema/$ref",
        "/paths/~1b/get",
        "/paths/~1b/get/parameters/0/name",
        "/paths/~1b/get/parameters/1",
    ], result.stderr
    assert result.stderr.splitlines()[-1] == f"generation failed: 4 problem(s); {tmp_path / 'out'} was not changed"


def test_hostile_config_values_are_rejected(tmp_path: Path) -> None:
    config = tmp_path / "sdk.yaml"
    config.write_text(
        "api_key_env: 'KEY\"\"\"; import os'\nrequest_id_header: 'x id'\n"
        'default_headers: {X-A: "v\\r\\nX-Injected: 1"}\n'
        "pagination:\n  - {name: 'P P', style: cursor, request_param: after}\n"
        '  - {name: P, style: cursor, request_param: after, items: \'d"""\'}\n'
    )
    result = _generate(_spec(tmp_path, HEADER + "paths: {}\n"), tmp_path / "out", "--config", str(config))
    assert result.returncode == 2
    for expected in (
        'sdk.yaml#/api_key_env: error: \'KEY"""; import os\' is not an environment variable name',
        "sdk.yaml#/request_id_header: error: 'x id' is not a valid HTTP header name",
        "sdk.yaml#/default_headers/X-A: error: not a valid HTTP header name and value",
        "sdk.yaml#/pagination/0/name: error: 'P P' is not a Python identifier",
        'sdk.yaml#/pagination/1/items: error: \'d"""\' is not a plain field name',
    ):
        assert expected in result.stderr, result.stderr


def test_an_api_without_operations_still_generates_a_valid_package(tmp_path: Path) -> None:
    result = _generate(_spec(tmp_path, HEADER + "paths: {}\n"), tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for path in (tmp_path / "out").rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
