"""Rules for what real documents did to operations (mistral, intercom, square, stackexchange, the readme.io style
examples), each on a few lines of document: resources named like the runtime's names, path placeholders nobody
declared, bodies and responses of other media types, parameter styles and the request id header."""

from __future__ import annotations

from typing import Any

import pytest

from generator.api import security
from generator.api.config import parse_config
from generator.api.ir import Api, Operation
from generator.api.parser import parse
from generator.core.errors import GenerationError
from generator.inputs import vocabulary
from generator.inputs.document import Document
from generator.inputs.validate import validate
from generator.pytypes.kinds import ListOf, Ref, RuntimeType, Scalar
from tests.runtime.conftest import runtime_module

OK = {"204": {"description": "done"}}
THING = {"type": "object", "properties": {"id": {"type": "string"}}}


def _document(paths: dict[str, Any], **extra: Any) -> Document:
    root = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths, **extra}
    return Document(root, "openapi.json")


def _api(paths: dict[str, Any], config: dict[str, Any] | None = None, **extra: Any) -> Api:
    return parse(_document(paths, **extra), parse_config(config, "sdk.yaml")).api


def _op(paths: dict[str, Any], **extra: Any) -> Operation:
    return _api(paths, **extra).operations[0]


def _item(responses: dict[str, Any], parameters: list[Any] | None = None) -> dict[str, Any]:
    return {"/things": _get(responses, parameters)}


def _get(responses: dict[str, Any], parameters: list[Any] | None = None) -> dict[str, Any]:
    return {"get": {"operationId": "getThing", "parameters": parameters or [], "responses": responses}}


# -- 1. resources named like what their modules import ------------------------------------------------------------
def test_resources_named_like_runtime_imports_get_other_class_names() -> None:
    """mistral's ``workflows.events.stream`` and readme's ``anything.query``/``headers`` resources were classes
    ``Stream``, ``Query`` and ``Headers``, shadowing the runtime's in their own and their parent's module."""
    paths = {f"/{name}": _get(OK) for name in ("query", "headers", "stream", "body", "mapping", "things")}
    resources = _api(paths).resources
    assert {r.name: r.class_name for r in resources} == {
        "query": "QueryResource",
        "headers": "HeadersResource",
        "stream": "StreamResource",
        "body": "BodyResource",
        "mapping": "MappingResource",
        "things": "Things",
    }


# -- 2. a path placeholder no parameter declares ------------------------------------------------------------------
def test_an_undeclared_path_placeholder_is_a_required_string_argument_with_a_warning() -> None:
    paths = {"/jobs/{job_identifier}": _get(OK)}
    assert not validate(_document(paths)).items  # not a problem of the document as a whole: no operation skipped
    result = parse(_document(paths), parse_config(None, "sdk.yaml"))
    [warning] = result.problems.warnings
    assert warning.pointer == "/paths/~1jobs~1{job_identifier}/get"
    assert "path parameter {job_identifier} is not declared" in warning.message
    op = result.api.operations[0]
    [param] = op.path_params
    assert (param.name, param.wire_name, param.required, param.type) == (
        "job_identifier",
        "job_identifier",
        True,
        Scalar("str"),
    )
    assert op.path == "/jobs/{job_identifier}"


# -- 4. responses that are JSON under another media type ----------------------------------------------------------
def test_a_wildcard_response_with_a_json_schema_is_parsed_as_json() -> None:
    """stackexchange answers ``*/*`` with a schema: it is JSON data, not a download."""
    op = _op(_item({"200": {"description": "ok", "content": {"*/*": {"schema": THING}}}}))
    assert op.response_kind == "json" and isinstance(op.response, Ref) and op.accept is None


@pytest.mark.parametrize("schema", [{"type": "string", "format": "binary"}, {}])
def test_a_wildcard_response_of_bytes_or_nothing_stays_binary(schema: dict[str, Any]) -> None:
    op = _op(_item({"200": {"description": "ok", "content": {"*/*": {"schema": schema}}}}))
    assert op.response_kind == "binary" and op.response == RuntimeType("BinaryResponse")


@pytest.mark.parametrize("media", ["application/jsonl", "application/x-ndjson"])
@pytest.mark.parametrize("key", ["schema", "itemSchema"])
def test_a_json_lines_response_returns_the_list_of_its_lines(media: str, key: str) -> None:
    op = _op(_item({"200": {"description": "ok", "content": {media: {key: THING}}}}))
    assert op.response_kind == "json" and op.accept == media
    assert isinstance(op.response, ListOf) and isinstance(op.response.item, Ref)


def test_the_runtime_reads_the_json_lines_media_types_the_generator_knows() -> None:
    assert runtime_module("_response").JSON_LINES_MEDIA == vocabulary.JSON_LINES_MEDIA


# -- 5. wire details ----------------------------------------------------------------------------------------------
ARRAY = {"type": "array", "items": {"type": "string"}}


@pytest.mark.parametrize(
    ("spelled", "style"),
    [
        ({}, "form"),
        ({"style": "form", "explode": True}, "form"),
        ({"style": "form", "explode": False}, "form_csv"),
        ({"style": "spaceDelimited"}, "form_space"),
        ({"style": "spaceDelimited", "explode": True}, "form"),
        ({"style": "pipeDelimited", "explode": False}, "form_pipe"),
        ({"style": "deepObject", "explode": True}, "deep_object"),
    ],
)
def test_query_arrays_follow_style_and_explode(spelled: dict[str, Any], style: str) -> None:
    op = _op(_item(OK, [{"name": "expand", "in": "query", "schema": ARRAY, **spelled}]))
    assert op.query_params[0].style == style


@pytest.mark.parametrize(
    ("spelled", "style"),
    [({}, "form_object"), ({"explode": False}, "form_csv"), ({"style": "deepObject"}, "deep_object")],
)
def test_query_objects_follow_style_and_explode(spelled: dict[str, Any], style: str) -> None:
    """readme's parameter styles: an object under ``style: form`` (the default) is exploded into keys of its own."""
    op = _op(_item(OK, [{"name": "color", "in": "query", "schema": THING, **spelled}]))
    assert op.query_params[0].style == style


def test_form_body_fields_follow_the_encoding_and_default_to_repeated_keys() -> None:
    body = {
        "type": "object",
        "properties": {"tags": ARRAY, "ids": ARRAY, "expand": ARRAY, "pipes": ARRAY},
    }
    encoding = {
        "ids": {"style": "form", "explode": False},
        "expand": {"style": "deepObject", "explode": True},
        "pipes": {"style": "pipeDelimited"},
    }
    content = {"application/x-www-form-urlencoded": {"schema": body, "encoding": encoding}}
    op = _op({"/things": {"post": {"operationId": "make", "requestBody": {"content": content}, "responses": OK}}})
    assert op.body is not None
    assert {p.wire_name: p.style for p in op.body.params} == {
        "tags": "form",
        "ids": "form_csv",
        "expand": "deep_object",
        "pipes": "form_pipe",
    }


def _headers(*names: str) -> dict[str, Any]:
    return {"200": {"description": "ok", "headers": {n: {"schema": {"type": "string"}} for n in names}}}


def test_the_request_id_header_is_the_one_the_document_declares() -> None:
    doc = _document({"/a": _get(_headers("Request-Id", "X-RateLimit-Limit"))})
    assert security.request_id_header(doc, "") == "Request-Id"
    assert _api({"/a": _get(_headers("Request-Id"))}).settings.request_id_header == "Request-Id"
    assert security.request_id_header(_document({"/a": _get(_headers("X-Amzn-RequestId"))}), "") == "X-Amzn-RequestId"


def test_the_config_request_id_header_wins_and_the_default_is_x_request_id() -> None:
    paths = {"/a": _get(_headers("Request-Id"))}
    assert _api(paths, {"request_id_header": "x-trace"}).settings.request_id_header == "x-trace"
    assert _api(paths, {"request_id_header": None}).settings.request_id_header is None
    assert _api({"/a": _get(_headers("X-Rate-Limit"))}).settings.request_id_header == "x-request-id"


def test_the_config_cannot_spell_the_unset_request_id_header() -> None:
    with pytest.raises(GenerationError, match="not a valid HTTP header name"):
        parse_config({"request_id_header": ""}, "sdk.yaml")
