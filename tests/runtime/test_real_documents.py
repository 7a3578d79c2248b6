"""What large public documents need (issue 14), on an SDK generated from ``catalog_spec.py``: every pagination style
against a loopback server that serves 25 items over several pages, and one test per fault the issue found.

The package is generated once into a temporary folder and imported; every list method is called sync and async.
"""

from __future__ import annotations

import base64
import importlib
import inspect
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import anyio
import httpx
import pytest

from tests.runtime.catalog_spec import DOCUMENT, FILES_SERVER
from tests.runtime.conftest import Answer, Served
from tests.support import ROOT, generate_into, imported, needs_pyright, pyright_errors

ITEMS = [{"id": f"it_{n:02d}", "sid": f"CA{n:02d}", "n": n} for n in range(25)]
SIZE = 10
Handler = Callable[[str, str, dict[str, list[str]], dict[str, str], bytes], Answer]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_into(tmp_path_factory.mktemp("catalog"), DOCUMENT)


@pytest.fixture(scope="module")
def catalog(generated: Path) -> Iterator[ModuleType]:
    with imported(generated, "catalog") as module:
        yield module


def _json(body: object, headers: dict[str, str] | None = None) -> Answer:
    return 200, {"content-type": "application/json", **(headers or {})}, json.dumps(body).encode()


def _one(query: dict[str, list[str]], name: str, default: str | None = None) -> str | None:
    return query[name][0] if name in query else default


def _window(start: int) -> tuple[list[dict[str, Any]], bool]:
    chunk = ITEMS[start : start + SIZE]
    return chunk, start + SIZE < len(ITEMS)


def _after(query: dict[str, list[str]], name: str) -> int:
    cursor = _one(query, name)
    return 0 if cursor is None else next(i for i, item in enumerate(ITEMS) if item["id"] == cursor) + 1


# -- the servers: one per style, each serving ITEMS in pages of SIZE ----------------------------------------------


def cursor_server(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Answer:
    chunk, more = _window(_after(query, "starting_after"))
    return _json({"object": "list", "data": chunk, "has_more": more, "url": "/v1/customers"})


def token_server(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Answer:
    token = _one(query, "page")
    if token is not None and not token.startswith("tok_"):
        return 400, {"content-type": "application/json"}, json.dumps({"error": f"Invalid page: {token}"}).encode()
    start = int(token.removeprefix("tok_")) if token else 0
    chunk, more = _window(start)
    return _json({"data": chunk, "has_more": more, "next_page": f"tok_{start + SIZE}" if more else None})


def meta_token_server(
    method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes
) -> Answer:
    start = int(_one(query, "cursor", "c0").removeprefix("c"))  # type: ignore[union-attr]
    chunk, more = _window(start)
    return _json({"items": chunk, "meta": {"next_cursor": f"c{start + SIZE}" if more else None}})


def uri_server(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Answer:
    page = int(_one(query, "Page", "0"))  # type: ignore[arg-type]
    if page and _one(query, "PageToken") != f"PA{page}":
        return 400, {"content-type": "application/json"}, b'{"message": "Invalid page"}'
    chunk, more = _window(page * SIZE)
    following = f"/v1/Calls.json?PageSize={SIZE}&Page={page + 1}&PageToken=PA{page + 1}" if more else None
    return _json({"calls": chunk, "page": page, "page_size": SIZE, "next_page_uri": following})


def link_server(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Answer:
    page = int(_one(query, "page", "1"))  # type: ignore[arg-type]
    chunk, more = _window((page - 1) * SIZE)
    link = {"link": f'<{path}?page={page + 1}&per_page={SIZE}>; rel="next", <{path}?page=1>; rel="first"'}
    return _json(chunk, link if more else None)


def offset_server(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Answer:
    start = int(_one(query, "offset", "0"))  # type: ignore[arg-type]
    chunk, _ = _window(start)
    return _json({"href": path, "items": chunk, "offset": start, "limit": SIZE, "total": len(ITEMS), "next": None})


def page_server(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Answer:
    page = int(_one(query, "page", "1"))  # type: ignore[arg-type]
    chunk, _ = _window((page - 1) * SIZE)
    return _json({"results": chunk, "total_pages": -(-len(ITEMS) // SIZE)})


STYLES: list[tuple[str, str, Handler, str, dict[str, Any]]] = [
    ("customers", "list", cursor_server, "CursorPage", {"limit": SIZE}),
    ("customers", "search", token_server, "NextTokenPage", {"query": "x"}),
    ("events", "list", meta_token_server, "NextTokenPage", {}),
    ("calls", "list", uri_server, "NextUrlPage", {"page_size": SIZE}),
    ("repos", "list", link_server, "NextUrlPage", {"per_page": SIZE}),
    ("tracks", "list", offset_server, "OffsetPage", {"limit": SIZE}),
    ("albums", "list", page_server, "PageNumberPage", {"page_size": SIZE}),
]


def _client(catalog: ModuleType, url: str, aio: bool = False, **options: Any) -> Any:
    cls = catalog.AsyncClient if aio else catalog.Client
    return cls(username="AC123", password="secret", base_url=url, max_retries=0, **options)


def _collect(catalog: ModuleType, url: str, resource: str, method: str, kwargs: dict[str, Any], aio: bool) -> list[int]:
    if not aio:
        with _client(catalog, url) as client:
            return [item.n for item in getattr(getattr(client, resource), method)(**kwargs)]

    async def run() -> list[int]:
        async with _client(catalog, url, aio=True) as client:
            return [item.n async for item in getattr(getattr(client, resource), method)(**kwargs)]

    return anyio.run(run)


@pytest.mark.parametrize("aio", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    ("resource", "method", "server", "base", "kwargs"), STYLES, ids=[s[2].__name__ for s in STYLES]
)
def test_every_style_goes_through_every_page(
    catalog: ModuleType,
    loopback: Callable[..., Served],
    resource: str,
    method: str,
    server: Handler,
    base: str,
    kwargs: dict[str, Any],
    aio: bool,
) -> None:
    served = loopback(server)
    assert _collect(catalog, served.url + "/v1", resource, method, kwargs, aio) == list(range(25))
    assert len(served.requests) == 3
    assert base in _bases(catalog, resource, method)


def _bases(catalog: ModuleType, resource: str, method: str) -> list[str]:
    """The bases of the page class a list method returns (its annotation is a string: ``SyncCursorPage[Customer]``)."""
    module = importlib.import_module(f"catalog.resources.{resource}")
    cls = next(c for c in vars(module).values() if inspect.isclass(c) and c.__module__ == module.__name__)
    annotation = str(inspect.signature(getattr(cls, method)).return_annotation)
    page = getattr(importlib.import_module("catalog.pagination"), annotation.split("[")[0])
    return [b.__name__ for b in page.__mro__]


def test_an_opaque_next_page_token_is_sent_back_verbatim_never_as_a_page_number(
    catalog: ModuleType, loopback: Callable[..., Served]
) -> None:
    served = loopback(token_server)
    with _client(catalog, served.url + "/v1") as client:
        assert len(list(client.customers.search(query="x"))) == 25
    assert [_one(q, "page") for _, _, q, _ in served.requests] == [None, "tok_10", "tok_20"]


def test_list_items_are_typed_after_the_item_schema(catalog: ModuleType, loopback: Callable[..., Served]) -> None:
    served = loopback(cursor_server)
    with _client(catalog, served.url + "/v1") as client:
        page = client.customers.list()
        assert type(page.items[0]).__name__ == "Customer" and page.items[0].id == "it_00"
        assert page.has_next_page()
    types = importlib.import_module("catalog.types")
    assert {"Customer", "Track"} <= set(types.__all__)
    returned = inspect.signature(importlib.import_module("catalog.resources.tags").Tags.list).return_annotation
    assert returned == "SyncSinglePage[str]"  # a list without a way to the next page: one page of its items


@pytest.mark.slow
def test_the_styles_chosen_are_printed_with_the_summary(tmp_path: Path) -> None:
    (tmp_path / "openapi.json").write_text(json.dumps(DOCUMENT), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            "--quiet",
            "--spec",
            tmp_path / "openapi.json",
            "--out",
            tmp_path / "out",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert (
        "pagination: 1 cursor (by shape), 2 next_token (by shape), 2 next_url (by shape), 1 offset (by shape),"
        " 1 page (by shape), 2 single (by shape)"
    ) in done.stdout
    assert (
        "renamed 2 argument(s) that a method's own option uses: calls.create(max_retries -> query_max_retries),"
        " calls.create(Timeout -> body_timeout)"
    ) in done.stdout


# -- one test per fault ---------------------------------------------------------------------------------------------


def test_email_fields_validate_without_an_extra_package(catalog: ModuleType, generated: Path) -> None:
    customer = importlib.import_module("catalog.types").Customer
    customer.model_rebuild(force=True)
    assert customer.model_validate({"id": "c1", "email": "a@example.com"}).email == "a@example.com"
    assert "email" not in (generated / "pyproject.toml").read_text(encoding="utf-8")


def _recorded(catalog: ModuleType, **options: Any) -> tuple[Any, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "a1", "sid": "CA1", "n": 1})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    return catalog.Client(username="AC123", password="secret", http_client=http, **options), seen


def test_an_operation_with_its_own_server_is_sent_there_and_the_base_url_is_the_main_servers(
    catalog: ModuleType,
) -> None:
    client, seen = _recorded(catalog)
    client.files.create(file=b"x")
    client.calls.create(to="+1")
    assert str(seen[0].url) == f"{FILES_SERVER}/files"
    assert str(seen[1].url) == "https://api.catalog.test/v1/calls"
    assert seen[0].headers["authorization"] == seen[1].headers["authorization"]
    overridden, seen = _recorded(catalog, base_url="http://127.0.0.1:9/mock")
    overridden.files.create(file=b"x")
    overridden.calls.create(to="+1")
    assert [str(r.url) for r in seen] == [f"{FILES_SERVER}/files", "http://127.0.0.1:9/mock/calls"]


def test_multipart_objects_are_json_parts_unless_the_encoding_says_otherwise(catalog: ModuleType) -> None:
    client, seen = _recorded(catalog)
    client.files.create(file=b"x", attributes={"name": "a.txt", "parent": {"id": "0"}}, link_data={"create": True})
    request = seen[0]
    request.read()
    parts = _parts(request)
    assert parts["attributes"] == ("application/json", b'{"name":"a.txt","parent":{"id":"0"}}')
    assert parts["link_data[create]"] == (None, b"true")
    assert "attributes[name]" not in parts


def _parts(request: httpx.Request) -> dict[str, tuple[str | None, bytes]]:
    import email.parser
    import email.policy

    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + request.content
    )
    found: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition"))
        content_type = part.get("content-type")
        found[name] = (str(content_type) if content_type else None, part.get_payload(decode=True))  # type: ignore[assignment]
    return found


def test_html_descriptions_become_markdown_in_docstrings(catalog: ModuleType) -> None:
    doc = inspect.getdoc(importlib.import_module("catalog.resources.customers").Customers.list) or ""
    assert "Returns a list of your `Customer` objects." in doc and "- newest first" in doc
    assert "<p>" not in doc and "<code>" not in doc


def test_http_basic_sends_the_username_and_password(catalog: ModuleType) -> None:
    client, seen = _recorded(catalog)
    client.calls.create(to="+1")
    expected = "Basic " + base64.b64encode(b"AC123:secret").decode()
    assert seen[0].headers["authorization"] == expected


def test_a_path_key_with_a_query_string_keeps_it_beside_the_arguments(catalog: ModuleType) -> None:
    client, seen = _recorded(catalog)
    client.beta.items.list(limit=5, extra_query={"x": "1"})
    assert seen[0].url.path == "/v1/items"
    assert dict(seen[0].url.params) == {"beta": "true", "limit": "5", "x": "1"}


def test_spec_arguments_named_like_method_options_are_renamed_and_the_options_keep_theirs(catalog: ModuleType) -> None:
    parameters = inspect.signature(importlib.import_module("catalog.resources.calls").Calls.create).parameters
    assert {"body_timeout", "query_max_retries", "timeout", "max_retries"} <= set(parameters)
    client, seen = _recorded(catalog)
    client.calls.create(to="+1", body_timeout=30, query_max_retries=3, timeout=5.0, max_retries=0)
    assert seen[0].content == b"To=%2B1&Timeout=30"
    assert seen[0].url.params["max_retries"] == "3"
    assert seen[0].extensions["timeout"]["read"] == 5.0


@pytest.mark.slow
@needs_pyright
def test_the_package_passes_pyright(generated: Path) -> None:
    assert pyright_errors(generated) == []
