"""How the client authenticates, and where it sends requests: the spec's security schemes and servers (the API's,
and an operation's or a path's own)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from generator.api.ir import Auth
from generator.core.errors import Problems
from generator.inputs.document import Document, pointer_join
from generator.inputs.vocabulary import HTTP_METHODS, as_list, as_mapping


def auth_of(doc: Document, security: Any = None, *, default_to_any: bool = True) -> Auth:
    """The first usable scheme of a ``security`` list (the document's when not given; without one, the first scheme
    the document declares, unless ``default_to_any`` is off). Where the list offers HTTP basic and a token or key as
    alternatives, the token or key is used: one API key is what users of such an API pass."""
    schemes = as_mapping(as_mapping(doc.root.get("components")).get("securitySchemes"))
    security = doc.root.get("security") if security is None else security
    names = [n for req in as_list(security) for n in as_mapping(req)]
    if not names and default_to_any:
        names = list(schemes)
    usable = [_scheme_auth(doc, schemes, name) for name in names]
    found = [a for a in usable if a is not None]
    return next((a for a in found if a.kind != "basic"), found[0] if found else Auth("none"))


def _scheme_auth(doc: Document, schemes: Mapping[str, Any], name: str) -> Auth | None:
    scheme = as_mapping(doc.resolve(schemes.get(name, {}), pointer_join("/components/securitySchemes", name))[0])
    kind = scheme.get("type")
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        return Auth("basic")
    if kind in ("http", "oauth2", "openIdConnect"):
        return Auth("bearer")
    if kind == "apiKey" and scheme.get("in") in ("header", "query"):
        return Auth(scheme["in"], str(scheme.get("name", "")))
    return None


def operation_auth(doc: Document, op: dict[str, Any] | Any, default: Auth) -> Auth | None:
    """How one operation authenticates, when its own ``security`` says otherwise than the API's."""
    raw = as_mapping(op).get("security")
    if not isinstance(raw, list) or default.kind == "none":
        return None
    auth = auth_of(doc, raw, default_to_any=False)
    return None if auth == default else auth


def main_server(doc: Document) -> str:
    """The first server's URL, its variables at their defaults."""
    return _first_server(doc.root.get("servers")) or "http://localhost"


def server_url(doc: Document, problems: Problems) -> str:
    """:func:`main_server`, with a warning when it is relative."""
    url = main_server(doc)
    if not urlsplit(url).scheme:
        problems.warn("/servers/0/url", f"server URL {url!r} is relative", "set base_url in the config")
    return url


def operation_server(main: str, item: Mapping[str, Any], op: Mapping[str, Any]) -> str | None:
    """The server of one operation when it has its own (its ``servers``, else its path's) and that is not the API's:
    the first one, its variables at their defaults, a relative URL taken relative to the API's."""
    own = _first_server(op.get("servers")) or _first_server(item.get("servers"))
    if own is None:
        return None
    url = urljoin(main if main.endswith("/") else main + "/", own) if not urlsplit(own).scheme else own
    return None if url.rstrip("/") == main.rstrip("/") else url


def _first_server(servers: Any) -> str | None:
    found = as_list(servers)
    if not found:
        return None
    server = as_mapping(found[0])
    url = str(server.get("url", ""))
    for name, var in as_mapping(server.get("variables")).items():
        url = url.replace("{" + name + "}", str(as_mapping(var).get("default", "")))
    return url or None


DEFAULT_REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_NAME = re.compile(r"(^|[-_])request-?_?id$", re.IGNORECASE)
"""A header named like a request id: ``Request-Id``, ``X-Request-ID``, ``x-ms-request-id``, ``X-Amzn-RequestId``."""


def request_id_header(doc: Document, configured: str | None) -> str | None:
    """The response header that carries the request id (errors and models show it): the config's when it sets one
    (``None``: none); else the request-id header the document's responses declare most often (the first, on a tie);
    else ``x-request-id``, which most APIs send."""
    if configured != "":
        return configured
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for name in _response_headers(doc):
        if REQUEST_ID_NAME.search(name):
            counts[name.lower()] += 1
            spelling.setdefault(name.lower(), name)
    return spelling[counts.most_common(1)[0][0]] if counts else DEFAULT_REQUEST_ID_HEADER


def _response_headers(doc: Document) -> list[str]:
    """The names of the headers every response of every operation declares, in the document's order."""
    found: list[str] = []
    for path, raw_item in as_mapping(doc.root.get("paths")).items():
        item, item_at = doc.resolve(raw_item, pointer_join("/paths", path))
        for method in [m for m in as_mapping(item) if m in HTTP_METHODS]:
            responses = as_mapping(as_mapping(as_mapping(item)[method]).get("responses"))
            for code, raw in responses.items():
                response = doc.resolve(raw, pointer_join(item_at, method, "responses", code))[0]
                found.extend(str(name) for name in as_mapping(as_mapping(response).get("headers")))
    return found
