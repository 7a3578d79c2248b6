"""The request plan (generator/request/plan.py): how each method writes its path, query, body and headers."""

from __future__ import annotations

import json
from typing import Any

from generator.api.ir import Operation
from generator.api.parser import parse
from generator.api.settings import SdkConfig
from generator.inputs.document import Document
from generator.request.plan import BodyPlan, Field, QueryArg, request_plan

DONE = {"204": {"description": "done"}}


def _operations(paths: dict[str, Any], config: SdkConfig | None = None) -> dict[str, Operation]:
    spec = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}
    api = parse(Document(json.loads(json.dumps(spec)), "openapi.json"), config or SdkConfig()).api
    return {op.operation_id: op for op in api.operations}


def _post(op_id: str, media: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    body = {"content": {media: {"schema": schema, **extra}}}
    return {"post": {"operationId": op_id, "requestBody": body, "responses": DONE}}


OBJECT = {"type": "object", "properties": {"name": {"type": "string"}, "size": {"type": "integer"}}}


def test_a_json_object_is_one_argument_per_field_and_any_other_json_body_one_argument() -> None:
    ops = _operations(
        {"/things": _post("createThing", "application/json", OBJECT), "/batch": _post("batch", "application/json", {})}
    )
    fields = request_plan(ops["createThing"]).body
    assert fields == BodyPlan("json_fields", fields=(Field("name", "name"), Field("size", "size")))
    whole = request_plan(ops["batch"])
    assert whole.body == BodyPlan("json", whole="body")
    assert whole.utils == {"to_json"} and request_plan(ops["createThing"]).utils == {"json_body"}


def test_a_multipart_body_splits_its_files_json_parts_and_styled_fields() -> None:
    schema = {
        "type": "object",
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "meta": {"type": "object", "properties": {"a": {"type": "string"}}},
            "tags": {"type": "array", "items": {"type": "string"}},
            "note": {"type": "string"},
        },
    }
    encoding = {"tags": {"style": "form", "explode": False}}
    plan = request_plan(
        _operations({"/up": _post("upload", "multipart/form-data", schema, encoding=encoding)})["upload"]
    )
    assert plan.body == BodyPlan(
        "form_fields",
        fields=(Field("tags", "tags"), Field("note", "note")),
        styles={"tags": "form_csv"},
        multipart=True,
        json_parts=(Field("meta", "meta"),),
        files=(Field("file", "file"),),
    )
    assert plan.utils == {"form_fields"}
    assert plan.file_helpers == {"multipart_files", "async_multipart_files"}


def test_a_url_encoded_form_and_a_raw_body() -> None:
    ops = _operations(
        {
            "/form": _post("sendForm", "application/x-www-form-urlencoded", {}),
            "/raw": _post("sendRaw", "image/png", {"type": "string", "format": "binary"}),
        }
    )
    assert request_plan(ops["sendForm"]).body == BodyPlan("form", whole="body")
    raw = request_plan(ops["sendRaw"])
    assert raw.body == BodyPlan("binary", whole="body", content_type="image/png")
    assert raw.headers == {"Content-Type": "image/png"} and raw.sets_headers
    assert raw.utils == set() and raw.file_helpers == {"file_content", "async_file_content"}


def _param(name: str, where: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": where, "schema": schema, **extra}


LIST = {"type": "array", "items": {"type": "string"}}


def test_query_arguments_path_checks_headers_and_cookies() -> None:
    parameters = [
        _param("thing_id", "path", {"type": "string"}, required=True),
        _param("n", "path", {"type": "integer"}, required=True),
        _param("filter", "query", OBJECT, style="deepObject"),
        _param("color", "query", OBJECT),
        _param("ids", "query", LIST, explode=False),
        _param("tags", "query", LIST, style="pipeDelimited", explode=False),
        _param("q", "query", {"type": "string"}),
        _param("X-Trace", "header", {"type": "string"}),
        _param("session", "cookie", {"type": "string"}),
    ]
    op = {"get": {"operationId": "getThing", "parameters": parameters, "responses": DONE}}
    plan = request_plan(_operations({"/things/{thing_id}/{n}": op})["getThing"])
    assert plan.path == "/things/{thing_id}/{n}" and plan.path_args == ("thing_id", "n")
    assert plan.query == (
        QueryArg("filter", "filter", "deep_object"),
        QueryArg("color", "color", "spread"),
        QueryArg("ids", "ids", "joined", ","),
        QueryArg("tags", "tags", "joined", "|"),
        QueryArg("q", "q"),
    )
    assert plan.header_args == (Field("X-Trace", "x_trace"),) and plan.cookie_args == (Field("session", "session"),)
    assert plan.body is None and plan.sets_headers and not plan.idempotency_key
    assert plan.utils == {"path_template", "deep_object", "spread", "comma_joined", "header_values"}


def test_idempotency_keys_on_every_method_but_get_and_streams_by_flag() -> None:
    stream_body = {"type": "object", "properties": {"stream": {"type": "boolean"}}}
    events = {"text/event-stream": {"schema": {"type": "string"}}, "application/json": {"schema": OBJECT}}
    ops = _operations(
        {
            "/chats": {
                "post": {
                    **_post("chat", "application/json", stream_body)["post"],
                    "responses": {"200": {"description": "ok", "content": events}},
                },
                "get": {"operationId": "listChats", "responses": DONE},
            }
        },
        SdkConfig(idempotency_header="Idempotency-Key"),
    )
    chat = request_plan(ops["chat"])
    assert chat.idempotency_key and chat.streams and chat.stream_flag == "stream"
    listed = request_plan(ops["listChats"])
    assert not listed.idempotency_key and not listed.streams and not listed.sets_headers


def test_a_body_offered_as_json_and_multipart_with_a_file_chooses_per_call() -> None:
    schema = {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}, "meta": OBJECT}}
    both = {"application/json": {"schema": schema}, "multipart/form-data": {"schema": schema}}
    no_file = {"application/json": {"schema": OBJECT}, "multipart/form-data": {"schema": OBJECT}}
    ops = _operations(
        {
            "/up": {"post": {"operationId": "upload", "requestBody": {"content": both}, "responses": DONE}},
            "/plain": {"post": {"operationId": "plain", "requestBody": {"content": no_file}, "responses": DONE}},
        }
    )
    plan = request_plan(ops["upload"])
    assert plan.body == BodyPlan(
        "json_or_multipart",
        fields=(Field("meta", "meta"),),
        json_parts=(Field("meta", "meta"),),
        files=(Field("file", "file"),),
    )
    assert plan.utils == {"json_or_multipart"} and plan.file_helpers == {"multipart_files", "async_multipart_files"}
    assert ops["upload"].body is not None and ops["upload"].body.params[0].type.annotation == "FileTypes"
    # Without a file field, JSON carries every call: the body is plain JSON.
    assert request_plan(ops["plain"]).body == BodyPlan(
        "json_fields", fields=(Field("name", "name"), Field("size", "size"))
    )


def test_a_query_object_behind_a_reference_and_null_is_written_as_its_style_says() -> None:
    """``metadata: {$ref: Metadata}`` where ``Metadata`` is ``anyOf: [object, null]``: exploded ``form`` (the default)
    spreads its fields; ``deepObject`` writes them in brackets. Both were sent as one plain value."""
    metadata = {"anyOf": [{"type": "object", "additionalProperties": {"type": "string"}}, {"type": "null"}]}
    ref = {"$ref": "#/components/schemas/Metadata"}
    params = [
        {"name": "metadata", "in": "query", "schema": ref},
        {"name": "filter", "in": "query", "style": "deepObject", "schema": ref},
    ]
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/things": {"get": {"operationId": "list", "parameters": params, "responses": DONE}}},
        "components": {"schemas": {"Metadata": metadata}},
    }
    (op,) = parse(Document(spec, "openapi.json"), SdkConfig()).api.operations
    assert request_plan(op).query == (
        QueryArg("metadata", "metadata", "spread"),
        QueryArg("filter", "filter", "deep_object"),
    )


def test_an_idempotency_header_the_operation_declares_is_named_in_the_plan() -> None:
    header = {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}
    other = {"name": "X-Idempotency-Keys", "in": "header", "schema": {"type": "string"}}
    ops = _operations(
        {
            "/a": {"post": {"operationId": "a", "parameters": [header], "responses": DONE}},
            "/b": {"post": {"operationId": "b", "parameters": [other], "responses": DONE}},
        }
    )
    assert request_plan(ops["a"]).idempotency_header == "Idempotency-Key"
    assert request_plan(ops["b"]).idempotency_header == ""
