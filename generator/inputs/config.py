"""The SDK config: every API-specific choice that the spec itself does not make.

Everything has a default derived from the spec, so a config file is optional; see the README for each option.
"""

from __future__ import annotations

import difflib
import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from generator.core.errors import GenerationError, Problem, pointer
from generator.inputs.document import Document, pointer_join
from generator.inputs.reading import read_file
from generator.inputs.vocabulary import HTTP_METHODS, HTTP_TOKEN, as_mapping

PAGINATION_STYLES = ("cursor", "next_token", "next_url", "offset", "page")
VERSION_POLICIES = ("semver", "semver-zero")
VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PLAIN = re.compile(r"^[^\x00-\x1f\x7f\"'\\`]+$")
"""Field and parameter names that the templates also quote in docstrings: no quotes, backslashes or controls."""


@dataclass(frozen=True)
class PaginationConfig:
    """One pagination scheme; operations whose shape matches it return its page classes."""

    name: str
    """Class name stem: ``CursorPage`` gives ``SyncCursorPage`` and ``AsyncCursorPage``."""
    style: str
    """``cursor`` (pass the last item's id), ``next_token`` (send back the body's token), ``next_url`` (follow the
    body's or the ``Link`` header's URL), ``offset`` (skip N items) or ``page`` (page numbers)."""
    request_param: str = ""
    """The query parameter that selects the page: ``after``, ``page_token``, ``offset`` or ``page`` (none for
    ``next_url``)."""
    items: str = "data"
    """The response field holding the page's items."""
    has_more: str | None = "has_more"
    """The response field that says whether more pages exist, if the API has one."""
    cursor_field: str = "id"
    """Cursor style: the field of the last item that becomes the next cursor."""
    limit_param: str | None = "limit"
    """Offset style: the page-size parameter, used when the response has no has_more field."""
    total: str | None = None
    """Offset and page styles: the response field with the total number of items, if any."""
    next: str | None = None
    """``next_token``: the response field with the next page's token; ``next_url``: with its URL (none: the ``Link``
    header). A dotted name reaches into an object (``meta.next_cursor``)."""
    total_pages: str | None = None
    """Page style: the response field with the number of pages."""
    operations: tuple[str, ...] = ()
    """The operationIds this scheme is for; none: every list operation of the API that has its shape."""


@dataclass(frozen=True)
class SdkConfig:
    package_name: str | None = None
    distribution_name: str | None = None
    version: str = "0.1.0"
    """The first generation's version; later ones bump the version recorded in the output folder."""
    version_policy: str = "semver"
    """How API changes bump the version: ``semver`` or ``semver-zero`` (see :mod:`generator.release.versioning`)."""
    description: str | None = None
    client_class: str = "Client"
    async_client_class: str = "AsyncClient"
    env_prefix: str | None = None
    api_key_env: str | None = None
    base_url_env: str | None = None
    log_env: str | None = None
    base_url: str | None = None
    timeout: float = 600.0
    connect_timeout: float = 5.0
    max_retries: int = 2
    request_id_header: str | None = ""
    """``None``: no request id. Not set (``""``, which no config can be written as): the document's, else
    ``x-request-id``, as :func:`generator.api.security.request_id_header` decides."""
    idempotency_header: str | None = None
    default_headers: dict[str, str] = field(default_factory=dict[str, str])
    stream_terminator: str | None = "[DONE]"
    """An event whose data starts with this ends a server-sent event stream; ``None``: streams end when the server
    closes them."""
    pagination: tuple[PaginationConfig, ...] = ()
    operations: dict[str, str] = field(default_factory=dict[str, str])
    """operationId -> ``resource.path.method`` (for example ``store.orders.list``)."""
    source: str = field(default="sdk.yaml", compare=False)
    """The config file as problems name it."""


_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "package_name": str,
    "distribution_name": str,
    "version": str,
    "version_policy": str,
    "description": str,
    "client_class": str,
    "async_client_class": str,
    "env_prefix": str,
    "api_key_env": str,
    "base_url_env": str,
    "log_env": str,
    "base_url": str,
    "timeout": (int, float),
    "connect_timeout": (int, float),
    "max_retries": int,
    "request_id_header": (str, type(None)),
    "idempotency_header": (str, type(None)),
    "default_headers": dict,
    "stream_terminator": (str, type(None)),
    "pagination": list,
    "operations": dict,
}

_PAGINATION_KEYS: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "style": str,
    "request_param": str,
    "items": str,
    "has_more": (str, type(None)),
    "cursor_field": str,
    "limit_param": (str, type(None)),
    "total": (str, type(None)),
    "next": (str, type(None)),
    "total_pages": (str, type(None)),
    "operations": list,
}


def _type_name(t: type | tuple[type, ...]) -> str:
    types = t if isinstance(t, tuple) else (t,)
    return " or ".join("null" if x is type(None) else x.__name__ for x in types)


def _check_keys(
    data: dict[str, Any], allowed: dict[str, type | tuple[type, ...]], at: str, file: str, problems: list[Problem]
) -> dict[str, Any]:
    good: dict[str, Any] = {}
    for key, value in data.items():
        where = at + pointer(key)
        if key not in allowed:
            close = difflib.get_close_matches(str(key), list(allowed), n=1)
            fix = f"did you mean {close[0]!r}?" if close else f"known options: {', '.join(sorted(allowed))}"
            problems.append(Problem(file, where, f"unknown option {key!r}", fix))
        elif isinstance(value, bool) and bool not in (
            allowed[key] if isinstance(allowed[key], tuple) else (allowed[key],)
        ):
            problems.append(Problem(file, where, f"{key} must be {_type_name(allowed[key])}, not a boolean"))
        elif not isinstance(value, allowed[key]):
            problems.append(
                Problem(file, where, f"{key} must be {_type_name(allowed[key])}, not {type(value).__name__}")
            )
        else:
            good[key] = value
    return good


def _pagination(items: list[Any], file: str, problems: list[Problem]) -> tuple[PaginationConfig, ...]:
    schemes: list[PaginationConfig] = []
    for index, item in enumerate(items):
        at = pointer("pagination", index)
        if not isinstance(item, dict):
            problems.append(Problem(file, at, "a pagination scheme must be a mapping"))
            continue
        values = _check_keys(cast(dict[str, Any], item), _PAGINATION_KEYS, at, file, problems)
        needed = ("name", "style") if values.get("style") == "next_url" else ("name", "style", "request_param")
        missing = [k for k in needed if k not in values]
        if missing:
            problems.append(Problem(file, at, f"pagination scheme lacks {', '.join(missing)}"))
            continue
        if values["style"] not in PAGINATION_STYLES:
            problems.append(
                Problem(
                    file,
                    at + "/style",
                    f"unknown pagination style {values['style']!r}",
                    f"use one of {', '.join(PAGINATION_STYLES)}",
                )
            )
            continue
        if not str(values["name"]).isidentifier():
            problems.append(Problem(file, at + "/name", f"{values['name']!r} is not a Python identifier"))
            continue
        plain = [k for k, v in values.items() if k != "name" and isinstance(v, str) and not _PLAIN.match(v)]
        for key in plain:
            problems.append(
                Problem(file, at + pointer(key), f"{values[key]!r} is not a plain field name", "no quotes or controls")
            )
        operations = values.get("operations", [])
        if not all(isinstance(o, str) for o in operations):
            problems.append(Problem(file, at + "/operations", "operations lists operationIds (strings)"))
            continue
        if plain:
            continue
        schemes.append(PaginationConfig(**{**values, "operations": tuple(operations)}))
    return tuple(schemes)


def parse_config(data: Any, file: str, doc: Document | None = None) -> SdkConfig:
    """Validate a loaded config mapping (and, given the spec ``doc``, what it names there); every problem is
    reported at once, each with its pointer into ``file``."""
    if data is None:
        return SdkConfig()
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise GenerationError([Problem(file, "", "the config must be a mapping of option: value")])
    values = _check_keys(cast(dict[str, Any], data), _TOP_KEYS, "", file, problems)
    if "pagination" in values:
        values["pagination"] = _pagination(values["pagination"], file, problems)
    for key in ("operations", "default_headers"):
        for name, target in cast(dict[Any, Any], values.get(key, {})).items():
            if not isinstance(name, str) or not isinstance(target, str):
                problems.append(Problem(file, pointer(key, str(name)), f"{key} entries map a string to a string"))
    _check_operations(cast(dict[str, Any], values.get("operations", {})), file, doc, problems)
    _check_schemes(cast(dict[str, Any], data).get("pagination"), file, doc, problems)
    _check_values(values, file, problems)
    if problems:
        raise GenerationError(problems)
    return SdkConfig(**values, source=file)


def _check_schemes(schemes: Any, file: str, doc: Document | None, problems: list[Problem]) -> None:
    """Each pagination scheme (as written: ``_pagination`` reports its shape) has a name of its own, and the
    operationIds it lists are the spec's."""
    ids, _ = _operation_ids(doc) if doc is not None else ({}, [])
    seen: set[object] = set()
    for index, scheme in enumerate(cast(list[Any], schemes) if isinstance(schemes, list) else []):
        at = pointer("pagination", index)
        scheme = as_mapping(scheme)
        name, operations = scheme.get("name"), scheme.get("operations")
        if isinstance(name, str) and name in seen:
            problems.append(
                Problem(file, at + "/name", f"another pagination scheme is named {name!r}", "name each its own")
            )
        seen.add(name)
        for k, op_id in enumerate(
            cast(list[Any], operations) if doc is not None and isinstance(operations, list) else []
        ):
            if isinstance(op_id, str) and op_id not in ids:
                problems.append(
                    Problem(
                        file, at + pointer("operations", k), f"the spec has no operationId {op_id!r}", _fix(op_id, ids)
                    )
                )


def _check_operations(mapping: dict[str, Any], file: str, doc: Document | None, problems: list[Problem]) -> None:
    """Each ``operations`` entry is ``resource.method`` and names an operationId of the spec."""
    ids, unnamed = _operation_ids(doc) if doc is not None else ({}, [])
    for op_id, target in mapping.items():
        parts = str(target).split(".")
        if len(parts) < 2 or not all(p.isidentifier() for p in parts):
            problems.append(
                Problem(
                    file,
                    pointer("operations", op_id),
                    f"{target!r} is not 'resource.method'",
                    "write the resource path and the method name, e.g. 'store.orders.list'",
                )
            )
        if doc is not None and isinstance(op_id, str) and op_id not in ids:
            hint = _fix(op_id, ids) + (f"; or give an operationId to the operation at {unnamed[0]}" if unnamed else "")
            problems.append(Problem(file, pointer("operations", op_id), f"the spec has no operationId {op_id!r}", hint))


def _fix(op_id: str, ids: dict[str, str]) -> str:
    close = difflib.get_close_matches(op_id, list(ids), n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}, the operation at {ids[close[0]]}?"
    known = sorted(ids)
    return "the spec's operationIds: " + (", ".join(known[:8]) + (", ..." if len(known) > 8 else "") or "none")


def _operation_ids(doc: Document) -> tuple[dict[str, str], list[str]]:
    """The spec's operationIds with their operations' pointers, and the pointers of the operations without one."""
    ids: dict[str, str] = {}
    unnamed: list[str] = []
    for path, raw in as_mapping(doc.root.get("paths")).items():
        try:
            item, item_at = doc.resolve(raw, pointer_join("/paths", path))
        except GenerationError:
            continue  # the spec's own check reports it
        for method in (m for m in HTTP_METHODS if isinstance(as_mapping(item).get(m), Mapping)):
            at = pointer_join(item_at, method)
            op_id = as_mapping(as_mapping(item)[method]).get("operationId")
            if isinstance(op_id, str):
                ids.setdefault(op_id, f"{doc.name}#{at}")
            else:
                unnamed.append(f"{doc.name}#{at}")
    return ids, unnamed


def _check_values(values: dict[str, Any], file: str, problems: list[Problem]) -> None:
    if "version" in values and not VERSION.match(values["version"]):
        problems.append(Problem(file, "/version", f"{values['version']!r} is not a MAJOR.MINOR.PATCH version"))
    if "version_policy" in values and values["version_policy"] not in VERSION_POLICIES:
        problems.append(
            Problem(
                file,
                "/version_policy",
                f"unknown version policy {values['version_policy']!r}",
                f"use one of {', '.join(VERSION_POLICIES)}",
            )
        )
    if "max_retries" in values and values["max_retries"] < 0:
        problems.append(Problem(file, "/max_retries", "max_retries must not be negative"))
    for key in ("package_name", "client_class", "async_client_class"):
        if key in values and (not str(values[key]).isidentifier() or keyword.iskeyword(str(values[key]))):
            problems.append(Problem(file, pointer(key), f"{values[key]!r} is not a Python identifier"))
    if "base_url" in values:
        parts = urlsplit(values["base_url"])
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append(
                Problem(file, "/base_url", f"{values['base_url']!r} is not an http or https URL with a host")
            )
    for key in ("env_prefix", "api_key_env", "base_url_env", "log_env"):
        if key in values and not _ENV_NAME.match(values[key]):
            problems.append(
                Problem(file, pointer(key), f"{values[key]!r} is not an environment variable name", "use A-Z, 0-9, _")
            )
    if values.get("stream_terminator") == "":
        problems.append(
            Problem(
                file, "/stream_terminator", "an empty terminator would end every stream at once", "use null for none"
            )
        )
    headers = [k for k in ("request_id_header", "idempotency_header") if isinstance(values.get(k), str)]
    for key in headers:
        if not HTTP_TOKEN.match(values[key]):
            problems.append(Problem(file, pointer(key), f"{values[key]!r} is not a valid HTTP header name"))
    for name, value in cast(dict[Any, Any], values.get("default_headers", {})).items():
        if not HTTP_TOKEN.match(str(name)) or any(c in str(value) for c in "\r\n\x00"):
            problems.append(
                Problem(file, pointer("default_headers", str(name)), "not a valid HTTP header name and value")
            )


def load_config(path: Path | None) -> SdkConfig:
    if path is None:
        return SdkConfig()
    return parse_config(read_file(path), str(path))
