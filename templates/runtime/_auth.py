"""How a credential is sent for each kind of security scheme: one decision for the client and every operation."""

from __future__ import annotations

from typing import TypeAlias

from ._exceptions import InvalidRequestError
from ._redact import RedactedDict
from ._utils import basic_authorization

__all__ = ["Security", "Credential", "NO_SECURITY", "credentials"]

Security: TypeAlias = tuple[str, str]
"""``(kind, name)``: kind is ``bearer``, ``basic``, ``header`` (name: the header), ``query`` (name: the query
parameter) or ``none``."""

Credential: TypeAlias = str | tuple[str, str]
"""An API key or token, or a ``(username, password)`` pair for HTTP basic."""

NO_SECURITY: Security = ("none", "")


def credentials(scheme: Security, credential: Credential | None) -> tuple[dict[str, str], dict[str, str]]:
    """The headers and query parameters that carry ``credential`` the way ``scheme`` sends it (dicts whose ``repr``
    hides it)."""
    headers, query = _credentials(scheme, credential)
    return RedactedDict(headers), RedactedDict(query)


def _credentials(scheme: Security, credential: Credential | None) -> tuple[dict[str, str], dict[str, str]]:
    kind, name = scheme
    if credential is None or kind == "none":
        return {}, {}
    if kind == "basic":
        username, password = credential if isinstance(credential, tuple) else (credential, "")
        return {"Authorization": basic_authorization(username, password)}, {}
    secret = credential if isinstance(credential, str) else ":".join(credential)
    _check_ends(secret, "the 'Authorization' header" if kind == "bearer" else f"{name!r}")
    if kind == "bearer":
        return {"Authorization": f"Bearer {secret}"}, {}
    if kind == "header":
        return {name: secret}, {}
    if kind == "query":
        return {}, {name: secret}
    return {}, {}


def _check_ends(secret: str, where: str) -> None:
    """Refuse a key with a space or tab at either end, wherever it goes (with a leading one, ``Bearer  sk-...``
    would be sent, which no server accepts): the same answer as for a trailing one, which HTTP cannot carry."""
    if secret != secret.strip(" \t"):
        raise InvalidRequestError(
            f"The API key cannot be sent in {where}: it has a space or tab at its start or end. "
            "(Check where it was read from, e.g. a file or an environment variable.)"
        )
