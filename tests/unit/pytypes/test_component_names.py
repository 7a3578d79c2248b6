"""The config names component schemas' classes: ``types`` one at a time, ``type_names`` by rules that never take a
name another schema has; and the mapper claims those names before any schema's own."""

from __future__ import annotations

from typing import Any

import pytest

from generator.api import parser
from generator.api.config import parse_config
from generator.core.errors import GenerationError
from generator.inputs.document import Document
from generator.pytypes.component_names import component_names

RULES = {"(.+)Object": r"\1", "Delete(.+)Response": r"\1Deleted"}


def test_a_rule_renames_every_schema_it_matches_wholly() -> None:
    names, problems = component_names(["ThreadObject", "DeleteThreadResponse", "ObjectStore"], {}, RULES, "sdk.yaml")
    assert names == {"ThreadObject": "Thread", "DeleteThreadResponse": "ThreadDeleted"} and problems == []


def test_a_rule_never_takes_a_name_another_schema_has_or_was_given() -> None:
    names, _ = component_names(
        ["Message", "MessageObject", "RunObject", "RunResource"], {}, {"(.+)(Object|Resource)": r"\1"}, "s"
    )
    assert names == {"RunObject": "Run"}  # ``Message`` is a schema's own name; ``Run`` went to the first that matched


def test_the_first_rule_that_matches_decides() -> None:
    names, _ = component_names(["DeleteFooObject"], {}, {"(.+)Object": r"\1", "Delete(.+)": r"\1Deleted"}, "s")
    assert names == {"DeleteFooObject": "DeleteFoo"}


def test_a_given_name_beats_the_rules() -> None:
    given = {"FileObject": "#/components/schemas/OpenAIFile", "Chat": "#/components/schemas/ChatObject"}
    names, problems = component_names(["OpenAIFile", "ChatObject"], given, RULES, "s")
    assert names == {"OpenAIFile": "FileObject", "ChatObject": "Chat"} and problems == []


def test_a_given_name_must_name_a_schema_and_not_take_anothers_name() -> None:
    given = {"A": "#/components/schemas/Missing", "B": "#/paths/x", "Taken": "#/components/schemas/Other"}
    _, problems = component_names(["Taken", "Other"], given, {}, "sdk.yaml")
    assert [(p.file, p.pointer) for p in problems] == [
        ("sdk.yaml", "/types/A"),
        ("sdk.yaml", "/types/B"),
        ("sdk.yaml", "/types/Taken"),
    ]
    assert "is the name of the schema #/components/schemas/Taken" in problems[2].message
    swapped = {"Taken": "#/components/schemas/Other", "Spare": "#/components/schemas/Taken"}
    assert component_names(["Taken", "Other"], swapped, {}, "s")[1] == []


def _ok(name: str) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}
    return {"200": {"description": "ok", "content": content}}


def _doc() -> Document:
    thread = {"type": "object", "properties": {"id": {"type": "string"}}}
    gone = {"type": "object", "properties": {"deleted": {"type": "boolean"}}}
    paths = {
        "/threads/{id}": {
            "get": {"operationId": "getThread", "responses": _ok("ThreadObject")},
            "delete": {"operationId": "deleteThread", "responses": _ok("DeleteThreadResponse")},
        }
    }
    root: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"ThreadObject": thread, "DeleteThreadResponse": gone}},
    }
    return Document(root, "openapi.yaml")


def test_the_parser_types_responses_with_the_names_the_config_gives() -> None:
    doc = _doc()
    result = parser.parse(doc, parse_config({"type_names": RULES}, "sdk.yaml", doc))
    (resource,) = result.api.resources
    assert {op.method_name: op.response.annotation for op in resource.operations if op.response} == {
        "retrieve": "Thread",
        "delete": "ThreadDeleted",
    }
    assert {n.name: n.module for n in result.api.types} == {"Thread": "thread", "ThreadDeleted": "thread_deleted"}


def test_the_options_are_checked_at_their_pointers() -> None:
    with pytest.raises(GenerationError) as caught:
        parse_config({"types": {"not a name": "#/components/schemas/X"}, "type_names": {"(": "x"}}, "sdk.yaml")
    found = {(p.pointer, p.message.split(" (")[0]) for p in caught.value.problems}
    assert found == {
        ("/types", "types: 'not a name' is not a class name"),
        ("/type_names", "type_names: '(' is not a regular expression"),
    }
