"""Schema shapes that datamodel-code-generator gets wrong on its own, and what the generator hands it instead.

Each was found in a real document (the OpenAI one): an alias that refers to itself, a subclass that redeclares a
parent's optional field as required, a discriminator without a mapping, ``default: null`` on a non-nullable object.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import build
from tests.support import PRISM, ROOT

PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"

SCHEMAS: dict[str, Any] = {
    # anyOf of an inline object and null: the object gets a name of its own.
    "Prompt": {
        "anyOf": [{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}, {"type": "null"}]
    },
    # an array of an inline union.
    "ToolCalls": {
        "type": "array",
        "items": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]},
    },
    # a discriminator without a mapping, whose members each allow one tag value.
    "Pet": {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind"},
    },
    "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["cat"]}}},
    "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "const": "dog"}}},
    # a discriminator whose member allows two values: left undiscriminated.
    "Tool": {
        "oneOf": [{"$ref": "#/components/schemas/Search"}, {"$ref": "#/components/schemas/Cat"}],
        "discriminator": {"propertyName": "kind"},
    },
    "Search": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["search", "search_v2"]}}},
    # allOf whose last part makes the parent's optional field required.
    "Base": {"type": "object", "properties": {"id": {"type": "string"}, "note": {"type": "string"}}},
    "Resource": {
        "allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"type": "object", "required": ["id"], "properties": {"size": {"type": "integer"}}},
        ]
    },
    # allOf of a reference and a constraint only: the reference, or null.
    "Holder": {
        "type": "object",
        "properties": {"choice": {"allOf": [{"$ref": "#/components/schemas/Pet"}, {"nullable": True}]}},
    },
    # a scalar narrowed by an enum, next to an allOf of the enum's schema: a scalar, not a class.
    "Codes": {"type": "integer", "enum": [1, 8]},
    "Callback": {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "integer", "enum": [8], "allOf": [{"$ref": "#/components/schemas/Codes"}]}},
    },
    # required-together constraints beside the properties, and a default of null where null is not allowed.
    "Batch": {
        "type": "object",
        "properties": {
            "file_ids": {"type": "array", "items": {"type": "string"}},
            "files": {"type": "array", "items": {"type": "string"}},
            "options": {
                "type": "object",
                "properties": {"mode": {"type": "string"}},
                "default": None,
            },
        },
        "anyOf": [{"required": ["file_ids"]}, {"required": ["files"]}],
    },
    # a nullable map, both ways of writing it: the value type is kept (a list of types drops additionalProperties).
    "Labels": {"type": ["object", "null"], "additionalProperties": {"type": "string"}},
    "Tags": {"anyOf": [{"type": "object", "additionalProperties": {"type": "integer"}}, {"type": "null"}]},
    # an inline discriminated union and an inline enum of many values: each a type of its own (an annotated union
    # would otherwise be named, and put in a module, by datamodel-code-generator; the enum written out at each use).
    "Owner": {
        "type": "object",
        "properties": {
            "pet": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "kind"},
            },
            "country": {"type": "string", "enum": [f"c{i:03}" for i in range(200)]},
        },
    },
    # a chain of components that are each only a reference to the next: every alias names the end of the chain.
    **{f"Link{i}": {"$ref": f"#/components/schemas/Link{i + 1}"} for i in range(4)},
    "Link4": {"type": "object", "properties": {"id": {"type": "string"}}},
    # a union that has itself as a member (``E | str`` is ``str``), and one that is truly recursive.
    "Expr": {"anyOf": [{"$ref": "#/components/schemas/Expr"}, {"type": "string"}, {"type": "integer"}]},
    "Tree": {"anyOf": [{"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}, {"type": "string"}]},
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shapes")
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Shapes", "version": "1"},
        "paths": {},
        "components": {"schemas": SCHEMAS},
    }
    (folder / "openapi.json").write_text(json.dumps(spec))
    out = folder / "out"
    for name, text in build(folder / "openapi.json", None, out).files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text)
    return out


def _types(package: Path) -> dict[str, str]:
    return {p.stem: p.read_text() for p in (package / "src" / "shapes" / "types").glob("*.py")}


def test_no_alias_refers_to_itself_and_inline_objects_are_named(package: Path) -> None:
    types = _types(package)
    assert 'Prompt = TypeAliasType("Prompt", PromptObject | None)' in types["prompt"].replace("\n", "").replace(
        "    ", ""
    )
    assert "class PromptObject(BaseModel)" in types["prompt_object"]
    assert 'ToolCalls = TypeAliasType("ToolCalls", list[Cat | Dog])' in types["tool_calls"]
    for text in types.values():
        for alias, value in re.findall(r'^(\w+) = TypeAliasType\(\s*"\w+",(.*?)\n\)?$', text, re.M | re.S):
            assert f'"{alias}"' not in value, f"{alias} refers to itself: {value}"


def test_the_discriminator_is_mapped_by_tag_value_or_dropped(package: Path) -> None:
    types = _types(package)
    assert 'kind: Literal["cat"]' in types["cat"] and 'kind: Literal["dog"]' in types["dog"]
    assert 'Literal["Cat"]' not in types["cat"] and 'Literal["Search"]' not in types["search"]
    assert 'Literal["search", "search_v2"]' in types["search"]


def test_overlapping_all_of_is_one_class_and_required_wins(package: Path) -> None:
    resource = _types(package)["resource"]
    assert "class Resource(BaseModel)" in resource
    assert "id: str\n" in resource and "note: str | None = None" in resource and "size: int | None = None" in resource


def test_constraints_and_null_defaults_are_not_types(package: Path) -> None:
    types = _types(package)
    assert "callback_type" not in types and "CallbackType" not in types["callback"]
    assert "class Batch(BaseModel)" in types["batch"]
    assert "options: BatchOptions | None = None" in types["batch"]
    assert "choice: Pet | None = None" in types["holder"]


def test_a_nullable_map_keeps_its_value_type(package: Path) -> None:
    types = _types(package)
    assert 'Labels = TypeAliasType("Labels", dict[str, str] | None)' in types["labels"]
    assert 'Tags = TypeAliasType("Tags", dict[str, int] | None)' in types["tags"]


def test_inline_discriminated_unions_and_large_enums_are_named(package: Path) -> None:
    types = _types(package)
    owner = types["owner"]
    assert "pet: OwnerPet | None" in owner and "country: OwnerCountry | None" in owner
    assert "Cat | Dog" in types["owner_pet"] and 'Field(discriminator="kind")' in types["owner_pet"]
    assert '"c000"' in types["owner_country"] and '"c000"' not in owner
    # build() refuses a module datamodel-code-generator named itself; here are only the generator's modules
    assert {"owner", "owner_pet", "owner_country", "link0"} <= set(types)


def test_an_alias_chain_names_its_end(package: Path) -> None:
    types = _types(package)
    for i in range(4):
        assert f'TypeAliasType("Link{i}", Link4)' in types[f"link{i}"].replace("\n", "").replace("    ", "")


@pytest.mark.slow
def test_the_models_import_validate_and_type_check(package: Path) -> None:
    script = (
        "from shapes.types import Batch, Expr, Holder, Pet, Resource, Tree\n"
        "from pydantic import TypeAdapter\n"
        "assert TypeAdapter(Expr).validate_python(3) == 3 and TypeAdapter(Expr).validate_python('x') == 'x'\n"
        "assert TypeAdapter(Tree).validate_python([['a'], 'b']) == [['a'], 'b']\n"
        "assert type(TypeAdapter(Pet).validate_python({'kind': 'dog'})).__name__ == 'Dog'\n"
        "assert Resource.model_validate({'id': 'r', 'size': 1}).id == 'r'\n"
        "assert Holder.model_validate({'choice': None}).choice is None\n"
        "assert Batch.model_validate({'files': ['a']}).options is None\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env={"PYTHONPATH": str(package / "src")}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    if not PYRIGHT.exists() or not PRISM.exists():
        pytest.skip("node tools are not installed (make test installs them)")
    checked = subprocess.run(
        [str(PYRIGHT), "--outputjson", "--pythonpath", sys.executable, str(package / "src")],
        cwd=package,
        capture_output=True,
        text=True,
    )
    summary = json.loads(checked.stdout)["summary"]
    assert summary["errorCount"] == 0, checked.stdout[:3000]
