"""The config names what methods return: a ``types`` entry for one method, a ``response_names`` rule for a subtree;
pages name their item; one rule's methods that return the same type share its alias; an entry that cannot apply is an
error at its pointer, a rule that cannot is silent."""

from __future__ import annotations

from typing import Any

import pytest

from generator.api import parser
from generator.api.config import parse_config
from generator.core.errors import GenerationError
from generator.inputs.document import Document

REF = {"$ref": "#/components/schemas/Container"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def _doc() -> Document:
    page = {
        "type": "object",
        "properties": {"data": {"type": "array", "items": REF}, "has_more": {"type": "boolean"}},
        "required": ["data", "has_more"],
    }
    after = [{"name": "after", "in": "query", "schema": {"type": "string"}}]
    one = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    paths = {
        "/containers": {
            "get": {"operationId": "listContainers", "parameters": after, "responses": _json(page)},
            "post": {"operationId": "createContainer", "responses": _json(REF)},
        },
        "/containers/{id}": {
            "get": {"operationId": "getContainer", "parameters": one, "responses": _json(REF)},
            "delete": {
                "operationId": "deleteContainer",
                "parameters": one,
                "responses": {"204": {"description": "gone"}},
            },
        },
    }
    container = {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}
    root = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Container": container}},
    }
    return Document(root, "openapi.yaml")


def _returns(config: dict[str, Any]) -> dict[str, str]:
    doc = _doc()
    api = parser.parse(doc, parse_config(config, "sdk.yaml", doc)).api
    (resource,) = api.resources
    return {
        op.method_name: (f"page[{op.item.annotation}]" if op.page and op.item else op.response.annotation)
        for op in resource.operations
        if op.response is not None
    }


def test_without_names_the_methods_return_the_schema() -> None:
    assert _returns({}) == {"list": "page[Container]", "create": "Container", "retrieve": "Container"}


def test_a_rule_names_each_methods_result_after_the_method() -> None:
    rule = {"response_names": {"containers": "{Resource}{Method}Response"}}
    assert _returns(rule) == {
        "list": "page[ContainerListResponse]",
        "create": "ContainerCreateResponse",
        "retrieve": "ContainerRetrieveResponse",
    }


def test_an_entry_beats_the_rule_and_names_one_method() -> None:
    config = {"response_names": {"containers": "{Resource}{Method}Response"}, "types": {"Made": "containers.create"}}
    assert _returns(config)["create"] == "Made" and _returns(config)["retrieve"] == "ContainerRetrieveResponse"


def test_a_rule_that_would_take_anothers_name_leaves_the_method_alone() -> None:
    assert _returns({"response_names": {"containers": "Container"}})["create"] == "Container"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"Made": "containers.nope"}, "no method 'containers.nope'"),
        ({"Made": "containers.delete"}, "delete returns no JSON to name"),
        ({"Container": "containers.create"}, "'Container' is the name of another type"),
    ],
)
def test_an_entry_that_cannot_apply_is_an_error_at_its_pointer(entry: dict[str, str], message: str) -> None:
    with pytest.raises(GenerationError) as caught:
        _returns({"types": entry})
    (problem,) = [p for p in caught.value.problems if p.file == "sdk.yaml"]
    assert (problem.pointer, problem.message) == (f"/types/{next(iter(entry))}", message)


def test_a_malformed_rule_is_an_error_at_the_option() -> None:
    with pytest.raises(GenerationError) as caught:
        parse_config({"response_names": {"containers": "{Resource} Response"}}, "sdk.yaml")
    assert [p.pointer for p in caught.value.problems] == ["/response_names"]
