# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""Pages of list results: one base for iterating (sync and async) and one base per pagination style.

The generated ``pagination`` module declares each scheme of the API as a subclass of a style base and of
:class:`SyncPage` or :class:`AsyncPage`, with class attributes naming its fields and parameters. Iterating a page
yields every item of every page, fetching the next page as needed. Following pages never loops forever: a position
the server repeats, or "more pages" promised with nothing to continue from, raises :class:`PaginationError`.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeAlias, TypeVar, cast

import httpx

from ._exceptions import APIResponseValidationError, PaginationError
from ._request import RequestOptions
from ._response import FromResponse, ParseContext

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "FieldPath",
    "PageInfo",
    "BasePage",
    "SyncPage",
    "AsyncPage",
    "AsyncPaginator",
    "CursorPage",
    "NextTokenPage",
    "NextUrlPage",
    "HeaderTokenPage",
    "OffsetPage",
    "PageNumberPage",
    "SinglePage",
]

T = TypeVar("T")
PageT = TypeVar("PageT", bound="AsyncPage[Any]")

FieldPath: TypeAlias = str | tuple[str, ...]
"""A response field: its name, or the names leading to it (``("meta", "next_cursor")``)."""


def field_value(data: object, path: FieldPath) -> object:
    """The value at ``path`` in decoded JSON, or ``None`` where it is missing."""
    for key in (path,) if isinstance(path, str) else path:
        if not isinstance(data, Mapping):
            return None
        data = cast(Mapping[str, object], data).get(key)
    return data


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


@dataclass(frozen=True)
class PageInfo:
    """Where the next page is: query parameters to send with this page's request, or a URL the server gave."""

    params: Mapping[str, object] | None = None
    url: httpx.URL | None = None


class BasePage(FromResponse, Generic[T]):
    """One page of results: its ``items``, the decoded ``body``, and how to ask for the next page."""

    items_field: ClassVar[FieldPath] = "data"
    """The response field that holds the page's items; ``()``: the body is the list of items."""
    params_in: ClassVar[str] = "query"
    """Where the paging parameters go: ``query``, or ``body`` for an RPC-style list (a POST whose JSON body carries
    the cursor or the offset)."""
    _body_attributes: ClassVar[tuple[str, ...]] = ()
    """Fields of the body the page class declares as attributes (``data: list[T]``, ``has_more: bool | None``): the
    items field holds the page's items, the others the body's values (``None`` where missing)."""

    items: list[T]
    body: Mapping[str, object]
    http_response: httpx.Response

    def __init__(self, *, items: list[T], raw_items: list[object], body: Mapping[str, object], context: ParseContext):
        self.items = items
        self.body = body
        self.http_response = context.response
        self._raw_items = raw_items
        self._context = context
        self._options = context.options
        self._items_before: int | None = None
        """How many items the pages before this one held, when this page was reached from them."""
        for name in self._body_attributes:
            setattr(self, name, items if name == self.items_field else field_value(body, name))

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        annotations = inspect.get_annotations(cls)  # this class's own, as written
        declared = tuple(name for name, annotation in annotations.items() if "ClassVar" not in str(annotation))
        cls._body_attributes = (*cls._body_attributes, *declared)

    @classmethod
    def from_api_response(cls, context: ParseContext) -> Self:
        data = context.json()
        whole = cls.items_field == ()  # the body is the list itself
        if not isinstance(data, Mapping) and not (whole and isinstance(data, list)):
            raise APIResponseValidationError(context.response, data, message="Expected a JSON object for a page.")
        body: Mapping[str, object] = cast(Mapping[str, object], data) if isinstance(data, Mapping) else {}
        raw: object = cast(object, data) if whole else field_value(body, cls.items_field)
        if context.strict and not isinstance(raw, list):
            raise APIResponseValidationError(context.response, body, message=f"Expected a list in {cls.items_field!r}.")
        raw_items = cast(list[object], raw) if isinstance(raw, list) else []
        items = cast(list[T], context.construct(list[context.item_type], raw_items))
        return cls(items=items, raw_items=raw_items, body=body, context=context)

    @property
    def _request_id(self) -> str | None:
        """The id the server gave this page's request (its request-id header), if any."""
        return self._context.request_id

    def next_page_info(self) -> PageInfo | None:
        """Where the next page is, or ``None`` on the last page."""
        raise NotImplementedError

    def has_next_page(self) -> bool:
        return self.next_page_info() is not None

    def _query(self) -> dict[str, object]:
        """The paging parameters this page was asked with: the query's, or the JSON body's."""
        if self.params_in == "body":
            body = self._options.json
            return dict(cast(Mapping[str, object], body)) if isinstance(body, Mapping) else {}
        return {**(self._options.query or {}), **(self._options.extra_query or {})}

    def _next_options(self, info: PageInfo) -> RequestOptions:
        if info.url is not None:
            here = self.http_response.request.url
            if (info.url.scheme, info.url.host, info.url.port) != (here.scheme, here.host, here.port):
                raise PaginationError("The next page is on another host; it is not followed with this client.")
            return self._options.with_url(str(info.url))
        params = dict(info.params or {})
        if self.params_in == "body":
            return replace(self._options, json={**self._query(), **params})
        extra = {k: v for k, v in (self._options.extra_query or {}).items() if k not in params}
        return replace(self._options, query={**(self._options.query or {}), **params}, extra_query=extra or None)

    def _next(self, seen: set[str] | None) -> RequestOptions | None:
        """The next page's request, or ``None``; with ``seen``, a position already fetched raises."""
        info = self.next_page_info()
        if info is None:
            return None
        options = self._next_options(info)
        if seen is not None:
            key = _position(options)
            if key in seen:
                raise PaginationError("The server sent the same page position twice; stopping.")
            seen.add(key)
        return options

    def _says_more(self, has_more_field: FieldPath) -> bool:
        return field_value(self.body, has_more_field) is True

    def _require_items(self) -> None:
        if not self._raw_items:
            raise PaginationError(
                "The server reported more results but sent an empty page, with nothing to continue from."
            )

    def _continues(self, previous: BasePage[T]) -> Self:
        self._items_before = previous._items_seen()
        return self

    def _items_seen(self) -> int:
        """Items on this page and the pages before it: counted when they were followed, else estimated."""
        before = self._items_before if self._items_before is not None else self._estimated_items_before()
        return before + len(self._raw_items)

    def _estimated_items_before(self) -> int:
        return 0

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        try:
            more: object = self.has_next_page()
        except PaginationError:
            more = "unknown"
        return f"<{type(self).__name__} items={len(self.items)} has_next_page={more}>"


def _position(options: RequestOptions) -> str:
    query = {**(options.query or {}), **(options.extra_query or {})}
    return repr((options.url, sorted((k, repr(v)) for k, v in query.items()), repr(options.json)))


class SyncPage(BasePage[T]):
    """A page of a sync client: ``for item in page`` goes through every page."""

    def _fetch(self, options: RequestOptions) -> Self:
        client = cast("SyncAPIClient", self._context.client)
        page = cast(Self, client.request(type(self), options, item_type=self._context.item_type))
        return page._continues(self)

    def get_next_page(self) -> Self:
        options = self._next(None)
        if options is None:
            raise PaginationError("There is no next page; check has_next_page() first.")
        return self._fetch(options)

    def iter_pages(self) -> Iterator[Self]:
        """This page and every page after it."""
        page = self
        seen = {_position(self._options)}
        while True:
            yield page
            options = page._next(seen)
            if options is None:
                return
            page = page._fetch(options)

    def __iter__(self) -> Iterator[T]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(BasePage[T]):
    """A page of an async client: ``async for item in page`` goes through every page."""

    async def _fetch(self, options: RequestOptions) -> Self:
        client = cast("AsyncAPIClient", self._context.client)
        page = cast(Self, await client.request(type(self), options, item_type=self._context.item_type))
        return page._continues(self)

    async def get_next_page(self) -> Self:
        options = self._next(None)
        if options is None:
            raise PaginationError("There is no next page; check has_next_page() first.")
        return await self._fetch(options)

    async def iter_pages(self) -> AsyncIterator[Self]:
        """This page and every page after it."""
        page = self
        seen = {_position(self._options)}
        while True:
            yield page
            options = page._next(seen)
            if options is None:
                return
            page = await page._fetch(options)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPaginator(Generic[T, PageT]):
    """What an async list method returns: ``await`` it for the first page, or ``async for`` over every item."""

    def __init__(self, client: AsyncAPIClient, page_class: type[PageT], options: RequestOptions, item_type: Any):
        self._client = client
        self._page_class = page_class
        self._options = options
        self._item_type = item_type

    async def _first_page(self) -> PageT:
        return cast(PageT, await self._client.request(self._page_class, self._options, item_type=self._item_type))

    def __await__(self) -> Generator[Any, None, PageT]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self
        async for item in page:
            yield cast(T, item)


class CursorPage(BasePage[T]):
    """The next page starts after the last item: its ``cursor_field`` is sent as ``cursor_param`` while
    ``has_more_field`` is true (without one, until a page comes back empty)."""

    cursor_param: ClassVar[str] = "after"
    cursor_field: ClassVar[FieldPath] = "id"
    has_more_field: ClassVar[FieldPath | None] = "has_more"

    def next_page_info(self) -> PageInfo | None:
        if self.has_more_field is not None:
            if not self._says_more(self.has_more_field):
                return None
            self._require_items()
        elif not self._raw_items:
            return None
        cursor = field_value(self._raw_items[-1], self.cursor_field)
        if cursor is None:
            raise PaginationError(f"The last item has no {_dotted(self.cursor_field)} to continue from.")
        return PageInfo(params={self.cursor_param: cursor})


class NextTokenPage(BasePage[T]):
    """The body names the next page with an opaque token (``next_token_field``), sent back verbatim as
    ``token_param``; no token (or ``has_more_field`` false, where there is one) ends the listing."""

    token_param: ClassVar[str] = "page_token"
    next_token_field: ClassVar[FieldPath] = "next_page_token"
    has_more_field: ClassVar[FieldPath | None] = None

    def next_page_info(self) -> PageInfo | None:
        if self.has_more_field is not None and not self._says_more(self.has_more_field):
            return None
        token = field_value(self.body, self.next_token_field)
        if token is None or token == "":
            if self.has_more_field is not None:
                raise PaginationError(f"The server reported more results but sent no {_dotted(self.next_token_field)}.")
            return None
        return PageInfo(params={self.token_param: token})


class NextUrlPage(BasePage[T]):
    """The next page is at a URL the server sends: in the body (``next_url_field``) or, without one, in the
    ``Link`` header (``rel="next"``). It is followed as given (relative to this page's URL), on the same host only."""

    next_url_field: ClassVar[FieldPath | None] = "next"

    def next_page_info(self) -> PageInfo | None:
        if self.next_url_field is not None:
            link = field_value(self.body, self.next_url_field)
        else:
            link = self.http_response.links.get("next", {}).get("url")
        if not isinstance(link, str) or not link:
            return None
        return PageInfo(url=self.http_response.url.join(link))


class HeaderTokenPage(BasePage[T]):
    """The next page's token is in a response header (``next_token_header``), sent back as ``token_param``; a
    response without it, or with it empty, is the last page."""

    token_param: ClassVar[str] = "page_token"
    next_token_header: ClassVar[str] = "x-next-page-token"

    def next_page_info(self) -> PageInfo | None:
        token = self.http_response.headers.get(self.next_token_header)
        return PageInfo(params={self.token_param: token}) if token else None


class OffsetPage(BasePage[T]):
    """The next page skips the items seen so far (``offset_param``). The listing ends when ``has_more_field`` is
    false, else when ``total_field`` items were seen, else at a page shorter than ``limit_param`` or empty."""

    offset_param: ClassVar[str] = "offset"
    limit_param: ClassVar[str | None] = None
    total_field: ClassVar[FieldPath | None] = None
    has_more_field: ClassVar[FieldPath | None] = None

    def next_page_info(self) -> PageInfo | None:
        query = self._query()
        offset = _int(query.get(self.offset_param), 0)
        count = len(self._raw_items)
        if self.has_more_field is not None:
            if not self._says_more(self.has_more_field):
                return None
        elif self.total_field is not None:
            if offset + count >= _int(field_value(self.body, self.total_field), 0):
                return None
        elif count == 0 or count < _int(query.get(self.limit_param) if self.limit_param else None, 0):
            return None
        self._require_items()
        return PageInfo(params={self.offset_param: offset + count})


class SinglePage(BasePage[T]):
    """A list the API returns whole: this page is the only one."""

    def next_page_info(self) -> PageInfo | None:
        return None


class PageNumberPage(BasePage[T]):
    """Numbered pages (``page_param``, from ``first_page``). The listing ends when ``has_more_field`` is false,
    else at the last of ``total_pages_field`` pages, else once ``total_items_field`` items were seen, else at an
    empty page or one shorter than the ``page_size_param`` asked for."""

    page_param: ClassVar[str] = "page"
    first_page: ClassVar[int] = 1
    page_size_param: ClassVar[str | None] = None
    total_pages_field: ClassVar[FieldPath | None] = None
    total_items_field: ClassVar[FieldPath | None] = None
    has_more_field: ClassVar[FieldPath | None] = None

    def next_page_info(self) -> PageInfo | None:
        query = self._query()
        number = _int(query.get(self.page_param), self.first_page)
        if self.has_more_field is not None:
            if not self._says_more(self.has_more_field):
                return None
        elif self.total_pages_field is not None:
            if number - self.first_page + 1 >= _int(field_value(self.body, self.total_pages_field), 0):
                return None
        elif self.total_items_field is not None:
            if self._items_seen() >= _int(field_value(self.body, self.total_items_field), 0):
                return None
        elif not self._raw_items or len(self._raw_items) < self._size_asked():
            return None
        self._require_items()
        return PageInfo(params={self.page_param: number + 1})

    def _size_asked(self) -> int:
        """The page size this page's request asked for (0 when it asked for none)."""
        return _int(self._query().get(self.page_size_param) if self.page_size_param else None, 0)

    def _estimated_items_before(self) -> int:
        """A listing started at a later page: its number times the page size (asked for, else this page's)."""
        query = self._query()
        number = _int(query.get(self.page_param), self.first_page)
        size = _int(query.get(self.page_size_param) if self.page_size_param else None, len(self._raw_items))
        return (number - self.first_page) * size


def _dotted(path: FieldPath) -> str:
    return path if isinstance(path, str) else ".".join(path)
