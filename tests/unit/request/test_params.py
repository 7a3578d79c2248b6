"""The request side's rules (generator/request/params.py): which TypedDicts, named what, in which module, and which example
values a dict literal can be."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.api.ir import Api
from generator.api.parser import parse
from generator.api.settings import SdkConfig
from generator.inputs.document import Document
from generator.pytypes.kinds import ListOf, LiteralType, MapOf, Nullable, ObjectType, Property, Scalar, UnionType
from generator.pytypes.registry import Registry
from generator.request.param_modules import Spelling, relative
from generator.request.params import RequestTypes
from generator.request.typefacts import fits


def _api(schemas: dict[str, Any], paths: dict[str, Any]) -> Api:
    spec = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}
    spec["components"] = {"schemas": schemas}
    return parse(Document(json.loads(json.dumps(spec)), "openapi.json"), SdkConfig()).api


def _post(op_id: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "post": {
            "operationId": op_id,
            "requestBody": {"content": {"application/json": {"schema": schema}}},
            "responses": {"204": {"description": "done"}},
        }
    }


def _spelled(request: RequestTypes, api: Api, op_id: str) -> dict[str, str]:
    op = next(o for o in api.operations if o.operation_id == op_id)
    module = request.method_modules[op.pointer]
    spell = Spelling(module.location)
    return {p.name: spell(request.annotation(op, p)) for p in op.keyword_params}


THING = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}


def test_a_schema_used_once_is_named_by_its_path_and_one_used_twice_gets_a_twin() -> None:
    body = {
        "type": "object",
        "properties": {
            "things": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
            "labels": {"type": "array", "items": {"type": "string"}},
            "shared": {"$ref": "#/components/schemas/Shared"},
        },
    }
    schemas = {"Thing": THING, "Shared": {"type": "object", "properties": {"a": {"type": "integer"}}}}
    api = _api(schemas, {"/boxes": _post("createBox", body), "/crates": _post("createCrate", body)})
    request = RequestTypes(api)
    spelled = _spelled(request, api, "createBox")
    # "things" is used by both methods, so Thing is shared too: every named object here gets a twin.
    assert spelled == {
        "things": "Iterable[ThingParam | UncheckedDict]",
        "labels": "list[str]",
        "shared": "SharedParam | UncheckedDict",
    }
    assert {m.location for m in request.modules} >= {("types", "thing_param"), ("types", "box_create_params")}

    single = _api(schemas, {"/boxes": _post("createBox", body)})
    request = RequestTypes(single)
    assert _spelled(request, single, "createBox")["things"] == "Iterable[Thing | UncheckedDict]"
    module = request.method_modules[single.operations[0].pointer]
    assert [d.name for d in module.definitions] == ["BoxCreateParams", "Thing", "Shared"]


def test_a_params_folder_named_like_a_model_module_is_renamed() -> None:
    schemas = {"Boxes": THING, "Item": THING}
    paths = {"/boxes/{box_id}/items": _post("createItem", {"$ref": "#/components/schemas/Item"})}
    paths["/boxes/{box_id}/items"]["parameters"] = [
        {"name": "box_id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    api = _api(schemas, paths)
    (module,) = RequestTypes(api).modules
    assert module.location == ("types", "boxes_2", "item_create_params")


def test_relative_imports_between_modules_of_the_package() -> None:
    here = ("types", "store", "order_create_params")
    assert relative(here, ("_types",)) == "..._types"
    assert relative(here, ("types", "line_param")) == "..line_param"
    assert relative(here, ("types", "store")) == "."
    assert relative(("resources", "store", "orders", "orders"), ("types", "store")) == "....types.store"


LINE = ObjectType(
    (Property("sku", Scalar("str"), True), Property("quantity", Nullable(Scalar("int")), False)), name=None
)


@pytest.mark.parametrize(
    ("value", "type_", "expected"),
    [
        ({"sku": "a"}, LINE, True),
        ({"sku": "a", "quantity": None}, LINE, True),
        ({"quantity": 1}, LINE, False),  # a required key is missing
        ({"sku": "a", "colour": "red"}, LINE, False),  # a key the TypedDict does not have
        ({"sku": 1}, LINE, False),
        ([{"sku": "a"}], ListOf(LINE), True),
        ({"x": {"sku": "a"}}, MapOf(LINE), True),
        ("auto", UnionType((LiteralType(("auto",)), Scalar("int"))), True),
        ("manual", UnionType((LiteralType(("auto",)), Scalar("int"))), False),
        ({"anything": [1, {"b": None}]}, ObjectType(), True),
    ],
)
def test_a_value_fits_where_a_dict_literal_would_type_check(value: Any, type_: Any, expected: bool) -> None:
    assert fits(value, type_, Registry()) is expected


def test_a_schema_named_param_leaves_the_word_to_its_request_twin() -> None:
    """``CustomToolParam`` describes what is sent: its model is ``CustomTool`` and its TypedDict ``CustomToolParam``,
    as openai-python names them, never ``CustomToolParamParam``; with a ``Moderation`` schema beside
    ``ModerationParam``, the model keeps the document's name."""
    body = {
        "type": "object",
        "properties": {
            "tools": {"type": "array", "items": {"$ref": "#/components/schemas/CustomToolParam"}},
            "moderation": {"$ref": "#/components/schemas/ModerationParam"},
        },
    }
    schemas = {"CustomToolParam": THING, "ModerationParam": THING, "Moderation": THING}
    api = _api(schemas, {"/boxes": _post("createBox", body), "/crates": _post("createCrate", body)})
    assert [m.name for m in api.models] == ["CustomTool", "ModerationParam", "Moderation"]
    spelled = _spelled(RequestTypes(api), api, "createBox")
    assert spelled["tools"] == "Iterable[CustomToolParam | UncheckedDict]"
    assert "CustomToolParamParam" not in spelled["tools"]
