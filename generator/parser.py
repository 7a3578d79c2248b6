"""Spec + config -> intermediate representation. Every naming and shape decision is made here, once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, cast
from urllib.parse import urlsplit

from .config import PaginationConfig, SdkConfig
from .errors import GenerationError, Problems
from .ir import Api, Auth, Body, Model, Operation, Pagination, Param, Resource, TypeExpr
from .loader import Document, pointer_join
from .naming import Namespace, class_name, constant_name, identifier, model_class_name, snake_case
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


@dataclass
class ParseResult:
    api: Api
    model_schemas: dict[str, Any]
    """The schemas handed to datamodel-code-generator, keyed by final class name."""
    problems: Problems


def _text(node: Mapping[str, Any], key: str) -> str:
    value = node.get(key)
    return value.strip() if isinstance(value, str) else ""


class Parser:
    def __init__(self, doc: Document, config: SdkConfig) -> None:
        self.doc = doc
        self.config = config
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
        return Param(name, wire, where, type_, required, _text(node, "description"), example, has_example)

    def _body(self, raw: Any, at: str, taken: Namespace) -> Body | None:
        node, node_at = self.doc.resolve(raw, at)
        node = as_mapping(node)
        content = as_mapping(node.get("content"))
        if not content:
            return None
        media = next((m for m in content if JSON_MEDIA.match(m)), None)
        if media is None:
            media = next(iter(content))
            self.problems.error(
                pointer_join(node_at, "content", media),
                f"request bodies of type {media!r} are not supported yet",
                "describe the body as application/json",
            )
            return None
        media_node = as_mapping(content[media])
        schema_raw = media_node.get("schema", {})
        schema_at = pointer_join(node_at, "content", media, "schema")
        schema, resolved_at = self.doc.resolve(schema_raw, schema_at)
        schema = as_mapping(schema)
        required = bool(node.get("required"))
        body_example = as_mapping(media_node.get("example", schema.get("example")))
        model = self.types(schema_raw, schema_at)
        properties = as_mapping(schema.get("properties"))
        if "object" in schema_types(schema) or (properties and not schema_types(schema)):
            required_fields = set(cast(list[str], schema.get("required", [])))
            params: list[Param] = []
            for wire, prop in properties.items():
                prop_at = pointer_join(resolved_at, "properties", wire)
                prop_schema = as_mapping(self.doc.resolve(prop, prop_at)[0])
                example, has_example = _example(prop_schema, prop_schema)
                if wire in body_example:
                    example, has_example = body_example[wire], True
                params.append(
                    Param(
                        name=taken.claim(identifier(wire, fallback="field")),
                        wire_name=wire,
                        location="body",
                        type=self.types(prop, prop_at),
                        required=wire in required_fields,
                        description=_text(prop_schema, "description"),
                        example=example,
                        has_example=has_example,
                    )
                )
            return Body(media, tuple(params), required, model)
        param = Param(taken.claim("body"), "", "body", model, required, _text(node, "description"))
        return Body(media, (param,), required, model)

    def _response(self, op: Mapping[str, Any], at: str) -> tuple[TypeExpr | None, Any, Any, str]:
        """The success response's type, its schema (resolved), its example, and its pointer."""
        responses = as_mapping(op.get("responses"))
        codes = sorted(str(c) for c in responses if str(c).startswith("2") or str(c).upper() == "2XX")
        for code in codes:
            resp, resp_at = self.doc.resolve(responses[code], pointer_join(at, "responses", code))
            content = as_mapping(as_mapping(resp).get("content"))
            if not content:
                return None, None, None, resp_at
            media = next((m for m in content if JSON_MEDIA.match(m)), None)
            if media is None:
                media = next(iter(content))
                self.problems.error(
                    pointer_join(resp_at, "content", media),
                    f"responses of type {media!r} are not supported yet",
                    "describe the response as application/json",
                )
                return None, None, None, resp_at
            media_node = as_mapping(content[media])
            schema_raw = media_node.get("schema", {})
            schema_at = pointer_join(resp_at, "content", media, "schema")
            schema, _ = self.doc.resolve(schema_raw, schema_at)
            example = media_node.get("example", as_mapping(schema).get("example"))
            return self.types(schema_raw, schema_at), schema, example, schema_at
        return None, None, None, at

    def _page(
        self, http_method: str, query: tuple[Param, ...], schema: Any, at: str
    ) -> tuple[Pagination, TypeExpr] | None:
        if http_method != "get" or not isinstance(schema, Mapping):
            return None
        props = as_mapping(cast(Mapping[str, Any], schema).get("properties"))
        wire_query = {p.wire_name for p in query}
        for scheme in self.config.pagination:
            items = as_mapping(self.doc.resolve(props.get(scheme.items), at)[0])
            if (
                scheme.request_param in wire_query
                and "array" in schema_types(items)
                and (scheme.has_more is None or scheme.has_more in props)
            ):
                item_at = pointer_join(at, "properties", scheme.items, "items")
                return _pagination(scheme), self.types(items.get("items", {}), item_at)
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
        response, schema, example, schema_at = self._response(op, at)
        page = self._page(http_method, by_location["query"], schema, schema_at)
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
            response=response,
            page=page[0] if page else None,
            item=page[1] if page else None,
            response_example=example,
        )

    def _placement(self, op: Mapping[str, Any], path: str, http_method: str) -> tuple[tuple[str, ...], str]:
        op_id = op.get("operationId")
        if isinstance(op_id, str) and op_id in self.config.operations:
            *resource, method = self.config.operations[op_id].split(".")
            return tuple(resource), method
        tags = op.get("tags")
        first_segment = next((s for s in path.split("/") if s and not s.startswith("{")), "default")
        group = cast(list[Any], tags)[0] if isinstance(tags, list) and tags else first_segment
        method = snake_case(op_id) if isinstance(op_id, str) and op_id else f"{http_method}_{snake_case(path)}"
        return (identifier(str(group), fallback="default"),), identifier(method, fallback=http_method)

    def _operations(self) -> list[Resource]:
        paths = as_mapping(self.doc.root.get("paths"))
        roots: dict[str, Resource] = {}
        seen_ids: dict[str, str] = {}
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
                try:
                    operation = self._operation(path, http_method, op, shared, at)
                except GenerationError as exc:
                    self.problems.items.extend(exc.problems)
                    continue
                resource_path, method = self._placement(op, path, http_method)
                self._add(roots, resource_path, method, operation)
        unknown = sorted(set(self.config.operations) - set(seen_ids))
        for op_id in unknown:
            self.problems.error(f"/operations/{op_id}", f"the config names operationId {op_id!r}, which the spec lacks")
        return [roots[k] for k in roots]

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
        package = self.config.package_name or identifier(title, fallback="api").removesuffix("_api") or "api"
        prefix = self.config.env_prefix or constant_name(package)
        pages: dict[str, Pagination] = {}
        for op in (o for r in resources for res in r.walk() for o in res.operations):
            if op.page is not None:
                pages.setdefault(op.page.name, op.page)
        api = Api(
            title=title,
            version=str(info.get("version", "")),
            description=_text(info, "description"),
            package_name=package,
            distribution_name=self.config.distribution_name or package.replace("_", "-"),
            package_version=self.config.version,
            client_class=self.config.client_class,
            async_client_class=self.config.async_client_class,
            api_key_env=self.config.api_key_env or f"{prefix}_API_KEY",
            base_url_env=self.config.base_url_env or f"{prefix}_BASE_URL",
            log_env=self.config.log_env or f"{prefix}_LOG",
            base_url=self.config.base_url or self._server_url(),
            auth=self._auth(),
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
        return ParseResult(api, model_schemas, self.problems)

    def _server_url(self) -> str:
        servers = self.doc.root.get("servers")
        server = as_mapping(cast(list[Any], servers)[0]) if isinstance(servers, list) and servers else {}
        url = str(server.get("url", "http://localhost"))
        for name, var in as_mapping(server.get("variables")).items():
            url = url.replace("{" + name + "}", str(as_mapping(var).get("default", "")))
        if not urlsplit(url).scheme:
            self.problems.warn("/servers/0/url", f"server URL {url!r} is relative", "set base_url in the config")
        return url

    def _auth(self) -> Auth:
        schemes = as_mapping(as_mapping(self.doc.root.get("components")).get("securitySchemes"))
        security = self.doc.root.get("security")
        names = [n for req in cast(list[Any], security or []) for n in as_mapping(req)] or list(schemes)
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


def parse(doc: Document, config: SdkConfig) -> ParseResult:
    return Parser(doc, config).parse()
