"""Every pagination style of the runtime (``templates/runtime/_pagination.py``) against a loopback server that
serves several pages: the items of every page in order, the requests the client made, and where each style ends.

The page classes are declared here the way the generated ``pagination`` module declares them: a style base and
``SyncPage``/``AsyncPage``, with class attributes naming the fields and parameters.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

import anyio
import pytest

from tests.runtime.conftest import Served, runtime_module

pagination = runtime_module("_pagination")
base_client = runtime_module("_base_client")
request_module = runtime_module("_request")
exceptions = runtime_module("_exceptions")

T = TypeVar("T")
ITEMS = [{"id": f"it_{n:02d}", "n": n} for n in range(25)]
SIZE = 10


def _page_classes(base: type, **attributes: object) -> tuple[type, type]:
    sync = type(f"Sync{base.__name__}", (base, pagination.SyncPage), dict(attributes))
    asynchronous = type(f"Async{base.__name__}", (base, pagination.AsyncPage), dict(attributes))
    return sync, asynchronous


def _json(body: object, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    return 200, {"content-type": "application/json", **(headers or {})}, json.dumps(body).encode()


def _one(query: dict[str, list[str]], name: str) -> str | None:
    return query[name][0] if name in query else None


def collect(
    served: Served,
    page_classes: tuple[type, type],
    aio: bool,
    default_query: dict[str, str] | None = None,
    options: Any = None,
    **query: object,
) -> list[int]:
    """Every item's ``n`` through the sync or the async client, starting from ``options`` (default: ``GET /items``
    with ``query``)."""
    options = options or request_module.RequestOptions(method="get", path="/items", query=query)
    settings: dict[str, Any] = {
        "base_url": served.url,
        "timeout": 5.0,
        "max_retries": 0,
        "default_headers": None,
        "default_query": default_query,
        "strict_response_validation": False,
        "http_client": None,
    }
    if not aio:
        with base_client.SyncAPIClient(**settings) as client:
            return [item["n"] for item in client.request(page_classes[0], options, item_type=object)]

    async def run() -> list[int]:
        async with base_client.AsyncAPIClient(**settings) as client:
            paginator = pagination.AsyncPaginator(client, page_classes[1], options, object)
            return [item["n"] async for item in paginator]

    return anyio.run(run)


both = pytest.mark.parametrize("aio", [False, True], ids=["sync", "async"])


@both
def test_cursor_after_the_last_id_while_has_more(loopback: Any, aio: bool) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        after = _one(query, "starting_after")
        start = 0 if after is None else next(i for i, item in enumerate(ITEMS) if item["id"] == after) + 1
        return _json({"data": ITEMS[start : start + SIZE], "has_more": start + SIZE < len(ITEMS)})

    served = loopback(handler)
    classes = _page_classes(pagination.CursorPage, cursor_param="starting_after", has_more_field="has_more")
    assert collect(served, classes, aio) == list(range(25))
    assert [_one(q, "starting_after") for _, _, q, _ in served.requests] == [None, "it_09", "it_19"]


@both
def test_cursor_without_has_more_ends_at_an_empty_page(loopback: Any, aio: bool) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        after = _one(query, "after")
        start = 0 if after is None else int(after.removeprefix("it_")) + 1
        return _json({"items": ITEMS[start : start + SIZE]})

    served = loopback(handler)
    classes = _page_classes(pagination.CursorPage, items_field="items", has_more_field=None)
    assert collect(served, classes, aio) == list(range(25))
    assert len(served.requests) == 4  # three pages and the empty one that ends the listing


TOKENS = {None: 0, "eyJvZmZzZXQiOjEwfQ==": 10, "tok_Zq9-last": 20}
"""Opaque tokens the server hands out, mapped to where they continue: never page numbers."""


@both
def test_opaque_next_token_is_sent_back_verbatim(loopback: Any, aio: bool) -> None:
    by_start = {start: token for token, start in TOKENS.items()}

    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        start = TOKENS[_one(query, "page_token")]
        following = by_start.get(start + SIZE)
        return _json({"results": ITEMS[start : start + SIZE], "meta": {"next_cursor": following}})

    served = loopback(handler)
    classes = _page_classes(
        pagination.NextTokenPage,
        items_field="results",
        next_token_field=("meta", "next_cursor"),
        token_param="page_token",
    )
    assert collect(served, classes, aio, page_size=10) == list(range(25))
    sent = [(_one(q, "page_token"), _one(q, "page_size"), "page" in q) for _, _, q, _ in served.requests]
    assert sent == [(None, "10", False), ("eyJvZmZzZXQiOjEwfQ==", "10", False), ("tok_Zq9-last", "10", False)]


@both
def test_next_token_with_has_more_but_no_token_raises(loopback: Any, aio: bool) -> None:
    served = loopback(lambda *_: _json({"data": ITEMS[:2], "has_more": True, "next_page_token": None}))
    classes = _page_classes(pagination.NextTokenPage, has_more_field="has_more")
    with pytest.raises(exceptions.PaginationError, match="next_page_token"):
        collect(served, classes, aio)


@both
@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_next_url_in_the_body_is_followed_as_given(loopback: Any, aio: bool, relative: bool) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        start = int(_one(query, "from") or 0)
        nxt = f"/items?from={start + SIZE}&sig=a%2Fb" if start + SIZE < len(ITEMS) else None
        if nxt and not relative:
            nxt = served.url + nxt
        return _json({"data": ITEMS[start : start + SIZE], "links": {"next": nxt}})

    served = loopback(handler)
    classes = _page_classes(pagination.NextUrlPage, next_url_field=("links", "next"))
    assert collect(served, classes, aio, limit=10) == list(range(25))
    assert [q for _, _, q, _ in served.requests][1:] == [
        {"from": ["10"], "sig": ["a/b"]},
        {"from": ["20"], "sig": ["a/b"]},
    ]


@both
def test_next_url_in_the_link_header(loopback: Any, aio: bool) -> None:
    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        start = int(_one(query, "from") or 0)
        headers = {}
        if start + SIZE < len(ITEMS):
            headers["link"] = f'<{served.url}/items?from={start + SIZE}>; rel="next", <{served.url}/items>; rel="first"'
        return _json(ITEMS[start : start + SIZE] and {"data": ITEMS[start : start + SIZE]}, headers)

    served = loopback(handler)
    classes = _page_classes(pagination.NextUrlPage, next_url_field=None)
    assert collect(served, classes, aio) == list(range(25))
    assert len(served.requests) == 3


@both
def test_next_url_on_another_host_is_not_followed(loopback: Any, aio: bool) -> None:
    elsewhere = loopback(lambda *_: _json({"data": [], "next": None}))
    served = loopback(lambda *_: _json({"data": ITEMS[:2], "next": elsewhere.url.replace("127.0.0.1", "localhost")}))
    classes = _page_classes(pagination.NextUrlPage)
    with pytest.raises(exceptions.PaginationError, match="another host"):
        collect(served, classes, aio)
    assert elsewhere.requests == []


@both
def test_a_token_in_a_response_header_is_sent_back_until_a_response_has_none(loopback: Any, aio: bool) -> None:
    by_start = {start: token for token, start in TOKENS.items()}

    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        start = TOKENS[_one(query, "continuation")]
        following = by_start.get(start + SIZE)
        return _json({"data": ITEMS[start : start + SIZE]}, {"X-Ms-Continuation": following} if following else {})

    served = loopback(handler)
    classes = _page_classes(
        pagination.HeaderTokenPage, token_param="continuation", next_token_header="x-ms-continuation"
    )
    assert collect(served, classes, aio) == list(range(25))
    assert [_one(q, "continuation") for _, _, q, _ in served.requests] == [None, *list(TOKENS)[1:]]


def _offset_handler(with_total: bool) -> Any:
    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        offset, limit = int(_one(query, "offset") or 0), int(_one(query, "limit") or SIZE)
        body: dict[str, object] = {"items": ITEMS[offset : offset + limit]}
        if with_total:
            body["total"] = len(ITEMS)
        return _json(body)

    return handler


@both
def test_offset_with_a_total_ends_when_every_item_was_seen(loopback: Any, aio: bool) -> None:
    served = loopback(_offset_handler(with_total=True))
    classes = _page_classes(pagination.OffsetPage, items_field="items", total_field="total", limit_param="limit")
    assert collect(served, classes, aio, limit=10) == list(range(25))
    assert [_one(q, "offset") for _, _, q, _ in served.requests] == [None, "10", "20"]


@both
def test_offset_without_a_total_ends_at_a_short_page(loopback: Any, aio: bool) -> None:
    served = loopback(_offset_handler(with_total=False))
    classes = _page_classes(pagination.OffsetPage, items_field="items", limit_param="limit")
    assert collect(served, classes, aio, limit=10) == list(range(25))
    assert len(served.requests) == 3


def _numbered(body: Any) -> Any:
    def handler(method: str, path: str, query: dict[str, list[str]], *_: object) -> tuple[int, dict[str, str], bytes]:
        number, size = int(_one(query, "page") or 1), int(_one(query, "per_page") or SIZE)
        return _json(body(ITEMS[(number - 1) * size : number * size], number, size))

    return handler


@both
def test_page_number_with_a_total_item_count_takes_three_requests_for_25_items(loopback: Any, aio: bool) -> None:
    """The regression: the page number was compared with the item count (25 items at 10 per page, 25 requests)."""
    served = loopback(_numbered(lambda items, number, size: {"data": items, "total": len(ITEMS)}))
    classes = _page_classes(pagination.PageNumberPage, total_items_field="total", page_size_param="per_page")
    assert collect(served, classes, aio, per_page=10) == list(range(25))
    assert [_one(q, "page") for _, _, q, _ in served.requests] == [None, "2", "3"]


@both
def test_page_number_with_a_total_item_count_and_no_size_parameter(loopback: Any, aio: bool) -> None:
    served = loopback(_numbered(lambda items, number, size: {"data": items, "total_count": len(ITEMS)}))
    classes = _page_classes(pagination.PageNumberPage, total_items_field="total_count")
    assert collect(served, classes, aio) == list(range(25))
    assert len(served.requests) == 3


@both
def test_page_number_with_a_page_count(loopback: Any, aio: bool) -> None:
    served = loopback(_numbered(lambda items, number, size: {"entries": items, "meta": {"pages": 3}}))
    classes = _page_classes(pagination.PageNumberPage, items_field="entries", total_pages_field=("meta", "pages"))
    assert collect(served, classes, aio) == list(range(25))
    assert [_one(q, "page") for _, _, q, _ in served.requests] == [None, "2", "3"]


def test_page_number_started_later_counts_the_pages_before(loopback: Any) -> None:
    served = loopback(_numbered(lambda items, number, size: {"data": items, "total": len(ITEMS)}))
    classes = _page_classes(pagination.PageNumberPage, total_items_field="total", page_size_param="per_page")
    assert collect(served, classes, False, page=2, per_page=10) == list(range(10, 25))
    assert len(served.requests) == 2


@both
def test_page_number_with_has_more(loopback: Any, aio: bool) -> None:
    served = loopback(_numbered(lambda items, number, size: {"data": items, "has_more": number * size < len(ITEMS)}))
    classes = _page_classes(pagination.PageNumberPage, has_more_field="has_more")
    assert collect(served, classes, aio) == list(range(25))
    assert len(served.requests) == 3


@both
def test_page_number_alone_ends_at_a_short_page(loopback: Any, aio: bool) -> None:
    """Neither a count nor a flag: 25 items at 10 a page end at the short third page, with no fourth request."""
    served = loopback(_numbered(lambda items, number, size: items))
    classes = _page_classes(pagination.PageNumberPage, items_field=(), page_size_param="per_page")
    assert collect(served, classes, aio, per_page=10) == list(range(25))
    assert [_one(q, "page") for _, _, q, _ in served.requests] == [None, "2", "3"]


@both
def test_page_number_alone_without_a_size_ends_at_an_empty_page(loopback: Any, aio: bool) -> None:
    served = loopback(_numbered(lambda items, number, size: {"data": items}))
    classes = _page_classes(pagination.PageNumberPage)
    assert collect(served, classes, aio) == list(range(25))
    assert [_one(q, "page") for _, _, q, _ in served.requests] == [None, "2", "3", "4"]


@both
def test_a_single_page_is_the_whole_list(loopback: Any, aio: bool) -> None:
    served = loopback(lambda *_: _json({"object": "list", "data": ITEMS}))
    classes = _page_classes(pagination.SinglePage)
    assert collect(served, classes, aio) == list(range(25))
    assert len(served.requests) == 1


@both
def test_rpc_style_pages_send_their_offset_and_cursor_in_the_json_body(loopback: Any, aio: bool) -> None:
    """``POST /items/list`` with ``{"count": 10, "offset": ...}`` (Plaid) and ``{"cursor": ...}`` (Square): the next
    page's request is the same body with the new position, and nothing goes to the query."""
    bodies: list[dict[str, Any]] = []

    def handler(method: str, path: str, query: dict[str, list[str]], headers: Any, raw: bytes) -> Any:
        body = json.loads(raw)
        bodies.append(body)
        if "cursor" in body or body.get("mode") == "cursor":
            start = int(body.get("cursor") or 0)
            more = start + SIZE < len(ITEMS)
            return _json({"things": ITEMS[start : start + SIZE], "next_cursor": str(start + SIZE) if more else None})
        start = int(body.get("offset") or 0)
        return _json({"things": ITEMS[start : start + body["count"]], "total": len(ITEMS)})

    served = loopback(handler)
    post = request_module.RequestOptions(method="post", path="/items/list", json={"count": 10, "region": "eu"})
    offset = _page_classes(
        pagination.OffsetPage, items_field="things", params_in="body", limit_param="count", total_field="total"
    )
    assert collect(served, offset, aio, options=post) == list(range(25))
    assert [(b.get("offset"), b["count"], b["region"]) for b in bodies] == [
        (None, 10, "eu"),
        (10, 10, "eu"),
        (20, 10, "eu"),
    ]
    assert all(q == {} for _, _, q, _ in served.requests)
    bodies.clear()
    token = _page_classes(
        pagination.NextTokenPage,
        items_field="things",
        params_in="body",
        token_param="cursor",
        next_token_field="next_cursor",
    )
    first = request_module.RequestOptions(method="post", path="/items/list", json={"mode": "cursor"})
    assert collect(served, token, aio, options=first) == list(range(25))
    assert [b.get("cursor") for b in bodies] == [None, "10", "20"]


def test_page_info_names_the_next_request(loopback: Any) -> None:
    served = loopback(_numbered(lambda items, number, size: {"data": items, "total": len(ITEMS)}))
    sync, _ = _page_classes(pagination.PageNumberPage, total_items_field="total")
    options = request_module.RequestOptions(method="get", path="/items")
    with base_client.SyncAPIClient(
        base_url=served.url,
        timeout=5.0,
        max_retries=0,
        default_headers=None,
        default_query=None,
        strict_response_validation=False,
        http_client=None,
    ) as client:
        first = client.request(sync, options, item_type=object)
        assert first.next_page_info() == pagination.PageInfo(params={"page": 2})
        last = first.get_next_page().get_next_page()
        assert last.has_next_page() is False and last.next_page_info() is None
        with pytest.raises(exceptions.PaginationError):
            last.get_next_page()
