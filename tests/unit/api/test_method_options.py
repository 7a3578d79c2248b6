"""The config's options that name methods by their dotted names, a resource subtree or one method at a time:
``unpaginated`` (the list methods return the response as the document describes it, not pages; the others keep
their pages) and ``deprecated`` (as if the document said ``deprecated: true``). An entry that names nothing is a
warning at its pointer, and a malformed one an error."""

from __future__ import annotations

from typing import Any

import pytest

from generator.api import parser
from generator.api.config import parse_config
from generator.core.errors import GenerationError
from generator.inputs.document import Document

PAGE = {
    "type": "object",
    "required": ["data", "has_more"],
    "properties": {
        "object": {"type": "string", "enum": ["page"]},
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}},
        "has_more": {"type": "boolean"},
        "next_page": {"type": ["string", "null"]},
    },
}


def _list(op_id: str) -> dict[str, Any]:
    return {
        "get": {
            "operationId": op_id,
            "parameters": [{"name": "page", "in": "query", "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UsagePage"}}},
                }
            },
        }
    }


DOC = Document(
    {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/usage/costs": _list("usageCosts"),
            "/usage/images": _list("usageImages"),
            "/logs": _list("listLogs"),
        },
        "components": {
            "schemas": {
                "UsagePage": PAGE,
                "Bucket": {"type": "object", "properties": {"start_time": {"type": "integer"}}},
            }
        },
    },
    "openapi.yaml",
)


def _returns(config: dict[str, Any]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    result = parser.parse(DOC, parse_config(config, "sdk.yaml", DOC))
    returns = {
        ".".join((*r.path, op.method_name)): (f"{op.page.name}[{op.item.annotation}]" if op.page and op.item else "")
        or (op.response.annotation if op.response else "None")
        for top in result.api.resources
        for r in top.walk()
        for op in r.operations
    }
    warned = [(p.pointer, p.message) for p in result.problems.warnings if p.file == "sdk.yaml"]
    return returns, warned


def test_without_the_option_the_lists_return_pages() -> None:
    returns, _ = _returns({})
    assert set(returns.values()) == {"TokenPageByNextPage[Bucket]"}, returns


def test_a_subtree_returns_its_responses_whole_and_the_rest_keep_their_pages() -> None:
    returns, warned = _returns({"unpaginated": ["usage"]})
    assert returns == {
        "usage.costs": "UsagePage",
        "usage.images": "UsagePage",
        "logs.list": "TokenPageByNextPage[Bucket]",
    }
    assert warned == []


def test_one_method_by_its_dotted_name() -> None:
    returns, _ = _returns({"unpaginated": ["usage.images"]})
    assert returns["usage.images"] == "UsagePage" and returns["usage.costs"].endswith("[Bucket]")


def test_an_entry_that_names_nothing_is_a_warning_at_its_pointer() -> None:
    _, warned = _returns({"unpaginated": ["usage", "usages"]})
    assert warned == [("/unpaginated/1", "no resource or method 'usages' (after the config's moves)")]


def test_a_malformed_entry_is_an_error() -> None:
    with pytest.raises(GenerationError, match="is not a resource or method"):
        parse_config({"unpaginated": ["Usage Costs"]}, "sdk.yaml", DOC)


def test_a_deprecated_subtree_or_method_is_deprecated_as_the_document_would_say() -> None:
    for entries, expected in ((["usage"], {"usage.costs", "usage.images"}), (["logs.list"], {"logs.list"})):
        result = parser.parse(DOC, parse_config({"deprecated": entries}, "sdk.yaml", DOC))
        deprecated = {
            ".".join((*r.path, op.method_name))
            for top in result.api.resources
            for r in top.walk()
            for op in r.operations
            if op.deprecated
        }
        assert deprecated == expected


def test_an_unused_deprecated_entry_is_a_warning_at_its_pointer() -> None:
    result = parser.parse(DOC, parse_config({"deprecated": ["usage.cost"]}, "sdk.yaml", DOC))
    warned = [(p.pointer, p.message) for p in result.problems.warnings if p.file == "sdk.yaml"]
    assert warned == [("/deprecated/0", "no resource or method 'usage.cost' (after the config's moves)")]
