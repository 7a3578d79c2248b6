"""How the client authenticates, and where it sends requests by default: the spec's security schemes and servers."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .errors import Problems
from .ir import Auth
from .loader import Document, pointer_join
from .openapi import as_list, as_mapping


def auth_of(doc: Document, security: Any = None, *, default_to_any: bool = True) -> Auth:
    """The first usable scheme of a ``security`` list (the document's when not given; without one, the first scheme
    the document declares, unless ``default_to_any`` is off)."""
    schemes = as_mapping(as_mapping(doc.root.get("components")).get("securitySchemes"))
    security = doc.root.get("security") if security is None else security
    names = [n for req in as_list(security) for n in as_mapping(req)]
    if not names and default_to_any:
        names = list(schemes)
    for name in names:
        scheme = as_mapping(doc.resolve(schemes.get(name, {}), pointer_join("/components/securitySchemes", name))[0])
        kind = scheme.get("type")
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            return Auth("basic")
        if kind in ("http", "oauth2", "openIdConnect"):
            return Auth("bearer")
        if kind == "apiKey" and scheme.get("in") in ("header", "query"):
            return Auth(scheme["in"], str(scheme.get("name", "")))
    return Auth("none")


def operation_auth(doc: Document, op: dict[str, Any] | Any, default: Auth) -> Auth | None:
    """How one operation authenticates, when its own ``security`` says otherwise than the API's."""
    raw = as_mapping(op).get("security")
    if not isinstance(raw, list) or default.kind == "none":
        return None
    auth = auth_of(doc, raw, default_to_any=False)
    return None if auth == default else auth


def server_url(doc: Document, problems: Problems) -> str:
    """The first server's URL, its variables at their defaults."""
    servers = as_list(doc.root.get("servers"))
    server = as_mapping(servers[0]) if servers else {}
    url = str(server.get("url", "http://localhost"))
    for name, var in as_mapping(server.get("variables")).items():
        url = url.replace("{" + name + "}", str(as_mapping(var).get("default", "")))
    if not urlsplit(url).scheme:
        problems.warn("/servers/0/url", f"server URL {url!r} is relative", "set base_url in the config")
    return url
