"""The intermediate representation built from the specs: resources, operations, params, pagination, auth.

Of spec/openapi.yaml the tests assert only what must hold for any spec, reading the expected values from the spec and
config themselves; the fixtures' frozen specs carry the exact expectations."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.api.config import load_config
from generator.api.ir import Api, Operation
from generator.api.parser import parse
from generator.core import naming
from generator.inputs.loader import load_document
from tests.support import CONFIG, FIXTURES, SPEC


def _api(spec: Path, config: Path | None) -> Api:
    return parse(load_document(spec), load_config(config)).api


@pytest.fixture(scope="module")
def api() -> Api:
    return _api(SPEC, CONFIG)


def _op(api: Api, operation_id: str) -> Operation:
    return next(op for op in api.operations if op.operation_id == operation_id)


# -- spec/openapi.yaml: what the IR must say of any spec, read from the spec itself -----------------------------------


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def _operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op) for path, item in doc["paths"].items() for method, op in item.items() if "operationId" in op
    ]


def _schema(doc: dict[str, Any], node: dict[str, Any] | None) -> tuple[str, dict[str, Any]] | None:
    ref = (node or {}).get("$ref", "")
    return (ref.rsplit("/", 1)[-1], doc["components"]["schemas"][ref.rsplit("/", 1)[-1]]) if ref else None


def _json(doc: dict[str, Any], holder: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    return _schema(doc, holder.get("content", {}).get("application/json", {}).get("schema"))


def test_resources_nest_and_each_has_its_module(api: Api, doc: dict[str, Any]) -> None:
    for resource in api.walk():
        for child in resource.children:
            assert child.path == (*resource.path, child.name)
        dotted = ".".join(resource.path)
        expected = f"resources.{dotted}.{resource.name}" if resource.children else f"resources.{dotted}"
        assert resource.module == expected
    placed = {op.operation_id for r in api.walk() for op in r.operations}
    assert placed == {op["operationId"] for _, _, op in _operations(doc)}


def test_client_settings_come_from_the_config_and_spec(api: Api, doc: dict[str, Any]) -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    for option in ("package_name", "client_class", "async_client_class", "api_key_env", "base_url_env"):
        if option in config:
            assert getattr(api.settings, option) == config[option], option
    settings = (api.settings.timeout, api.settings.connect_timeout, api.settings.max_retries)
    assert settings == (config.get("timeout", 600), config.get("connect_timeout", 5), config.get("max_retries", 2))
    assert api.settings.base_url == config.get("base_url", doc["servers"][0]["url"])
    schemes = list(doc["components"]["securitySchemes"].values())
    if schemes[0] == {**schemes[0], "type": "http", "scheme": "bearer"}:
        assert api.auth.kind == "bearer"


def test_json_object_bodies_are_flattened_into_keyword_arguments(api: Api, doc: dict[str, Any]) -> None:
    for _, _, spec_op in _operations(doc):
        body = _json(doc, spec_op.get("requestBody", {}))
        if body is None or "properties" not in body[1]:
            continue
        op = _op(api, spec_op["operationId"])
        assert op.body is not None and op.body.content_type == "application/json" and not op.body.is_whole
        sent = {p.wire_name: p.required for p in op.keyword_params if p.location == "body"}
        required = set(body[1].get("required", []))
        assert sent == {name: name in required for name in body[1]["properties"]}
        assert op.keyword_params == tuple(sorted(op.keyword_params, key=lambda p: not p.required))


def test_list_operations_are_paginated_with_the_cursor_scheme(api: Api, doc: dict[str, Any]) -> None:
    (scheme,) = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["pagination"]
    pages = 0
    for _, method, spec_op in _operations(doc):
        response = _json(doc, spec_op["responses"].get("200", {}))
        props = response[1].get("properties", {}) if response else {}
        query = {p["name"] for p in spec_op.get("parameters", []) if p.get("in") == "query"}
        op = _op(api, spec_op["operationId"])
        if method == "get" and {scheme["items"], scheme["has_more"]} <= set(props) and scheme["request_param"] in query:
            pages += 1
            assert op.page is not None and op.item is not None, op.operation_id
            page = (op.page.style, op.page.request_param, op.page.items_field, op.page.has_more_field)
            assert page == (scheme["style"], scheme["request_param"], scheme["items"], scheme["has_more"])
            assert op.page.cursor_field == scheme["cursor_field"]
            item = _schema(doc, props[scheme["items"]]["items"])
            assert item is not None and op.item.source == item[0]
        else:
            assert op.page is None, op.operation_id
    assert pages


def test_path_parameters_are_positional_in_path_order(api: Api, doc: dict[str, Any]) -> None:
    for path, _, spec_op in _operations(doc):
        op = _op(api, spec_op["operationId"])
        assert [p.wire_name for p in op.positional_params] == re.findall(r"\{([^}]+)\}", path)
        assert op.path == re.sub(r"\{([^}]+)\}", lambda m: "{" + naming.snake_case(m.group(1)) + "}", path)


def test_models_keep_component_names(api: Api, doc: dict[str, Any]) -> None:
    names = {m.name: m.module for m in api.models}
    for name, schema in doc["components"]["schemas"].items():
        if schema.get("type") == "object" and "properties" in schema:
            assert names[name] == naming.snake_case(name)


def test_offset_fixture_defaults_and_renames() -> None:
    api = _api(FIXTURES / "bookshelf/openapi.yaml", FIXTURES / "bookshelf/sdk.yaml")
    assert api.auth.kind == "header" and api.auth.name == "X-Api-Key"
    assert api.settings.base_url == "https://books.example.com/api/v2"  # server variable default substituted
    assert api.settings.api_key_env == "BOOKSHELF_API_KEY"
    listing = _op(api, "listBooks")
    assert listing.page is not None and listing.page.style == "offset" and listing.page.total_field == "total"
    assert [p.name for p in listing.header_params] == ["x_trace_id"]
    by_author = _op(api, "listAuthorBooks")
    assert [p.name for p in by_author.params] == ["author_id", "class_"]
    assert by_author.response is not None and by_author.response.source == "list[Book]"
    assert _op(api, "deleteBook").response is None
    assert _op(api, "getBook").path_params[0].type.source == "int"


def test_union_fixture() -> None:
    api = _api(FIXTURES / "zoo/openapi.yaml", FIXTURES / "zoo/sdk.yaml")
    assert api.auth.kind == "none"
    assert api.settings.idempotency_header == "Idempotency-Key"
    create = _op(api, "createAnimal")
    assert create.body is not None and [p.name for p in create.body.params] == ["body"]
    assert create.body.params[0].type.source == "Animal"
    depth = _op(api, "getEnclosure").query_params[0]
    assert depth.type.source == "int | None"
    assert api.pages == []
