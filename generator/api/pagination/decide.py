"""Deciding the pagination of every list operation of one API, and naming each distinct scheme once: the config's
schemes first, then the styles of :mod:`generator.api.pagination.styles` by shape."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.api.ir import Operation, Pagination, Param
from generator.api.pagination.shapes import (
    PAGING_PARAMS,
    ListShape,
    Path,
    Request,
    field_path,
    is_listing,
    list_of,
    list_shape,
    norm,
    object_fields,
)
from generator.api.pagination.styles import BY_NAME, GUESSES, STYLES
from generator.api.settings import PaginationConfig
from generator.core.naming import class_name, pascal_case
from generator.pytypes.kinds import ListOf, ObjectType, PyType
from generator.pytypes.registry import Registry


@dataclass(frozen=True)
class Decision:
    """What :meth:`Paginator.decide` found: whether the response is a listing, and its pages with one item's type."""

    listing: bool = False
    page: Pagination | None = None
    item: PyType | None = None


class Paginator:
    """Decides the pagination of every operation of one API, and names each distinct scheme once."""

    def __init__(self, schemes: Sequence[PaginationConfig], types: Registry) -> None:
        self.scoped = [s for s in schemes if s.operations]
        self.api_wide = [s for s in schemes if not s.operations]
        self.types = types
        self.named: dict[str, Pagination] = {}
        self.fitted: set[str] = set()
        """The names of the config's schemes that fit an operation."""

    def decide(
        self,
        operation_id: str,
        http_method: str,
        query: Sequence[Param],
        response: PyType | None,
        headers: frozenset[str],
        body: Sequence[Param] = (),
    ) -> Decision:
        if http_method != "get":
            return self._in_body(body, response, headers)
        for scheme in [s for s in self.scoped if operation_id in s.operations] + self.api_wide:
            found = configured(scheme, response, query, headers, self.types)
            if found is not None:
                self.fitted.add(scheme.name)
                return Decision(True, self._name(found[0], scheme.name), found[1])
        shape = list_shape(response, self.types)
        if shape is None:
            return Decision()
        listing = is_listing(shape, query)
        if self.api_wide or not listing:
            return Decision(listing)
        request = Request({norm(p.wire_name): p for p in query})
        page = detect(shape, request, headers, self.types)
        return Decision(True, self._name(page), shape.item) if page is not None else Decision(True)

    def _in_body(self, body: Sequence[Param], response: PyType | None, headers: frozenset[str]) -> Decision:
        """An RPC-style list: a POST whose JSON body carries the paging parameters (``cursor``, ``count`` and
        ``offset``...) and whose response is a list. Only a style that leads to the next page: a POST that merely
        answers a list is not a listing."""
        request = Request({norm(p.wire_name): p for p in body})
        shape = list_shape(response, self.types)
        if shape is None or self.api_wide or not PAGING_PARAMS & set(request.params):
            return Decision()
        page = detect(shape, request, headers, self.types, whole=False)
        if page is None:
            return Decision()
        return Decision(True, self._name(replace(page, params_in="body")), shape.item)

    def _name(self, page: Pagination, name: str | None = None) -> Pagination:
        """The scheme named: the config's name, else the style's, with what differs from the plain style."""
        stem = name or detected_name(page)
        candidate, n = stem, 1
        while candidate in self.named and self.named[candidate] != replace(page, name=candidate):
            n += 1
            candidate = f"{stem}{n}"
        named = replace(page, name=candidate)
        self.named[candidate] = named
        return named


def detect(
    shape: ListShape, request: Request, headers: frozenset[str], types: Registry, *, whole: bool = True
) -> Pagination | None:
    """The first style whose request parameters and response fields agree, else the surest guess; without
    ``whole``, never the guess that the list is returned whole."""
    guesses = [style for style in GUESSES if whole or style.name != "single"]
    for rule in [style.detect for style in STYLES] + [style.guess for style in guesses]:
        found = rule(shape, request, headers, types)
        if found is not None:
            return found
    return None


def detected_name(page: Pagination) -> str:
    """``CursorPage``, ``OffsetPageItemsTotal``, ``NextUrlPageCalls``...: the style, then the items field unless it is
    ``data``, then the ending when it is not the style's plain one."""
    style = BY_NAME[page.style]
    items = page.items_field if isinstance(page.items_field, tuple) else (page.items_field,)
    stem = style.stem + ("Array" if items == () else "" if items == ("data",) else pascal_case("_".join(items)))
    return class_name(stem + style.name_tail(page) + ("InBody" if page.params_in == "body" else ""))


def configured(
    scheme: PaginationConfig, response: PyType | None, query: Sequence[Param], headers: frozenset[str], types: Registry
) -> tuple[Pagination, PyType] | None:
    """The scheme and one item's type, when this operation has its shape: the request parameter, the items list (the
    body itself when ``items`` is null) and every field the scheme names. A ``next_url`` scheme without ``next``
    follows the ``Link`` header, whether or not the document declares it: the config says so."""
    found = types.resolve(response.non_null()) if response is not None else None
    style = BY_NAME[scheme.style]
    more = _dotted(scheme.has_more) if style.ends_by_flag else None  # a next URL or a single page ends otherwise
    items, after = _dotted(scheme.items) or (), _dotted(scheme.next)
    if isinstance(found, ListOf) and items == ():
        paths: dict[Path, PyType] = {(): found}
    elif isinstance(found, ObjectType):
        paths = {path: prop.type for path, prop in object_fields(found, types)}
    else:
        return None
    listed = list_of(paths[items], types) if items in paths else None
    if listed is None or (style.takes_request_param and scheme.request_param not in {p.wire_name for p in query}):
        return None
    if (more is not None and more not in paths) or (after is not None and style.next_in_body and after not in paths):
        return None
    page = Pagination(
        name=scheme.name,
        style=scheme.style,
        request_param=scheme.request_param,
        items_field=field_path(items),
        has_more_field=field_path(more) if more else None,
        cursor_field=scheme.cursor_field,
        limit_param=scheme.limit_param,
        total_field=field_path(_dotted(scheme.total) or ()) if scheme.total else None,
        next_field=field_path(after) if after else None,
        total_pages_field=field_path(_dotted(scheme.total_pages) or ()) if scheme.total_pages else None,
        configured=True,
    )
    return page, listed.item


def _dotted(name: str | None) -> Path | None:
    """A config's field name as a path: ``meta.next_cursor`` reaches into ``meta``."""
    return tuple(name.split(".")) if name else None


def summary(operations: Sequence[Operation]) -> str:
    """``pagination: 12 cursor, 3 next_token (by shape), 1 offset (configured); 4 other lists not paginated``."""
    counts: Counter[tuple[str, bool]] = Counter(
        (op.page.style, op.page.configured) for op in operations if op.page is not None
    )
    parts = [
        f"{n} {style} ({'configured' if by_config else 'by shape'})" for (style, by_config), n in sorted(counts.items())
    ]
    unpaged = sum(1 for op in operations if op.listing and op.page is None)
    text = "pagination: " + (", ".join(parts) or "none")
    return text + (f"; {unpaged} other list operation(s) not paginated" if unpaged else "")
