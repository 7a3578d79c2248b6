"""Spec + config -> the intermediate representation, in one pass.

Components are typed first (:mod:`generator.pytypes.mapper`), then every operation (:mod:`generator.api.operations`), its
pagination (:mod:`generator.api.pagination`) and security (:mod:`generator.api.security`); operations are then placed in the
resource tree. Every later stage (models, templates, examples, the change report) reads the result and never the
raw document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from generator.api.ir import Api, Auth, Operation, Resource
from generator.api.named_responses import ResponseNames
from generator.api.operations import OperationBuilder, path_order, python_path
from generator.api.pagination.decide import Paginator
from generator.api.parameters import ParameterOptions
from generator.api.placement import Endpoint, Key, Placement, base_path, place
from generator.api.security import (
    auth_of,
    main_server,
    operation_auth,
    operation_server,
    request_id_header,
    server_url,
)
from generator.api.settings import SdkConfig
from generator.api.type_packages import place_types, type_pins, unused_pins, wished_names
from generator.core.errors import GenerationError, Problems, pointer
from generator.core.naming import Namespace, class_name
from generator.core.reserved import CLIENT_ATTRIBUTES, RESOURCE_ATTRIBUTES, resource_class_clashes
from generator.inputs.document import Document, pointer_join
from generator.inputs.vocabulary import HTTP_METHODS, api_version, as_list, as_mapping, is_json_lines, text_of
from generator.pytypes.mapper import RESERVED_MODELS, TypeMapper

NO_ID = "add one: the config maps operations by operationId, and without one the method is named from the path alone"


@dataclass
class ParseResult:
    api: Api
    problems: Problems
    skipped: list[str]
    """Pointers of the operations skipped (only with ``keep_going``)."""


Found = tuple[Endpoint, Mapping[str, Any], Mapping[str, Any], str]
"""An operation of the document: as placement reads it, the operation, its path item, and its pointer."""


def operations_of(doc: Document) -> list[Found]:
    """Every operation of the document, in the document's order (path items behind a ``$ref`` followed)."""
    found: list[Found] = []
    for path, raw_item in as_mapping(doc.root.get("paths")).items():
        item, item_at = doc.resolve(raw_item, pointer_join("/paths", path))
        item = as_mapping(item)
        for http_method in [m for m in item if m in HTTP_METHODS]:
            op = as_mapping(item[http_method])
            op_id = op.get("operationId") if isinstance(op.get("operationId"), str) else None
            tags = tuple(str(tag) for tag in as_list(op.get("tags")))
            endpoint = Endpoint(path, http_method, op_id, tags, text_of(op, "summary"))
            found.append((endpoint, op, item, pointer_join(item_at, http_method)))
    return found


def placements(doc: Document, found: list[Found] | None = None) -> dict[Key, Placement]:
    """Where every operation goes with no config (:func:`~generator.api.placement.place`): the document's servers' base
    paths are not resources, and no method takes a name the resources' own attributes have."""
    endpoints = [endpoint for endpoint, _, _, _ in (operations_of(doc) if found is None else found)]
    servers = [str(as_mapping(s).get("url", "")) for s in as_list(doc.root.get("servers"))]
    return place(endpoints, [base_path(url) for url in servers], RESOURCE_ATTRIBUTES)


class Parser:
    def __init__(self, doc: Document, config: SdkConfig, *, keep_going: bool = False, skip: Sequence[str] = ()) -> None:
        self.doc = doc
        self.config = config
        self.keep_going = keep_going
        self._skip = tuple(skip)
        """Pointers of problems that validation found (with ``keep_going``); their operations are skipped."""
        self.skipped: list[str] = []
        self.problems = Problems(doc.name)
        self.config_problems = Problems(config.source, self.problems.items)
        """Problems at pointers into the config, in the one list of all problems."""
        self.types = TypeMapper(doc, self.problems, keep_going=keep_going)
        self.auth = self._auth()
        self.paginator = Paginator(config.pagination, self.types.types)
        self._renamed: set[str] = set()
        self._moves_used: set[str] = set()
        self._methods_used: dict[str, set[str]] = {"unpaginated": set(), "deprecated": set()}
        """The entries of the config's options that name methods (``unpaginated``...) that matched one."""
        self.parameters = ParameterOptions(config.parameters, config.source)

    def _auth(self) -> Auth:
        """The document's security, else the config's ``api_key_header`` (for a document that declares none)."""
        found, header = auth_of(self.doc), self.config.api_key_header
        if header is None:
            return found
        if found.kind != "none":
            why = "the document declares its own security scheme, which the SDK uses"
            self.config_problems.warn("/api_key_header", why, "remove the option")
            return found
        return Auth("bearer") if header.lower() == "authorization" else Auth("header", header)

    # -- operations ---------------------------------------------------------------------------------------------
    def _operation(
        self, path: str, http_method: str, op: Mapping[str, Any], item: Mapping[str, Any], at: str, *, pages: bool
    ) -> Operation:
        item_at = at.rsplit("/", 1)[0]
        op_id = op.get("operationId")
        hint = class_name(op_id if isinstance(op_id, str) and op_id else f"{http_method} {path}")
        idempotent = self.config.idempotency_header is not None and http_method != "get"
        builder = OperationBuilder(self.doc, self.types, hint, idempotent=idempotent, parameters=self.parameters)
        params = builder.parameters(path, as_list(item.get("parameters")), as_list(op.get("parameters")), item_at, at)
        path_params = path_order(path, params["path"])
        body = builder.body(op["requestBody"], pointer_join(at, "requestBody")) if "requestBody" in op else None
        response = builder.response(op, at)
        op_name = str(op_id or f"{http_method} {path}")
        in_body = body.params if body is not None and body.kind == "json" and not body.is_whole else ()
        lines = response.accept is not None and is_json_lines(response.accept)  # a list of lines, never a page
        returned = None if lines or not pages else response.type
        paged = self.paginator.decide(op_name, http_method, params["query"], returned, response.headers, body=in_body)
        page = (paged.page, paged.item) if paged.page is not None and paged.item is not None else None
        return Operation(
            operation_id=op_name,
            method_name="",
            http_method=http_method,
            path=python_path(path, path_params),
            pointer=at,
            summary=text_of(op, "summary"),
            description=text_of(op),
            deprecated=bool(op.get("deprecated")),
            path_params=path_params,
            query_params=params["query"],
            header_params=params["header"],
            cookie_params=params["cookie"],
            body=body,
            response=response.type if page else builder.finish_response(response.type),
            error_types=builder.errors(op, at),
            auth=operation_auth(self.doc, op, self.auth),
            response_kind=response.kind,
            accept=response.accept,
            stream=builder.stream(response, body),
            idempotent=idempotent,
            page=page[0] if page else None,
            item=page[1] if page else None,
            listing=paged.listing,
            server=operation_server(main_server(self.doc), item, op),
            renamed=tuple(builder.renamed),
        )

    def _operations(self) -> list[tuple[Placement, Operation]]:
        """Every operation, placed: where the config's ``operations`` map does not say, :func:`place` decides for
        the whole document at once (so every operation is given to it, the skipped ones included)."""
        found = operations_of(self.doc)
        for endpoint, _, _, at in found:
            if endpoint.operation_id is None:
                self.problems.warn(at, "the operation has no operationId", NO_ID)
        placed = placements(self.doc, found)
        result: list[tuple[Placement, Operation]] = []
        for endpoint, op, item, at in found:
            placement = self._configured(endpoint) or self._moved(placed[endpoint.key])
            pages = not self._under("unpaginated", placement)
            operation = self._try(endpoint.path, endpoint.method, op, item, at, pages=pages)
            if operation is not None:
                deprecated = operation.deprecated or self._under("deprecated", placement)
                result.append((placement, replace(operation, deprecated=deprecated)))
        return result

    def _under(self, option: str, placement: Placement) -> bool:
        """Whether an entry of the config's ``option`` (``unpaginated``, ``deprecated``) names the method or a
        resource above it."""
        dotted = ".".join((*placement.resource_path, placement.method))
        entries = {e for e in getattr(self.config, option) if dotted == e or dotted.startswith(e + ".")}
        self._methods_used[option] |= entries
        return bool(entries)

    def _moved(self, placement: Placement) -> Placement:
        """The placement under the config's ``resources`` entry for its longest prefix, if there is one."""
        path = placement.resource_path
        for size in range(len(path), 0, -1):
            prefix = ".".join(path[:size])
            target = self.config.resources.get(prefix)
            if target is not None:
                self._moves_used.add(prefix)
                return Placement((*target.split("."), *path[size:]), placement.method)
        return placement

    def _configured(self, endpoint: Endpoint) -> Placement | None:
        target = self.config.operations.get(endpoint.operation_id or "")
        if target is None:
            return None
        *resource, method = target.split(".")
        return Placement(tuple(resource), method)

    def _try(
        self, path: str, http_method: str, op: Mapping[str, Any], item: Mapping[str, Any], at: str, *, pages: bool
    ) -> Operation | None:
        """The operation, or ``None`` when it has problems (with ``keep_going``, skipped with a warning)."""
        if self._skipped_by_validation(at.rsplit("/", 1)[0], at):
            self.skipped.append(at)
            return None
        mark, errors = len(self.problems.items), len(self.problems.errors)
        try:
            operation = self._operation(path, http_method, op, item, at, pages=pages)
        except GenerationError as exc:
            self.problems.items.extend(exc.problems)
            operation = None
        if operation is None or len(self.problems.errors) > errors:
            if self.keep_going:
                self.problems.demote(mark, f"skipped {http_method.upper()} {path}")
                self.skipped.append(at)
            return None
        return operation

    def _skipped_by_validation(self, item_at: str, at: str) -> bool:
        return any(
            p == at or p.startswith(at + "/") or p == item_at or p.startswith(item_at + "/parameters")
            for p in self._skip
        )

    # -- the resource tree --------------------------------------------------------------------------------------
    def _resources(self, placed: list[tuple[Placement, Operation]]) -> list[Resource]:
        roots: dict[str, Resource] = {}
        for placement, operation in placed:
            self._add(roots, placement.resource_path, placement.method, operation)
        return list(roots.values())

    def _add(self, roots: dict[str, Resource], path: tuple[str, ...], method: str, op: Operation) -> None:
        path = (self._top_level(path[0], op), *path[1:])
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
            RESOURCE_ATTRIBUTES | {c.name for c in parent.children} | {o.method_name for o in parent.operations}
        )
        name = taken.claim(method)
        if name != method and op.operation_id in self.config.operations:  # the config's own choice: never renamed
            self.config_problems.error(
                pointer("operations", op.operation_id),
                f"{'.'.join((*path, method))} is taken: {'.'.join(path)} has a method or resource named {method!r}",
                "map it to a free name, or map the operation that has the name elsewhere too",
            )
        elif name != method:
            self.problems.warn(op.pointer, f"method name {method!r} is taken in {'.'.join(path)}; using {name!r}")
        parent.operations.append(replace(op, method_name=name))

    def _top_level(self, name: str, op: Operation) -> str:
        """A top-level resource named like an attribute of the client (``request``, ``close``) would shadow it."""
        if name not in CLIENT_ATTRIBUTES and name not in self.config.client_headers:
            return name
        renamed = f"{name}_resource"
        if renamed not in self._renamed:
            self._renamed.add(renamed)
            self.problems.warn(op.pointer, f"resource {name!r} is named {renamed!r}: the client has a {name!r} already")
        return renamed

    # -- the whole API ------------------------------------------------------------------------------------------
    def parse(self) -> ParseResult:
        by_resource = self.config.type_packages == "resource"
        config = self.config
        self.types.declare_components(config.types, config.type_names, config.source)
        self.types.define_components()
        resources = self._resources(self._operations())
        names = ResponseNames(self.types, config.source, by_package=by_resource)
        self.problems.items.extend(names.apply(resources, config.types, config.response_names))
        if by_resource:
            pins = type_pins(config.types, self.types.components, resources)
            wished = wished_names(self.types.components, config.types, config.type_names)
            place_types(resources, self.types.types, pins, wished)
        else:
            self.problems.items.extend(unused_pins(config.types, config.source))
        _unique_class_names(resources, self.types.types.named)
        self._unfitted_schemes()
        self._unused_moves()
        self._unused_method_entries()
        self.problems.items.extend(self.parameters.unused())
        self.problems.raise_if_errors()
        return ParseResult(self._api(resources), self.problems, self.skipped)

    def _unfitted_schemes(self) -> None:
        """A pagination scheme of the config that fits no operation is most likely misspelt: a warning where it is."""
        for index, scheme in enumerate(self.config.pagination):
            if scheme.name not in self.paginator.fitted:
                fields = f"request_param {scheme.request_param!r}, items {scheme.items!r}"
                self.config_problems.warn(
                    pointer("pagination", index),
                    f"the pagination scheme {scheme.name!r} fits no list operation ({fields})",
                    "check them against a list operation's query parameters and response fields",
                )

    def _unused_moves(self) -> None:
        """A ``resources`` entry that moves nothing names a resource the generator does not make: a warning."""
        for name in sorted(set(self.config.resources) - self._moves_used):
            self.config_problems.warn(
                pointer("resources", name),
                f"no resource {name!r} to move (the generator places none there)",
                "name a resource as the SDK spells it without this entry (its api.md lists them)",
            )

    def _unused_method_entries(self) -> None:
        """An entry of ``unpaginated`` or ``deprecated`` that names no resource or method is most likely misspelt: a
        warning."""
        for option, used in self._methods_used.items():
            for index, name in enumerate(getattr(self.config, option)):
                if name not in used:
                    where, why = pointer(option, index), f"no resource or method {name!r} (after the config's moves)"
                    self.config_problems.warn(where, why, "name it as the SDK spells it (its api.md lists them)")

    def _api(self, resources: list[Resource]) -> Api:
        info = as_mapping(self.doc.root.get("info"))
        title = text_of(info, "title") or "API"
        base_url = self.config.base_url or server_url(self.doc, self.problems)
        renamed = self.config.package(title)[1]
        if renamed:
            self.problems.warn("/info/title", renamed, "set package_name in sdk.yaml to choose another name")
        pages = {op.page.name: op.page for r in resources for res in r.walk() for op in res.operations if op.page}
        return Api(
            title=title,
            version=api_version(self.doc.root),
            settings=self.config.resolve(
                title, text_of(info), base_url, request_id_header(self.doc, self.config.request_id_header)
            ),
            package_version=self.config.version,
            auth=self.auth,
            resources=resources,
            types=self.types.types,
            pages=[pages[k] for k in sorted(pages)],
        )


def _unique_class_names(resources: list[Resource], models: Mapping[str, Any]) -> None:
    """Resource classes share a namespace with each other and with the models their modules import.

    A resource named like a model (tag ``pet``, schema ``Pet``) or like a name its module imports from the runtime
    (``query``, ``headers``, ``stream``: :func:`~generator.core.reserved.resource_class_clashes`) becomes
    ``PetResource``.
    """
    taken = Namespace(RESERVED_MODELS | set(models))
    for resource in (r for root in resources for r in root.walk()):
        base = resource.class_name
        clashes = base in taken or resource_class_clashes(base)
        resource.class_name = taken.claim(f"{base}Resource" if clashes else base)


def parse(doc: Document, config: SdkConfig, *, keep_going: bool = False, skip: Sequence[str] = ()) -> ParseResult:
    """Build the IR; with ``keep_going``, an operation with problems is skipped with a warning instead of failing.

    ``skip`` holds pointers of problems found before parsing: an operation at, under or sharing the path-level
    parameters of one of them is skipped."""
    return Parser(doc, config, keep_going=keep_going, skip=skip).parse()
