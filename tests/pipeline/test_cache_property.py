"""Warm and cold runs write the same bytes, always: a property test over random sequences of spec edits.

Each example starts from the fine-tuning spec, generates it with the cache, then applies a few random edits (a field
added or removed, an operation added or removed, an enum value added, a description or an operation's summary
changed), and after each edit generates twice from the same history: once with the cache (warm, as after earlier
runs) and once without it (cold). Both must exit the same way, say the same, and write byte-identical folders.
``make test`` runs a few examples; ``make fuzz`` runs more (``SDKGEN_PROPERTY_EXAMPLES``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import cli
from generator.output.writer import read_tree
from tests.support import CONFIG, GENERATED, SPEC

EXAMPLES = int(os.environ.get("SDKGEN_PROPERTY_EXAMPLES", "1"))
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
Edit = tuple[str, int, str]
EDITS = st.tuples(
    st.sampled_from(
        [
            "add-field",
            "add-request-field",
            "add-parameter",
            "remove-field",
            "add-operation",
            "remove-operation",
            "add-enum-value",
            "describe",
            "summarise",
        ]
    ),
    st.integers(min_value=0, max_value=10_000),
    WORDS,
)


def apply(doc: dict[str, Any], edit: Edit) -> None:
    """One edit of the document, in place; ``number`` picks what is edited, ``word`` names what is added."""
    kind, number, word = edit
    schemas = doc["components"]["schemas"]
    objects = [s for s in schemas.values() if isinstance(s.get("properties"), dict) and s["properties"]]
    target = objects[number % len(objects)]
    if kind == "add-field":
        target["properties"][f"extra_{word}"] = {"type": "string", "description": f"An extra {word}."}
    elif kind == "add-request-field":  # what users do most: a new optional argument of a method
        bodies = [s for s in _request_schemas(doc) if isinstance(s.get("properties"), dict)]
        if bodies:
            bodies[number % len(bodies)]["properties"][f"extra_{word}"] = {"type": "integer", "description": word}
    elif kind == "add-parameter":
        operations = [op for item in doc["paths"].values() for op in item.values() if isinstance(op, dict)]
        parameter = {"name": f"extra_{word}", "in": "query", "schema": {"type": "string"}, "description": word}
        operations[number % len(operations)].setdefault("parameters", []).append(parameter)
    elif kind == "remove-field":
        optional = [name for name in target["properties"] if name not in target.get("required", [])]
        if optional:
            del target["properties"][optional[number % len(optional)]]
    elif kind == "add-operation":
        name = sorted(schemas)[number % len(schemas)]
        ok = {
            "description": "ok",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
        }
        doc["paths"][f"/extra/{word}"] = {"get": {"operationId": f"getExtra{word.title()}", "responses": {"200": ok}}}
    elif kind == "remove-operation":
        del doc["paths"][sorted(doc["paths"])[number % len(doc["paths"])]]
    elif kind == "add-enum-value":
        enums = [node for node in _nodes(doc) if isinstance(node.get("enum"), list) and node.get("type") == "string"]
        enums[number % len(enums)]["enum"].append(f"extra_{word}")
    elif kind == "summarise":  # the edit loop's commonest edit: only the files that show it are rendered again
        operations = [op for item in doc["paths"].values() for op in item.values() if isinstance(op, dict)]
        operations[number % len(operations)]["summary" if number % 2 else "description"] = f"Summed up: {word}."
    else:
        target["description"] = f"Described again: {word}."


def _request_schemas(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON request bodies' schemas, through one reference."""
    found = []
    for item in doc["paths"].values():
        for op in item.values():
            schema = (op.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema", {})
            ref = schema.get("$ref", "")
            found.append(doc["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else schema)
    return found


def _nodes(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(n for value in node.values() for n in _nodes(value))]
    if isinstance(node, list):
        return [n for value in node for n in _nodes(value)]
    return []


def _generate(spec: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = cli.main(["generate", "--quiet", "--spec", str(spec), "--config", str(CONFIG), "--out", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.err.replace(str(out), "OUT")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="SDKGEN_PROPERTY_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(EDITS, min_size=1, max_size=3))
@example(edits=[("add-request-field", 0, "note")])  # the reported case: the jobs tests' imports came out unsorted
def test_warm_and_cold_runs_write_the_same_bytes(
    edits: list[Edit], tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path_factory.mktemp("edits")
    os.environ["SDKGEN_CACHE_DIR"] = str(tmp_path_factory.getbasetemp() / "property-cache")  # warm across examples
    try:
        doc = yaml.safe_load(SPEC.read_text())
        spec = work / "openapi.yaml"
        spec.write_text(yaml.safe_dump(doc, sort_keys=False))
        warm, cold = work / "warm", work / "cold"
        assert _generate(spec, warm, capsys)[0] == 0
        for edit in edits:
            apply(doc, edit)
            spec.write_text(yaml.safe_dump(doc, sort_keys=False))
            shutil.rmtree(cold, ignore_errors=True)
            shutil.copytree(warm, cold)  # the same history for both
            assert _generate(spec, warm, capsys) == _generate(spec, cold, capsys, "--no-cache"), edit
            assert read_tree(warm) == read_tree(cold), edit
    finally:
        os.environ["SDKGEN_CACHE_DIR"] = ""


def test_check_does_not_use_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` neither reads nor fills the cache (a check that used it would fill the empty one), so its verdict
    is always a cold run's."""
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "generated"
    shutil.copytree(GENERATED, out, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    client = out / "src" / "finetuning" / "_client.py"
    client.write_text(client.read_text() + "# stale\n")
    code = cli.main(["check", "--quiet", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out)])
    assert code == 1
    assert "_client.py" in capsys.readouterr().out
    assert not (tmp_path / "cache").exists()
