# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Pages of list results. Iterating a page yields every item of every page, fetching the next page as needed.

Following pages never loops forever: a cursor the server repeats, or "more pages" promised with nothing to
continue from, raises :class:`~finetuning.PaginationError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

import httpx

from ._base_client import RequestOptions
from ._exceptions import APIResponseValidationError, PaginationError

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "BasePage",
    "SyncPage",
    "AsyncPage",
    "AsyncPaginator",
    "SyncCursorPage",
    "AsyncCursorPage",
]

T = TypeVar("T")
PageT = TypeVar("PageT", bound="AsyncPage[Any]")


class BasePage(Generic[T]):
    """One page of results: its ``items``, the decoded ``body``, and how to ask for the next page."""

    items: list[T]
    body: Mapping[str, object]

    def __init__(
        self,
        *,
        items: list[T],
        raw_items: list[object],
        body: Mapping[str, object],
        client: Any,
        options: RequestOptions,
        item_type: Any,
        response: httpx.Response,
        strict: bool,
    ) -> None:
        self.items = items
        self.body = body
        self.http_response = response
        self._raw_items = raw_items
        self._client = client
        self._options = options
        self._item_type = item_type
        self._strict = strict

    items_field: str = "data"

    @classmethod
    def build(
        cls,
        data: object,
        *,
        client: Any,
        options: RequestOptions,
        item_type: Any,
        response: httpx.Response,
        strict: bool,
    ) -> Self:
        from ._models import construct_type, validate_type  # noqa: PLC0415

        if not isinstance(data, Mapping):
            raise APIResponseValidationError(response, data, message="Expected a JSON object for a page of results.")
        body = cast(Mapping[str, object], data)
        raw = body.get(cls.items_field)
        if strict and not isinstance(raw, list):
            raise APIResponseValidationError(response, body, message=f"Expected a list in {cls.items_field!r}.")
        raw_items = cast(list[object], raw) if isinstance(raw, list) else []
        if strict:
            import pydantic  # noqa: PLC0415

            try:
                items = [cast(T, validate_type(item_type, item)) for item in raw_items]
            except pydantic.ValidationError as exc:
                raise APIResponseValidationError(response, body, message=str(exc)) from exc
        else:
            items = [cast(T, construct_type(item_type, item)) for item in raw_items]
        return cls(
            items=items,
            raw_items=raw_items,
            body=body,
            client=client,
            options=options,
            item_type=item_type,
            response=response,
            strict=strict,
        )

    def next_page_query(self) -> dict[str, object] | None:
        """The query that fetches the next page, or ``None`` on the last page."""
        raise NotImplementedError

    def has_next_page(self) -> bool:
        return self.next_page_query() is not None

    def _request_key(self) -> str:
        return repr(sorted((k, repr(v)) for k, v in (self._options.query or {}).items()))

    def _check_progress(self, query: dict[str, object], seen: set[str]) -> RequestOptions:
        options = self._options.with_query(query)
        key = repr(sorted((k, repr(v)) for k, v in (options.query or {}).items()))
        if key in seen:
            raise PaginationError(f"The server sent the same page position twice ({query!r}); stopping.")
        seen.add(key)
        return options

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        try:
            more: object = self.has_next_page()
        except PaginationError:
            more = "unknown"
        return f"<{type(self).__name__} items={len(self.items)} has_next_page={more}>"


class SyncPage(BasePage[T]):
    _client: SyncAPIClient

    def get_next_page(self) -> Self:
        query = self.next_page_query()
        if query is None:
            raise PaginationError("There is no next page; check has_next_page() first.")
        return self._fetch(self._options.with_query(query))

    def _fetch(self, options: RequestOptions) -> Self:
        return cast(Self, self._client.request(type(self), options, item_type=self._item_type))

    def iter_pages(self) -> Iterator[Self]:
        """This page and every page after it."""
        page = self
        seen = {self._request_key()}
        while True:
            yield page
            query = page.next_page_query()
            if query is None:
                return
            page = page._fetch(page._check_progress(query, seen))

    def __iter__(self) -> Iterator[T]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(BasePage[T]):
    _client: AsyncAPIClient

    async def get_next_page(self) -> Self:
        query = self.next_page_query()
        if query is None:
            raise PaginationError("There is no next page; check has_next_page() first.")
        return await self._fetch(self._options.with_query(query))

    async def _fetch(self, options: RequestOptions) -> Self:
        return cast(Self, await self._client.request(type(self), options, item_type=self._item_type))

    async def iter_pages(self) -> AsyncIterator[Self]:
        """This page and every page after it."""
        page = self
        seen = {self._request_key()}
        while True:
            yield page
            query = page.next_page_query()
            if query is None:
                return
            page = await page._fetch(page._check_progress(query, seen))

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPaginator(Generic[T, PageT]):
    """What an async list method returns: ``await`` it for the first page, or ``async for`` over every item."""

    def __init__(
        self, client: AsyncAPIClient, page_class: type[PageT], options: RequestOptions, item_type: Any
    ) -> None:
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


def _more(body: Mapping[str, object], field: str) -> bool:
    return body.get(field) is True


class SyncCursorPage(SyncPage[T]):
    """Cursor pages: the next page starts after the last item's ``id``, while ``has_more`` is true."""

    items_field = "data"

    def next_page_query(self) -> dict[str, object] | None:
        if not _more(self.body, "has_more"):
            return None
        if not self._raw_items:
            raise PaginationError("The server reported more results but sent an empty page, with no cursor to follow.")
        last = self._raw_items[-1]
        cursor = cast(Mapping[str, object], last).get("id") if isinstance(last, Mapping) else None
        if cursor is None:
            raise PaginationError("The last item has no id to continue from.")
        return {"after": cursor}


class AsyncCursorPage(AsyncPage[T]):
    """Cursor pages: the next page starts after the last item's ``id``, while ``has_more`` is true."""

    items_field = "data"

    def next_page_query(self) -> dict[str, object] | None:
        if not _more(self.body, "has_more"):
            return None
        if not self._raw_items:
            raise PaginationError("The server reported more results but sent an empty page, with no cursor to follow.")
        last = self._raw_items[-1]
        cursor = cast(Mapping[str, object], last).get("id") if isinstance(last, Mapping) else None
        if cursor is None:
            raise PaginationError("The last item has no id to continue from.")
        return {"after": cursor}
