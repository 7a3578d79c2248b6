"""Malformed schemas are caught by the generator's own validation, each with its pointer, before any tool reads them;
--keep-going skips them with a warning. Deep nesting, wide unions and long $ref chains end in seconds, not in a
RecursionError or minutes of work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.core.errors import GenerationError
from generator.inputs.document import Document
from generator.inputs.reading import MAX_NESTING
from generator.inputs.schemacheck import MAX_DEPTH, MAX_MEMBERS
from generator.inputs.validate import validate

OTHER = {"type": "object", "properties": {"kind": {"type": "string", "enum": ["other"]}}}


def _nested(key: str, depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "string"}
    for _ in range(depth):
        node = {key: [node]}
    return node


MALFORMED: dict[str, tuple[Any, str, str]] = {
    "required-as-text": (
        {"type": "object", "required": "name", "properties": {"name": {"type": "string"}}},
        "/required",
        "'required' must be a list of property names, not the text 'name'",
    ),
    "properties-as-list": (
        {"type": "object", "properties": ["name", "age"]},
        "/properties",
        "'properties' must be a mapping of names to schemas, not a list",
    ),
    "description-as-object": (
        {"type": "string", "description": {"en": "A name"}},
        "/description",
        "'description' must be text, not a mapping",
    ),
    "property-not-a-schema": (
        {"type": "object", "properties": {"name": "string"}},
        "/properties/name",
        "a schema must be a mapping (or true or false), not the text 'string'",
    ),
    "misspelt-type": (
        {"type": "object", "properties": {"name": {"type": "strng"}}},
        "/properties/name/type",
        "'type' must be one of string, number, integer, boolean, array, object, null, or a list of them, not the text"
        " 'strng'",
    ),
    "misspelt-type-in-a-list": (
        {"type": ["string", "nul"]},
        "/type",
        "'type' must be one of string, number, integer, boolean, array, object, null, or a list of them, not a list",
    ),
    "items-as-list": (
        {"type": "array", "items": [{"type": "string"}]},
        "/items",
        "'items' must be a schema (a mapping, or true or false), not a list",
    ),
    "dangling-discriminator": (
        {
            "oneOf": [{"$ref": "#/components/schemas/Other"}],
            "discriminator": {"propertyName": "kind", "mapping": {"other": "#/components/schemas/Gone"}},
        },
        "/discriminator/mapping/other",
        "discriminator value 'other' maps to '#/components/schemas/Gone', which is not a schema here",
    ),
    "one-of-50-deep": (
        _nested("oneOf", 50),
        "/oneOf/0" * MAX_DEPTH,
        f"the schema nests too deeply (more than {MAX_DEPTH} levels inside)",
    ),
    "all-of-50-deep": (
        _nested("allOf", 50),
        "/allOf/0" * MAX_DEPTH,
        f"the schema nests too deeply (more than {MAX_DEPTH} levels inside)",
    ),
    "any-of-2000-wide": (
        {"anyOf": [{"type": "object", "properties": {f"p{i}": {"type": "string"}}} for i in range(2000)]},
        "/anyOf",
        f"'anyOf' has 2,000 members, more than the {MAX_MEMBERS} the generator supports",
    ),
}


def _document(schemas: dict[str, Any], inline: Any = None) -> dict[str, Any]:
    """An API whose one operation returns ``Thing``; with ``inline``, a second one sends that schema as its body."""
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    paths: dict[str, Any] = {"/things": {"get": {"operationId": "getThing", "responses": {"200": ok}}}}
    if inline is not None:
        body = {"content": {"application/json": {"schema": inline}}}
        paths["/inline"] = {"post": {"operationId": "postInline", "requestBody": body, "responses": {"204": ok}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Malformed", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Thing": {"type": "object"}, "Other": OTHER, **schemas}},
    }


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_each_malformed_schema_is_one_error_with_its_pointer(name: str) -> None:
    schema, pointer, message = MALFORMED[name]
    with pytest.raises(GenerationError) as caught:
        validate(Document(_document({"Thing": schema}), "openapi.json"))
    assert [str(p) for p in caught.value.problems] == [
        f"openapi.json#/components/schemas/Thing{pointer}: error: {message}"
    ]


INLINE = "#/components/schemas/Thing/properties/p"
EXTENDS_ITSELF = (
    "the schema extends itself through allOf, and a class cannot be its own parent "
    "(refer to it from a property or an array's items instead)"
)
LOOPS = {
    "extends-itself": (
        {"Thing": {"type": "object", "allOf": [{"$ref": "#/components/schemas/Thing"}]}},
        "/components/schemas/Thing/allOf",
        EXTENDS_ITSELF,
    ),
    "extends-itself-through-another": (
        {
            "Thing": {"allOf": [{"$ref": "#/components/schemas/Part"}, {"type": "object"}]},
            "Part": {"allOf": [{"$ref": "#/components/schemas/Thing"}], "description": "a part"},
        },
        "/components/schemas/Thing/allOf",
        EXTENDS_ITSELF,
    ),
    "inline-schema-containing-itself": (
        {"Thing": {"type": "object", "properties": {"p": {"type": "object", "properties": {"q": {"$ref": INLINE}}}}}},
        "/components/schemas/Thing/properties/p/properties/q/$ref",
        f"$ref '{INLINE}' makes a schema contain itself, which only a named schema can "
        "(move it under #/components/schemas)",
    ),
}


@pytest.mark.parametrize("name", sorted(LOOPS))
def test_a_schema_made_of_itself_is_an_error_where_the_loop_is(name: str) -> None:
    schemas, pointer, message = LOOPS[name]
    with pytest.raises(GenerationError) as caught:
        validate(Document(_document(schemas), "openapi.json"))
    assert f"openapi.json#{pointer}: error: {message}" in [str(p) for p in caught.value.problems]


def test_recursion_through_fields_and_polymorphism_are_fine() -> None:
    """A tree: a named schema may refer to itself from a field, at any distance; and a union may be the parent of its
    members (``Pet: {oneOf: [Cat, Dog]}``, ``Cat: {allOf: [Pet, ...]}``)."""
    node = {
        "type": "object",
        "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}},
    }
    other = {
        "allOf": [
            {"$ref": "#/components/schemas/Thing"},
            {"properties": {"up": {"$ref": "#/components/schemas/Other"}}},
        ]
    }
    pet = {"oneOf": [{"$ref": "#/components/schemas/Cat"}], "discriminator": {"propertyName": "kind"}}
    cat = {"allOf": [{"$ref": "#/components/schemas/Pet"}, {"properties": {"kind": {"type": "string"}}}]}
    validate(Document(_document({"Thing": node, "Other": other, "Pet": pet, "Cat": cat}), "openapi.json"))


def test_the_command_line_reports_them_all_in_problem_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schemas = {f"Bad{i}": schema for i, (schema, _, _) in enumerate(MALFORMED.values())}
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(_document(schemas)))
    assert cli.main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 2
    lines = capsys.readouterr().err.splitlines()
    expected = [f"{spec}#/components/schemas/Bad{i}{p}: error: {m}" for i, (_, p, m) in enumerate(MALFORMED.values())]
    assert lines == [*expected, f"generation failed: {len(MALFORMED)} problem(s); {tmp_path / 'out'} was not changed"]


def test_keep_going_skips_them_and_generates_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Malformed component schemas lose what is malformed (or become any value); an operation whose own schema is
    malformed is skipped. The models tool never sees any of it, and a second look finds the same."""
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    schemas = {f"Bad{i}": schema for i, (schema, _, _) in enumerate(MALFORMED.values())}
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(_document(schemas, inline=MALFORMED["required-as-text"][0])))
    argv = ["generate", "--quiet", "--keep-going", "--spec", str(spec), "--out", str(tmp_path / "out")]
    assert cli.main(argv) == 0
    out, err = capsys.readouterr()
    for i, (_, pointer, message) in enumerate(MALFORMED.values()):
        assert f"{spec}#/components/schemas/Bad{i}{pointer}: warning: {message}" in err, err
    assert f"{spec}#/paths/~1inline/post/requestBody/content/application~1json/schema/required: warning:" in err
    assert ": 1 operations (1 skipped), " in out
    assert all(": warning: " in line for line in err.splitlines())
    types = tmp_path / "out" / "src" / "malformed" / "types"
    assert (types / "bad0.py").is_file() and (types / "bad6.py").is_file()


@pytest.mark.parametrize("key", ["oneOf", "allOf"])
@pytest.mark.parametrize("keep_going", [False, True])
def test_nesting_400_deep_is_refused_as_the_document_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, keep_going: bool
) -> None:
    """Too deep for any stage to walk: refused, with the pointer where it goes too deep, before anything walks it."""
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(_document({"Thing": _nested(key, 400)})))
    argv = ["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), *(["--keep-going"] * keep_going)]
    assert cli.main(argv) == 2
    problem, summary = capsys.readouterr().err.splitlines()
    where, message = problem.split(": error: ")
    assert where.startswith(f"{spec}#/components/schemas/Thing/{key}/0/{key}/0/")
    assert where.count("/") - str(spec).count("/") == MAX_NESTING  # the first node deeper than allowed
    assert (
        message
        == f"the document nests too deeply (more than {MAX_NESTING} levels of mappings and lists) (flatten it, for example with $ref)"
    )
    assert summary == f"generation failed: 1 problem(s); {tmp_path / 'out'} was not changed"


def test_a_long_ref_chain_is_checked_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """3,000 schemas, each a reference to the next: every chain is followed once, not once per schema on it."""
    links = 3000
    schemas: dict[str, Any] = {f"S{i}": {"$ref": f"#/components/schemas/S{i + 1}"} for i in range(links)}
    schemas[f"S{links}"] = {"type": "object"}
    doc = Document(_document({**schemas, "Thing": {"$ref": "#/components/schemas/S0"}}), "openapi.json")
    lookups = 0
    real_at = Document.at

    def counting(self: Document, ptr: str) -> Any:
        nonlocal lookups
        lookups += 1
        return real_at(self, ptr)

    monkeypatch.setattr(Document, "at", counting)
    validate(doc)
    assert lookups < 10 * links  # following every chain to its end would be links**2 / 2 = 4,500,000
