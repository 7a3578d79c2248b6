"""Each pagination style's rules, called directly on a list shape and a request built by hand: what each needs on
both sides, what it decides, and the order in which the styles are tried."""

from __future__ import annotations

import pytest

from generator.api.ir import Pagination, Param
from generator.api.pagination.decide import detect, detected_name
from generator.api.pagination.shapes import ListShape, Request, norm
from generator.api.pagination.styles import BY_NAME, GUESSES, PAGE_ATTRIBUTES, STYLES, Style
from generator.pytypes.kinds import ObjectType, Property, PyType, Scalar
from generator.pytypes.registry import Registry

STR, INT, BOOL = Scalar("str"), Scalar("int"), Scalar("bool")
ITEM = ObjectType((Property("id", STR, True),))
SINGLE = ("single", "SinglePage")
"""What a list is when nothing leads to another page: returned whole."""


def _shape(*fields: tuple[str, PyType], item: PyType = ITEM, items: tuple[str, ...] = ("data",)) -> ListShape:
    return ListShape(
        items, item, tuple((tuple(name.split(".")), Property(name.split(".")[-1], t, False)) for name, t in fields)
    )


def _request(*params: tuple[str, PyType]) -> Request:
    return Request({norm(name): Param(name, name, "query", t, False) for name, t in params})


def _detect(shape: ListShape, request: Request, headers: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    page = detect(shape, request, headers, Registry())
    return (page.style, detected_name(page)) if page is not None else None


def test_cursor_needs_a_flag_an_after_parameter_and_items_with_an_id() -> None:
    shape = _shape(("has_more", BOOL))
    assert _detect(shape, _request(("after", STR), ("limit", INT))) == ("cursor", "CursorPage")
    assert _detect(shape, _request(("starting_after", STR))) == ("cursor", "CursorPage")
    assert (
        _detect(_shape(("has_more", BOOL), item=ObjectType((Property("name", STR, True),))), _request(("after", STR)))
        == SINGLE
    )
    assert _detect(_shape(), _request(("after", STR))) == SINGLE


def test_next_token_pairs_a_token_field_with_the_parameter_that_carries_it() -> None:
    assert _detect(_shape(("next_page_token", STR)), _request(("page_token", STR))) == (
        "next_token",
        "TokenPageByNextPageToken",
    )
    assert _detect(_shape(("meta.next_cursor", STR)), _request(("cursor", STR)))[0] == "next_token"  # type: ignore[index]
    # an integer parameter cannot carry a string token
    assert _detect(_shape(("next_page", STR)), _request(("page", INT))) == ("page", "PageNumberPageUncounted")
    # last_id is a token only beside has_more
    assert _detect(_shape(("last_id", STR)), _request(("after", STR))) == SINGLE


def test_offset_needs_a_total_or_a_flag_and_is_guessed_from_offset_and_limit() -> None:
    assert _detect(_shape(("total", INT)), _request(("offset", INT))) == ("offset", "OffsetPageTotal")
    assert _detect(_shape(("has_more", BOOL)), _request(("skip", INT))) == ("offset", "OffsetPageHasMore")
    assert _detect(_shape(), _request(("offset", INT), ("limit", INT))) == ("offset", "OffsetPage")
    assert _detect(_shape(), _request(("offset", INT))) == SINGLE


def test_page_numbers_need_a_page_count_or_a_flag_and_are_guessed_from_a_total() -> None:
    assert _detect(_shape(("total_pages", INT)), _request(("page", INT))) == ("page", "PageNumberPage")
    assert _detect(_shape(("has_more", BOOL)), _request(("page", INT))) == ("page", "PageNumberPageHasMore")
    assert _detect(_shape(("total", INT)), _request(("page", INT))) == ("page", "PageNumberPageTotal")
    assert _detect(_shape(), _request(("page", INT))) == ("page", "PageNumberPageUncounted")


def test_next_url_reads_a_url_field_or_a_declared_link_header() -> None:
    assert _detect(_shape(("next_page_url", STR)), _request()) == ("next_url", "NextUrlPage")
    assert _detect(_shape(("links.next", Scalar("str", "uri"))), _request()) == ("next_url", "NextUrlPage")
    assert _detect(_shape(), _request(), frozenset({"link"})) == ("next_url", "NextUrlPageLink")
    assert _detect(_shape(), _request()) == SINGLE


def test_a_header_token_pairs_a_declared_response_header_with_the_parameter_that_carries_it() -> None:
    token = _request(("page_token", STR))
    assert _detect(_shape(), token, frozenset({"x-next-page-token"})) == ("header_token", "HeaderTokenPage")
    continuation = _request(("continuation", STR))
    assert _detect(_shape(), continuation, frozenset({"x-ms-continuation"})) == ("header_token", "HeaderTokenPage")
    # a header with no parameter to send it back, or a parameter that cannot carry a token: nothing to follow
    assert _detect(_shape(), _request(), frozenset({"x-next-page-token"})) == SINGLE
    assert _detect(_shape(), _request(("page_token", INT)), frozenset({"x-next-page-token"})) == SINGLE
    # a token in the body is surer than one in a header
    both = _detect(_shape(("next_page_token", STR)), token, frozenset({"x-next-page-token"}))
    assert both == ("next_token", "TokenPageByNextPageToken")


def test_sure_rules_come_before_guesses_and_a_link_header_before_a_short_page() -> None:
    # offset + limit alone is a guess: a next URL in the body is surer
    assert _detect(_shape(("next_page_url", STR)), _request(("offset", INT), ("limit", INT)))[0] == "next_url"  # type: ignore[index]
    # a Link header the document declares is surer than a short page
    assert _detect(_shape(), _request(("offset", INT), ("limit", INT)), frozenset({"link"}))[0] == "next_url"  # type: ignore[index]


def test_the_items_field_and_a_bare_array_name_the_class() -> None:
    assert _detect(_shape(("total", INT), items=("items",)), _request(("offset", INT))) == (
        "offset",
        "OffsetPageItemsTotal",
    )
    array = ListShape((), ITEM)
    assert _detect(array, _request(("offset", INT), ("limit", INT))) == ("offset", "OffsetPageArray")


def test_every_style_is_listed_once_and_declares_its_runtime_class() -> None:
    assert len(BY_NAME) == len(STYLES)
    assert set(GUESSES) <= set(STYLES)
    for style in STYLES:
        assert style.runtime_class and style.stem and set(style.runtime_attributes) <= PAGE_ATTRIBUTES


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_each_style_documents_how_its_next_page_is_asked_for(style: Style) -> None:
    page = Pagination("P", style.name, "p", "data", None, "id", None, None, next_field="n")
    doc = style.doc(page)
    opening = "The whole list in ``data``, as one page: " if style.name == "single" else "Pages of ``data``: "
    assert doc.startswith(opening) and doc.endswith(".")
    assert ("``p``" in doc) == style.takes_request_param


def test_tokens_deep_in_the_body_and_the_last_items_key() -> None:
    # paging.next.after (a field of a ``next`` object, three levels down) is sent as ``after``
    deep = ListShape(("results",), ITEM, ((("paging", "next", "after"), Property("after", STR, False)),))
    assert _detect(deep, _request(("after", STR), ("limit", INT))) == (
        "next_token",
        "TokenPageResultsByPagingNextAfter",
    )
    # last_id beside has_more continues as after_id; last_<thing>_id as start_after_<thing>_id
    assert _detect(_shape(("last_id", STR), ("has_more", BOOL)), _request(("after_id", STR)))[0] == "next_token"  # type: ignore[index]
    found = _detect(_shape(("last_item_id", STR), ("has_more", BOOL)), _request(("start_after_item_id", STR)))
    assert found is not None and found[0] == "next_token"
    # next_<thing> is sent back as <thing> or last_<thing>
    assert _detect(_shape(("next_doc", STR), ("has_more", BOOL)), _request(("last_doc", STR)))[0] == "next_token"  # type: ignore[index]


def test_a_page_number_alone_pages_until_a_short_or_empty_page() -> None:
    assert _detect(_shape(), _request(("page", INT), ("per_page", INT))) == ("page", "PageNumberPageUncounted")


def _rpc(body: dict[str, object], fields: dict[str, object]) -> dict[str, object]:
    """``POST /things/list`` with a JSON body of ``body``'s properties, answering ``{things: [...], **fields}``."""
    items = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
    answer = {"type": "object", "properties": {"things": items, **fields}}
    return {
        "post": {
            "operationId": "listThings",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": body}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": answer}}}},
        }
    }


def _rpc_page(body: dict[str, object], fields: dict[str, object]) -> Pagination | None:
    from generator.api.config import parse_config
    from generator.api.parser import parse
    from generator.inputs.document import Document

    root = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/things/list": _rpc(body, fields)}}
    return parse(Document(root, "openapi.json"), parse_config(None, "sdk.yaml")).api.operations[0].page


def test_rpc_style_lists_page_by_their_json_body() -> None:
    """Plaid's ``count``/``offset`` and Square's ``cursor`` travel in a POST body: the page sends them there."""
    integer, string = {"type": "integer"}, {"type": "string"}
    offset = _rpc_page({"count": integer, "offset": integer}, {"total": integer})
    assert offset is not None and (offset.style, offset.params_in, offset.request_param) == ("offset", "body", "offset")
    assert offset.name == "OffsetPageThingsTotalInBody"
    token = _rpc_page({"cursor": string, "count": integer}, {"next_cursor": string})
    assert token is not None and (token.style, token.params_in, token.request_param) == ("next_token", "body", "cursor")


def test_a_post_that_answers_a_list_without_paging_parameters_is_not_a_page() -> None:
    assert _rpc_page({"name": {"type": "string"}}, {}) is None  # a create that returns a list: no single page
    assert _rpc_page({"count": {"type": "integer"}}, {"has_more": {"type": "boolean"}}) is None  # nothing to continue


def test_one_config_line_follows_an_undeclared_link_header_over_a_bare_array() -> None:
    """Sentry's lists: bare arrays paged by a ``Link`` header the document never declares."""
    from generator.api.config import parse_config
    from generator.api.parser import parse
    from generator.inputs.document import Document

    array = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
    op = {
        "operationId": "listEvents",
        "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": array}}}},
    }
    root = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/events/": {"get": op}}}
    document = Document(root, "openapi.json")
    assert parse(document, parse_config(None, "sdk.yaml")).api.operations[0].page.style == "single"  # type: ignore[union-attr]
    config = parse_config({"pagination": [{"name": "LinkPage", "style": "next_url", "items": None}]}, "sdk.yaml")
    page = parse(document, config).api.operations[0].page
    assert page is not None and (page.name, page.style, page.items_field, page.next_field) == (
        "LinkPage",
        "next_url",
        (),
        None,
    )


def test_an_object_with_an_id_of_its_own_is_one_thing_holding_a_list_not_a_whole_list() -> None:
    assert _detect(_shape(("object", STR)), _request()) == SINGLE
    assert _detect(_shape(("id", STR), ("status", STR), items=("results",)), _request()) is None
    # an id deeper down (a field of a nested object) says nothing of the body itself
    assert _detect(_shape(("meta.id", STR)), _request()) == SINGLE
