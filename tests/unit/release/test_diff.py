"""The API change report: one small spec pair per rule, with the classification each must get."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import pytest

from generator.api.config import parse_config
from generator.inputs.document import Document
from generator.release.diff import Change, Side, bump_for, compare
from tests.support import ROOT

JSON = dict[str, Any]


def _ok(schema: str) -> JSON:
    return {
        "description": "ok",
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


BASE: JSON = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1.0"},
    "servers": [{"url": "https://api.example.com"}],
    "security": [{"key": []}],
    "paths": {
        "/orders": {
            "get": {
                "operationId": "listOrders",
                "tags": ["orders"],
                "parameters": [
                    {"name": "after", "in": "query", "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "state", "in": "query", "schema": {"type": "string", "enum": ["open", "paid"]}},
                ],
                "responses": {"200": _ok("OrderList")},
            },
            "post": {
                "operationId": "createOrder",
                "tags": ["orders"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewOrder"}}},
                },
                "responses": {"201": _ok("Order")},
            },
        },
        "/orders/{order_id}": {
            "get": {
                "operationId": "getOrder",
                "tags": ["orders"],
                "parameters": [{"name": "order_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": _ok("Order")},
            }
        },
    },
    "components": {
        "securitySchemes": {"key": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Order": {
                "type": "object",
                "required": ["id", "status", "total"],
                "properties": {
                    "id": {"type": "string"},
                    "status": {"type": "string", "enum": ["open", "paid"]},
                    "total": {"type": "integer"},
                    "note": {"type": "string"},
                    "lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}},
                },
            },
            "Line": {
                "type": "object",
                "required": ["sku"],
                "properties": {"sku": {"type": "string"}, "parent": {"$ref": "#/components/schemas/Line"}},
            },
            "NewOrder": {
                "type": "object",
                "required": ["item"],
                "properties": {
                    "item": {"type": "string"},
                    "quantity": {"type": "integer"},
                    "priority": {"type": "string", "enum": ["low", "high"]},
                    "gift": {"$ref": "#/components/schemas/Gift"},
                },
            },
            "Gift": {"type": "object", "properties": {"wrap": {"type": "string", "enum": ["paper", "box"]}}},
            "OrderList": {
                "type": "object",
                "required": ["data", "has_more"],
                "properties": {
                    "data": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}},
                    "has_more": {"type": "boolean"},
                },
            },
        },
    },
}
CONFIG: JSON = {"pagination": [{"name": "CursorPage", "style": "cursor", "request_param": "after"}]}


def schemas(d: JSON) -> JSON:
    return d["components"]["schemas"]


def props(d: JSON, name: str) -> JSON:
    return schemas(d)[name]["properties"]


def op(d: JSON, path: str, method: str = "get") -> JSON:
    return d["paths"][path][method]


def param(d: JSON, name: str) -> JSON:
    return next(p for p in op(d, "/orders")["parameters"] if p["name"] == name)


def nothing(d: JSON) -> None:
    del d


def _set(target: Callable[[JSON], JSON], key: str, value: Any) -> Callable[[JSON], None]:
    def edit(d: JSON) -> None:
        target(d)[key] = value

    return edit


def _delete(target: Callable[[JSON], JSON], key: str) -> Callable[[JSON], None]:
    def edit(d: JSON) -> None:
        del target(d)[key]

    return edit


def _append(target: Callable[[JSON], list[Any]], value: Any) -> Callable[[JSON], None]:
    def edit(d: JSON) -> None:
        target(d).append(value)

    return edit


def _both(*edits: Callable[[JSON], None]) -> Callable[[JSON], None]:
    def edit(d: JSON) -> None:
        for e in edits:
            e(d)

    return edit


ORDERS = "client.orders"
TYPES = "shop.types"
LINE_OP: JSON = {
    "operationId": "getLine",
    "tags": ["orders"],
    "parameters": [
        {"name": "order_id", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": "line_id", "in": "path", "required": True, "schema": {"type": "string"}},
    ],
    "responses": {"200": _ok("Line")},
}


def _add_line_op(path: str) -> Callable[[JSON], None]:
    def edit(d: JSON) -> None:
        d["paths"][path] = {"get": copy.deepcopy(LINE_OP)}

    return edit


# (id, edit of the old spec, edit of the new spec, edit of the new config, expected (rule, impact, where) set)
Case = tuple[str, Callable[[JSON], None], Callable[[JSON], None], Callable[[JSON], None], set[tuple[str, str, str]]]
CASES: list[Case] = [
    # -- operations
    (
        "operation removed",
        nothing,
        _delete(lambda d: d["paths"], "/orders/{order_id}"),
        nothing,
        {("api-removed-without-deprecation", "breaking", f"{ORDERS}.retrieve()")},
    ),
    (
        "deprecated operation removed",
        _set(lambda d: op(d, "/orders/{order_id}"), "deprecated", True),
        _delete(lambda d: d["paths"], "/orders/{order_id}"),
        nothing,
        {("api-removed-with-deprecation", "breaking", f"{ORDERS}.retrieve()")},
    ),
    (
        "operation added",
        _delete(lambda d: d["paths"], "/orders/{order_id}"),
        nothing,
        nothing,
        {("endpoint-added", "addition", f"{ORDERS}.retrieve()")},
    ),
    (
        "operation deprecated",
        nothing,
        _set(lambda d: op(d, "/orders/{order_id}"), "deprecated", True),
        nothing,
        {("endpoint-deprecated", "other", f"{ORDERS}.retrieve()")},
    ),
    (
        "operation reactivated",
        _set(lambda d: op(d, "/orders/{order_id}"), "deprecated", True),
        nothing,
        nothing,
        {("endpoint-reactivated", "other", f"{ORDERS}.retrieve()")},
    ),
    (
        "method moved by the config",
        nothing,
        nothing,
        _set(lambda c: c, "operations", {"getOrder": "orders.fetch"}),
        {("sdk-method-moved", "breaking", f"{ORDERS}.fetch()")},
    ),
    (
        "endpoint path changed, same operationId",
        nothing,
        lambda d: d["paths"].update({"/v2/orders/{order_id}": d["paths"].pop("/orders/{order_id}")}),
        nothing,
        {("sdk-endpoint-changed", "other", f"{ORDERS}.retrieve()")},
    ),
    (
        "positional arguments reordered",
        _add_line_op("/orders/{order_id}/lines/{line_id}"),
        _add_line_op("/orders/{line_id}/lines/{order_id}"),
        nothing,
        {
            ("sdk-positional-parameters-reordered", "breaking", f"{ORDERS}.lines.retrieve()"),
            ("sdk-endpoint-changed", "other", f"{ORDERS}.lines.retrieve()"),
        },
    ),
    # -- parameters
    (
        "required query parameter added",
        nothing,
        _append(lambda d: op(d, "/orders")["parameters"], {"name": "shop", "in": "query", "required": True}),
        nothing,
        {("new-required-request-parameter", "breaking", f"{ORDERS}.list(shop=)")},
    ),
    (
        "optional query parameter added",
        nothing,
        _append(lambda d: op(d, "/orders")["parameters"], {"name": "shop", "in": "query"}),
        nothing,
        {("new-optional-request-parameter", "addition", f"{ORDERS}.list(shop=)")},
    ),
    (
        "query parameter removed",
        nothing,
        lambda d: op(d, "/orders")["parameters"].remove(param(d, "limit")),
        nothing,
        {("request-parameter-removed", "breaking", f"{ORDERS}.list(limit=)")},
    ),
    (
        "query parameter became required",
        nothing,
        _set(lambda d: param(d, "limit"), "required", True),
        nothing,
        {("request-parameter-became-required", "breaking", f"{ORDERS}.list(limit=)")},
    ),
    (
        "query parameter became optional",
        _set(lambda d: param(d, "limit"), "required", True),
        nothing,
        nothing,
        {("request-parameter-became-optional", "addition", f"{ORDERS}.list(limit=)")},
    ),
    (
        "query parameter type changed",
        nothing,
        _set(lambda d: param(d, "limit"), "schema", {"type": "string"}),
        nothing,
        {("request-parameter-type-changed", "breaking", f"{ORDERS}.list(limit=)")},
    ),
    (
        "query parameter type widened",
        nothing,
        _set(lambda d: param(d, "limit"), "schema", {"type": "number"}),
        nothing,
        {("request-parameter-type-changed", "addition", f"{ORDERS}.list(limit=)")},
    ),
    (
        "query parameter enum value added",
        nothing,
        _append(lambda d: param(d, "state")["schema"]["enum"], "void"),
        nothing,
        {("request-parameter-enum-value-added", "addition", f"{ORDERS}.list(state=)")},
    ),
    (
        "query parameter enum value removed",
        nothing,
        _set(lambda d: param(d, "state")["schema"], "enum", ["open"]),
        nothing,
        {("request-parameter-enum-value-removed", "breaking", f"{ORDERS}.list(state=)")},
    ),
    (
        "query parameter became an enum",
        nothing,
        _set(lambda d: param(d, "after"), "schema", {"type": "string", "enum": ["a"]}),
        nothing,
        {("request-parameter-became-enum", "breaking", f"{ORDERS}.list(after=)")},
    ),
    (
        "query parameter moved to a header",
        nothing,
        _set(lambda d: param(d, "limit"), "in", "header"),
        nothing,
        {("sdk-parameter-moved", "other", f"{ORDERS}.list(limit=)")},
    ),
    # -- request body fields (keyword arguments)
    (
        "request field removed",
        nothing,
        _delete(lambda d: props(d, "NewOrder"), "quantity"),
        nothing,
        {("request-property-removed", "breaking", f"{ORDERS}.create(quantity=)")},
    ),
    (
        "required request field added",
        nothing,
        _both(
            _set(lambda d: props(d, "NewOrder"), "shop", {"type": "string"}),
            _append(lambda d: schemas(d)["NewOrder"]["required"], "shop"),
        ),
        nothing,
        {("new-required-request-property", "breaking", f"{ORDERS}.create(shop=)")},
    ),
    (
        "optional request field added",
        nothing,
        _set(lambda d: props(d, "NewOrder"), "shop", {"type": "string"}),
        nothing,
        {("new-optional-request-property", "addition", f"{ORDERS}.create(shop=)")},
    ),
    (
        "request field became required",
        nothing,
        _append(lambda d: schemas(d)["NewOrder"]["required"], "quantity"),
        nothing,
        {("request-property-became-required", "breaking", f"{ORDERS}.create(quantity=)")},
    ),
    (
        "request field became nullable",
        nothing,
        _set(lambda d: props(d, "NewOrder"), "quantity", {"type": ["integer", "null"]}),
        nothing,
        {("request-property-became-nullable", "addition", f"{ORDERS}.create(quantity=)")},
    ),
    (
        "request field no longer nullable",
        _set(lambda d: props(d, "NewOrder"), "quantity", {"type": ["integer", "null"]}),
        nothing,
        nothing,
        {("request-property-became-not-nullable", "breaking", f"{ORDERS}.create(quantity=)")},
    ),
    (
        "request field enum value removed",
        nothing,
        _set(lambda d: props(d, "NewOrder")["priority"], "enum", ["low"]),
        nothing,
        {("request-property-enum-value-removed", "breaking", f"{ORDERS}.create(priority=)")},
    ),
    (
        "request field union gains a variant",
        _set(lambda d: props(d, "NewOrder"), "item", {"anyOf": [{"type": "string"}, {"type": "boolean"}]}),
        _set(
            lambda d: props(d, "NewOrder"),
            "item",
            {"anyOf": [{"type": "string"}, {"type": "boolean"}, {"type": "integer"}]},
        ),
        nothing,
        {("request-property-any-of-added", "addition", f"{ORDERS}.create(item=)")},
    ),
    (
        "nested request model: enum value added",
        nothing,
        _append(lambda d: props(d, "Gift")["wrap"]["enum"], "bag"),
        nothing,
        {("request-property-enum-value-added", "addition", f"{TYPES}.Gift.wrap")},
    ),
    (
        "nested request model: enum value removed",
        nothing,
        _set(lambda d: props(d, "Gift")["wrap"], "enum", ["box"]),
        nothing,
        {("request-property-enum-value-removed", "breaking", f"{TYPES}.Gift.wrap")},
    ),
    # -- response fields (model attributes)
    (
        "optional response field removed",
        nothing,
        _delete(lambda d: props(d, "Order"), "note"),
        nothing,
        {("response-optional-property-removed", "breaking", f"{TYPES}.Order.note")},
    ),
    (
        "required response field removed",
        nothing,
        _both(
            _delete(lambda d: props(d, "Order"), "total"),
            _set(lambda d: schemas(d)["Order"], "required", ["id", "status"]),
        ),
        nothing,
        {("response-required-property-removed", "breaking", f"{TYPES}.Order.total")},
    ),
    (
        "response field added",
        nothing,
        _set(lambda d: props(d, "Order"), "currency", {"type": "string"}),
        nothing,
        {("response-optional-property-added", "addition", f"{TYPES}.Order.currency")},
    ),
    (
        "response field became optional",
        nothing,
        _set(lambda d: schemas(d)["Order"], "required", ["id", "status"]),
        nothing,
        {("response-property-became-optional", "breaking", f"{TYPES}.Order.total")},
    ),
    (
        "response field became required",
        nothing,
        _append(lambda d: schemas(d)["Order"]["required"], "note"),
        nothing,
        {("response-property-became-required", "other", f"{TYPES}.Order.note")},
    ),
    (
        "response field became nullable",
        nothing,
        _set(lambda d: props(d, "Order"), "total", {"type": ["integer", "null"]}),
        nothing,
        {("response-property-became-nullable", "breaking", f"{TYPES}.Order.total")},
    ),
    (
        "response field no longer nullable",
        _set(lambda d: props(d, "Order"), "note", {"anyOf": [{"type": "string"}, {"type": "null"}]}),
        nothing,
        nothing,
        {("response-property-became-not-nullable", "other", f"{TYPES}.Order.note")},
    ),
    (
        "response enum value added",
        nothing,
        _append(lambda d: props(d, "Order")["status"]["enum"], "refunded"),
        nothing,
        {("response-property-enum-value-added", "addition", f"{TYPES}.Order.status")},
    ),
    (
        "response enum value removed",
        nothing,
        _set(lambda d: props(d, "Order")["status"], "enum", ["open"]),
        nothing,
        {("response-property-enum-value-removed", "other", f"{TYPES}.Order.status")},
    ),
    (
        "response field no longer an enum",
        nothing,
        _set(lambda d: props(d, "Order"), "status", {"type": "string"}),
        nothing,
        {("response-property-enum-removed", "breaking", f"{TYPES}.Order.status")},
    ),
    (
        "response field type changed",
        nothing,
        _set(lambda d: props(d, "Order"), "total", {"type": "string"}),
        nothing,
        {("response-property-type-changed", "breaking", f"{TYPES}.Order.total")},
    ),
    (
        "response field type narrowed",
        _set(lambda d: props(d, "Order"), "total", {"type": "number"}),
        nothing,
        nothing,
        {("response-property-type-changed", "other", f"{TYPES}.Order.total")},
    ),
    (
        "response union gains a variant",
        _set(lambda d: props(d, "Order"), "id", {"oneOf": [{"type": "string"}, {"type": "boolean"}]}),
        _set(
            lambda d: props(d, "Order"), "id", {"oneOf": [{"type": "string"}, {"type": "boolean"}, {"type": "integer"}]}
        ),
        nothing,
        {("response-property-one-of-added", "addition", f"{TYPES}.Order.id")},
    ),
    (
        "response array items: field added in a recursive model",
        nothing,
        _set(lambda d: props(d, "Line"), "qty", {"type": "integer"}),
        nothing,
        {("response-optional-property-added", "addition", f"{TYPES}.Line.qty")},
    ),
    (
        "response field now refers to another model",
        nothing,
        _set(lambda d: props(d, "Line"), "parent", {"$ref": "#/components/schemas/Order"}),
        nothing,
        {("response-property-type-changed", "breaking", f"{TYPES}.Line.parent")},
    ),
    (
        "return type changed",
        nothing,
        _set(lambda d: op(d, "/orders/{order_id}"), "responses", {"200": _ok("Line")}),
        nothing,
        {("response-body-type-changed", "breaking", f"{ORDERS}.retrieve()")},
    ),
    (
        "response body removed",
        nothing,
        _set(lambda d: op(d, "/orders/{order_id}"), "responses", {"204": {"description": "gone"}}),
        nothing,
        {("response-media-type-removed", "breaking", f"{ORDERS}.retrieve()")},
    ),
    (
        "response body added",
        _set(lambda d: op(d, "/orders/{order_id}"), "responses", {"204": {"description": "gone"}}),
        nothing,
        nothing,
        {("response-body-added", "addition", f"{ORDERS}.retrieve()")},
    ),
    # -- pagination, models, auth, servers
    (
        "pagination removed",
        nothing,
        _both(
            _delete(lambda d: props(d, "OrderList"), "has_more"),
            _set(lambda d: schemas(d)["OrderList"], "required", ["data"]),
        ),
        nothing,
        {
            ("sdk-pagination-removed", "breaking", f"{ORDERS}.list()"),
            ("response-required-property-removed", "breaking", f"{TYPES}.OrderList.has_more"),
        },
    ),
    (
        "pagination added",
        _both(
            _delete(lambda d: props(d, "OrderList"), "has_more"),
            _set(lambda d: schemas(d)["OrderList"], "required", ["data"]),
        ),
        nothing,
        nothing,
        {
            ("sdk-pagination-added", "breaking", f"{ORDERS}.list()"),
            ("response-required-property-added", "addition", f"{TYPES}.OrderList.has_more"),
        },
    ),
    (
        "model removed",
        _set(schemas, "Coupon", {"type": "object", "properties": {"code": {"type": "string"}}}),
        nothing,
        nothing,
        {("sdk-model-removed", "breaking", f"{TYPES}.Coupon")},
    ),
    (
        "model added",
        nothing,
        _set(schemas, "Coupon", {"type": "object", "properties": {"code": {"type": "string"}}}),
        nothing,
        {("sdk-model-added", "addition", f"{TYPES}.Coupon")},
    ),
    (
        "auth scheme changed",
        nothing,
        _set(lambda d: d["components"]["securitySchemes"], "key", {"type": "apiKey", "in": "header", "name": "X-Key"}),
        nothing,
        {("sdk-auth-changed", "breaking", "client.auth")},
    ),
    (
        "auth removed",
        nothing,
        _both(_delete(lambda d: d, "security"), _delete(lambda d: d["components"], "securitySchemes")),
        nothing,
        {("api-global-security-removed", "other", "client.auth")},
    ),
    (
        "auth added",
        _both(_delete(lambda d: d, "security"), _delete(lambda d: d["components"], "securitySchemes")),
        nothing,
        nothing,
        {("api-global-security-added", "breaking", "client.auth")},
    ),
    (
        "model class renamed when a new schema takes its name",
        nothing,
        lambda d: d["components"].update(schemas={"order": {"type": "object"}, **schemas(d)}),
        nothing,
        {
            ("sdk-model-added", "addition", f"{TYPES}.Order"),
            ("sdk-model-renamed", "breaking", f"{TYPES}.Order2"),
            ("response-body-type-changed", "breaking", f"{ORDERS}.retrieve()"),  # Order -> Order2
            ("response-body-type-changed", "breaking", f"{ORDERS}.create()"),
            ("response-property-type-changed", "breaking", f"{TYPES}.OrderList.data[]"),
        },
    ),
    (
        "server changed",
        nothing,
        _set(lambda d: d, "servers", [{"url": "https://v2.example.com"}]),
        nothing,
        {("sdk-base-url-changed", "other", "client.base_url")},
    ),
    (
        "package and client renamed by the config",
        nothing,
        nothing,
        lambda c: c.update(package_name="shop2", client_class="ShopClient"),
        {  # the distribution and the environment variables are named after the package unless the config says
            ("sdk-package-renamed", "breaking", "client.package_name"),
            ("sdk-package-renamed", "breaking", "client.distribution_name"),
            ("sdk-client-renamed", "breaking", "client.client_class"),
            ("sdk-environment-variable-renamed", "breaking", "client.api_key_env"),
            ("sdk-environment-variable-renamed", "breaking", "client.base_url_env"),
        },
    ),
    (
        "environment variables renamed by the config",
        nothing,
        nothing,
        lambda c: c.update(env_prefix="SHOPPING"),
        {
            ("sdk-environment-variable-renamed", "breaking", "client.api_key_env"),
            ("sdk-environment-variable-renamed", "breaking", "client.base_url_env"),
        },
    ),
    ("settings that break no one", nothing, nothing, lambda c: c.update(timeout=30, log_env="SHOP_DEBUG"), set()),
]


def _run(
    edit_old: Callable[[JSON], None], edit_new: Callable[[JSON], None], edit_config: Callable[[JSON], None]
) -> list[Change]:
    old, new = copy.deepcopy(BASE), copy.deepcopy(BASE)
    edit_old(old)
    edit_new(new)
    new_config = copy.deepcopy(CONFIG)
    edit_config(new_config)
    return compare(
        Side.parse(Document(old, "old.yaml"), parse_config(CONFIG, "sdk.yaml")),
        Side.parse(Document(new, "new.yaml"), parse_config(new_config, "sdk.yaml")),
    )


@pytest.mark.parametrize(
    ("edit_old", "edit_new", "edit_config", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_rule_classifies_its_pair(
    edit_old: Callable[[JSON], None],
    edit_new: Callable[[JSON], None],
    edit_config: Callable[[JSON], None],
    expected: set[tuple[str, str, str]],
) -> None:
    changes = _run(edit_old, edit_new, edit_config)
    assert {(c.rule, c.impact, f"{c.group}.{c.location}") for c in changes} == expected


def test_identical_specs_have_no_changes() -> None:
    assert _run(nothing, nothing, nothing) == []


def test_changes_carry_pointers_directions_and_operations() -> None:
    (change,) = _run(nothing, _delete(lambda d: props(d, "NewOrder"), "quantity"), nothing)
    assert change.pointer == "/components/schemas/NewOrder/properties/quantity" and change.document == "old"
    assert change.direction == "request" and change.operation == "createOrder" and change.breaking
    (change,) = _run(nothing, _append(lambda d: props(d, "Order")["status"]["enum"], "refunded"), nothing)
    assert change.pointer == "/components/schemas/Order/properties/status" and change.direction == "response"


def test_a_model_used_both_ways_is_reported_once_at_its_most_severe() -> None:
    """Gift is sent (in NewOrder) and, after this edit, also read (in Order): a value taken out of its enum breaks
    senders (and is harmless to readers)."""
    both = _set(lambda d: props(d, "Order"), "gift", {"$ref": "#/components/schemas/Gift"})
    changes = _run(both, _both(both, _set(lambda d: props(d, "Gift")["wrap"], "enum", ["box"])), nothing)
    assert [(c.rule, c.impact) for c in changes] == [("request-property-enum-value-removed", "breaking")]


def test_the_bump_follows_the_most_severe_change() -> None:
    added = _run(nothing, _set(lambda d: props(d, "Order"), "currency", {"type": "string"}), nothing)
    assert bump_for(added) == "minor"
    removed = _run(nothing, _delete(lambda d: props(d, "Order"), "note"), nothing)
    assert bump_for(added + removed) == "major"
    assert bump_for(_run(nothing, _set(lambda d: d, "servers", [{"url": "https://x.example"}]), nothing)) == "patch"


def test_a_model_used_both_ways_keeps_the_reading_with_a_note() -> None:
    """A new enum value of Gift, sent and read: an addition both ways, reported as the response's, whose note says
    that exhaustive matches may need a new case."""
    both = _set(lambda d: props(d, "Order"), "gift", {"$ref": "#/components/schemas/Gift"})
    (change,) = _run(both, _both(both, _append(lambda d: props(d, "Gift")["wrap"]["enum"], "bag")), nothing)
    assert (change.rule, change.impact, change.direction) == (
        "response-property-enum-value-added",
        "addition",
        "response",
    )
    assert "exhaustively" in change.note


# -- README's table says what the code does -------------------------------------------------------------------------

# (row of README's table, column (1: request, 2: response), part of the cell (split at "; " or " / "), the case above)
README_CELLS = [
    ("field or argument removed", 1, 0, "request field removed"),
    ("field or argument removed", 2, 0, "optional response field removed"),
    ("field or argument added", 2, 0, "response field added"),
    ("became required / optional", 1, 0, "request field became required"),
    ("became required / optional", 2, 0, "response field became optional"),
    ("became required / optional", 2, 1, "response field became required"),
    ("became nullable / not nullable", 1, 0, "request field became nullable"),
    ("became nullable / not nullable", 1, 1, "request field no longer nullable"),
    ("became nullable / not nullable", 2, 0, "response field became nullable"),
    ("became nullable / not nullable", 2, 1, "response field no longer nullable"),
    ("enum value added / removed", 1, 0, "query parameter enum value added"),
    ("enum value added / removed", 1, 1, "request field enum value removed"),
    ("enum value added / removed", 2, 0, "response enum value added"),
    ("enum value added / removed", 2, 1, "response enum value removed"),
    ("became an enum / no longer an enum", 1, 0, "query parameter became an enum"),
    ("became an enum / no longer an enum", 2, 1, "response field no longer an enum"),
    ("type changed", 1, 0, "query parameter type widened"),
    ("type changed", 2, 0, "response field type narrowed"),
    ("`oneOf`/`anyOf` variant added / removed", 1, 0, "request field union gains a variant"),
    ("`oneOf`/`anyOf` variant added / removed", 2, 0, "response union gains a variant"),
]


def _readme_table() -> dict[str, list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("| change | in a request")
    rows = [line.strip("|").split(" | ") for line in text[start:].split("\n\n", 1)[0].splitlines()[2:]]
    return {cells[0].strip(): [c.strip() for c in cells] for cells in rows}


@pytest.mark.parametrize(("row", "column", "part", "case"), README_CELLS, ids=[c[3] for c in README_CELLS])
def test_the_readme_table_says_what_the_code_does(row: str, column: int, part: int, case: str) -> None:
    cell = _readme_table()[row][column]
    said = re.split(r"; | / ", cell)[part].replace("*", "")
    word = re.search(r"\b(breaking|addition|other)\b", said)
    _, edit_old, edit_new, edit_config, expected = next(c for c in CASES if c[0] == case)
    impacts = {impact for _, impact, _ in expected}
    assert word is not None and {word.group(1)} == impacts == {c.impact for c in _run(edit_old, edit_new, edit_config)}
