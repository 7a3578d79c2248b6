# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Pages of list results. Iterating a page yields every item of every page, fetching the next page as needed.

Each class below is one way this API pages its lists, declared on a base of ``_pagination`` (one per pagination
style) by the names of its fields and parameters. Following pages never loops forever: a position the server
repeats, or "more pages" promised with nothing to continue from, raises :class:`~finetuning.PaginationError`.
"""

from __future__ import annotations

from typing import TypeVar

from ._pagination import AsyncPage, AsyncPaginator, BasePage, CursorPage, PageInfo, SyncPage

__all__ = [
    "BasePage",
    "SyncPage",
    "AsyncPage",
    "AsyncPaginator",
    "PageInfo",
    "SyncCursorPage",
    "AsyncCursorPage",
]

T = TypeVar("T")


class SyncCursorPage(CursorPage[T], SyncPage[T]):
    """Pages of ``data``: ``after`` is the last item's ``id``, while ``has_more`` is true."""

    items_field = "data"
    cursor_param = "after"
    cursor_field = "id"
    has_more_field = "has_more"

    data: list[T]
    has_more: bool | None


class AsyncCursorPage(CursorPage[T], AsyncPage[T]):
    """Pages of ``data``: ``after`` is the last item's ``id``, while ``has_more`` is true."""

    items_field = "data"
    cursor_param = "after"
    cursor_field = "id"
    has_more_field = "has_more"

    data: list[T]
    has_more: bool | None
