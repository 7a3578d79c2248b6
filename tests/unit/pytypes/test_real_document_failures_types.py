"""Failures found on real documents (elevenlabs, digitalocean, mistral), each on a minimal document cut down from
the real one: independent reference cycles, discriminator mappings across files, recursive request bodies, string
defaults on numbers, and YAML 1.2 numbers."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.core.errors import GenerationError
from generator.pipeline import build

HEAD = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\n'

IMPORT_ALL = """\
import importlib, pkgutil, t
for module in pkgutil.walk_packages(t.__path__, "t."):
    importlib.import_module(module.name)
"""


def _generate(tmp_path: Path, main: str, **files: str) -> Path:
    """The package generated from ``main`` (and the other ``files`` beside it), written to ``tmp_path/out``; fails
    unless every one of its modules imports."""
    (tmp_path / "openapi.yaml").write_text(HEAD + textwrap.dedent(main))
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    out = tmp_path / "out"
    for name, text in build(tmp_path / "openapi.yaml", None, out).files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text)
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL], env={"PYTHONPATH": str(out / "src")}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return out / "src" / "t"


def _run(package: Path, script: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        env={"PYTHONPATH": str(package.parent)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


GET_WRAP = """\
paths:
  /wrap:
    get:
      operationId: getWrap
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Wrap"}}}
"""


CYCLES = """\
components:
  schemas:
    Wrap: {type: object, properties: {a: {$ref: "#/components/schemas/A"}, c: {$ref: "#/components/schemas/C"}}}
    A: {type: object, properties: {b: {$ref: "#/components/schemas/B"}}}
    B: {type: object, properties: {a: {$ref: "#/components/schemas/A"}}}
    C: {type: object, properties: {d: {$ref: "#/components/schemas/D"}}}
    D: {type: object, properties: {c: {$ref: "#/components/schemas/C"}}}
"""


def test_independent_reference_cycles_each_get_a_shared_module(tmp_path: Path) -> None:
    package = _generate(tmp_path, GET_WRAP + CYCLES)
    assert sorted(p.name for p in (package / "types").glob("_internal*.py")) == ["_internal.py", "_internal_1.py"]
    _run(package, "from t.types import Wrap\nassert Wrap.model_validate({'c': {'d': {'c': {}}}}).c.d.c.d is None\n")


CREATE_RECORD = """\
paths:
  /records:
    post:
      operationId: createRecord
      requestBody:
        content:
          application/json:
            schema:
              oneOf: [{$ref: "models.yaml#/record_a"}, {$ref: "models.yaml#/record_b"}]
              discriminator: {propertyName: type, mapping: {a: "models.yaml#/record_a", b: "models.yaml#/record_b"}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "action.yaml"}}}
"""
MODELS = """\
record_a: {type: object, required: [type], properties: {type: {type: string}, a: {type: string}}}
record_b: {type: object, required: [type], properties: {type: {type: string}, b: {type: string}}}
"""
ACTION = """\
oneOf: [{$ref: "models.yaml#/record_a"}, {$ref: "models.yaml#/record_b"}]
discriminator: {propertyName: type, mapping: {a: "#/oneOf/0", b: "models.yaml#/record_b"}}
"""


def test_discriminator_mappings_naming_other_files_follow_the_bundle(tmp_path: Path) -> None:
    package = _generate(tmp_path, CREATE_RECORD, **{"models.yaml": MODELS, "action.yaml": ACTION})
    assert 'Field(discriminator="type")' in (package / "types" / "action.py").read_text()
    _run(
        package,
        "from t.types import Action, RecordB\nfrom pydantic import TypeAdapter\n"
        "assert isinstance(TypeAdapter(Action).validate_python({'type': 'b'}), RecordB)\n",
    )


def test_a_mapping_target_that_cannot_be_followed_is_still_reported(tmp_path: Path) -> None:
    with pytest.raises(GenerationError, match="maps to 'models.yaml#/record_c'"):
        _generate(
            tmp_path,
            CREATE_RECORD.replace('b: "models.yaml#/record_b"}', 'b: "models.yaml#/record_c"}'),
            **{"models.yaml": MODELS, "action.yaml": ACTION},
        )


RECURSIVE_BODY = """\
paths:
  /nodes:
    post:
      operationId: createNode
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Node"}}}}
      responses: {"200": {description: ok}}
components:
  schemas:
    Node:
      type: object
      properties:
        children: {type: array, items: {anyOf: [{$ref: "#/components/schemas/Node"}, {$ref: "#/components/schemas/Leaf"}]}}
    Leaf: {type: object, properties: {value: {type: string}}}
"""


def test_a_recursive_union_in_a_request_body_is_an_alias_defined_after_its_class(tmp_path: Path) -> None:
    package = _generate(tmp_path, RECURSIVE_BODY)
    twin = (package / "types" / "node_param.py").read_text()
    assert twin.index("class NodeParam(") < twin.index("NodeChildrenParam: TypeAlias = NodeParam | LeafParam")
    _run(package, "import typing\nfrom t.types.node_param import NodeParam\ntyping.get_type_hints(NodeParam)\n")


def test_a_string_default_on_a_number_is_read_as_the_number_or_left_out() -> None:
    """Mistral's ``beta1: {type: number, default: "0.9"}`` was written as ``beta1: float = "0.9"``."""
    from generator.api.config import parse_config
    from generator.api.parser import parse
    from generator.emit.model_schema import model_document
    from generator.inputs.document import Document
    from generator.inputs.reading import parse_text

    root = parse_text(
        HEAD + """\
paths: {}
components:
  schemas:
    Optimizer:
      type: object
      properties:
        beta1: {type: number, default: "0.9"}
        steps: {type: integer, default: "10"}
        eps: {type: number, default: "tiny"}
        epochs: {type: integer, default: "1.5"}
""",
        "openapi.yaml",
    )
    result = parse(Document(root, "openapi.yaml"), parse_config(None, "sdk.yaml"))
    written = model_document(result.api.types)["components"]["schemas"]["Optimizer"]["properties"]
    assert [written[n].get("default") for n in ("beta1", "steps", "eps", "epochs")] == [0.9, 10, None, None]
    assert sorted(str(w).split(": warning: ")[0] for w in result.problems.warnings) == [
        f"openapi.yaml#/components/schemas/Optimizer/properties/{n}/default"
        for n in ("beta1", "epochs", "eps", "steps")
    ]


@pytest.mark.parametrize("fast", [True, False])
def test_yaml_1_2_floats_are_numbers_in_both_loaders(fast: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mistral's ``default: 1e-08`` was read as the string ``"1e-08"`` (YAML 1.1 wants a dot and a signed exponent)."""
    from generator.inputs import reading

    if not fast:
        monkeypatch.setattr(reading, "_CSafeLoader", None)
    text = "eps: 1e-08\nbig: 1.5e3\nhalf: .5E1\nsigned: -2E+4\nzip: 08\nversion: 1.0.0\nquoted: '1e-08'\ncount: 12\n"
    assert reading.parse_text(text, "openapi.yaml") == {
        "eps": 1e-08,
        "big": 1500.0,
        "half": 5.0,
        "signed": -20000.0,
        "zip": "08",
        "version": "1.0.0",
        "quoted": "1e-08",
        "count": 12,
    }


def test_properties_given_by_a_reference_to_another_file_are_that_map(tmp_path: Path) -> None:
    """DigitalOcean's ``properties: {$ref: 'attributes.yml#/load_balancer_droplet_ids'}`` left the load balancer
    without its fields and skipped the operations that send them."""
    main = """\
    paths:
      /lbs:
        get:
          operationId: getLb
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "lb.yaml"}}}}
    """
    lb = "type: object\nproperties:\n  $ref: 'attributes.yaml#/tag'\n  name: {type: string}\n"
    package = _generate(tmp_path, main, **{"lb.yaml": lb, "attributes.yaml": "tag:\n  tag: {type: string}\n"})
    _run(package, "from t.types import Lb\nassert Lb.model_validate({'tag': 'x', 'name': 'y'}).tag == 'x'\n")


def test_an_annotation_naming_an_alias_that_stays_a_string_is_a_string_too() -> None:
    """Aliases that name each other cannot all be types when the module runs: the one written as a string is a
    ``str`` then, so every annotation that names it (``Y | str``, ``X | bytes``) is written as a string as well."""
    from generator.core.naming import Namespace
    from generator.request.param_modules import _module_view
    from generator.request.params import Ann, Definition, Key, Name, ParamsModule

    here = ("types", "x_params")
    definitions = [
        Definition("C", keys=[Key("x", Ann((Name(here, "X"), "bytes")), False)]),
        Definition("X", alias=Ann((Name(here, "Y"), "str"))),
        Definition("Y", alias=Ann((Name(here, "X"), "int"))),
    ]
    view = _module_view(ParamsModule(here, "params", Namespace(), "", definitions), frozenset())
    written = {d.name: d.alias or d.keys[0].annotation for d in view.definitions}
    assert written == {"Y": "'X | int'", "X": "'Y | str'", "C": "'X | bytes'"}
