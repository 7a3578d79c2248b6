"""One model of the API: each decision is made once, so the stages that read it cannot disagree.

Every test here reproduces a fault of the generator before the redesign: two copies of one rule that drifted apart.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import pipeline
from generator.api.parser import Parser, parse
from generator.api.settings import SdkConfig
from generator.inputs import validate
from generator.inputs.document import Document
from generator.inputs.loader import load_document
from generator.output.writer import write_tree
from generator.release.diff import Side, compare
from generator.request.examples import Examples
from tests.support import CONFIG, SPEC, run_generator

JSON = dict[str, Any]


def _doc(spec: JSON) -> Document:
    return Document(json.loads(json.dumps(spec)), "openapi.json")


def _write(folder: Path, spec: JSON, name: str = "openapi.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(spec) if name.endswith(".json") else yaml.safe_dump(spec, sort_keys=False))
    return path


def test_unquoted_integer_response_codes_generate_and_diff(tmp_path: Path) -> None:
    """YAML reads ``200:`` as an integer key: the document is normalised once, for every stage."""
    text = textwrap.dedent("""\
        openapi: 3.0.3
        info: {title: Codes, version: "1"}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                200:
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, properties: {name: {type: string}}}
                404:
                  description: missing
        """)
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text)
    result = run_generator("generate", "--quiet", "--spec", spec, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    (op,) = parse(load_document(spec), SdkConfig()).api.operations
    assert op.response is not None and op.response.annotation == "ListThingsResponse"
    assert run_generator("diff", spec, spec).returncode == 0


MULTIPART_FIRST_FORM: JSON = {
    "openapi": "3.1.0",
    "info": {"title": "Uploads", "version": "1"},
    "paths": {
        "/uploads": {
            "post": {
                "operationId": "createUpload",
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {"type": "object", "properties": {"name": {"type": "string"}}}
                        },
                        "multipart/form-data": {
                            "schema": {"type": "object", "properties": {"size": {"type": "string"}}}
                        },
                    }
                },
                "responses": {"204": {"description": "done"}},
            }
        }
    },
}


def test_the_media_type_of_a_body_is_chosen_once() -> None:
    """Multipart wins over a form listed before it, in the signature and in the change report alike."""
    new = copy.deepcopy(MULTIPART_FIRST_FORM)
    new["paths"]["/uploads"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"][
        "size"
    ] = {"type": "integer"}
    old_side, new_side = Side.parse(_doc(MULTIPART_FIRST_FORM), SdkConfig()), Side.parse(_doc(new), SdkConfig())
    (op,) = new_side.api.operations
    assert op.body is not None and op.body.kind == "multipart" and [p.name for p in op.body.params] == ["size"]
    changes = compare(old_side, new_side)
    assert [(c.rule, c.location) for c in changes] == [("request-property-type-changed", f"{op.method_name}(size=)")]


REFINED: JSON = {
    "openapi": "3.1.0",
    "info": {"title": "Refine", "version": "1"},
    "paths": {
        "/campaigns": {
            "post": {
                "operationId": "createCampaign",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Campaign"}}}},
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Campaign"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Base": {"type": "object", "properties": {"status": {"type": "string"}, "mode": {"type": "string"}}},
            "Mode": {"type": "string", "enum": ["fast", "slow"]},
            "Campaign": {
                "allOf": [{"$ref": "#/components/schemas/Base"}],
                "properties": {
                    "status": {"type": "string", "enum": ["active", "paused"]},
                    "mode": {"allOf": [{"$ref": "#/components/schemas/Mode"}, {"description": "How fast."}]},
                    "settings": {"type": "object", "properties": {"depth": {"type": "integer"}}},
                },
            },
        }
    },
}


def test_argument_and_model_field_types_are_the_same_type() -> None:
    """One allOf merge (own properties win), one type for ``allOf: [{$ref}, {description}]``, one class per
    inline object: the method argument and the model field agree."""
    api = parse(_doc(REFINED), SdkConfig()).api
    (op,) = api.operations
    assert op.body is not None
    arguments = {p.wire_name: p.type.annotation for p in op.body.params}
    campaign = api.types.object("Campaign")
    fields = {p.wire: p.type.annotation for p in campaign.properties}
    assert arguments == fields
    assert fields["status"] == "Literal['active', 'paused']"
    assert fields["mode"] == "Mode"
    assert fields["settings"] == "CampaignSettings"


def test_a_spec_name_never_shadows_what_a_method_calls(tmp_path: Path) -> None:
    """Arguments named like runtime helpers (``form_fields``, ``path_template``...) still make working calls."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Shadow", "version": "1"},
        "servers": [{"url": "https://shadow.test"}],
        "paths": {
            "/items/{path_template}": {
                "post": {
                    "operationId": "createItem",
                    "parameters": [
                        {"name": "path_template", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "header_values", "in": "header", "schema": {"type": "string"}},
                        {"name": "bool", "in": "query", "schema": {"type": "boolean"}},
                    ],
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"form_fields": {"type": "string"}, "json_body": {"type": "string"}},
                                }
                            }
                        }
                    },
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
    }
    out = tmp_path / "out"
    assert run_generator("generate", "--quiet", "--spec", _write(tmp_path, spec), "--out", out).returncode == 0
    script = textwrap.dedent("""
        import httpx, shadow
        seen = []
        def answer(request):
            seen.append(request)
            return httpx.Response(204)
        client = shadow.Client(http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        client.items.create("a", header_values="h", bool=True, form_fields="f", json_body="j")
        (request,) = seen
        assert request.url.path == "/items/a", request.url
        assert request.headers["header_values"] == "h" and request.url.params["bool"] == "true"
        assert request.content == b"form_fields=f&json_body=j", request.content
        """)
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={"PYTHONPATH": str(out / "src")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_diff_and_generate_agree_on_the_version(tmp_path: Path) -> None:
    """A description-only change is a patch for both: the version is decided by one rule."""
    folder = tmp_path / "api"
    spec = yaml.safe_load(SPEC.read_text())
    path = _write(folder, spec, "openapi.yaml")
    (folder / "sdk.yaml").write_text(CONFIG.read_text())
    out = tmp_path / "out"
    assert run_generator("generate", "--quiet", "--spec", path, "--out", out).returncode == 0
    spec["info"]["description"] = "A new description."
    _write(folder, spec, "openapi.yaml")
    reported = run_generator("diff", out, path)
    assert "version bump: patch (0.1.0 -> 0.1.1)" in reported.stdout, reported.stdout
    assert run_generator("generate", "--quiet", "--spec", path, "--out", out).returncode == 0
    assert 'version = "0.1.1.dev0"' in (out / "pyproject.toml").read_text()  # pending until released


def test_one_generation_reads_validates_and_parses_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a changed spec: the config is read once, the document validated once, and parsed once per side (the new
    spec, and the old one from the snapshot)."""
    folder = tmp_path / "api"
    spec = yaml.safe_load(SPEC.read_text())
    path = _write(folder, spec, "openapi.yaml")
    config = folder / "sdk.yaml"
    config.write_text(CONFIG.read_text())
    out = tmp_path / "out"
    write_tree(pipeline.build(path, config, out).files, out)
    spec["info"]["description"] = "Changed."
    _write(folder, spec, "openapi.yaml")
    calls: dict[str, int] = {"read": 0, "validate": 0, "parse": 0}

    def counting(name: str, function: Any) -> Any:
        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return function(*args, **kwargs)

        return counted

    monkeypatch.setattr(pipeline, "read_file", counting("read", pipeline.read_file))
    monkeypatch.setattr(pipeline, "validate", counting("validate", validate.validate))
    monkeypatch.setattr(Parser, "parse", counting("parse", Parser.parse))
    result = pipeline.build(path, config, out)
    release = result.release
    assert calls == {"read": 1, "validate": 1, "parse": 2}
    assert release.api_changed and release.version == "0.1.1"
    assert result.files["pyproject.toml"].count('version = "0.1.1.dev0"') == 1


def test_examples_are_written_by_the_types_the_signature_uses() -> None:
    """An example for an argument is a value of the argument's own type, as plain data: a dict for an object."""
    api = parse(_doc(REFINED), SdkConfig()).api
    (op,) = api.operations
    call = Examples(api.types).call(op)
    every = {a.name: a.source for a in call.every}
    assert every["settings"] == "{}"
    assert every["status"] == "'active'"


def test_a_resource_never_shadows_a_client_attribute() -> None:
    """Paths named like the client's own members (``request``, ``close``) become ``*_resource``, with a warning."""
    ok = {"200": {"description": "ok"}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Shadow", "version": "1"},
        "paths": {
            "/request": {"get": {"responses": ok}},
            "/close/{id}": {
                "get": {
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": ok,
                }
            },
        },
    }
    result = parse(_doc(spec), SdkConfig())
    assert [r.name for r in result.api.resources] == ["request_resource", "close_resource"]
    warned = [p.message for p in result.problems.warnings]
    assert any("'request'" in m and "request_resource" in m for m in warned)
