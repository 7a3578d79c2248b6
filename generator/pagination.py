"""Which list operations are paginated, and how: from the config's schemes, or detected from the shape.

A GET operation is paginated by a scheme when it has the scheme's request parameter and its response is an object
with the scheme's items list (and its ``has_more`` field, when the scheme names one). Without configured schemes,
these shapes are detected: a list field (``data``, ``items`` or ``results``) with a cursor (``after`` and
``has_more``), an ``offset``, or a ``page`` query parameter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .config import PaginationConfig
from .ir import Pagination, Param
from .naming import pascal_case
from .pytypes import ListOf, ObjectType, Property, PyType
from .registry import Registry

ITEM_FIELDS = ("data", "items", "results")
PAGE_NAMES = {"cursor": "CursorPage", "offset": "OffsetPage", "page": "PageNumberPage"}


def paginate(
    schemes: Sequence[PaginationConfig],
    http_method: str,
    query: tuple[Param, ...],
    response: PyType | None,
    types: Registry,
) -> tuple[Pagination, PyType] | None:
    """The pagination of an operation and the type of one item, or ``None`` when it returns no pages."""
    found = types.resolve(response) if response is not None else None
    if http_method != "get" or not isinstance(found, ObjectType):
        return None
    fields = {p.wire: p for p in found.properties}
    wire_query = {p.wire_name for p in query}
    for scheme in schemes or detected_schemes(fields, wire_query):
        items = fields.get(scheme.items)
        listed = items.type.non_null() if items is not None else None
        if (
            isinstance(listed, ListOf)
            and scheme.request_param in wire_query
            and (scheme.has_more is None or scheme.has_more in fields)
        ):
            return _pagination(scheme), listed.item
    return None


def detected_schemes(fields: Mapping[str, Property], query: set[str]) -> list[PaginationConfig]:
    """The schemes a response with these fields and these query parameters may use, one class per shape: the name
    says what differs from the plain style."""
    items = next((f for f in ITEM_FIELDS if f in fields), None)
    if items is None:
        return []
    more = "has_more" if "has_more" in fields else None
    total = "total" if "total" in fields else None
    found: list[tuple[str, str]] = []
    if "after" in query and more:
        found.append(("cursor", "after"))
    if "offset" in query:
        found.append(("offset", "offset"))
    if "page" in query:
        found.append(("page", "page"))
    schemes: list[PaginationConfig] = []
    for style, param in found:
        name = PAGE_NAMES[style] + ("" if items == "data" else pascal_case(items))
        name += ("" if style == "cursor" or not more else "HasMore") + ("Total" if total and style != "cursor" else "")
        schemes.append(
            PaginationConfig(
                name=name,
                style=style,
                request_param=param,
                items=items,
                has_more=more,
                limit_param="limit" if "limit" in query else None,
                total=total if style != "cursor" else None,
            )
        )
    return schemes


def _pagination(scheme: PaginationConfig) -> Pagination:
    return Pagination(
        name=scheme.name,
        style=scheme.style,
        request_param=scheme.request_param,
        items_field=scheme.items,
        has_more_field=scheme.has_more,
        cursor_field=scheme.cursor_field,
        limit_param=scheme.limit_param,
        total_field=scheme.total,
    )
