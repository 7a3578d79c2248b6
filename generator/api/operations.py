"""One operation of the spec -> an :class:`~generator.api.ir.Operation`: its arguments, body, response and stream.

Types come from the one :class:`~generator.pytypes.mapper.TypeMapper`; media types from the rules of
:mod:`generator.inputs.vocabulary`. Pagination (:mod:`generator.api.pagination`), placement and security are decided by the
parser around this.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.api.ir import Body, Param, QueryStyle, Resource, ResponseKind, Stream
from generator.api.parameters import ParameterOptions
from generator.core.naming import Namespace, identifier, pascal_case
from generator.inputs.document import Document, pointer_join
from generator.inputs.vocabulary import (
    NO_EXAMPLE,
    SSE_MEDIA,
    BodyKind,
    as_mapping,
    body_kind,
    example_of,
    is_json,
    is_json_lines,
    is_text,
    reads_as_json,
    request_media,
    response_media,
    success_codes,
    text_of,
)
from generator.pytypes.kinds import (
    FileType,
    ListOf,
    MapOf,
    ObjectType,
    Property,
    PyType,
    Ref,
    RuntimeType,
    Scalar,
    UnionType,
    Unknown,
)
from generator.pytypes.mapper import TypeMapper

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

METHOD_NAMES = frozenset({"self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries"})
"""The names every generated method already uses: its own parameters. No spec argument may take them (one that
would is renamed by :meth:`OperationBuilder.argument_name`); the runtime helpers a method calls are reached through
their modules, so no argument can shadow one."""
IDEMPOTENT_METHOD_NAMES = METHOD_NAMES | {"idempotency_key"}
"""The names of a method that sends an idempotency key (the config names its header; every method but GET)."""


@dataclass(frozen=True)
class Response:
    """The success response of an operation, before pagination is decided."""

    type: PyType | None
    """The JSON body's type; an inline object is left unnamed (see :meth:`OperationBuilder.finish_response`)."""
    kind: ResponseKind
    accept: str | None = None
    stream: PyType | None = None
    headers: frozenset[str] = frozenset()
    """The response headers the document declares, lower case (``link`` tells a next-page URL)."""


class OperationBuilder:
    """Builds the parts of one operation; inline types are named after ``hint`` (the operation's name)."""

    def __init__(
        self,
        doc: Document,
        types: TypeMapper,
        hint: str,
        *,
        idempotent: bool = False,
        parameters: ParameterOptions | None = None,
    ) -> None:
        self.doc = doc
        self.param_options = parameters or ParameterOptions({}, "")
        """The config's ``parameters`` (:mod:`generator.api.parameters`)."""
        self.types = types
        self.hint = hint
        self.options = IDEMPOTENT_METHOD_NAMES if idempotent else METHOD_NAMES
        """The method's own options, which no argument may be named."""
        self.taken = Namespace(self.options)
        self.renamed: list[tuple[str, str]] = []
        """``(name in the spec, argument name)`` of each argument renamed because the SDK uses its name."""

    def argument_name(self, wire: str, location: str) -> str:
        """The argument for a parameter or body field: its name, unless a method's own option has it (``timeout``,
        ``max_retries``...): then its place goes first (``body_timeout``, ``query_max_retries``), so the two cannot be
        mistaken for each other."""
        name = identifier(wire, fallback="param" if location != "body" else "field")
        if name not in self.options:
            return self.taken.claim(name)
        renamed = self.taken.claim(f"{location}_{name}")
        self.renamed.append((wire, renamed))
        return renamed

    # -- parameters -----------------------------------------------------------------------------------------------
    def parameters(
        self, path: str, shared: list[Any], own: list[Any], item_at: str, at: str
    ) -> dict[str, tuple[Param, ...]]:
        """Path, query, header and cookie parameters; an operation's own parameter wins over the path item's.

        A placeholder of the path that no parameter declares (``/jobs/{job_id}`` alone, a common slip) is still a
        required string argument, with a warning: the URL cannot be written without it."""
        params: dict[tuple[str, str], Param] = {}
        for i, raw in enumerate(shared):
            self._add(params, self._param(raw, pointer_join(item_at, "parameters", i)))
        for i, raw in enumerate(own):
            self._add(params, self._param(raw, pointer_join(at, "parameters", i)))
        for wire in PLACEHOLDER.findall(path):
            if wire.strip() and ("path", wire) not in params:
                name = self.argument_name(wire, "path")
                self.types.problems.warn(
                    at, f"path parameter {{{wire}}} is not declared: it is a required string argument"
                )
                params[("path", wire)] = Param(name, wire, "path", Scalar("str"), True, "", Scalar("str").example)
        return {
            loc: tuple(p for p in params.values() if p.location == loc) for loc in ("path", "query", "header", "cookie")
        }

    @staticmethod
    def _add(params: dict[tuple[str, str], Param], param: Param | None) -> None:
        if param is not None:
            params[(param.location, param.wire_name)] = param

    def _param(self, raw: Any, at: str) -> Param | None:
        node, node_at = self.doc.resolve(raw, at)
        node = as_mapping(node)
        wire, where = node.get("name"), node.get("in")
        if not isinstance(wire, str) or where not in ("path", "query", "header", "cookie"):
            return None  # validation reported it
        schema, schema_at = node.get("schema", {}), pointer_join(node_at, "schema")
        if "schema" not in node and "content" in node:
            media = next(iter(as_mapping(node["content"])), "")
            schema = as_mapping(as_mapping(node["content"]).get(media)).get("schema", {})
            schema_at = pointer_join(node_at, "content", media, "schema")
        with self.types.request_side():
            type_ = self.types.build(schema, schema_at, self.hint + pascal_case(wire))
        example = example_of(node)
        if example is NO_EXAMPLE:
            example = self.types.types.resolve(type_).example
        name = self.argument_name(self.param_options.name(wire), where)
        resolved = self._resolved(type_)
        typed, style = self.param_options.typed(wire, where, type_, resolved, _style(node, where, resolved))
        return Param(
            name,
            wire,
            where,
            typed,
            bool(node.get("required")) or where == "path",
            text_of(node) or _type_doc(type_, self.types),
            example if typed is type_ else [example] if isinstance(example, str) else NO_EXAMPLE,
            style,
        )

    # -- the request body -------------------------------------------------------------------------------------------
    def body(self, raw: Any, at: str) -> Body | None:
        node, node_at = self.doc.resolve(raw, at)
        node = as_mapping(node)
        content = as_mapping(node.get("content"))
        media = request_media(content)
        if media is None:
            return None
        kind = body_kind(media)
        required = bool(node.get("required"))
        if kind == "binary":
            media = media if "*" not in media else "application/octet-stream"
            param = Param(self.taken.claim("body"), "", "body", FileType(whole_body=True), required, text_of(node))
            return Body(media, kind, (param,), required, None)
        media_node = as_mapping(content[media])
        schema_at = pointer_join(node_at, "content", media, "schema")
        with self.types.request_side():
            type_ = self.types.build(media_node.get("schema", {}), schema_at, f"{self.hint}Body", top=True)
        fields = self._fields(type_)
        if fields is None:
            whole = type_ if kind == "json" else MapOf(Unknown())
            param = Param(self.taken.claim("body"), "", "body", whole, required, text_of(node))
            return Body(media, kind, (param,), required, type_)
        example = media_node["example"] if "example" in media_node else self.types.types.resolve(type_).example
        examples = as_mapping(example)
        multipart = _multipart_beside(content, kind)
        if multipart is not None:
            fields = self._with_multipart(fields, content[multipart], pointer_join(node_at, "content", multipart))
        either = multipart is not None and any(_as_file(p.type) is not None for p in fields)
        parts: BodyKind = "multipart" if either else kind
        encoding = as_mapping(as_mapping(content[multipart] if either else media_node).get("encoding"))
        params = tuple(self._field(p, parts, examples, as_mapping(encoding.get(p.wire))) for p in fields)
        return Body(media, kind, params, required, type_, or_multipart=either)

    def _with_multipart(self, fields: tuple[Property, ...], media: Any, at: str) -> tuple[Property, ...]:
        """A JSON body's fields with those of the multipart body beside it: its files (typed as files where the JSON
        schema says otherwise or nothing: ``images.edit(image=...)``, whose JSON body takes references), each field
        once, in the JSON body's order and then the multipart one's. With two schemas, a field is required only
        where both require it: a call sends one of the two bodies."""
        with self.types.request_side():
            parts = self._fields(
                self.types.build(
                    as_mapping(media).get("schema", {}), pointer_join(at, "schema"), f"{self.hint}Body", top=True
                )
            )
        if not parts or parts == fields:
            return fields
        files = {p.wire: p for p in parts if _as_file(p.type) is not None}
        required = {p.wire for p in parts if p.required}
        merged = [replace(p, type=_file_or(p, files), required=p.required and p.wire in required) for p in fields]
        wires = {p.wire for p in fields}
        merged += [replace(p, required=False) for p in files.values() if p.wire not in wires]
        return tuple(merged)

    def _fields(self, type_: PyType) -> tuple[Property, ...] | None:
        """The fields of an object body (which become keyword arguments), or ``None`` for any other body."""
        found = self.types.types.resolve(type_)
        return found.properties if isinstance(found, ObjectType) and found.properties else None

    def _field(self, prop: Property, kind: str, examples: Mapping[str, Any], encoding: Mapping[str, Any]) -> Param:
        type_ = _as_file(prop.type) if kind == "multipart" else None
        example = examples.get(prop.wire, prop.type.example) if type_ is None else NO_EXAMPLE
        json_part = kind == "multipart" and type_ is None and self._json_part(prop.type, encoding)
        return Param(
            name=self.argument_name(prop.wire, "body"),
            wire_name=prop.wire,
            location="body",
            type=type_ or prop.type,
            required=prop.required,
            description=prop.description or _type_doc(prop.type, self.types),
            example=example,
            style=(_style(encoding, "body", self._resolved(prop.type)) if kind != "json" else "form"),
            is_file=type_ is not None,
            json_part=json_part,
        )

    def _json_part(self, type_: PyType, encoding: Mapping[str, Any]) -> bool:
        """Whether a multipart field is an ``application/json`` part: when its ``encoding`` names a JSON media type,
        or, with no media type nor ``style`` given, when it holds an object (or a list of objects)."""
        media = encoding.get("contentType")
        if isinstance(media, str):
            return any(is_json(m) for m in media.split(","))
        if "style" in encoding or "explode" in encoding:
            return False
        inner = self.types.types.resolve(type_.non_null())
        if isinstance(inner, ListOf):
            inner = self.types.types.resolve(inner.item.non_null())
        return isinstance(inner, ObjectType | MapOf)

    def _resolved(self, type_: PyType) -> PyType:
        """What an argument's type is under its references and its ``null``: a ``$ref`` to ``anyOf: [object, null]``
        is an object (so a query object is spread as its style says)."""
        return self.types.types.resolve(self.types.types.resolve(type_.non_null()).non_null())

    # -- the response -----------------------------------------------------------------------------------------------
    def response(self, op: Mapping[str, Any], at: str) -> Response:
        responses = as_mapping(op.get("responses"))
        for code in success_codes(responses)[:1]:
            resp, resp_at = self.doc.resolve(responses[code], pointer_join(at, "responses", code))
            content = as_mapping(as_mapping(resp).get("content"))
            headers = frozenset(str(h).lower() for h in as_mapping(as_mapping(resp).get("headers")))
            if not content:
                return Response(None, "none")
            stream = None
            if SSE_MEDIA in content:
                stream_at = pointer_join(resp_at, "content", SSE_MEDIA, "schema")
                event = as_mapping(content[SSE_MEDIA]).get("schema", {})
                stream = self.types.build(event, stream_at, f"{self.hint}Event")
            media = response_media(content)
            if media is None:
                return Response(None, "none", SSE_MEDIA, stream)
            media_node = as_mapping(content[media])
            if is_json_lines(media) and ("schema" in media_node or "itemSchema" in media_node):
                return self._json_lines(media, media_node, pointer_join(resp_at, "content", media), stream, headers)
            if not reads_as_json(media, media_node):
                kind: ResponseKind = "text" if is_text(media) else "binary"
                returned = Scalar("str") if kind == "text" else RuntimeType("BinaryResponse")
                return Response(returned, kind, media, stream)
            schema_at = pointer_join(resp_at, "content", media, "schema")
            type_ = self.types.build(media_node.get("schema", {}), schema_at, f"{self.hint}Response", top=True)
            return Response(type_, "json", None, stream, headers)
        return Response(None, "none")

    def _json_lines(
        self, media: str, node: Mapping[str, Any], at: str, stream: PyType | None, headers: frozenset[str]
    ) -> Response:
        """A JSON Lines response returns the list of its lines' values, parsed like any JSON response: its
        ``itemSchema`` (OpenAPI 3.2) or ``schema`` describes one line (a ``schema`` that is an array, the whole)."""
        key = "itemSchema" if "itemSchema" in node else "schema"
        type_ = self.types.build(node[key], pointer_join(at, key), f"{self.hint}Item", top=True)
        if isinstance(type_, ObjectType) and type_.properties and type_.name is None:
            type_ = self.types.name_object(type_, self.types.claim(f"{self.hint}Item"))
        type_ = type_ if isinstance(self.types.types.resolve(type_), ListOf) else ListOf(type_)
        return Response(type_, "json", media, stream, headers)

    def errors(self, op: Mapping[str, Any], at: str) -> tuple[PyType, ...]:
        """The types of the JSON error responses; their inline objects stay inline (no class is generated)."""
        responses = as_mapping(op.get("responses"))
        found: list[PyType] = []
        for code in [c for c in responses if c not in success_codes(responses)]:
            resp, resp_at = self.doc.resolve(responses[code], pointer_join(at, "responses", code))
            content = as_mapping(as_mapping(resp).get("content"))
            media = response_media(content)
            if media is not None and is_json(media):
                schema_at = pointer_join(resp_at, "content", media, "schema")
                with self.types.request_side():
                    found.append(self.types.build(as_mapping(content[media]).get("schema", {}), schema_at, self.hint))
        return tuple(found)

    def finish_response(self, type_: PyType | None) -> PyType | None:
        """An inline object response gets a class of its own (a paginated one's items are read instead)."""
        if isinstance(type_, ObjectType) and type_.properties and type_.name is None:
            return self.types.name_object(type_, self.types.claim(f"{self.hint}Response"))
        return type_

    def stream(self, response: Response, body: Body | None) -> Stream | None:
        """A ``text/event-stream`` response; chosen per call by a boolean ``stream`` body field (of a JSON or a form
        body: ``audio.transcriptions.create(file=..., stream=True)`` is multipart) when there is a JSON response
        beside it."""
        if response.stream is None:
            return None
        fields = body.params if body is not None and body.kind in ("json", "form", "multipart") else ()
        toggle = next((p for p in fields if p.wire_name == "stream"), None)
        if response.kind == "none":
            return Stream(response.stream)
        if toggle is not None and toggle.type.non_null().annotation == "bool":
            return Stream(response.stream, toggle)
        return None


def python_path(path: str, path_params: tuple[Param, ...]) -> str:
    """The path template with Python argument names in the braces."""
    names = {p.wire_name: p.name for p in path_params}
    return PLACEHOLDER.sub(lambda m: "{" + names.get(m.group(1), m.group(1)) + "}", path)


def path_order(path: str, path_params: tuple[Param, ...]) -> tuple[Param, ...]:
    """Path parameters in the order the path names them."""
    placeholders = PLACEHOLDER.findall(path)
    return tuple(
        sorted(path_params, key=lambda p: placeholders.index(p.wire_name) if p.wire_name in placeholders else 99)
    )


def _multipart_beside(content: Mapping[str, Any], kind: BodyKind) -> str | None:
    """The ``multipart/form-data`` media type a JSON body is offered as too, if it is: when a field is a file, the
    fields are read as a multipart body's (files, JSON parts, their ``encoding``), and a call with a file goes as
    multipart."""
    if kind != "json":
        return None
    return next((m for m in content if body_kind(m) == "multipart"), None)


def _file_or(field: Property, files: Mapping[str, Property]) -> PyType:
    """A JSON field's type, or also a file where the multipart body has a file by its name (``mask``: a reference
    in JSON, a file in multipart): the call's value decides which body is sent."""
    part = files.get(field.wire)
    if part is None or _as_file(field.type) is not None:
        return field.type
    file = _as_file(part.type) or FileType()
    return UnionType((field.type, *(file.members if isinstance(file, UnionType) else (file,))))


def _as_file(type_: PyType) -> PyType | None:
    """``FileTypes`` for a multipart field that carries a file (or a list of them, or either), else ``None``; a
    union of a value and a file (:func:`_file_or`) keeps the value beside the file."""
    inner = type_.non_null()
    if isinstance(inner, FileType):
        return inner
    if isinstance(inner, Scalar) and inner.binary:
        return FileType()
    if isinstance(inner, ListOf) and isinstance(inner.item.non_null(), Scalar) and inner.item.non_null().binary:
        return ListOf(FileType())
    if isinstance(inner, UnionType):
        files = [_as_file(m) for m in inner.members]
        if all(files) or any(_is_file(m) for m in inner.members):
            return UnionType(tuple(f or m for m, f in zip(inner.members, files, strict=True)))
    return None


def _is_file(type_: PyType) -> bool:
    """``FileTypes`` or a list of them, as :func:`_as_file` writes them."""
    return isinstance(type_, FileType) or (isinstance(type_, ListOf) and isinstance(type_.item, FileType))


def _style(node: Mapping[str, Any], where: str, type_: PyType) -> QueryStyle:
    """How a query parameter, or a form field with this ``encoding``, is written (OpenAPI's ``style`` and
    ``explode``, ``type_`` resolved): ``deepObject`` in brackets; a list or an object exploded (the default of
    ``style: form``) as repeated keys, or a query object's fields as keys of their own; not exploded, as one value
    joined by its style's delimiter. Any other place or type is written plainly (a form body's objects in brackets)."""
    style = node.get("style", "form")
    if where not in ("query", "body") or not isinstance(type_, ListOf | ObjectType | MapOf):
        return "form"
    if style == "deepObject":
        return "deep_object"
    if node.get("explode", style == "form") is not False:
        return "form_object" if where == "query" and not isinstance(type_, ListOf) else "form"
    return {"spaceDelimited": "form_space", "pipeDelimited": "form_pipe"}.get(str(style), "form_csv")


def _type_doc(type_: PyType, types: TypeMapper) -> str:
    """The description of the named type an argument refers to, when the argument has none of its own."""
    if isinstance(type_, Ref) and type_.name in types.types.named:
        return types.types.named[type_.name].description
    return ""


def renamed_summary(resources: list[Resource]) -> str | None:
    """``renamed 1 argument(s) that a method's own option uses: calls.create(Timeout -> body_timeout)``."""
    found = [
        f"{'.'.join((*r.path, op.method_name))}({wire} -> {name})"
        for root in resources
        for r in root.walk()
        for op in r.operations
        for wire, name in op.renamed
    ]
    if not found:
        return None
    return f"renamed {len(found)} argument(s) that a method's own option uses: " + ", ".join(found)
