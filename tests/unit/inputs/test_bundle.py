"""A document split over several files: references to other files are followed and the models keep their names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.core.errors import GenerationError
from generator.inputs.loader import load_document
from generator.pipeline import build

MAIN = """\
openapi: 3.1.0
info: {title: Split API, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - $ref: "common/parameters.yaml#/Limit"
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "schemas/pet.yaml"}}
        default:
          $ref: "common/responses.yaml#/Error"
components:
  schemas:
    Owner:
      type: object
      properties:
        pets: {type: array, items: {$ref: "schemas/pet.yaml"}}
"""
FILES = {
    "schemas/pet.yaml": """\
type: object
required: [id]
properties:
  id: {type: string}
  owner: {$ref: "../openapi.yaml#/components/schemas/Owner"}
  tag: {$ref: "#/$defs/Tag"}
  friends: {type: array, items: {$ref: "pet.yaml"}}
$defs:
  Tag: {type: object, properties: {name: {type: string}}}
""",
    "common/parameters.yaml": "Limit: {name: limit, in: query, schema: {type: integer}}\n",
    "common/responses.yaml": """\
Error:
  description: error
  content:
    application/json:
      schema: {$ref: "#/components/schemas/Error"}
components:
  schemas:
    Error: {type: object, properties: {message: {type: string}}}
""",
}


@pytest.fixture
def split(tmp_path: Path) -> Path:
    (tmp_path / "openapi.yaml").write_text(MAIN)
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path / "openapi.yaml"


def test_references_to_other_files_become_components(split: Path) -> None:
    root = load_document(split).root
    schemas = root["components"]["schemas"]
    assert sorted(schemas) == ["Error", "Owner", "Pet", "Tag"]
    assert schemas["Owner"]["properties"]["pets"]["items"] == {"$ref": "#/components/schemas/Pet"}
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert schemas["Pet"]["properties"]["friends"]["items"] == {"$ref": "#/components/schemas/Pet"}  # a cycle
    assert root["paths"]["/pets"]["get"]["parameters"] == [
        {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    ]


@pytest.mark.slow
def test_the_split_document_generates_a_working_sdk(split: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name, text in build(split, None, out).files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text)
    script = (
        "from split.types import Owner, Pet\n"
        "pet = Pet.model_validate({'id': 'p', 'owner': {'pets': [{'id': 'q'}]}, 'friends': [{'id': 'r'}]})\n"
        "assert pet.owner.pets[0].id == 'q' and pet.friends[0].id == 'r'\n"
        "import inspect, split\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env={"PYTHONPATH": str(out / "src")}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "limit: int | NotGiven = NOT_GIVEN" in (out / "src" / "split" / "resources" / "pets.py").read_text()


def test_a_missing_file_or_target_names_the_file_and_pointer(split: Path) -> None:
    (split.parent / "schemas" / "pet.yaml").write_text("type: object\nproperties:\n  tag: {$ref: 'tags.yaml#/Tag'}\n")
    (split.parent / "common" / "parameters.yaml").write_text("Other: {}\n")
    with pytest.raises(GenerationError) as caught:
        build(split, None, split.parent / "out")
    lines = sorted({str(p).replace(str(split.parent) + "/", "") for p in caught.value.problems})
    assert lines == [
        "openapi.yaml#/paths/~1pets/get/parameters/0/$ref: error: "
        "$ref 'common/parameters.yaml#/Limit' points at nothing in common/parameters.yaml",
        "schemas/pet.yaml#/properties/tag/$ref: error: $ref names a file that does not exist: tags.yaml",
    ]


@pytest.mark.slow
def test_a_changed_referenced_file_is_not_an_unchanged_run(
    split: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    command = ["generate", "--quiet", "--spec", str(split), "--out", str(out)]
    assert cli.main(command) == 0
    assert cli.main(command) == 0
    assert "up to date, inputs unchanged" in capsys.readouterr().out
    pet = split.parent / "schemas" / "pet.yaml"
    pet.write_text(pet.read_text().replace("id: {type: string}", "id: {type: string}\n  age: {type: integer}"))
    assert cli.main(command) == 0
    assert "files written" in capsys.readouterr().out
    assert "age: int | None = None" in (out / "src" / "split" / "types" / "_internal.py").read_text()
