"""Spec + config -> intermediate representation. Every naming and shape decision is made here, once."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast
from urllib.parse import urlsplit

from .config import PaginationConfig, SdkConfig
from .errors import GenerationError, Problems
from .ir import (
    Api,
    Auth,
    Body,
    BodyKind,
    Model,
    Operation,
    Pagination,
    Param,
    QueryStyle,
    Resource,
    ResponseKind,
    Stream,
    TypeExpr,
)
from .loader import Document, pointer_join
from .naming import (
    Namespace,
    class_name,
    constant_name,
    identifier,
    method_from_operation,
    model_class_name,
    package_from_title,
    pascal_case,
    snake_case,
)
from .schemas import TypeMapper, as_mapping, schema_types

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Names the generated method signatures already use, or that would shadow the models' own imports.
RESERVED_PARAMS = frozenset(
    {"self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "idempotency_key"}
    | {"path_template", "json_body", "to_json", "header_values"}  # helpers the method bodies call
)
RESERVED_METHODS = frozenset({"with_raw_response", "with_streaming_response"})
RESERVED_MODELS = frozenset(
    {"BaseModel", "Field", "ConfigDict", "RootModel", "Literal", "Annotated", "Any", "TypeAliasType", "AwareDatetime"}
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

JSON_MEDIA = re.compile(r"^application/(.+\+)?json$")
SSE_MEDIA = "text/event-stream"
_BODY_PREFERENCE: tuple[BodyKind, ...] = ("json", "multipart", "form", "binary")


def body_kind(media: str) -> BodyKind:
    """How a request body of this media type is sent; anything not JSON or a form is sent as raw bytes."""
    media = media.split(";")[0].strip().lower()
    if JSON_MEDIA.match(media):
        return "json"
    if media.startswith("multipart/"):
        return "multipart"
    if media == "application/x-www-form-urlencoded":
        return "form"
    return "binary"


def _is_text(media: str) -> bool:
    media = media.split(";")[0].strip().lower()
    return media.startswith("text/") or media.endswith(("/xml", "+xml"))


@dataclass(frozen=True)
class _Response:
    type: TypeExpr | None
    kind: ResponseKind
    schema: Any = None
    example: Any = None
    at: str = ""
    stream: TypeExpr | None = None
    accept: str | None = None


@dataclass
class ParseResult:
    api: Api
    model_schemas: dict[str, Any]
    """The schemas handed to datamodel-code-generator, keyed by final class name."""
    problems: Problems
    skipped: list[str]
    """Pointers of the operations skipped (only with ``keep_going``)."""


def _text(node: Mapping[str, Any], key: str) -> str:
    value = node.get(key)
    return value.strip() if isinstance(value, str) else ""


class Parser:
    def __init__(self, doc: Document, config: SdkConfig, *, keep_going: bool = False, skip: Sequence[str] = ()) -> None:
        self.doc = doc
        self.config = config
        self.keep_going = keep_going
        self._skip = tuple(skip)
        """Pointers of problems that validation found (with ``keep_going``); their operations are skipped."""
        self.skipped: list[str] = []
        """Pointers of the operations ``keep_going`` skipped."""
        self.problems = Problems(doc.name)
        self.model_names: dict[str, str] = {}
        self.models: list[Model] = []
        self.types = TypeMapper(self.model_names, doc.resolve)

    # -- models -------------------------------------------------------------------------------------------------
    def _collect_models(self) -> dict[str, Any]:
        schemas = as_mapping(as_mapping(self.doc.root.get("components")).get("schemas"))
        names = Namespace(RESERVED_MODELS)
        modules = Namespace({"__init__"})
        out: dict[str, Any] = {}
        for schema_name, schema in schemas.items():
            at = pointer_join("/components/schemas", schema_name)
            if not isinstance(schema, Mapping):
                self.problems.error(at, "a schema must be a mapping", "write the schema as an object")
                continue
            name = names.claim(model_class_name(schema_name))
            module = modules.claim(identifier(name, fallback="model"))
            self.model_names[schema_name] = name
            self.models.append(Model(name, module, schema_name, _text(cast(Mapping[str, Any], schema), "description")))
            out[name] = schema
        return out

    # -- operations ---------------------------------------------------------------------------------------------
    def _param(self, raw: Any, at: str, taken: Namespace) -> Param | None:
        node, node_at = self.doc.resolve(raw, at)
        node = as_mapping(node)
        wire, where = node.get("name"), node.get("in")
        if not isinstance(wire, str) or where not in ("path", "query", "header", "cookie"):
            self.problems.error(node_at, "a parameter needs a string 'name' and 'in' of path, query, header or cookie")
            return None
        schema = node.get("schema", {})
        if "schema" not in node and "content" in node:
            content = as_mapping(node["content"])
            schema = as_mapping(next(iter(content.values()), {})).get("schema", {})
        type_ = self.types(schema, pointer_join(node_at, "schema"))
        required = bool(node.get("required")) or where == "path"
        example, has_example = _example(node, as_mapping(self.doc.resolve(schema, node_at)[0]))
        name = taken.claim(identifier(wire, fallback="param"))
        style: QueryStyle = "form"
        if where == "query" and node.get("style") == "deepObject":
            style = "deep_object"
        elif where == "query" and node.get("explode") is False and type_.source.startswith("list["):
            style = "form_csv"
        return Param(name, wire, where, type_, required, _text(node, "description"), example, has_example, style)

    def _body(self, raw: Any, at: str, taken: Namespace) -> Body | None:
        node, node_at = self.doc.resolve(raw, at)
        node = as_mapping(node)
        content = as_mapping(node.get("content"))
        if not content:
            return None
        media = min(content, key=lambda m: (_BODY_PREFERENCE.index(body_kind(m)), list(content).index(m)))
        kind = body_kind(media)
        media_node = as_mapping(content[media])
        schema_raw = media_node.get("schema", {})
        schema_at = pointer_join(node_at, "content", media, "schema")
        schema, resolved_at = self.doc.resolve(schema_raw, schema_at)
        schema = as_mapping(schema)
        required = bool(node.get("required"))
        if kind == "binary":
            media = media if "*" not in media else "application/octet-stream"
            param = Param(
                taken.claim("body"), "", "body", TypeExpr("FileContent"), required, _text(node, "description")
            )
            return Body(media, kind, (param,), required, None)
        body_example = as_mapping(media_node.get("example", schema.get("example")))
        model = self.types(schema_raw, schema_at)
        properties = self._properties(schema, resolved_at)
        if properties is None:
            whole = model if kind == "json" else TypeExpr("Mapping[str, object]")
            param = Param(taken.claim("body"), "", "body", whole, required, _text(node, "description"))
            return Body(media, kind, (param,), required, model)
        params: list[Param] = []
        for wire, (prop, prop_at, required_field) in properties.items():
            prop_schema = as_mapping(self.doc.resolve(prop, prop_at)[0])
            example, has_example = _example(prop_schema, prop_schema)
            if wire in body_example:
                example, has_example = body_example[wire], True
            file_type = self._file_type(prop, prop_at) if kind == "multipart" else None
            params.append(
                Param(
                    name=taken.claim(identifier(wire, fallback="field")),
                    wire_name=wire,
                    location="body",
                    type=file_type or self.types(prop, prop_at),
                    required=required_field,
                    description=_text(prop_schema, "description"),
                    example=None if file_type else example,
                    has_example=has_example and not file_type,
                    is_file=file_type is not None,
                )
            )
        return Body(media, kind, tuple(params), required, model)

    def _properties(self, schema: Mapping[str, Any], at: str) -> dict[str, tuple[Any, str, bool]] | None:
        """An object body's fields (``allOf`` parts merged), or ``None`` when the body is not a plain object."""
        found: dict[str, tuple[Any, str, bool]] = {}
        parts: list[tuple[Mapping[str, Any], str]] = [(schema, at)]
        for i, part in enumerate(cast(list[Any], schema.get("allOf", []))):
            resolved, part_at = self.doc.resolve(part, pointer_join(at, "allOf", i))
            parts.append((as_mapping(resolved), part_at))
        is_object = False
        for part, part_at in parts:
            properties = as_mapping(part.get("properties"))
            if "object" in schema_types(part) or properties:
                is_object = True
            required_fields = set(cast(list[str], part.get("required", [])))
            for wire, prop in properties.items():
                found[wire] = (prop, pointer_join(part_at, "properties", wire), wire in required_fields)
        if not is_object or schema.get("oneOf") or schema.get("anyOf"):
            return None
        required_anywhere = {w for part, _ in parts for w in cast(list[str], part.get("required", []))}
        return {w: (p, a, r or w in required_anywhere) for w, (p, a, r) in found.items()}

    def _file_type(self, prop: Any, at: str, depth: int = 0) -> TypeExpr | None:
        """``FileTypes`` for a multipart field that carries a file (``format: binary``), or a list of them."""
        schema = as_mapping(self.doc.resolve(prop, at)[0])
        types = schema_types(schema)
        if "array" in types and depth == 0:
            item = self._file_type(schema.get("items", {}), pointer_join(at, "items"), depth + 1)
            return TypeExpr(f"list[{item.source}]") if item else None
        if "string" in types and (
            schema.get("format") == "binary"
            or schema.get("contentEncoding") == "binary"
            or ("contentMediaType" in schema and "contentEncoding" not in schema)
        ):
            return TypeExpr("FileTypes")
        return None

    def _response(self, op: Mapping[str, Any], at: str) -> _Response:
        """The success response: its type, how it is returned, its schema (resolved), example and pointer."""
        responses = as_mapping(op.get("responses"))
        codes = sorted(str(c) for c in responses if str(c).startswith("2") or str(c).upper() == "2XX")
        for code in codes:
            resp, resp_at = self.doc.resolve(responses[code], pointer_join(at, "responses", code))
            content = as_mapping(as_mapping(resp).get("content"))
            if not content:
                return _Response(None, "none", at=resp_at)
            stream: TypeExpr | None = None
            if SSE_MEDIA in content:
                stream_at = pointer_join(resp_at, "content", SSE_MEDIA, "schema")
                stream = self.types(as_mapping(content[SSE_MEDIA]).get("schema", {}), stream_at)
            media = next((m for m in content if JSON_MEDIA.match(m)), None)
            if media is None:
                if stream is not None:
                    return _Response(None, "none", stream=stream, accept=SSE_MEDIA, at=resp_at)
                media = next(iter(content))
                kind: ResponseKind = "text" if _is_text(media) else "binary"
                return _Response(
                    TypeExpr("str" if kind == "text" else "BinaryResponse"), kind, accept=media, at=resp_at
                )
            media_node = as_mapping(content[media])
            schema_raw = media_node.get("schema", {})
            schema_at = pointer_join(resp_at, "content", media, "schema")
            schema, _ = self.doc.resolve(schema_raw, schema_at)
            example = media_node.get("example", as_mapping(schema).get("example"))
            return _Response(self.types(schema_raw, schema_at), "json", schema, example, schema_at, stream=stream)
        return _Response(None, "none", at=at)

    def _page(
        self, http_method: str, query: tuple[Param, ...], schema: Any, at: str
    ) -> tuple[Pagination, TypeExpr] | None:
        if http_method != "get" or not isinstance(schema, Mapping):
            return None
        fields = self._properties(cast(Mapping[str, Any], schema), at) or {}
        props = {wire: prop for wire, (prop, _, _) in fields.items()}
        wire_query = {p.wire_name for p in query}
        for scheme in self.config.pagination or _detected_schemes(props, wire_query):
            if scheme.items not in fields:
                continue
            prop, prop_at, _ = fields[scheme.items]
            items, items_at = self.doc.resolve(prop, prop_at)
            items = as_mapping(items)
            if (
                scheme.request_param in wire_query
                and "array" in schema_types(items)
                and (scheme.has_more is None or scheme.has_more in props)
            ):
                return _pagination(scheme), self.types(items.get("items", {}), pointer_join(items_at, "items"))
        return None

    def _operation(self, path: str, http_method: str, op: Mapping[str, Any], shared: list[Any], at: str) -> Operation:
        taken = Namespace(RESERVED_PARAMS)
        params: dict[tuple[str, str], Param] = {}
        own = cast(list[Any], op.get("parameters", []))
        for i, raw in enumerate([*shared, *own]):
            where = pointer_join(at, "parameters", i - len(shared)) if i >= len(shared) else at
            param = self._param(raw, where, taken)
            if param is not None:
                params[(param.location, param.wire_name)] = param  # an operation's own parameter wins
        by_location = {
            loc: tuple(p for p in params.values() if p.location == loc) for loc in ("path", "query", "header", "cookie")
        }
        placeholders = _PLACEHOLDER.findall(path)  # generator.validate checked that they match the path params
        path_names = {p.wire_name: p.name for p in by_location["path"]}
        py_path = _PLACEHOLDER.sub(lambda m: "{" + path_names.get(m.group(1), m.group(1)) + "}", path)
        body = self._body(op["requestBody"], pointer_join(at, "requestBody"), taken) if "requestBody" in op else None
        response = self._response(op, at)
        page = self._page(http_method, by_location["query"], response.schema, response.at)
        stream = None
        if response.stream is not None:
            toggle = next(
                (p for p in (body.params if body and body.kind == "json" else ()) if p.wire_name == "stream"), None
            )
            if response.kind == "none" or (toggle is not None and toggle.type.source in ("bool", "bool | None")):
                stream = Stream(response.stream, toggle if response.kind != "none" else None)
        return Operation(
            operation_id=str(op.get("operationId") or f"{http_method} {path}"),
            method_name="",
            http_method=http_method,
            path=py_path,
            pointer=at,
            summary=_text(op, "summary"),
            description=_text(op, "description"),
            deprecated=bool(op.get("deprecated")),
            path_params=tuple(
                sorted(
                    by_location["path"],
                    key=lambda p: placeholders.index(p.wire_name) if p.wire_name in placeholders else len(placeholders),
                )
            ),
            query_params=by_location["query"],
            header_params=by_location["header"],
            cookie_params=by_location["cookie"],
            body=body,
            response=response.type,
            response_kind=response.kind,
            accept=response.accept,
            stream=stream,
            page=page[0] if page else None,
            item=page[1] if page else None,
            response_example=response.example,
        )

    def _placement(self, op: Mapping[str, Any], path: str, http_method: str) -> tuple[tuple[str, ...], str, str]:
        """The resource path, and the method name: in full, and without the resource's own words."""
        op_id = op.get("operationId")
        if isinstance(op_id, str) and op_id in self.config.operations:
            *resource, method = self.config.operations[op_id].split(".")
            return tuple(resource), method, method
        tags = op.get("tags")
        first_segment = next((s for s in path.split("/") if s and not s.startswith("{")), "default")
        group = cast(list[Any], tags)[0] if isinstance(tags, list) and tags else first_segment
        resource = identifier(str(group), fallback="default")
        full = snake_case(op_id) if isinstance(op_id, str) and op_id else f"{http_method}_{snake_case(path)}"
        full = identifier(full, fallback=http_method)
        return (resource,), full, identifier(method_from_operation(full, resource), fallback=http_method)

    def _operations(self) -> list[Resource]:
        paths = as_mapping(self.doc.root.get("paths"))
        roots: dict[str, Resource] = {}
        seen_ids: dict[str, str] = {}
        placed: list[tuple[tuple[str, ...], str, str, Operation]] = []
        for path, item in paths.items():
            item_at = pointer_join("/paths", path)
            item, item_at = self.doc.resolve(item, item_at)
            item = as_mapping(item)
            shared = cast(list[Any], item.get("parameters", []))
            for http_method in [m for m in item if m in HTTP_METHODS]:
                at = pointer_join(item_at, http_method)
                op = as_mapping(item[http_method])
                op_id = op.get("operationId")
                if isinstance(op_id, str):
                    seen_ids[op_id] = at  # unique: generator.validate checked
                if self._skipped_by_validation(item_at, at):
                    self.skipped.append(at)
                    continue
                mark, errors = len(self.problems.items), len(self.problems.errors)
                try:
                    operation = self._operation(path, http_method, op, shared, at)
                except GenerationError as exc:
                    self.problems.items.extend(exc.problems)
                    operation = None
                if operation is None or len(self.problems.errors) > errors:
                    if self.keep_going:
                        self.problems.demote(mark, f"skipped {http_method.upper()} {path}")
                        self.skipped.append(at)
                    continue
                placed.append((*self._placement(op, path, http_method), operation))
        # A short name that two operations of one resource would share is not used by either.
        short_names = Counter((resource, short) for resource, _, short, _ in placed)
        for resource_path, full, short, operation in placed:
            method = short if short_names[(resource_path, short)] == 1 else full
            self._add(roots, resource_path, method, operation)
        unknown = sorted(set(self.config.operations) - set(seen_ids))
        for op_id in unknown:
            self.problems.error(f"/operations/{op_id}", f"the config names operationId {op_id!r}, which the spec lacks")
        return [roots[k] for k in roots]

    def _skipped_by_validation(self, item_at: str, at: str) -> bool:
        return any(
            p == at or p.startswith(at + "/") or p == item_at or p.startswith(item_at + "/parameters")
            for p in self._skip
        )

    def _add(self, roots: dict[str, Resource], path: tuple[str, ...], method: str, op: Operation) -> None:
        parent: Resource | None = None
        for depth, part in enumerate(path):
            siblings = roots if parent is None else {c.name: c for c in parent.children}
            node = siblings.get(part)
            if node is None:
                node = Resource(part, path[: depth + 1], class_name(part))
                if parent is None:
                    roots[part] = node
                else:
                    parent.children.append(node)
            parent = node
        assert parent is not None
        taken = Namespace(
            RESERVED_METHODS | {c.name for c in parent.children} | {o.method_name for o in parent.operations}
        )
        name = taken.claim(method)
        if name != method:
            self.problems.warn(op.pointer, f"method name {method!r} is taken in {'.'.join(path)}; using {name!r}")
        parent.operations.append(replace(op, method_name=name))

    # -- the whole API ------------------------------------------------------------------------------------------
    def parse(self) -> ParseResult:
        model_schemas = self._collect_models()
        resources = self._operations()
        _unique_class_names(resources, self.models)
        self.problems.raise_if_errors()
        info = as_mapping(self.doc.root.get("info"))
        title = _text(info, "title") or "API"
        package = self.config.package_name or package_from_title(title)
        prefix = self.config.env_prefix or constant_name(package)
        pages: dict[str, Pagination] = {}
        for op in (o for r in resources for res in r.walk() for o in res.operations):
            if op.page is not None:
                pages.setdefault(op.page.name, op.page)
        auth = self._auth()
        if auth.kind != "none":
            for resource in (r for root in resources for r in root.walk()):
                resource.operations = [self._operation_auth(op, auth) for op in resource.operations]
        api = Api(
            title=title,
            version=str(info.get("version", "")),
            description=self.config.description or _text(info, "description"),
            package_name=package,
            distribution_name=self.config.distribution_name or package.replace("_", "-"),
            package_version=self.config.version,
            client_class=self.config.client_class,
            async_client_class=self.config.async_client_class,
            api_key_env=self.config.api_key_env or f"{prefix}_API_KEY",
            base_url_env=self.config.base_url_env or f"{prefix}_BASE_URL",
            log_env=self.config.log_env or f"{prefix}_LOG",
            base_url=self.config.base_url or self._server_url(),
            auth=auth,
            timeout=self.config.timeout,
            connect_timeout=self.config.connect_timeout,
            max_retries=self.config.max_retries,
            request_id_header=self.config.request_id_header,
            idempotency_header=self.config.idempotency_header,
            default_headers=dict(self.config.default_headers),
            resources=resources,
            models=self.models,
            pages=[pages[k] for k in sorted(pages)],
        )
        return ParseResult(api, model_schemas, self.problems, self.skipped)

    def _operation_auth(self, op: Operation, default: Auth) -> Operation:
        """An operation with its own ``security`` sends that scheme's credential (the same API key) instead."""
        raw = as_mapping(self.doc.at(op.pointer)).get("security")
        if not isinstance(raw, list):
            return op
        auth = self._auth(raw, default_to_any=False)
        return op if auth == default else replace(op, auth=auth)

    def _server_url(self) -> str:
        servers = self.doc.root.get("servers")
        server = as_mapping(cast(list[Any], servers)[0]) if isinstance(servers, list) and servers else {}
        url = str(server.get("url", "http://localhost"))
        for name, var in as_mapping(server.get("variables")).items():
            url = url.replace("{" + name + "}", str(as_mapping(var).get("default", "")))
        if not urlsplit(url).scheme:
            self.problems.warn("/servers/0/url", f"server URL {url!r} is relative", "set base_url in the config")
        return url

    def _auth(self, security: Any = None, *, default_to_any: bool = True) -> Auth:
        """The first usable scheme of a ``security`` list (the document's when not given)."""
        schemes = as_mapping(as_mapping(self.doc.root.get("components")).get("securitySchemes"))
        security = self.doc.root.get("security") if security is None else security
        names = [n for req in cast(list[Any], security or []) for n in as_mapping(req)]
        if not names and default_to_any:
            names = list(schemes)
        for name in names:
            scheme = as_mapping(
                self.doc.resolve(schemes.get(name, {}), pointer_join("/components/securitySchemes", name))[0]
            )
            kind = scheme.get("type")
            if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
                return Auth("basic")
            if kind in ("http", "oauth2", "openIdConnect"):
                return Auth("bearer")
            if kind == "apiKey" and scheme.get("in") in ("header", "query"):
                return Auth(cast(Any, scheme["in"]), str(scheme.get("name", "")))
        return Auth("none")


def _example(node: Mapping[str, Any], schema: Mapping[str, Any]) -> tuple[Any, bool]:
    for source in (node, schema):
        if "example" in source:
            return source["example"], True
        examples = source.get("examples")
        if isinstance(examples, list) and examples:
            return cast(list[Any], examples)[0], True
    if "default" in schema:
        return schema["default"], True
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return cast(list[Any], enum)[0], True
    return None, False


_ITEM_FIELDS = ("data", "items", "results")
_PAGE_NAMES = {"cursor": "CursorPage", "offset": "OffsetPage", "page": "PageNumberPage"}


def _detected_schemes(props: Mapping[str, Any], query: set[str]) -> list[PaginationConfig]:
    """Without a ``pagination`` config, these shapes are paginated: a list field (``data``, ``items`` or ``results``)
    with a cursor (``after`` and ``has_more``), an ``offset``, or a ``page`` query parameter."""
    items = next((f for f in _ITEM_FIELDS if f in props), None)
    if items is None:
        return []
    more = "has_more" if "has_more" in props else None
    total = "total" if "total" in props else None
    found: list[tuple[str, str]] = []
    if "after" in query and more:
        found.append(("cursor", "after"))
    if "offset" in query:
        found.append(("offset", "offset"))
    if "page" in query:
        found.append(("page", "page"))
    schemes: list[PaginationConfig] = []
    for style, param in found:
        # One class per shape: the name says what differs from the plain style.
        name = _PAGE_NAMES[style] + ("" if items == "data" else pascal_case(items))
        name += ("" if style == "cursor" or not more else "HasMore") + ("Total" if total and style != "cursor" else "")
        schemes.append(
            PaginationConfig(
                name=name,
                style=style,
                request_param=param,
                items=items,
                has_more=more,
                limit_param="limit" if "limit" in query else None,
                total=total if style != "cursor" else None,
            )
        )
    return schemes


def _pagination(scheme: PaginationConfig) -> Pagination:
    return Pagination(
        name=scheme.name,
        style=scheme.style,
        request_param=scheme.request_param,
        items_field=scheme.items,
        has_more_field=scheme.has_more,
        cursor_field=scheme.cursor_field,
        limit_param=scheme.limit_param,
        total_field=scheme.total,
    )


def _unique_class_names(resources: list[Resource], models: list[Model]) -> None:
    """Resource classes share a namespace with each other and with the models their modules import.

    A resource named like a model (tag ``pet``, schema ``Pet``) becomes ``PetResource``.
    """
    model_names = {m.name for m in models}
    taken = Namespace(RESERVED_MODELS | model_names)
    for resource in (r for root in resources for r in root.walk()):
        base = resource.class_name
        resource.class_name = taken.claim(f"{base}Resource" if base in taken else base)


def parse(doc: Document, config: SdkConfig, *, keep_going: bool = False, skip: Sequence[str] = ()) -> ParseResult:
    """Build the IR; with ``keep_going``, an operation with problems is skipped with a warning instead of failing.

    ``skip`` holds pointers of problems found before parsing: an operation at, under or sharing the path-level
    parameters of one of them is skipped."""
    return Parser(doc, config, keep_going=keep_going, skip=skip).parse()
