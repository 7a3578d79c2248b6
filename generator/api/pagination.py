"""Which list operations return pages, and how: decided from the request's parameters and the response's fields
together, never from one of them alone.

A list response is recognised by its shape wherever it is declared (a named or inline object, merged ``allOf``
parts, behind ``$ref``s): an array, or an object whose one array field (``data``, ``items`` or ``results`` when there
are several; ``errors`` and ``warnings`` aside) holds the items. A GET list operation is paginated in the first of
these styles whose both sides are there:

1. ``cursor``: a ``has_more`` field, an ``after``/``starting_after`` parameter and items with an ``id``: the next
   page starts after the last item;
2. ``next_token``: a token field (``next_page_token``, ``next_cursor``, ``cursor``, ``next_page``, a field of a
   ``next_page`` object, ``last_id`` beside ``has_more``...) and the parameter it pairs with (``page_token``,
   ``cursor``, ``page``, ``after``...) of a type that can carry it: the token is sent back verbatim;
3. ``offset``: an integer ``offset`` parameter and a ``total`` or ``has_more`` field;
4. ``page``: an integer ``page`` parameter and a page count or ``has_more`` field;
5. ``next_url``: the next page's URL in the body (``next_page_url``, ``meta.next_page_uri``, a ``next`` that says it
   is a URL...) or a ``Link`` response header;
6. ``offset`` with a ``limit`` parameter only (a short page ends the listing), then ``page`` with a total item count.

Anything else is not paginated: its response keeps its own type. The config's ``pagination`` schemes come first: one
that names ``operations`` is for those, one without is the rule of the whole API (nothing is detected then).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from generator.api.ir import FieldPath, Operation, Pagination, Param
from generator.core.naming import class_name, pascal_case
from generator.inputs.config import PaginationConfig
from generator.pytypes.kinds import ListOf, ObjectType, Property, PyType, Scalar
from generator.pytypes.registry import Registry

ITEM_NAMES = ("data", "items", "results")
NOT_ITEMS = frozenset({"errors", "warnings"})
HAS_MORE = ("hasmore", "hasnextpage", "hasnext", "more")
AFTER_PARAMS = ("after", "startingafter")
TOKEN_FIELDS = frozenset(
    {
        "nextpagetoken",
        "nexttoken",
        "nextcursor",
        "nextpagecursor",
        "cursor",
        "nextpage",
        "next",
        "continuationtoken",
        "nextcontinuationtoken",
        "nextmarker",
        "nextkey",
        "lastid",
    }
)
URL_WORDS = ("url", "uri", "link", "href")
TOTAL_FIELDS = ("total", "totalcount", "totalresults", "totalitems", "totalsize", "count")
PAGE_COUNT_FIELDS = ("totalpages", "numpages", "pagecount", "pages", "lastpage")
LIMIT_PARAMS = ("limit", "pagesize", "perpage", "size", "maxresults", "count")
PAGING_PARAMS = frozenset({"offset", "page", "cursor", "pagetoken", "before", *AFTER_PARAMS, *LIMIT_PARAMS})
STYLE_NAMES = {
    "cursor": "CursorPage",
    "next_token": "TokenPage",
    "next_url": "NextUrlPage",
    "offset": "OffsetPage",
    "page": "PageNumberPage",
}

Path = tuple[str, ...]


def norm(name: str) -> str:
    """A name as the rules compare it: ``next_page_token``, ``nextPageToken`` and ``NextPageToken`` are one."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def field_path(path: Path) -> FieldPath:
    """How a page class names a field: its name, the names leading to it, or ``()`` for the body itself."""
    return path[0] if len(path) == 1 else path


@dataclass(frozen=True)
class ListShape:
    """A list response: where its items are (``()``: the body is the array), their type, the fields beside them."""

    items: Path
    item: PyType
    fields: tuple[tuple[Path, Property], ...] = ()
    """Every other field, and the fields of the objects among them (``meta.next_cursor``)."""

    def find(self, names: Sequence[str], fits: Callable[[PyType], bool]) -> Path | None:
        """The first field (top level first) named one of ``names`` (compared by :func:`norm`) whose type fits."""
        for wanted in names:
            for path, prop in sorted(self.fields, key=lambda f: len(f[0])):
                if norm(path[-1]) == wanted and fits(prop.type.non_null()):
                    return path
        return None


def list_shape(response: PyType | None, types: Registry) -> ListShape | None:
    """The list a response holds, or ``None`` when it is not one."""
    found = types.resolve(response.non_null()) if response is not None else None
    if isinstance(found, ListOf):
        return ListShape((), found.item)
    if not isinstance(found, ObjectType):
        return None
    arrays = [p for p in found.properties if _list_of(p.type, types) and norm(p.wire) not in NOT_ITEMS]
    if len(arrays) > 1:
        arrays = [p for p in arrays if norm(p.wire) in ITEM_NAMES]
    if len(arrays) != 1:
        return None
    listed = _list_of(arrays[0].type, types)
    assert listed is not None
    fields = tuple(f for f in object_fields(found, types) if f[0][0] != arrays[0].wire)
    return ListShape((arrays[0].wire,), listed.item, fields)


def object_fields(found: ObjectType, types: Registry) -> tuple[tuple[Path, Property], ...]:
    """The fields of an object, each followed by the fields of its own when it is an object (one level)."""
    fields: list[tuple[Path, Property]] = []
    for prop in found.properties:
        fields.append(((prop.wire,), prop))
        inner = types.resolve(prop.type.non_null())
        if isinstance(inner, ObjectType):
            fields += [((prop.wire, sub.wire), sub) for sub in inner.properties]
    return tuple(fields)


def _list_of(type_: PyType, types: Registry) -> ListOf | None:
    found = types.resolve(type_.non_null())
    return found if isinstance(found, ListOf) else None


def is_listing(shape: ListShape, query: Sequence[Param]) -> bool:
    """Whether a list shape is a listing: an array, items under a usual name, or a paging parameter beside them."""
    return (
        shape.items == ()
        or norm(shape.items[0]) in ITEM_NAMES
        or any(norm(p.wire_name) in PAGING_PARAMS for p in query)
    )


# -- the kinds of values -------------------------------------------------------------------------------------------


def _kind(type_: PyType) -> str:
    inner = type_.non_null()
    return inner.kind if isinstance(inner, Scalar) else ""


def _is_bool(type_: PyType) -> bool:
    return _kind(type_) == "bool"


def _is_int(type_: PyType) -> bool:
    return _kind(type_) in ("int", "float")


def _is_scalar(type_: PyType) -> bool:
    return _kind(type_) in ("str", "int")


def _says_url(path: Path, prop: Property) -> bool:
    """A string field that holds a URL: by its name, its format, its example or its description."""
    name = norm(path[-1])
    inner = prop.type.non_null()
    if _kind(inner) != "str":
        return False
    if any(word in name for word in URL_WORDS):
        return True
    example = inner.example if isinstance(inner.example, str) else ""
    described = any(word in prop.description.lower() for word in ("url", "uri", "link"))
    told = isinstance(inner, Scalar) and inner.format in ("uri", "url", "uri-reference", "iri")
    return told or example.startswith(("http://", "https://", "/")) or described


# -- the styles ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Request:
    """The query parameters of a list operation, by :func:`norm` of their wire names."""

    params: dict[str, Param]

    def find(self, names: Sequence[str], fits: Callable[[PyType], bool] = lambda _: True) -> Param | None:
        for name in names:
            found = self.params.get(name)
            if found is not None and fits(found.type):
                return found
        return None

    def limit(self) -> str | None:
        found = self.find(LIMIT_PARAMS, _is_int)
        return found.wire_name if found is not None else None


def _scheme(style: str, param: str, shape: ListShape, **fields: object) -> Pagination:
    base: dict[str, object] = {
        "has_more_field": None,
        "cursor_field": "id",
        "limit_param": None,
        "total_field": None,
    }
    base.update(fields)
    return Pagination("", style, param, field_path(shape.items), **base)  # type: ignore[arg-type]


def _cursor(shape: ListShape, request: _Request, types: Registry) -> Pagination | None:
    more = shape.find(HAS_MORE, _is_bool)
    param = request.find(AFTER_PARAMS)
    item = types.resolve(shape.item.non_null())
    if more is None or param is None or not isinstance(item, ObjectType) or item.field("id") is None:
        return None
    return _scheme("cursor", param.wire_name, shape, has_more_field=field_path(more), limit_param=request.limit())


def _token_params(path: Path) -> tuple[str, ...]:
    """The parameters a token field is sent back as (by :func:`norm`): ``next_page_token`` as ``page_token``..."""
    name = norm(path[-1])
    if len(path) > 1 and norm(path[-2]).startswith("next"):
        return (name,)  # a field of the ``next_page`` object: the parameter of its own name
    if name not in TOKEN_FIELDS:
        return ()
    if name == "lastid":
        return ("after",)
    base = name.removeprefix("next")
    if base in ("", "cursor", "pagecursor"):  # ``next``, ``cursor``, ``next_cursor``: a cursor to continue after
        return tuple(dict.fromkeys(n for n in (base, name, "cursor", "after") if n))
    return (base, name)


def _carries(token: PyType) -> Callable[[PyType], bool]:
    """Whether a parameter can carry a token of this type: a string parameter carries any, an integer one integers."""
    return lambda param: _kind(param) == "str" or (_kind(param) == "int" and _kind(token) == "int")


def _token(shape: ListShape, request: _Request, types: Registry) -> Pagination | None:
    more = shape.find(HAS_MORE, _is_bool)
    for path, prop in shape.fields:
        if not _is_scalar(prop.type) or (_says_url(path, prop) and len(path) == 1):
            continue
        param = request.find(_token_params(path), _carries(prop.type))
        if param is None or (norm(path[-1]) == "lastid" and more is None):
            continue
        ends = field_path(more) if more is not None and norm(path[-1]) == "lastid" else None
        return _scheme("next_token", param.wire_name, shape, next_field=field_path(path), has_more_field=ends)
    return None


def _offset(shape: ListShape, request: _Request, types: Registry) -> Pagination | None:
    param = request.find(("offset", "skip"), _is_int)
    total = shape.find(TOTAL_FIELDS, _is_int)
    more = shape.find(HAS_MORE, _is_bool)
    if param is None or (total is None and more is None):
        return None
    return _scheme(
        "offset",
        param.wire_name,
        shape,
        has_more_field=field_path(more) if more else None,
        total_field=field_path(total) if total and not more else None,
        limit_param=request.limit(),
    )


def _page(shape: ListShape, request: _Request, types: Registry) -> Pagination | None:
    param = request.find(("page", "pagenumber", "pageno"), _is_int)
    pages = shape.find(PAGE_COUNT_FIELDS, _is_int)
    more = shape.find(HAS_MORE, _is_bool)
    if param is None or (pages is None and more is None):
        return None
    return _scheme(
        "page",
        param.wire_name,
        shape,
        has_more_field=field_path(more) if more else None,
        total_pages_field=field_path(pages) if pages and not more else None,
        limit_param=request.limit(),
    )


def _next_url(shape: ListShape, request: _Request, types: Registry) -> Pagination | None:
    for path, prop in shape.fields:
        name = norm(path[-1])
        named = name.startswith("next") or (len(path) > 1 and name == "next")
        if named and _says_url(path, prop):
            return _scheme("next_url", "", shape, next_field=field_path(path))
    return None


def _plain_offset(shape: ListShape, request: _Request, types: Registry) -> Pagination | None:
    param = request.find(("offset", "skip"), _is_int)
    limit = request.limit()
    if param is None or limit is None:
        return None
    return _scheme("offset", param.wire_name, shape, limit_param=limit)


def _counted_page(shape: ListShape, request: _Request, types: Registry) -> Pagination | None:
    param = request.find(("page", "pagenumber", "pageno"), _is_int)
    total = shape.find(TOTAL_FIELDS, _is_int)
    if param is None or total is None:
        return None
    return _scheme("page", param.wire_name, shape, total_field=field_path(total), limit_param=request.limit())


RULES = (_cursor, _token, _offset, _page, _next_url)
LAST_RULES = (_plain_offset, _counted_page)
"""Tried after the ``Link`` header: they end a listing on a guess (a short page) or on a count alone."""


# -- deciding and naming -------------------------------------------------------------------------------------------


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
    ) -> Decision:
        if http_method != "get":
            return Decision()
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
        request = _Request({norm(p.wire_name): p for p in query})
        page = detect(shape, request, headers, self.types)
        return Decision(True, self._name(page), shape.item) if page is not None else Decision(True)

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


def detect(shape: ListShape, request: _Request, headers: frozenset[str], types: Registry) -> Pagination | None:
    """The first style whose request parameters and response fields agree (see the module's rules)."""
    for rule in RULES:
        found = rule(shape, request, types)
        if found is not None:
            return found
    if "link" in headers:
        return _scheme("next_url", "", shape, next_field=None)
    for rule in LAST_RULES:
        found = rule(shape, request, types)
        if found is not None:
            return found
    return None


def detected_name(page: Pagination) -> str:
    """``CursorPage``, ``OffsetPageItemsTotal``, ``NextUrlPageCalls``...: the style, then the items field unless it is
    ``data``, then the ending when it is not the style's plain one."""
    items = page.items_field if isinstance(page.items_field, tuple) else (page.items_field,)
    stem = STYLE_NAMES[page.style] + (
        "Array" if items == () else "" if items == ("data",) else pascal_case("_".join(items))
    )
    if page.style == "next_token" and page.next_field is not None:
        token = page.next_field if isinstance(page.next_field, tuple) else (page.next_field,)
        stem += "By" + pascal_case("_".join(token))
    more = page.has_more_field is not None and page.style not in ("cursor", "next_token")
    stem += ("HasMore" if more else "") + ("Total" if page.total_field is not None else "")
    if page.style == "next_url" and page.next_field is None:
        stem += "Link"
    return class_name(stem)


def configured(
    scheme: PaginationConfig, response: PyType | None, query: Sequence[Param], headers: frozenset[str], types: Registry
) -> tuple[Pagination, PyType] | None:
    """The scheme and one item's type, when this operation has its shape: the request parameter, the items list and
    every field the scheme names."""
    found = types.resolve(response.non_null()) if response is not None else None
    if not isinstance(found, ObjectType):
        return None
    paths = {path: prop.type for path, prop in object_fields(found, types)}
    items, more, after = _dotted(scheme.items), _dotted(scheme.has_more), _dotted(scheme.next)
    listed = _list_of(paths[items], types) if items in paths else None
    if listed is None or (scheme.style != "next_url" and scheme.request_param not in {p.wire_name for p in query}):
        return None
    if (more is not None and more not in paths) or (after is not None and after not in paths):
        return None
    if scheme.style == "next_url" and after is None and "link" not in headers:
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
