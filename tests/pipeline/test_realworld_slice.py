"""A slice of ``make realworld`` that runs in ``make test``: petstore3, and the OpenAI operations that matter most.

petstore3 is generated with no config, imported module by module, checked with pyright (basic) and ruff, and called
once per resource against Prism. From the OpenAI document only the fine-tuning, files and chat-completions paths are
kept (with every component they reach); that SDK is generated, imported, and run through the end-to-end checks of
:mod:`realworld.openai_e2e`: fine-tuning against Prism, multipart uploads against a local server that parses them,
and a chat completion stream against a local server-sent-events server.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main as generator_main
from realworld import documents, openai_e2e, prism
from realworld.steps import check_imports, openai_checks, package_name, pyright_basic, ruff_check, smoke
from tests.support import SHARED

SPECS = SHARED / "specs"
PETSTORE = SPECS / "petstore3" / "openapi.yaml"
OPENAI = SPECS / "openai" / "openapi.yaml"
OPENAI_PATHS = ["/fine_tuning/jobs", "/fine_tuning/jobs/{fine_tuning_job_id}", "/files", "/chat/completions"]
PYTHON = Path(sys.executable)

pytestmark = [
    pytest.mark.skipif(not SPECS.is_dir(), reason="../shared/specs is absent"),
    pytest.mark.skipif(not prism.PRISM.exists(), reason="run `make test` to install Prism and pyright"),
]


def _generate(spec: Path, out: Path) -> str:
    arguments = ["generate", "--quiet", "--spec", str(spec), "--out", str(out)]
    assert generator_main(arguments) == 0
    return package_name(out)


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("realworld") / "petstore3"
    return out, _generate(PETSTORE, out)


@pytest.fixture(scope="module")
def openai_document() -> dict[str, Any]:
    return documents.load(OPENAI)


@pytest.fixture(scope="module")
def openai(openai_document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("realworld")
    spec = folder / "openai-slice.yaml"
    spec.write_text(yaml.safe_dump(documents.prune(openai_document, OPENAI_PATHS), sort_keys=False))
    out = folder / "openai"
    return out, _generate(spec, out)


def test_prune_keeps_the_paths_and_every_component_they_reach(openai_document: dict[str, Any]) -> None:
    pruned = documents.prune(openai_document, OPENAI_PATHS)
    assert sorted(pruned["paths"]) == sorted(OPENAI_PATHS)
    schemas = pruned["components"]["schemas"]
    assert {"CreateFileRequest", "OpenAIFile", "FineTuningJob", "CreateChatCompletionStreamResponse"} <= set(schemas)
    assert "CreateImageRequest" not in schemas
    dangling = [
        r for r in _refs(pruned) if r.split("/")[-1].replace("~1", "/") not in pruned["components"][r.split("/")[2]]
    ]
    assert not dangling
    assert yaml.safe_dump(documents.prune(openai_document, OPENAI_PATHS)) == yaml.safe_dump(pruned)


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


@pytest.mark.parametrize("which", ["petstore", "openai"])
def test_every_module_imports(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    out, package = request.getfixturevalue(which)
    imported = check_imports(PYTHON, package, tmp_path, out / "src")
    assert imported["modules"] > 10 and imported["failures"] == []


def test_petstore_pyright_basic_and_ruff(petstore: tuple[Path, str]) -> None:
    out, _ = petstore
    found = pyright_basic(PYTHON, out, out.parent / "pyright")
    assert found.errors == 0, found.messages
    assert ruff_check(out) == (0, [])


@pytest.fixture(scope="module")
def petstore_smoke(petstore: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out, package = petstore
    folder = tmp_path_factory.mktemp("smoke")
    examples = folder / "examples.json"
    examples.write_text(json.dumps(documents.parameter_examples(documents.load(PETSTORE))))
    with prism.serve(PETSTORE) as url:
        return smoke(PYTHON, package, url, examples, folder, out / "src")


def test_petstore_every_method_sends_its_request(petstore_smoke: dict[str, Any]) -> None:
    assert petstore_smoke["methods"] == 19
    # Among them an optional body that is not an object (`user.create_with_list_input`), left out.
    assert dict(petstore_smoke["unsent"]) == {}


def test_petstore_one_call_per_resource_against_prism(petstore_smoke: dict[str, Any]) -> None:
    calls = {c["resource"]: c for c in petstore_smoke["calls"]}
    assert {name.split(".")[0] for name in calls} == {"pet", "store", "user"}
    for call in calls.values():
        # `GET /store/inventory` asks for the `api_key` header scheme, not the document's OAuth2 bearer token.
        assert call["ok"] and call["strict"], call


@pytest.fixture(scope="module")
def openai_results(openai: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    out, package = openai
    with prism.serve(out.parent / "openai-slice.yaml") as url:
        results = openai_checks(PYTHON, package, url, tmp_path_factory.mktemp("e2e"), out / "src")
    return {r["check"]: r for r in results}


@pytest.mark.parametrize("check", [name for name, _ in openai_e2e.CHECKS])
def test_openai_end_to_end(check: str, openai_results: dict[str, dict[str, Any]]) -> None:
    assert openai_results[check]["ok"], openai_results[check]["reason"]
