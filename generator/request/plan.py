"""How a generated method builds its request: one :class:`RequestPlan` per operation.

The plan says everything the resource template writes into a method's ``RequestOptions``: the path and the arguments
that fill it, how each query argument goes on the wire, how the body is encoded (JSON, a form, multipart parts, raw
bytes), the headers, the operation's own security, server and streaming, and the idempotency key. Every choice is
made here; ``templates/package/src/resources/resource.py.j2`` only lays the plan out as code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from generator.api.ir import Body, Operation, Param
from generator.pytypes.kinds import FileType, ListOf, UnionType

QueryHow = Literal["plain", "deep_object", "spread", "joined"]
"""How a query argument is written: as given (repeated keys for a list), ``a[key]=value`` (``_utils.deep_object``),
an object's fields as keys of their own (``_utils.spread``), or one delimited value (``_utils.comma_joined``)."""

BodyEncoding = Literal["json", "json_fields", "json_or_multipart", "binary", "form", "form_fields"]
"""How the body is written: one argument as JSON (``json=``), one argument per field of a JSON object, the same as
``multipart/form-data`` when a call passes a file (``_utils.json_or_multipart``: a body the document offers both
ways), one argument as raw bytes (``content=``), one argument as form fields (``form=``), or one argument per form
field (with, in a multipart body, its files and ``application/json`` parts)."""

IDEMPOTENCY_HEADER = re.compile(r"^(x-)?idempotency[-_]?key$", re.IGNORECASE)
"""A header parameter that carries an idempotency key, by its name."""

DELIMITERS = {"form_csv": ",", "form_space": " ", "form_pipe": "|"}
"""The delimiter of each style that sends a list as one value."""


@dataclass(frozen=True)
class Field:
    """One argument as it goes on the wire: its name there and its Python name."""

    wire: str
    name: str


def _fields(params: tuple[Param, ...] | list[Param]) -> tuple[Field, ...]:
    return tuple(Field(p.wire_name, p.name) for p in params)


@dataclass(frozen=True)
class QueryArg:
    """One query argument: its field and how it is written."""

    wire: str
    name: str
    how: QueryHow = "plain"
    delimiter: str = ","
    """The delimiter of a ``joined`` argument."""


@dataclass(frozen=True)
class BodyPlan:
    """How the body is encoded, and which arguments go where in it."""

    encoding: BodyEncoding
    whole: str = ""
    """The argument that is the whole body (``json``, ``binary`` and ``form``)."""
    fields: tuple[Field, ...] = ()
    """The body's fields: every field of a ``json_fields`` body, every field but the files of a
    ``json_or_multipart`` one, and the plain fields (no file, no JSON part) of a ``form_fields`` one."""
    styles: Mapping[str, str] = field(default_factory=dict[str, str])
    """The form fields the body's ``encoding`` writes otherwise than OpenAPI's default (repeated keys)."""
    multipart: bool = False
    """A form sent as ``multipart/form-data`` (even without a file)."""
    json_parts: tuple[Field, ...] = ()
    """The multipart fields sent as ``application/json`` parts."""
    files: tuple[Field, ...] = ()
    """The multipart fields that hold files."""
    either: tuple[str, ...] = ()
    """The file fields (wire names) that take a JSON body's value too (``mask``: a reference, or a file): among
    ``files`` and ``fields`` both; the value a call passes decides which (``_files.multipart_files(either=...)``)."""
    content_type: str = ""
    """The media type of a raw (``binary``) body, sent as ``Content-Type``."""


@dataclass(frozen=True)
class RequestPlan:
    """Everything one method writes into its ``RequestOptions``, and the checks it makes before."""

    method: str
    path: str
    """The path template, with the Python argument names in its braces."""
    path_args: tuple[str, ...] = ()
    """The arguments that fill the path's placeholders (``_utils.path_template``)."""
    query: tuple[QueryArg, ...] = ()
    body: BodyPlan | None = None
    headers: Mapping[str, str] = field(default_factory=dict[str, str])
    """Headers fixed by the operation: the media type it answers with, and a raw body's media type."""
    header_args: tuple[Field, ...] = ()
    cookie_args: tuple[Field, ...] = ()
    security: tuple[str, str] | None = None
    """``(kind, name)`` of the operation's own security scheme, when it is not the API's."""
    server: str | None = None
    streams: bool = False
    """The response is an event stream (always, or when ``stream_flag`` is true)."""
    stream_flag: str = ""
    """The boolean argument that chooses the stream per call."""
    idempotency_key: bool = False
    """The method takes an ``idempotency_key`` and sends it."""
    idempotency_header: str = ""
    """The operation's own idempotency header (a parameter such as ``Idempotency-Key``): the runtime sends one key
    in it, the same on every retry, unless the call passes one."""

    @property
    def sets_headers(self) -> bool:
        """The method writes headers of its own, besides ``extra_headers``."""
        return bool(self.headers or self.header_args or self.cookie_args)

    @property
    def utils(self) -> frozenset[str]:
        """The ``_utils`` helpers the method calls to write its request."""
        return frozenset(_utils_of(self))

    @property
    def file_helpers(self) -> frozenset[str]:
        """The ``_files`` helpers the method calls (sync and async) to read what it uploads."""
        body = self.body
        if body is None:
            return frozenset()
        if body.encoding == "binary":
            return frozenset({"file_content", "async_file_content"})
        return frozenset({"multipart_files", "async_multipart_files"} if body.files else ())


def request_plan(op: Operation) -> RequestPlan:
    """The request plan of ``op``."""
    return RequestPlan(
        method=op.http_method,
        path=op.path,
        path_args=tuple(p.name for p in op.path_params),
        query=tuple(_query_arg(p) for p in op.query_params),
        body=body_plan(op.body) if op.body is not None else None,
        headers=_fixed_headers(op),
        header_args=_fields(op.header_params),
        cookie_args=_fields(op.cookie_params),
        security=(op.auth.kind, op.auth.name) if op.auth is not None else None,
        server=op.server,
        streams=op.stream is not None,
        stream_flag=op.stream.param.name if op.stream is not None and op.stream.param is not None else "",
        idempotency_key=op.idempotent,
        idempotency_header=next((p.wire_name for p in op.header_params if IDEMPOTENCY_HEADER.match(p.wire_name)), ""),
    )


def _query_arg(p: Param) -> QueryArg:
    if p.style == "deep_object":
        return QueryArg(p.wire_name, p.name, "deep_object")
    if p.style == "form_object":
        return QueryArg(p.wire_name, p.name, "spread")
    if p.style in DELIMITERS:
        return QueryArg(p.wire_name, p.name, "joined", DELIMITERS[p.style])
    return QueryArg(p.wire_name, p.name)


def body_plan(body: Body) -> BodyPlan:
    """How ``body`` is encoded: its media type's kind, whole or field by field; a multipart body's files and JSON
    parts apart from its plain fields."""
    whole = body.params[0].name if body.is_whole else ""
    if body.kind == "binary":
        return BodyPlan("binary", whole=body.params[0].name, content_type=body.content_type)
    if body.kind == "json" and not body.or_multipart:
        return BodyPlan("json", whole=whole) if whole else BodyPlan("json_fields", fields=_fields(body.params))
    multipart = body.kind == "multipart"
    if whole:
        return BodyPlan("form", whole=whole, multipart=multipart)
    either = [p for p in body.params if _file_or_value(p)]
    plain = [p for p in body.params if (not p.is_file or p in either) and (body.or_multipart or not p.json_part)]
    return BodyPlan(
        "json_or_multipart" if body.or_multipart else "form_fields",
        fields=_fields(plain),
        styles={p.wire_name: p.style for p in plain if p.style != "form" and not p.json_part},
        multipart=multipart,
        json_parts=_fields([p for p in body.params if p.json_part]),
        files=_fields([p for p in body.params if p.is_file]),
        either=tuple(p.wire_name for p in either),
    )


def _file_or_value(p: Param) -> bool:
    """A file field whose type holds a value besides the file (``api/operations._file_or``)."""
    inner = p.type.non_null()
    if not p.is_file or not isinstance(inner, UnionType):
        return False
    return any(
        not isinstance(m, FileType) and not (isinstance(m, ListOf) and isinstance(m.item, FileType))
        for m in inner.members
    )


def _fixed_headers(op: Operation) -> dict[str, str]:
    headers: dict[str, str] = {}
    if op.accept:
        headers["Accept"] = op.accept
    if op.body is not None and op.body.kind == "binary":
        headers["Content-Type"] = op.body.content_type
    return headers


_BODY_UTILS: Mapping[BodyEncoding, str] = {
    "json": "to_json",
    "json_fields": "json_body",
    "json_or_multipart": "json_or_multipart",
    "form": "form_fields",
    "form_fields": "form_fields",
}
_QUERY_UTILS: Mapping[QueryHow, str] = {"deep_object": "deep_object", "spread": "spread", "joined": "comma_joined"}


def _utils_of(plan: RequestPlan) -> set[str]:
    utils = {_QUERY_UTILS[q.how] for q in plan.query if q.how in _QUERY_UTILS}
    if plan.body is not None and plan.body.encoding in _BODY_UTILS:
        utils.add(_BODY_UTILS[plan.body.encoding])
    if plan.path_args:
        utils.add("path_template")
    if plan.header_args or plan.cookie_args:
        utils.add("header_values")
    return utils
