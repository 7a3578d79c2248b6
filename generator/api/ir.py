"""The intermediate representation: plain data that templates lay out.

Every decision (names, types, pagination, which body shape) is made by :mod:`generator.api.parser`; templates only read
these objects and never see the raw spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.api.settings import SdkConfig
from generator.inputs.vocabulary import NO_EXAMPLE, BodyKind
from generator.pytypes.kinds import PyType
from generator.pytypes.registry import NamedType, Registry

ParamLocation = Literal["path", "query", "header", "cookie", "body"]
ResponseKind = Literal["json", "binary", "text", "none"]
"""How a success response is returned: a parsed model, a :class:`BinaryResponse`, a ``str``, or ``None``."""
QueryStyle = Literal["form", "form_csv", "form_space", "form_pipe", "form_object", "deep_object"]
"""How a query argument or form field is written: repeated keys (``a=1&a=2``), one value joined by a comma, a space
or ``|``, an object's fields as keys of their own (``R=1&G=2``), or ``a[key]=value`` (``a[0]=1`` for a list)."""

__all__ = ["Api", "Auth", "Body", "BodyKind", "NamedType", "Operation", "Pagination", "Param", "Resource", "Stream"]


@dataclass(frozen=True)
class Param:
    """One argument of a generated method."""

    name: str
    """The Python argument name."""
    wire_name: str
    """The name on the wire (path placeholder, query key, header name or body field)."""
    location: ParamLocation
    type: PyType
    required: bool
    description: str = ""
    example: object = NO_EXAMPLE
    """The value the spec gives for this argument (its own example, its schema's, or a body example's field)."""
    style: QueryStyle = "form"
    is_file: bool = False
    """A ``multipart/form-data`` part that holds a file rather than a value."""
    json_part: bool = False
    """A ``multipart/form-data`` field sent as an ``application/json`` part (one per item of a list): OpenAPI's
    default for an object, unless the body's ``encoding`` says otherwise."""

    @property
    def has_example(self) -> bool:
        return self.example is not NO_EXAMPLE


@dataclass(frozen=True)
class Body:
    """A request body. JSON object bodies are flattened into keyword arguments (``params``)."""

    content_type: str
    kind: BodyKind
    params: tuple[Param, ...]
    required: bool
    type: PyType | None = None
    """The body's type as a whole (a JSON or form body; ``None`` for raw bytes)."""
    or_multipart: bool = False
    """A JSON body the document offers as ``multipart/form-data`` too: its file fields (typed as files) are sent
    that way when a call passes a file, since JSON cannot carry one."""

    @property
    def is_whole(self) -> bool:
        """The body is one argument (``body=``) rather than one argument per field."""
        return len(self.params) == 1 and self.params[0].wire_name == ""

    @property
    def has_files(self) -> bool:
        return self.kind == "binary" or any(p.is_file for p in self.params)


@dataclass(frozen=True)
class Stream:
    """A ``text/event-stream`` response: the operation returns an iterator of ``item`` events.

    When ``param`` is set, the stream is chosen per call by that boolean body field (``stream=True``), and the
    operation otherwise returns its JSON response; without it the operation always streams.
    """

    item: PyType
    param: Param | None = None


FieldPath = str | tuple[str, ...]
"""A response field: its name, or the names leading to it (``("meta", "next_cursor")``); ``()`` is the body itself."""


@dataclass(frozen=True)
class Pagination:
    """A pagination scheme used by one or more list operations (see :mod:`generator.api.pagination`)."""

    name: str
    style: str
    """The name of one of :data:`generator.api.pagination.styles.STYLES`: ``cursor``, ``next_token``..."""
    request_param: str
    """The query parameter that selects the page (the cursor, the token, the offset or the page number); ``""`` when
    the server gives the next page's URL."""
    items_field: FieldPath
    has_more_field: FieldPath | None
    cursor_field: str
    limit_param: str | None
    total_field: FieldPath | None
    next_field: FieldPath | None = None
    """The body field with the next page's token (``next_token``) or URL (``next_url``; ``None``: the ``Link``
    header)."""
    total_pages_field: FieldPath | None = None
    """Page style: the body field with the number of pages."""
    configured: bool = False
    """Named by the config's ``pagination`` rather than detected from the shape."""
    params_in: str = "query"
    """Where the paging parameters go: ``query``, or ``body`` (an RPC-style list: a POST whose JSON body carries
    them)."""

    @property
    def sync_class(self) -> str:
        return f"Sync{self.name}"

    @property
    def async_class(self) -> str:
        return f"Async{self.name}"


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method_name: str
    http_method: str
    path: str
    """The path template with Python argument names in the braces, e.g. ``/orders/{order_id}``."""
    pointer: str
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    path_params: tuple[Param, ...] = ()
    query_params: tuple[Param, ...] = ()
    header_params: tuple[Param, ...] = ()
    cookie_params: tuple[Param, ...] = ()
    body: Body | None = None
    response: PyType | None = None
    """The parsed return type; ``None`` when the operation returns no content."""
    auth: Auth | None = None
    """How this operation authenticates, when its ``security`` differs from the API's."""
    response_kind: ResponseKind = "json"
    accept: str | None = None
    """The ``Accept`` header, when the success response is not JSON."""
    stream: Stream | None = None
    idempotent: bool = False
    """The method takes an ``idempotency_key`` (the config names its header; every method but GET)."""
    page: Pagination | None = None
    item: PyType | None = None
    """For paginated operations, the type of one item."""
    listing: bool = False
    """The response is a list (an array, or an object around one), paginated or not."""
    server: str | None = None
    """The operation's own server (its ``servers`` or its path's), when it is not the API's: its requests go there,
    whatever base URL the client has."""
    renamed: tuple[tuple[str, str], ...] = ()
    """``(name in the spec, argument name)`` of each argument renamed because a method option has its name."""
    error_types: tuple[PyType, ...] = ()
    """The JSON bodies of the documented error responses (what the change report reads as responses too)."""

    @property
    def params(self) -> tuple[Param, ...]:
        body = self.body.params if self.body else ()
        return (*self.path_params, *self.query_params, *self.header_params, *self.cookie_params, *body)

    @property
    def positional_params(self) -> tuple[Param, ...]:
        return self.path_params

    @property
    def keyword_params(self) -> tuple[Param, ...]:
        rest = [p for p in self.params if p.location != "path"]
        return (*[p for p in rest if p.required], *[p for p in rest if not p.required])

    @property
    def models(self) -> frozenset[str]:
        """The model classes the method returns; its arguments are TypedDicts (see :mod:`generator.request.params`)."""
        names: set[str] = set()
        for t in (self.response, self.item, self.stream.item if self.stream else None):
            if t is not None:
                names |= t.refs
        return frozenset(names)


@dataclass
class Resource:
    """A group of operations reached as an attribute path from the client, e.g. ``client.store.orders``."""

    name: str
    """The attribute name on the parent (``orders``)."""
    path: tuple[str, ...]
    """The full attribute path from the client (``("store", "orders")``)."""
    class_name: str
    """``Orders``; the async class is ``Async`` + this."""
    operations: list[Operation] = field(default_factory=list[Operation])
    children: list[Resource] = field(default_factory=list["Resource"])

    @property
    def module(self) -> str:
        """Dotted module path inside the package, e.g. ``resources.store.orders.orders``."""
        parts = ["resources", *self.path]
        if self.children:
            parts.append(self.path[-1])
        return ".".join(parts)

    @property
    def is_package(self) -> bool:
        return bool(self.children)

    def walk(self) -> list[Resource]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    @property
    def models(self) -> frozenset[str]:
        names: set[str] = set()
        for op in self.operations:
            names |= op.models
        return frozenset(names)

    @property
    def pages(self) -> list[Pagination]:
        seen: dict[str, Pagination] = {}
        for op in self.operations:
            if op.page is not None:
                seen.setdefault(op.page.name, op.page)
        return [seen[k] for k in sorted(seen)]


@dataclass(frozen=True)
class Auth:
    """How the API key is sent."""

    kind: Literal["bearer", "basic", "header", "query", "none"]
    name: str = ""
    """Header or query parameter name for ``header``/``query``."""


@dataclass
class Api:
    title: str
    version: str
    settings: SdkConfig
    """The config with every default derived from the document filled in (:meth:`SdkConfig.resolve`): what the
    templates read as ``api.settings.<option>``."""
    package_version: str
    """The version the package says it is (set by the release history)."""
    auth: Auth
    resources: list[Resource]
    types: Registry
    """Every named type: the models (classes) and type aliases of the ``types`` package."""
    pages: list[Pagination]

    @property
    def package_name(self) -> str:
        return str(self.settings.package_name)

    @property
    def models(self) -> list[NamedType]:
        return list(self.types)

    def walk(self) -> list[Resource]:
        found: list[Resource] = []
        for r in self.resources:
            found.extend(r.walk())
        return found

    @property
    def operations(self) -> list[Operation]:
        return [op for r in self.walk() for op in r.operations]
