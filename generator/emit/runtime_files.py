"""The SDK runtime inside a generated package: which runtime modules are copied, and what the few generated modules
the runtime reads are given (the SDK's sensitive names, its page classes).

The runtime itself is plain Python in ``templates/runtime/`` (linted, type-checked and tested as it is); it is
copied into every package unchanged, but for a header line. Optional parts are whole modules, copied only when the
API needs them. The stand-ins in that folder for the generated modules (``__init__``, ``_constants``, ``_version``,
``_base_error``) are never copied: the templates in ``templates/package/src/`` write those for each API.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from pathlib import Path

from generator.api.ir import Api, Pagination
from generator.api.pagination.styles import BY_NAME, PAGE_ATTRIBUTES
from generator.pytypes.kinds import ObjectType

COPY_HEADER = "# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit."

CORE_MODULES = (
    "_auth",
    "_base_client",
    "_exceptions",
    "_logs",
    "_models",
    "_pagination",
    "_pool",
    "_reading",
    "_redact",
    "_request",
    "_resource",
    "_response",
    "_retries",
    "_sockets",
    "_timeouts",
    "_types",
    "_utils",
)
"""Copied into every package."""

OPTIONAL_MODULES = {"_files": "files", "_streaming": "streaming"}
"""Copied when the API needs the feature (see :func:`generator.request.methods.features`)."""

GENERATED_MODULES = ("__init__", "_base_error", "_client", "_constants", "_version", "pagination")
"""Written from ``templates/package/src/<name>.py.j2`` for each API."""

COMMON_SENSITIVE_HEADERS = ("authorization", "proxy-authorization", "cookie", "set-cookie", "api-key", "x-api-key")


def runtime_modules(features: dict[str, bool]) -> list[str]:
    """The runtime modules a package with these features holds, in a stable order."""
    return [*CORE_MODULES, *sorted(name for name, flag in OPTIONAL_MODULES.items() if features[flag])]


def copy_runtime(template_dir: Path, features: dict[str, bool]) -> dict[str, str]:
    """``{module name: text}`` of every runtime module this package needs, each with the copy header."""
    folder = template_dir / "runtime"
    return {
        name: f"{COPY_HEADER}\n{(folder / f'{name}.py').read_text(encoding='utf-8')}"
        for name in runtime_modules(features)
    }


def sensitive_names(api: Api) -> dict[str, tuple[str, ...]]:
    """Headers and query parameters whose values are redacted: credentials, cookies and every scheme's key names."""
    headers = set(COMMON_SENSITIVE_HEADERS)
    query: set[str] = set()
    for auth in [api.auth, *(op.auth for op in api.operations if op.auth is not None)]:
        if auth.kind == "header":
            headers.add(auth.name.lower())
        elif auth.kind == "query":
            query.add(auth.name)
    return {"headers": tuple(sorted(headers)), "query": tuple(sorted(query))}


def error_envelope(api: Api) -> str | None:
    """The field that wraps the error in every documented JSON error body (``{"error": {...}}`` gives ``error``):
    the body's only field, an object. ``None`` when any error body is shaped otherwise, or none is documented."""
    fields: set[str] = set()
    for type_ in (t for op in api.operations for t in op.error_types):
        body = api.types.resolve(type_.non_null())
        if not isinstance(body, ObjectType) or len(body.properties) != 1 or body.additional is not None:
            return None
        (only,) = body.properties
        if not isinstance(api.types.resolve(only.type.non_null()), ObjectType):
            return None
        fields.add(only.wire)
    return fields.pop() if len(fields) == 1 else None


@dataclass(frozen=True)
class PageClass:
    """One generated page class: ``class <name>(<bases>)`` with a docstring and class attributes."""

    name: str
    bases: tuple[str, ...]
    doc: str
    attributes: tuple[tuple[str, object], ...]
    fields: tuple[tuple[str, str], ...]
    """Body fields declared as attributes, each with its annotation: ``("data", "list[T]")``."""


def _attributes(page: Pagination) -> tuple[tuple[str, object], ...]:
    """The class attributes that set a style's runtime class to one scheme's field and parameter names."""
    style = BY_NAME[page.style]
    ending = (("has_more_field", page.has_more_field),) if style.ends_by_flag else ()
    where = (("params_in", page.params_in),) if page.params_in != "query" else ()
    return (("items_field", page.items_field), *where, *style.attributes(page).items(), *ending)


def _fields(page: Pagination) -> tuple[tuple[str, str], ...]:
    """The body fields a page shows as attributes under their own names (``page.data``, ``page.has_more``), where
    the name can be one: an identifier that no page attribute already has."""
    named = [(page.items_field, "list[T]"), (page.has_more_field, "bool | None"), (page.total_field, "int | None")]
    return tuple((name, annotation) for name, annotation in named if isinstance(name, str) and _shown_as_is(name))


def _shown_as_is(name: str) -> bool:
    return (
        name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_") and name not in PAGE_ATTRIBUTES
    )


def items_attribute(page: Pagination) -> str:
    """What the docs call a page's items: the response field's own name (``page.data``) where the page shows it,
    else ``items``, which every page has."""
    return page.items_field if isinstance(page.items_field, str) and _shown_as_is(page.items_field) else "items"


def page_classes(api: Api) -> dict[str, list[str] | list[PageClass]]:
    """What the generated ``pagination`` module imports, exports and declares."""
    classes: list[PageClass] = []
    styles = sorted({BY_NAME[p.style].runtime_class for p in api.pages})
    for page in api.pages:
        for kind, name in (("SyncPage", page.sync_class), ("AsyncPage", page.async_class)):
            bases = (f"{BY_NAME[page.style].runtime_class}[T]", f"{kind}[T]")
            classes.append(PageClass(name, bases, BY_NAME[page.style].doc(page), _attributes(page), _fields(page)))
    imports = sorted({"AsyncPage", "AsyncPaginator", "BasePage", "PageInfo", "SyncPage", *styles})
    exports = ["BasePage", "SyncPage", "AsyncPage", "AsyncPaginator", "PageInfo", *(c.name for c in classes)]
    return {"imports": imports, "exports": exports, "classes": classes}
