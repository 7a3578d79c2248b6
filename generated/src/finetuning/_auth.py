# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""How a credential is sent for each kind of security scheme: one decision for the client and every operation."""

from __future__ import annotations

from typing import TypeAlias

from ._utils import basic_authorization

__all__ = ["Security", "Credential", "NO_SECURITY", "credentials"]

Security: TypeAlias = tuple[str, str]
"""``(kind, name)``: kind is ``bearer``, ``basic``, ``header`` (name: the header), ``query`` (name: the query
parameter) or ``none``."""

Credential: TypeAlias = str | tuple[str, str]
"""An API key or token, or a ``(username, password)`` pair for HTTP basic."""

NO_SECURITY: Security = ("none", "")


def credentials(scheme: Security, credential: Credential | None) -> tuple[dict[str, str], dict[str, str]]:
    """The headers and query parameters that carry ``credential`` the way ``scheme`` sends it."""
    kind, name = scheme
    if credential is None or kind == "none":
        return {}, {}
    if kind == "basic":
        username, password = credential if isinstance(credential, tuple) else (credential, "")
        return {"Authorization": basic_authorization(username, password)}, {}
    secret = credential if isinstance(credential, str) else ":".join(credential)
    if kind == "bearer":
        return {"Authorization": f"Bearer {secret}"}, {}
    if kind == "header":
        return {name: secret}, {}
    if kind == "query":
        return {}, {name: secret}
    return {}, {}
