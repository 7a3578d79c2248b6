"""Names the generated clients and resources already use: a resource (or sub-resource) named like one of them
would shadow it (a tag ``request`` makes every call fail, one called ``close`` breaks ``with Client()``).

The runtime defines these names (``templates/runtime/_base_client.py`` and ``_resource.py``, and the client
template); ``tests/runtime/test_reserved_names.py`` fails when the runtime gains an attribute missing here.
"""

from __future__ import annotations

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
