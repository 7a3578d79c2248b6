"""The generator's rules for what large public documents do (issue 14), on small documents: which list operations
are paginated and how (and which are not, however close they come), the config's ``pagination`` entries, servers,
security, renamed arguments and HTML descriptions."""

from __future__ import annotations

from typing import Any

import pytest

from generator.api.config import parse_config
from generator.api.ir import Api, Operation
from generator.api.parser import parse
from generator.core.errors import GenerationError
from generator.core.text import clean, docstring
from generator.emit.runtime_files import error_envelope
from generator.inputs.document import Document


def _document(paths: dict[str, Any], **extra: Any) -> Document:
    root = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths, **extra}
    return Document(root, "openapi.json")


def _list(params: list[tuple[str, str]], properties: dict[str, Any], headers: dict[str, Any] | None = None) -> Any:
    response: dict[str, Any] = {
        "description": "ok",
        "content": {"application/json": {"schema": {"type": "object", "properties": properties}}},
    }
    if headers:
        response["headers"] = headers
    return {
        "get": {
            "operationId": "listThings",
            "parameters": [{"name": n, "in": "query", "schema": {"type": t}} for n, t in params],
            "responses": {"200": response},
        }
    }


ITEMS = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}


def _op(document: Document, config: dict[str, Any] | None = None) -> Operation:
    api: Api = parse(document, parse_config(config, "sdk.yaml")).api
    return api.operations[0]


@pytest.mark.parametrize(
    ("params", "fields", "expected"),
    [
        # cursor after the last id: has_more, an after parameter, items with ids.
        ([("starting_after", "string")], {"data": ITEMS, "has_more": BOOLEAN}, ("cursor", "starting_after", None)),
        # an opaque token beside a page parameter that is a string: sent back verbatim as page.
        ([("page", "string")], {"data": ITEMS, "next_page": STRING}, ("next_token", "page", "next_page")),
        # a token inside meta, paired with its parameter by name.
        (
            [("page_token", "string")],
            {"items": ITEMS, "meta": {"type": "object", "properties": {"next_page_token": STRING}}},
            ("next_token", "page_token", ("meta", "next_page_token")),
        ),
        # Asana: the offset parameter is a string token inside a next_page object, not a count.
        (
            [("offset", "string"), ("limit", "integer")],
            {"data": ITEMS, "next_page": {"type": "object", "properties": {"offset": STRING, "uri": STRING}}},
            ("next_token", "offset", ("next_page", "offset")),
        ),
        # last_id beside has_more, items without ids.
        (
            [("after", "string")],
            {"data": {"type": "array", "items": STRING}, "has_more": BOOLEAN, "last_id": STRING},
            ("next_token", "after", "last_id"),
        ),
        # Twilio: Page and PageToken, the next page's URI in the body: followed, never Page + 1.
        (
            [("Page", "integer"), ("PageToken", "string"), ("PageSize", "integer")],
            {"calls": ITEMS, "page": INTEGER, "next_page_uri": {"type": "string", "format": "uri"}},
            ("next_url", "", "next_page_uri"),
        ),
        # a bare next that says it is a URL (Spotify), beside an offset without a count.
        (
            [("offset", "integer")],
            {"items": ITEMS, "next": {"type": "string", "description": "The URL of the next page."}},
            ("next_url", "", "next"),
        ),
        ([("offset", "integer")], {"items": ITEMS, "total": INTEGER}, ("offset", "offset", None)),
        ([("page", "integer")], {"results": ITEMS, "total_pages": INTEGER}, ("page", "page", None)),
        ([("offset", "integer"), ("limit", "integer")], {"data": ITEMS}, ("offset", "offset", None)),
    ],
)
def test_styles_are_decided_from_parameters_and_fields_together(
    params: list[tuple[str, str]], fields: dict[str, Any], expected: tuple[str, str, object]
) -> None:
    op = _op(_document({"/things": _list(params, fields)}))
    assert op.page is not None and op.listing
    assert (op.page.style, op.page.request_param, op.page.next_field) == expected


@pytest.mark.parametrize(
    "fields",
    [
        {"data": ITEMS},
        # a next_page string beside an integer page: a string cannot be sent as a number, and it is not said to be a URL.
        {"data": ITEMS, "next_page": STRING},
    ],
)
def test_a_page_number_without_a_count_pages_until_a_short_or_empty_page(fields: dict[str, Any]) -> None:
    op = _op(_document({"/things": _list([("page", "integer")], fields)}))
    assert op.page is not None and op.listing
    assert (op.page.style, op.page.request_param, op.page.total_field) == ("page", "page", None)


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        # has_more without a cursor parameter.
        ([("limit", "integer")], {"data": ITEMS, "has_more": BOOLEAN}),
        # a string offset with no token in the body (Asana's lists without next_page).
        ([("offset", "string")], {"data": ITEMS}),
        # a token field with no parameter to send it as.
        ([("limit", "integer")], {"data": ITEMS, "next_cursor": STRING}),
    ],
)
def test_when_nothing_leads_to_another_page_the_list_is_one_page(
    params: list[tuple[str, str]], fields: dict[str, Any]
) -> None:
    op = _op(_document({"/things": _list(params, fields)}))
    assert op.page is not None and op.listing
    assert (op.page.style, op.page.name) == ("single", "SinglePage")


def test_an_array_with_a_link_header_follows_the_link() -> None:
    link = {"Link": {"schema": STRING}}
    response = {"description": "ok", "headers": link, "content": {"application/json": {"schema": ITEMS}}}
    op = _op(_document({"/things": {"get": {"operationId": "listThings", "responses": {"200": response}}}}))
    assert op.page is not None and (op.page.style, op.page.items_field, op.page.next_field) == ("next_url", (), None)


def test_a_list_behind_all_of_and_refs_is_recognised_and_its_items_keep_their_class() -> None:
    schemas = {
        "Paging": {"type": "object", "properties": {"total": INTEGER, "offset": INTEGER}},
        "Thing": {"type": "object", "properties": {"id": STRING}},
    }
    page = {
        "allOf": [
            {"$ref": "#/components/schemas/Paging"},
            {"properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}},
        ]
    }
    paths = _list([("offset", "integer")], {})
    paths["get"]["responses"]["200"]["content"]["application/json"]["schema"] = page
    op = _op(_document({"/things": paths}, components={"schemas": schemas}))
    assert op.page is not None and op.page.style == "offset" and op.item is not None
    assert op.item.annotation == "Thing"


def test_a_scheme_for_some_operations_leaves_detection_on_for_the_rest() -> None:
    config = {
        "pagination": [
            {
                "name": "Tokens",
                "style": "next_token",
                "request_param": "c",
                "next": "meta.n",
                "has_more": None,
                "operations": ["listThings"],
            }
        ]
    }
    fields = {"data": ITEMS, "meta": {"type": "object", "properties": {"n": STRING}}}
    op = _op(_document({"/things": _list([("c", "string")], fields)}), config)
    assert op.page is not None and (op.page.name, op.page.configured, op.page.next_field) == (
        "Tokens",
        True,
        ("meta", "n"),
    )
    other = _list([("after", "string")], {"data": ITEMS, "has_more": BOOLEAN})
    other["get"]["operationId"] = "listOthers"
    api = parse(
        _document({"/things": _list([("c", "string")], fields), "/others": other}), parse_config(config, "s")
    ).api
    assert [op.page.style if op.page else None for op in api.operations] == ["next_token", "cursor"]


def test_the_config_names_the_new_styles_and_checks_them() -> None:
    config = parse_config({"pagination": [{"name": "Links", "style": "next_url", "has_more": None}]}, "sdk.yaml")
    assert config.pagination[0].style == "next_url" and config.pagination[0].request_param == ""
    with pytest.raises(GenerationError, match="pagination scheme lacks request_param"):
        parse_config({"pagination": [{"name": "T", "style": "next_token"}]}, "sdk.yaml")
    with pytest.raises(GenerationError, match="operations lists operationIds"):
        parse_config({"pagination": [{"name": "T", "style": "cursor", "request_param": "a", "operations": [1]}]}, "s")


def test_an_operation_or_path_server_of_its_own_is_kept_relative_ones_resolved() -> None:
    paths = {
        "/a": {"servers": [{"url": "https://files.example.com"}], "post": {"responses": {"204": {"description": "x"}}}},
        "/b": {"get": {"servers": [{"url": "/v2"}], "responses": {"204": {"description": "x"}}}},
        "/c": {
            "get": {"servers": [{"url": "https://api.example.com/v1/"}], "responses": {"204": {"description": "x"}}}
        },
    }
    api = parse(_document(paths, servers=[{"url": "https://api.example.com/v1"}]), parse_config(None, "s")).api
    assert [op.server for op in api.operations] == ["https://files.example.com", "https://api.example.com/v2", None]


def test_basic_gives_way_to_a_token_offered_beside_it() -> None:
    schemes = {"basicAuth": {"type": "http", "scheme": "basic"}, "bearerAuth": {"type": "http", "scheme": "bearer"}}
    both = _document({}, components={"securitySchemes": schemes}, security=[{"basicAuth": []}, {"bearerAuth": []}])
    assert parse(both, parse_config(None, "s")).api.auth.kind == "bearer"
    alone = _document({}, components={"securitySchemes": schemes}, security=[{"basicAuth": []}])
    assert parse(alone, parse_config(None, "s")).api.auth.kind == "basic"


def test_arguments_named_like_method_options_are_renamed_by_their_place() -> None:
    body = {
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"timeout": INTEGER, "idempotency_key": STRING}}
            }
        }
    }
    paths = {
        "/x": {
            "post": {
                "operationId": "make",
                "parameters": [{"name": "extra_headers", "in": "header", "schema": STRING}],
                "requestBody": body,
                "responses": {"204": {"description": "x"}},
            }
        }
    }
    op = _op(_document(paths))
    assert [p.name for p in op.params] == ["header_extra_headers", "body_timeout", "idempotency_key"]
    assert op.renamed == (("extra_headers", "header_extra_headers"), ("timeout", "body_timeout"))
    idempotent = _op(_document(paths), {"idempotency_header": "Idempotency-Key"})
    assert [p.name for p in idempotent.params][-1] == "body_idempotency_key"


def test_html_descriptions_become_markdown_ish_text_and_stay_inert() -> None:
    assert clean("<p>See <a href='https://x.test/a'>the guide</a> for <code>limit</code>.</p>") == (
        "See [the guide](https://x.test/a) for `limit`."
    )
    assert clean("a < b and List<T> are not HTML") == "a < b and List<T> are not HTML"
    assert clean("<p>a&#x202e;b&#0;c</p>") == "ab\ufffdc"  # an entity cannot bring a control character back
    assert '"""' not in docstring('<p>ends with """</p>')[3:-3]


def test_a_string_default_on_a_format_field_makes_it_a_plain_string() -> None:
    """GitHub's ``environment_url: {format: uri, default: ""}`` gave ``AnyUrl = ""``, which pyright rejects."""
    from generator.emit.model_schema import model_document

    fields = {
        "url": {"type": "string", "format": "uri", "default": ""},
        "at": {"type": "string", "format": "date-time"},
    }
    schemas = {"Status": {"type": "object", "properties": fields}}
    api = parse(_document({}, components={"schemas": schemas}), parse_config(None, "s")).api
    written = model_document(api.types)["components"]["schemas"]["Status"]["properties"]
    assert written["url"] == {"type": "string", "default": ""}
    assert written["at"] == {"type": "string", "format": "date-time"}


def test_a_description_is_cleaned_once_wherever_it_is_written() -> None:
    """Cleaning is not idempotent: ``&lt;br&gt;`` becomes ``<br>``, which a second pass would read as a tag. The IR
    keeps the text as written, and each writer cleans it once: the model, the method and the request TypedDict all
    say the same."""
    from generator.emit.model_schema import model_document
    from generator.emit.render import method_doc

    text = "Use <code>&lt;br&gt;</code> to break lines."
    body = {"type": "object", "properties": {"note": {"type": "string", "description": text}}}
    schemas = {"Thing": {**body, "description": text}}
    paths = {
        "/things": {
            "post": {
                "operationId": "createThing",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "responses": {"200": {"description": "ok"}},
            }
        }
    }
    api = parse(_document(paths, components={"schemas": schemas}), parse_config(None, "s")).api
    written = model_document(api.types)["components"]["schemas"]["Thing"]
    assert written["description"] == written["properties"]["note"]["description"] == "Use `<br>` to break lines."
    assert "note: Use `<br>` to break lines." in method_doc(api.operations[0], 8)


def test_argument_descriptions_hang_under_their_name_and_prose_is_refilled() -> None:
    from generator.core.text import hanging

    text = "Set of pairs that can be attached to an object. This can be useful for\nstoring more.\n\n- one\n- two"
    assert hanging("  metadata: ", text, 60) == (
        "  metadata: Set of pairs that can be attached to an object.\n"
        "      This can be useful for storing more.\n\n"
        "      - one\n"
        "      - two"
    )


def test_a_union_is_flattened_by_structure_not_by_splitting_its_spelling() -> None:
    from generator.pytypes.kinds import LiteralType, Nullable, Scalar, UnionType

    assert UnionType((LiteralType(("x]|y",)), Scalar("int"))).annotation == "Literal['x]|y'] | int"
    assert UnionType((Nullable(LiteralType(("(",))), Scalar("int"))).annotation == "Literal['('] | int | None"
    assert UnionType((Nullable(UnionType((Scalar("str"), Scalar("int")))), Scalar("bool"))).annotation == (
        "str | int | bool | None"
    )


def _errors(*bodies: dict[str, Any]) -> Document:
    """One operation per error body, each answering 400 with it."""
    paths = {
        f"/things{n}": {
            "get": {
                "operationId": f"getThing{n}",
                "responses": {
                    "200": {"description": "ok"},
                    "400": {"description": "bad", "content": {"application/json": {"schema": body}}},
                },
            }
        }
        for n, body in enumerate(bodies)
    }
    error = {"type": "object", "properties": {"code": STRING, "message": STRING}}
    return _document(paths, components={"schemas": {"Error": error}})


ENVELOPE = {"type": "object", "properties": {"error": {"$ref": "#/components/schemas/Error"}}}
FAULT = {"type": "object", "properties": {"fault": {"$ref": "#/components/schemas/Error"}}}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (_errors(ENVELOPE, ENVELOPE), "error"),  # every error body wraps the error in `error`
        (_errors(FAULT), "fault"),
        (_errors(ENVELOPE, {"$ref": "#/components/schemas/Error"}), None),  # one body is the error itself
        (_errors(ENVELOPE, FAULT), None),  # two envelopes: no one rule
        (_errors({"type": "object", "properties": {"error": STRING}}), None),  # a message, not an object
        (_document({}), None),  # no documented errors
    ],
)
def test_the_error_envelope_is_what_every_documented_error_body_wraps(document: Document, expected: str | None) -> None:
    api: Api = parse(document, parse_config(None, "sdk.yaml")).api
    assert error_envelope(api) == expected
