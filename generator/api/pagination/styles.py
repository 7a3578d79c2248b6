"""The pagination styles, one class each: how a list operation of that style is recognised (from its request
parameters and its response's fields together), the runtime page class it uses and the class attributes that fit that
class to one API's names, the page class's docs, and the detected scheme's class name.

A new style is one class here, listed in :data:`STYLES` (and in :data:`GUESSES` when it can also be guessed), plus
its runtime page class in ``templates/runtime/_pagination.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from generator.api.ir import FieldPath, Pagination
from generator.api.pagination.shapes import (
    AFTER_PARAMS,
    HAS_MORE,
    LIMIT_PARAMS,
    OFFSET_PARAMS,
    PAGE_COUNT_FIELDS,
    PAGE_PARAMS,
    TOTAL_FIELDS,
    ListShape,
    Path,
    Request,
    field_path,
    is_bool,
    is_int,
    is_scalar,
    kind,
    norm,
    says_url,
)
from generator.core.naming import pascal_case
from generator.pytypes.kinds import ObjectType, PyType
from generator.pytypes.registry import Registry

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

PAGE_ATTRIBUTES_OF_EVERY_STYLE = frozenset(
    {"body", "get_next_page", "has_next_page", "http_response", "items", "items_field", "iter_pages", "next_page_info"}
    | {"from_api_response", "has_more_field", "params_in"}
)
"""Public attributes of ``BasePage``, ``SyncPage`` and ``AsyncPage`` in ``templates/runtime/_pagination.py``."""


def scheme(style: str, param: str, shape: ListShape, **fields: object) -> Pagination:
    """A detected scheme: ``style`` with the request parameter, the items field and ``fields``."""
    base: dict[str, object] = {"has_more_field": None, "cursor_field": "id", "limit_param": None, "total_field": None}
    base.update(fields)
    return Pagination("", style, param, field_path(shape.items), **base)  # type: ignore[arg-type]


def shown(path: FieldPath | None) -> str:
    """A field as the docs name it: ``meta.next_cursor``; the body itself when it is the array."""
    if path == ():
        return "the body"
    return f"``{path if isinstance(path, str) else '.'.join(path or ())}``"


class Style:
    """One pagination style. Subclasses set the class variables and the rules that differ."""

    name: ClassVar[str]
    """As the config and the IR spell it: ``cursor``."""
    runtime_class: ClassVar[str]
    """The base class in ``templates/runtime/_pagination.py``."""
    stem: ClassVar[str]
    """How a detected scheme's class name starts."""
    runtime_attributes: ClassVar[tuple[str, ...]]
    """The public class attributes of :attr:`runtime_class` besides the ones every page has."""
    takes_request_param: ClassVar[bool] = True
    """Whether a configured scheme must name the query parameter that selects the page."""
    ends_by_flag: ClassVar[bool] = True
    """Whether the runtime class reads a ``has_more`` field (a next URL ends the listing by its absence)."""
    next_in_body: ClassVar[bool] = True
    """Whether a configured scheme's ``next`` names a body field (else a response header)."""

    def detect(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        """The scheme when both sides of the style are there, surely."""
        return None

    def guess(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        """The scheme on weaker evidence (a short page ends the listing): tried after every style's :meth:`detect`."""
        return None

    def attributes(self, page: Pagination) -> dict[str, object]:
        """The class attributes that fit :attr:`runtime_class` to one scheme (besides the items field)."""
        raise NotImplementedError

    def how(self, page: Pagination) -> str:
        """How the next page is asked for, for the page class's docstring."""
        raise NotImplementedError

    def name_tail(self, page: Pagination) -> str:
        """What a detected scheme's class name adds after its items field, where it differs from the plain style."""
        return ("HasMore" if page.has_more_field is not None else "") + (
            "Total" if page.total_field is not None else ""
        )

    def doc(self, page: Pagination) -> str:
        more = f", while {shown(page.has_more_field)} is true" if page.has_more_field else ""
        where = " (in the JSON body)" if page.params_in == "body" else ""
        return f"Pages of {shown(page.items_field)}: {self.how(page)}{where}{more}."


class Cursor(Style):
    """A ``has_more`` field, an ``after``/``starting_after`` parameter and items with an ``id``: the next page starts
    after the last item."""

    name, runtime_class, stem = "cursor", "CursorPage", "CursorPage"
    runtime_attributes = ("cursor_param", "cursor_field")

    def detect(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        more = shape.find(HAS_MORE, is_bool)
        param = request.find(AFTER_PARAMS)
        item = types.resolve(shape.item.non_null())
        if more is None or param is None or not isinstance(item, ObjectType) or item.field("id") is None:
            return None
        return scheme("cursor", param.wire_name, shape, has_more_field=field_path(more), limit_param=request.limit())

    def attributes(self, page: Pagination) -> dict[str, object]:
        return {"cursor_param": page.request_param, "cursor_field": page.cursor_field}

    def how(self, page: Pagination) -> str:
        return f"``{page.request_param}`` is the last item's ``{page.cursor_field}``"

    def name_tail(self, page: Pagination) -> str:
        return "Total" if page.total_field is not None else ""


def _token_params(path: Path) -> tuple[str, ...]:
    """The parameters a token field is sent back as (by :func:`norm`): ``next_page_token`` as ``page_token``,
    ``next_doc`` as ``doc`` or ``last_doc``, ``last_id`` as ``after`` or ``after_id``, ``last_item_id`` as
    ``start_after_item_id``..."""
    name = norm(path[-1])
    if len(path) > 1 and norm(path[-2]).startswith("next"):
        # a field of the ``next_page`` object: the parameter of its own name (not the page size it repeats)
        return () if name in LIMIT_PARAMS else (name,)
    if name.startswith("last"):  # the last item's key: the next page starts after it
        rest = name.removeprefix("last").removesuffix("id")
        return tuple(dict.fromkeys(f"{start}{rest}{end}" for start in _AFTER for end in ("id", "")))
    if not name.startswith("next") and name not in TOKEN_FIELDS:
        return ()
    base = name.removeprefix("next")
    if base in ("", "cursor", "pagecursor"):  # ``next``, ``cursor``, ``next_cursor``: a cursor to continue after
        return tuple(dict.fromkeys(n for n in (base, name, "cursor", "after") if n))
    return (base, name, f"last{base}")


_AFTER = ("after", "startafter", "startingafter")
"""How a parameter that continues after a key starts."""


def _carries(token: PyType) -> Callable[[PyType], bool]:
    """Whether a parameter can carry a token of this type: a string parameter carries any, an integer one integers."""
    return lambda param: kind(param) == "str" or (kind(param) == "int" and kind(token) == "int")


class NextToken(Style):
    """A token field (``next_page_token``, ``next_cursor``, ``cursor``, ``next_page``, a field of a ``next_page``
    object, ``last_id`` beside ``has_more``...) and the parameter it pairs with (``page_token``, ``cursor``, ``page``,
    ``after``...) of a type that can carry it: the token is sent back verbatim."""

    name, runtime_class, stem = "next_token", "NextTokenPage", "TokenPage"
    runtime_attributes = ("token_param", "next_token_field")

    def detect(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        more = shape.find(HAS_MORE, is_bool)
        for path, prop in shape.fields:
            if not is_scalar(prop.type) or (says_url(path, prop) and len(path) == 1):
                continue
            param = request.find(_token_params(path), _carries(prop.type))
            last = norm(path[-1]).startswith("last")  # a last item's key says nothing of more pages by itself
            if param is None or (last and more is None):
                continue
            ends = field_path(more) if more is not None and last else None
            return scheme("next_token", param.wire_name, shape, next_field=field_path(path), has_more_field=ends)
        return None

    def attributes(self, page: Pagination) -> dict[str, object]:
        return {"token_param": page.request_param, "next_token_field": page.next_field}

    def how(self, page: Pagination) -> str:
        return f"``{page.request_param}`` is the body's {shown(page.next_field)}, sent back as it is"

    def name_tail(self, page: Pagination) -> str:
        token = page.next_field if isinstance(page.next_field, tuple) else (page.next_field,)
        named = "By" + pascal_case("_".join(token)) if page.next_field is not None else ""
        return named + ("Total" if page.total_field is not None else "")


class Offset(Style):
    """An integer ``offset`` parameter and a ``total`` or ``has_more`` field; guessed from an ``offset`` and a
    ``limit`` parameter alone (a short page ends the listing)."""

    name, runtime_class, stem = "offset", "OffsetPage", "OffsetPage"
    runtime_attributes = ("offset_param", "limit_param", "total_field")

    def detect(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        param = request.find(OFFSET_PARAMS, is_int)
        total = shape.find(TOTAL_FIELDS, is_int)
        more = shape.find(HAS_MORE, is_bool)
        if param is None or (total is None and more is None):
            return None
        return scheme(
            "offset",
            param.wire_name,
            shape,
            has_more_field=field_path(more) if more else None,
            total_field=field_path(total) if total and not more else None,
            limit_param=request.limit(),
        )

    def guess(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        param = request.find(OFFSET_PARAMS, is_int)
        limit = request.limit()
        if param is None or limit is None:
            return None
        return scheme("offset", param.wire_name, shape, limit_param=limit)

    def attributes(self, page: Pagination) -> dict[str, object]:
        return {"offset_param": page.request_param, "limit_param": page.limit_param, "total_field": page.total_field}

    def how(self, page: Pagination) -> str:
        return f"``{page.request_param}`` skips the items seen so far"


class PageNumber(Style):
    """An integer ``page`` parameter and a page count or ``has_more`` field; guessed from a ``page`` parameter with a
    total item count, or alone (a short or an empty page ends the listing)."""

    name, runtime_class, stem = "page", "PageNumberPage", "PageNumberPage"
    runtime_attributes = ("page_param", "first_page", "page_size_param", "total_pages_field", "total_items_field")

    def detect(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        param = request.find(PAGE_PARAMS, is_int)
        pages = shape.find(PAGE_COUNT_FIELDS, is_int)
        more = shape.find(HAS_MORE, is_bool)
        if param is None or (pages is None and more is None):
            return None
        return scheme(
            "page",
            param.wire_name,
            shape,
            has_more_field=field_path(more) if more else None,
            total_pages_field=field_path(pages) if pages and not more else None,
            limit_param=request.limit(),
        )

    def guess(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        """A ``page`` parameter alone: a total item count ends the listing, else a short or an empty page."""
        param = request.find(PAGE_PARAMS, is_int)
        if param is None:
            return None
        total = shape.find(TOTAL_FIELDS, is_int)
        counted = field_path(total) if total is not None else None
        return scheme("page", param.wire_name, shape, total_field=counted, limit_param=request.limit())

    def attributes(self, page: Pagination) -> dict[str, object]:
        return {
            "page_param": page.request_param,
            "page_size_param": page.limit_param,
            "total_pages_field": page.total_pages_field,
            "total_items_field": page.total_field,
        }

    def how(self, page: Pagination) -> str:
        return f"``{page.request_param}`` counts the pages"

    def name_tail(self, page: Pagination) -> str:
        counted = page.has_more_field or page.total_pages_field or page.total_field
        return super().name_tail(page) if counted else "Uncounted"


class NextUrl(Style):
    """The next page's URL in the body (``next_page_url``, ``meta.next_page_uri``, a ``next`` that says it is a
    URL...); guessed from a ``Link`` response header."""

    name, runtime_class, stem = "next_url", "NextUrlPage", "NextUrlPage"
    runtime_attributes = ("next_url_field",)
    takes_request_param = ends_by_flag = False

    def detect(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        for path, prop in shape.fields:
            name = norm(path[-1])
            named = name.startswith("next") or (len(path) > 1 and name == "next")
            if named and says_url(path, prop):
                return scheme("next_url", "", shape, next_field=field_path(path))
        return None

    def guess(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        return scheme("next_url", "", shape, next_field=None) if "link" in headers else None

    def attributes(self, page: Pagination) -> dict[str, object]:
        return {"next_url_field": page.next_field}

    def how(self, page: Pagination) -> str:
        return f"the next page is at the URL in {shown(page.next_field) if page.next_field else 'the Link header'}"

    def name_tail(self, page: Pagination) -> str:
        return super().name_tail(page) + ("Link" if page.next_field is None else "")


class HeaderToken(Style):
    """A response header the document declares with the next page's token (``X-Next-Page-Token``,
    ``X-Continuation-Token``, ``x-ms-continuation``...) and the query parameter it pairs with (``page_token``,
    ``continuation_token``...): the token is sent back verbatim, and a response without the header is the last page."""

    name, runtime_class, stem = "header_token", "HeaderTokenPage", "HeaderTokenPage"
    runtime_attributes = ("token_param", "next_token_header")
    ends_by_flag = next_in_body = False

    def detect(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        for header in sorted(headers):
            bare = norm(re.sub(r"^(x-)?(ms-)?", "", header))
            wanted = _token_params((bare,)) or ((bare, f"{bare}token") if bare == "continuation" else ())
            param = request.find(wanted, lambda p: kind(p) == "str")
            if param is not None:
                return scheme("header_token", param.wire_name, shape, next_field=header)
        return None

    def attributes(self, page: Pagination) -> dict[str, object]:
        return {"token_param": page.request_param, "next_token_header": page.next_field}

    def how(self, page: Pagination) -> str:
        return f"``{page.request_param}`` is the response's ``{page.next_field}`` header, sent back as it is"

    def name_tail(self, page: Pagination) -> str:
        return ""


class Single(Style):
    """A list the API returns whole: no parameter or field of the document leads to another page. The method still
    returns a page, so that it iterates its items as every other list does (and keeps its type should the API start
    paging)."""

    name, runtime_class, stem = "single", "SinglePage", "SinglePage"
    runtime_attributes = ()
    takes_request_param = ends_by_flag = False

    def guess(self, shape: ListShape, request: Request, headers: frozenset[str], types: Registry) -> Pagination | None:
        """Any list the other styles leave, but an object with an ``id`` of its own: that is one thing which holds
        a list (an evaluation's result with its ``results``), not a list of things."""
        if any(path == ("id",) for path, _ in shape.fields):
            return None
        return scheme("single", "", shape)

    def attributes(self, page: Pagination) -> dict[str, object]:
        return {}

    def how(self, page: Pagination) -> str:
        return "the response holds the whole list; there is no next page to ask for"

    def doc(self, page: Pagination) -> str:
        return f"The whole list in {shown(page.items_field)}, as one page: {self.how(page)}."

    def name_tail(self, page: Pagination) -> str:
        return ""


STYLES: tuple[Style, ...] = (Cursor(), NextToken(), Offset(), PageNumber(), NextUrl(), HeaderToken(), Single())
"""Every style, in the order their :meth:`Style.detect` is tried."""
BY_NAME = {style.name: style for style in STYLES}
GUESSES: tuple[Style, ...] = (BY_NAME["next_url"], BY_NAME["offset"], BY_NAME["page"], BY_NAME["single"])
"""The styles whose :meth:`Style.guess` is tried when no style was detected, surest first: a ``Link`` header the
document declares before a short page or a count alone, and those before the list being whole."""
PAGE_ATTRIBUTES = PAGE_ATTRIBUTES_OF_EVERY_STYLE.union(*(style.runtime_attributes for style in STYLES))
"""Public attributes of the page classes: a body field of the same name is not declared as a page attribute (it stays
in ``page.body``)."""
