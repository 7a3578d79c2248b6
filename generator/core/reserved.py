"""Names the generated clients and resources already use: a resource (or sub-resource) named like one of them
would shadow it (a tag ``request`` makes every call fail, one called ``close`` breaks ``with Client()``).

The runtime defines these names (``templates/runtime/_base_client.py`` and ``_resource.py``, and the client
template); ``tests/runtime/test_reserved_names.py`` fails when the runtime gains an attribute missing here.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

CLIENT_ATTRIBUTES = frozenset(
    {
        # the generated clients (templates/package/src/_client.py.j2)
        "api_key",
        "username",
        "password",
        "copy",
        "with_options",
        "with_raw_response",
        "with_streaming_response",
        # the runtime's clients (templates/runtime/_base_client.py)
        "base_url",
        "close",
        "delete",
        "get",
        "is_closed",
        "max_response_size",
        "max_retries",
        "patch",
        "post",
        "put",
        "request",
        "timeout",
        "_auth",
        "_base",
        "_begin",
        "_build_request",
        "_check_open",
        "_client",
        "_credential",
        "_default_headers",
        "_default_query",
        "_finish",
        "_headers",
        "_max_response_size",
        "_owns_client",
        "_pool",
        "_request_factory",
        "_custom",
        "_streamed_response_class",
        "_security",
        "_sleep",
        "_static_headers",
        "_strict_response_validation",
    }
)
"""Attributes of ``Client`` and ``AsyncClient``: a top-level resource must be named otherwise."""

RESOURCE_MODULE_IMPORTS = frozenset(
    {
        # templates/package/src/resources/resource.py.j2, besides a module's models, params modules and page classes
        "annotations",
        "cached_property",
        "httpx",
        "Iterable",
        "Literal",
        "TYPE_CHECKING",
        "overload",
        "RequestOptions",
        "AsyncAPIResource",
        "SyncAPIResource",
        "async_to_raw_response_wrapper",
        "async_to_streamed_response_wrapper",
        "to_raw_response_wrapper",
        "to_streamed_response_wrapper",
        "BinaryResponse",
        "AsyncStream",
        "Stream",
        "AsyncPaginator",
        "NOT_GIVEN",
        "Body",
        "FileContent",
        "FileTypes",
        "Headers",
        "NotGiven",
        "Query",
        "UncheckedDict",
        "_files",
        "_utils",
    }
)
"""Names a resource module imports from the runtime: a model of the same name (a schema ``Timeout``, ``Stream`` or
``Body``) is imported there under another name, so that it cannot shadow them."""

CLIENT_MODULE_IMPORTS = frozenset(
    # templates/package/src/_client.py.j2, besides the top-level resource classes
    {"Mapping", "TYPE_CHECKING", "AsyncAPIClient", "SyncAPIClient", "MissingAPIKeyError", "NotGiven", "NOT_GIVEN"}
    | {"Any", "DefaultHttpxClient", "DefaultAsyncHttpxClient"}
)
"""Names the client module imports: a top-level resource class of the same name would shadow them."""

RESOURCE_CLASS_PREFIXES = ("", "Async")
RESOURCE_CLASS_SUFFIXES = ("", "WithRawResponse", "WithStreamingResponse")
"""A resource ``Query`` is six classes (``AsyncQuery``, ``QueryWithRawResponse``...), each imported by its parent."""


def resource_class_clashes(name: str) -> bool:
    """Whether one of the classes of a resource called ``name`` would shadow a name a resource module or the client
    module imports (a tag ``stream`` gives ``Stream`` and ``AsyncStream``, which the runtime's streams are called)."""
    imported = {n.lower() for n in RESOURCE_MODULE_IMPORTS | CLIENT_MODULE_IMPORTS}
    return any(f"{p}{name}{s}".lower() in imported for p in RESOURCE_CLASS_PREFIXES for s in RESOURCE_CLASS_SUFFIXES)


RESOURCE_ATTRIBUTES = frozenset({"with_raw_response", "with_streaming_response", "_client", "_resource"})
"""Attributes of every resource and of its raw- and streaming-response wrappers: a sub-resource or a method must be
named otherwise."""


# -- package names -----------------------------------------------------------------------------------------------------

PYPROJECT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "package" / "pyproject.toml.j2"
"""Where the generated package's dependencies are decided (``dependencies`` and the ``test`` extra)."""
INDIRECT_DEPENDENCIES = frozenset(
    {"httpcore", "h11", "idna", "certifi", "sniffio", "pydantic_core", "annotated_types", "typing_inspection"}
)
"""What those dependencies import in turn (httpx's and pydantic's own dependencies): a package named like one
shadows it too. ``tests/unit/core/test_reserved_packages.py`` checks the list against the installed metadata."""
_REQUIREMENT = re.compile(r'^\s*"([A-Za-z0-9][A-Za-z0-9._-]*)')


def normalised(distribution: str) -> str:
    """A distribution's name as pip compares it (PEP 503): lower case, runs of ``-_.`` as one ``-``."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


@cache
def dependencies() -> frozenset[str]:
    """The generated package's dependencies (distribution names, :func:`normalised`), read from its template."""
    found: set[str] = set()
    inside = False
    for line in PYPROJECT_TEMPLATE.read_text(encoding="utf-8").splitlines():
        if re.match(r"^(dependencies|test)\s*=\s*\[", line):
            inside = True
            line = line.split("[", 1)[1]
            found.update(normalised(m) for m in re.findall(r'"([A-Za-z0-9][A-Za-z0-9._-]*)', line))
            inside = "]" not in line
        elif inside:
            match = _REQUIREMENT.match(line)
            if match:
                found.add(normalised(match.group(1)))
            inside = "]" not in line
    return frozenset(found)


def package_clash(package: str) -> str | None:
    """Why ``package`` cannot name the generated package (an import of it would find another module, or pip would
    refuse it), or ``None``: the standard library's modules, the SDK's dependencies and what they import."""
    name = package.lower()
    if name in sys.stdlib_module_names:
        return f"the standard library's module {name!r}"
    imported = {d.replace("-", "_") for d in dependencies()} | INDIRECT_DEPENDENCIES
    if name in imported:
        return f"the module of {name!r}, which the SDK depends on"
    return None


def distribution_clash(distribution: str) -> str | None:
    """Why the generated package cannot be distributed as ``distribution`` (pip refuses a distribution that depends
    on itself), or ``None``."""
    name = normalised(distribution)
    return f"the distribution {name!r}, which the SDK depends on" if name in dependencies() else None
