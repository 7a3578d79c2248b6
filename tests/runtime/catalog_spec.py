"""A document shaped like the large public ones (issue 14): every pagination style, inline and ``allOf`` list
responses, an opaque next-page token beside a ``page`` parameter, HTTP basic, an upload sent to a server of its own
with an object part, HTML descriptions, a path key with a query string, arguments named like a method's options, an
``email`` field. ``tests/runtime/test_real_documents.py`` generates it and calls it against loopback servers."""

from __future__ import annotations

from typing import Any

SERVER = "https://api.catalog.test/v1"
FILES_SERVER = "https://files.catalog.test/v1"


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: Any, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": "OK", "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return {"200": response}


def _query(name: str, kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": kind}}


def _array(item: Any) -> dict[str, Any]:
    return {"type": "array", "items": item}


def _list(operation_id: str, params: list[dict[str, Any]], responses: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"get": {"operationId": operation_id, "parameters": params, "responses": responses, **extra}}


NULLABLE_STRING = {"type": "string", "nullable": True}

PATHS: dict[str, Any] = {
    # cursor after the last id, an inline Stripe-like list object; an HTML description.
    "/customers": _list(
        "ListCustomers",
        [_query("limit", "integer"), _query("starting_after"), _query("ending_before")],
        _json(
            {
                "type": "object",
                "required": ["object", "data", "has_more", "url"],
                "properties": {
                    "object": {"type": "string", "enum": ["list"]},
                    "data": _array(ref("Customer")),
                    "has_more": {"type": "boolean"},
                    "url": {"type": "string"},
                },
            }
        ),
        description="<p>Returns a list of your <code>Customer</code> objects.</p><ul><li>newest first</li></ul>",
    ),
    # an opaque token for the next page, sent back as ``page``: never a page number.
    "/customers/search": _list(
        "SearchCustomers",
        [_query("query"), _query("page"), _query("limit", "integer")],
        _json(
            {
                "type": "object",
                "properties": {
                    "data": _array(ref("Customer")),
                    "has_more": {"type": "boolean"},
                    "next_page": NULLABLE_STRING,
                },
            }
        ),
    ),
    # a token inside a ``meta`` object.
    "/events": _list(
        "ListEvents",
        [_query("cursor"), _query("limit", "integer")],
        _json(
            {
                "type": "object",
                "properties": {
                    "items": _array(ref("Event")),
                    "meta": {"type": "object", "properties": {"next_cursor": NULLABLE_STRING}},
                },
            }
        ),
    ),
    # Twilio-like: a page number and a page token, the next page's URI in the body.
    "/Calls.json": _list(
        "ListCall",
        [_query("PageSize", "integer"), _query("Page", "integer"), _query("PageToken")],
        _json(
            {
                "title": "ListCallResponse",
                "type": "object",
                "properties": {
                    "calls": _array(ref("Call")),
                    "page": {"type": "integer"},
                    "page_size": {"type": "integer"},
                    "next_page_uri": {"type": "string", "format": "uri", "nullable": True},
                },
            }
        ),
    ),
    # GitHub-like: an array, the next page in the Link header.
    "/repos": _list(
        "ListRepos",
        [_query("per_page", "integer"), _query("page", "integer")],
        _json(_array(ref("Repo")), {"Link": {"schema": {"type": "string"}}}),
    ),
    # Spotify-like: offset and total, the list behind a $ref'd response and allOf.
    "/tracks": _list(
        "ListTracks",
        [_query("offset", "integer"), _query("limit", "integer")],
        {"200": {"$ref": "#/components/responses/TrackPage"}},
    ),
    # page numbers with a page count.
    "/albums": _list(
        "ListAlbums",
        [_query("page", "integer"), _query("page_size", "integer")],
        _json({"type": "object", "properties": {"results": _array(ref("Album")), "total_pages": {"type": "integer"}}}),
    ),
    # a list with no way to the next page: typed, not paginated.
    "/tags": _list("ListTags", [], _json({"type": "object", "properties": {"data": _array({"type": "string"})}})),
    # a path key with a query string.
    "/items?beta=true": _list("ListBetaItems", [_query("limit", "integer")], _json(_array(ref("Album")))),
    # an upload to a server of its own, with an object part (JSON) and one whose encoding says deepObject.
    "/files": {
        "servers": [{"url": FILES_SERVER}],
        "post": {
            "operationId": "CreateFile",
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "attributes": {
                                    "type": "object",
                                    "properties": {"name": {"type": "string"}, "parent": ref("Parent")},
                                },
                                "link_data": {"type": "object", "properties": {"create": {"type": "boolean"}}},
                            },
                        },
                        "encoding": {"link_data": {"style": "deepObject", "explode": True}},
                    }
                },
            },
            "responses": _json(ref("Album")),
        },
    },
    # body fields and a query parameter named like a method's own options.
    "/calls": {
        "post": {
            "operationId": "CreateCall",
            "parameters": [_query("max_retries", "integer")],
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["To"],
                            "properties": {"To": {"type": "string"}, "Timeout": {"type": "integer"}},
                        }
                    }
                }
            },
            "responses": _json(ref("Call")),
        }
    },
}

SCHEMAS: dict[str, Any] = {
    "Customer": {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}, "email": {"type": "string", "format": "email"}},
    },
    "Event": {"type": "object", "properties": {"id": {"type": "string"}, "n": {"type": "integer"}}},
    "Call": {"type": "object", "properties": {"sid": {"type": "string"}, "n": {"type": "integer"}}},
    "Repo": {"type": "object", "properties": {"id": {"type": "integer"}, "n": {"type": "integer"}}},
    "Album": {"type": "object", "properties": {"id": {"type": "string"}, "n": {"type": "integer"}}},
    "Track": {"type": "object", "properties": {"id": {"type": "string"}, "n": {"type": "integer"}}},
    "Parent": {"type": "object", "properties": {"id": {"type": "string"}}},
    "Paging": {
        "type": "object",
        "properties": {
            "href": {"type": "string"},
            "offset": {"type": "integer"},
            "limit": {"type": "integer"},
            "total": {"type": "integer"},
            "next": {"type": "string", "nullable": True, "description": "URL to the next page of items."},
        },
    },
}

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Catalog", "version": "1.0"},
    "servers": [{"url": SERVER}],
    "security": [{"basicAuth": []}],
    "paths": PATHS,
    "components": {
        "securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic"}},
        "schemas": SCHEMAS,
        "responses": {
            "TrackPage": {
                "description": "A page of tracks",
                "content": {
                    "application/json": {
                        "schema": {
                            "allOf": [
                                ref("Paging"),
                                {"type": "object", "properties": {"items": _array(ref("Track"))}},
                            ]
                        }
                    }
                },
            }
        },
    },
}
