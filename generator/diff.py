"""Compare two versions of an API as a user of the generated SDK sees them.

Both documents go through the generator's own parser, so operations are named by the methods users call
(``client.store.orders.create(note=)``) and schemas by their model classes (``Order.status``). The
schema walk knows which way data flows: a change is judged for requests (what the user sends) and responses (what the
user reads) separately; a new enum value is harmless in a request and breaks exhaustive matching in a response.

Rule ids follow oasdiff's breaking-change checks (``request-property-removed``, ``response-property-became-nullable``,
...). Rules that only exist because of the SDK's shape start with ``sdk-`` (a method moved, pagination added).

Each operation compares its own parameters, request body fields and response down to the first named schema; the
named schemas (the model classes) are compared once each, in the directions they are used in, so a change to a model
shared by five operations is reported once. That also makes recursive schemas terminate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from .config import SdkConfig
from .errors import GenerationError, Problem
from .ir import Api, Operation, Param, Resource
from .loader import Document, pointer_join
from .parser import JSON_MEDIA, parse
from .schemas import SCHEMA_PREFIX, TypeMapper, as_mapping, is_null_schema, is_nullable, schema_types

Impact = Literal["breaking", "addition", "other"]
Direction = Literal["request", "response"]
IMPACTS: tuple[Impact, ...] = ("breaking", "addition", "other")
BUMPS = {"breaking": "major", "addition": "minor", "other": "patch"}


@dataclass(frozen=True)
class Change:
    """One difference between the two APIs, classified for SDK users."""

    rule: str
    """The check that found it: oasdiff's id where one exists, ``sdk-...`` otherwise."""
    impact: Impact
    """``breaking`` (user code or an older client can fail), ``addition`` (new surface), ``other``."""
    group: str
    """Where users meet it: ``client.store.orders``, ``shop.types`` or ``client``."""
    location: str
    """Inside the group: ``create(note=)``, ``retrieve().status``, ``Order.status``."""
    message: str
    pointer: str
    """JSON pointer of the changed node, in the new document (in the old one for removals)."""
    document: Literal["old", "new"] = "new"
    direction: Direction | None = None
    operation: str | None = None
    """The operationId the change belongs to, if any."""
    note: str = ""
    """Why it breaks, for breaking changes whose reason is not obvious."""

    @property
    def breaking(self) -> bool:
        return self.impact == "breaking"

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "impact": self.impact,
            "breaking": self.breaking,
            "group": self.group,
            "location": self.location,
            "message": self.message,
            "note": self.note,
            "direction": self.direction,
            "operation": self.operation,
            "document": self.document,
            "pointer": self.pointer,
        }


def bump_for(changes: list[Change]) -> str:
    """The semver part a release with these changes needs: ``major``, ``minor`` or ``patch``."""
    impacts = {c.impact for c in changes}
    return next((BUMPS[i] for i in IMPACTS if i in impacts), "patch")


@dataclass
class Side:
    """One version of the API: the document, the config and the parsed SDK surface."""

    doc: Document
    config: SdkConfig
    api: Api
    model_names: dict[str, str]
    """Component schema name -> model class name."""
    types: TypeMapper

    @classmethod
    def parse(cls, doc: Document, config: SdkConfig, *, keep_going: bool = False) -> Side:
        """Parse with the generator's own parser; raises :class:`GenerationError` when the generator would."""
        api = parse(doc, config, keep_going=keep_going).api
        names = {m.schema_name: m.name for m in api.models}
        return cls(doc, config, api, names, TypeMapper(names, doc.resolve))

    def operations(self) -> dict[str, tuple[Resource, Operation]]:
        return {op.operation_id: (r, op) for r in self.api.walk() for op in r.operations}

    def schemas(self) -> Mapping[str, Any]:
        return as_mapping(as_mapping(self.doc.root.get("components")).get("schemas"))

    def resolve(self, node: Any, at: str) -> tuple[Mapping[str, Any], str]:
        target, target_at = self.doc.resolve(node, at)
        return as_mapping(target), target_at

    def type_of(self, schema: Any, at: str) -> str:
        return self.types(schema, at).source


def component_name(schema: Any) -> str | None:
    ref = as_mapping(schema).get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :]
    return None


# -- where the raw schemas of an operation are ---------------------------------------------------------------------


def _operation_node(side: Side, op: Operation) -> Mapping[str, Any]:
    return as_mapping(side.doc.at(op.pointer))


def _param_schema(side: Side, op: Operation, param: Param) -> tuple[Any, str]:
    """The raw schema behind a method argument, and its pointer."""
    if param.location == "body":
        return _body_field_schema(side, op, param)
    path_item_at = op.pointer.rsplit("/", 1)[0]
    item = as_mapping(side.doc.at(path_item_at))
    candidates = [
        *[(raw, pointer_join(path_item_at, "parameters", i)) for i, raw in enumerate(item.get("parameters") or [])],
        *[
            (raw, pointer_join(op.pointer, "parameters", i))
            for i, raw in enumerate(_operation_node(side, op).get("parameters") or [])
        ],
    ]
    found: tuple[Any, str] = ({}, op.pointer)
    for raw, at in candidates:
        node, node_at = side.resolve(raw, at)
        if node.get("name") == param.wire_name and node.get("in") == param.location:
            if "schema" in node:
                found = node["schema"], pointer_join(node_at, "schema")
            else:
                content = as_mapping(node.get("content"))
                media = next(iter(content), None)
                if media is not None:
                    found = as_mapping(content[media]).get("schema", {}), pointer_join(
                        node_at, "content", media, "schema"
                    )
    return found


def _body_schema(side: Side, op: Operation) -> tuple[Any, str]:
    raw = _operation_node(side, op).get("requestBody")
    if raw is None:
        return {}, op.pointer
    node, node_at = side.resolve(raw, pointer_join(op.pointer, "requestBody"))
    content = as_mapping(node.get("content"))
    media = next((m for m in content if JSON_MEDIA.match(m)), next(iter(content), None))
    if media is None:
        return {}, node_at
    return as_mapping(content[media]).get("schema", {}), pointer_join(node_at, "content", media, "schema")


def _body_field_schema(side: Side, op: Operation, param: Param) -> tuple[Any, str]:
    schema, at = _body_schema(side, op)
    if not param.wire_name:  # the whole body is one argument
        return schema, at
    resolved, resolved_at = side.resolve(schema, at)
    props = _object_shape(side, resolved, resolved_at)[0]
    return props.get(param.wire_name, ({}, resolved_at))


def _response_schema(side: Side, op: Operation) -> tuple[Any, str]:
    node = _operation_node(side, op)
    responses = as_mapping(node.get("responses"))
    success = {str(c): r for c, r in responses.items() if str(c).startswith("2") or str(c).upper() == "2XX"}
    for code in sorted(success):
        resp, resp_at = side.resolve(success[code], pointer_join(op.pointer, "responses", code))
        content = as_mapping(resp.get("content"))
        media = next((m for m in content if JSON_MEDIA.match(m)), next(iter(content), None))
        if media is None:
            return None, resp_at
        return as_mapping(content[media]).get("schema", {}), pointer_join(resp_at, "content", media, "schema")
    return None, op.pointer


def _object_shape(
    side: Side, schema: Mapping[str, Any], at: str, depth: int = 0
) -> tuple[dict[str, tuple[Any, str]], set[str]]:
    """Properties (raw schema, pointer) and required names of an object schema, ``allOf`` members merged."""
    props: dict[str, tuple[Any, str]] = {
        name: (prop, pointer_join(at, "properties", name))
        for name, prop in as_mapping(schema.get("properties")).items()
    }
    required = {r for r in cast(list[Any], schema.get("required") or []) if isinstance(r, str)}
    members = schema.get("allOf")
    if isinstance(members, list) and depth < 16:
        for i, member in enumerate(cast(list[Any], members)):
            node, node_at = side.resolve(member, pointer_join(at, "allOf", i))
            more, more_required = _object_shape(side, node, node_at, depth + 1)
            for name, value in more.items():
                props.setdefault(name, value)
            required |= more_required
    return props, required


# -- which named schemas are read, sent, or both ----------------------------------------------------------------------


def _refs_in(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        mapping = cast(Mapping[str, Any], node)
        name = component_name(mapping)
        if name is not None:
            yield name
        for key, value in mapping.items():
            if key != "$ref":
                yield from _refs_in(value)
    elif isinstance(node, list):
        for value in cast(list[Any], node):
            yield from _refs_in(value)


def _closure(side: Side, start: list[Any]) -> set[str]:
    schemas = side.schemas()
    seen: set[str] = set()
    todo = [name for node in start for name in _refs_in(node)]
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(_refs_in(schemas[name]))
    return seen


@dataclass
class Usage:
    request: set[str] = field(default_factory=set[str])
    response: set[str] = field(default_factory=set[str])
    flattened: set[str] = field(default_factory=set[str])
    """Schemas used only as a request body whose fields became method arguments (compared as arguments)."""


def _usage(side: Side) -> Usage:
    request: list[Any] = []
    response: list[Any] = []
    body_roots: set[str] = set()
    for _, op in side.operations().values():
        node = _operation_node(side, op)
        path_item = as_mapping(side.doc.at(op.pointer.rsplit("/", 1)[0]))
        request.extend([path_item.get("parameters"), node.get("parameters")])
        body, body_at = _body_schema(side, op)
        root = component_name(body)
        if root is not None and op.body is not None and any(p.wire_name for p in op.body.params):
            body_roots.add(root)
            request.append(side.resolve(body, body_at)[0])  # what the flattened body refers to, not the body
        else:
            request.append(body)
        for code, resp in as_mapping(node.get("responses")).items():
            response.append(side.resolve(resp, pointer_join(op.pointer, "responses", str(code)))[0])
    sent, read = _closure(side, request), _closure(side, response)
    return Usage(sent, read, body_roots - sent - read)


# -- the comparison ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _At:
    """Where the schema walk is: for messages, rule ids and the JSON pointer."""

    group: str
    location: str
    direction: Direction
    kind: Literal["parameter", "property", "body"]
    """oasdiff's word for the node: ``request-parameter-...``, ``request-property-...``, ``response-body-...``."""
    operation: str | None

    def below(self, suffix: str) -> _At:
        return _At(self.group, self.location + suffix, self.direction, "property", self.operation)


_NUMERIC_WIDER = {"integer": {"number"}}


def _base_types(schema: Mapping[str, Any]) -> frozenset[str]:
    types = {t for t in schema_types(schema) if t != "null"}
    if not types:
        if "properties" in schema or "additionalProperties" in schema or "allOf" in schema:
            types = {"object"}
        elif "items" in schema:
            types = {"array"}
    return frozenset(types)


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """True when every value of a type in ``narrow`` is also a value of some type in ``wide``."""
    return all(t in wide or _NUMERIC_WIDER.get(t, set()) & wide for t in narrow)


def _enum(schema: Mapping[str, Any]) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    values = schema.get("enum")
    if isinstance(values, list):
        return [v for v in cast(list[Any], values) if v is not None]
    return None


def _unwrap(schema: Mapping[str, Any], at: str) -> tuple[Mapping[str, Any], str]:
    """``anyOf: [X, null]`` is X made nullable: nullability is compared on its own, the rest on X."""
    found = _union_members(schema)
    if found is not None and len(found[1]) == 1:
        key = found[0]
        members = cast(list[Any], schema[key])
        index = next(i for i, m in enumerate(members) if not is_null_schema(as_mapping(m)))
        return as_mapping(members[index]), f"{at}/{key}/{index}"
    return schema, at


def _union_members(schema: Mapping[str, Any]) -> tuple[str, list[Any]] | None:
    for key in ("oneOf", "anyOf"):
        members = schema.get(key)
        if isinstance(members, list):
            return key, [m for m in cast(list[Any], members) if not is_null_schema(as_mapping(m))]
    return None


class Comparison:
    """Walks two versions of the API and collects :class:`Change` objects."""

    def __init__(self, old: Side, new: Side) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []
        self.types_group = f"{new.api.package_name}.types"

    def add(self, rule: str, impact: Impact, at: _At, message: str, ptr: str, **extra: Any) -> None:
        self.changes.append(
            Change(
                rule,
                impact,
                at.group,
                at.location,
                message,
                ptr,
                direction=at.direction,
                operation=at.operation,
                **extra,
            )
        )

    def run(self) -> list[Change]:
        self._client()
        self._operations()
        self._models()
        return _merge(self.changes)

    # -- client-wide ----------------------------------------------------------------------------------------------
    def _client(self) -> None:
        old, new = self.old.api, self.new.api
        if old.auth != new.auth:
            breaking = new.auth.kind != "none" and (old.auth.kind == "none" or old.auth.kind != new.auth.kind)
            rule = "sdk-auth-changed"
            if old.auth.kind == "none" or new.auth.kind == "none":
                rule = "api-global-security-removed" if new.auth.kind == "none" else "api-global-security-added"
            self.changes.append(
                Change(
                    rule,
                    "breaking" if breaking else "other",
                    "client",
                    "auth",
                    f"authentication changed from {_auth(old.auth)} to {_auth(new.auth)}",
                    "/components/securitySchemes",
                    note="clients configured for the old scheme are refused" if breaking else "",
                )
            )
        if old.base_url != new.base_url:
            self.changes.append(
                Change(
                    "sdk-base-url-changed",
                    "other",
                    "client",
                    "base_url",
                    f"default base URL changed from {old.base_url!r} to {new.base_url!r}",
                    "/servers",
                )
            )

    # -- operations -------------------------------------------------------------------------------------------
    def _operations(self) -> None:
        old_ops, new_ops = self.old.operations(), self.new.operations()
        for op_id, (resource, op) in old_ops.items():
            if op_id not in new_ops:
                at = _At(_group(resource), f"{op.method_name}()", "request", "body", op_id)
                rule = "api-removed-with-deprecation" if op.deprecated else "api-removed-without-deprecation"
                message = f"method removed ({op.http_method.upper()} {op.path})"
                self.changes.append(
                    Change(
                        rule,
                        "breaking",
                        at.group,
                        at.location,
                        message,
                        op.pointer,
                        document="old",
                        operation=op_id,
                        note="it was deprecated" if op.deprecated else "",
                    )
                )
        for op_id, (resource, op) in new_ops.items():
            if op_id not in old_ops:
                self.changes.append(
                    Change(
                        "endpoint-added",
                        "addition",
                        _group(resource),
                        f"{op.method_name}()",
                        f"new method ({op.http_method.upper()} {op.path})",
                        op.pointer,
                        operation=op_id,
                    )
                )
            else:
                self._operation(*old_ops[op_id], resource, op)

    def _operation(self, old_res: Resource, old: Operation, new_res: Resource, new: Operation) -> None:
        group, method = _group(new_res), f"{new.method_name}()"
        at = _At(group, method, "request", "body", new.operation_id)
        if (old_res.path, old.method_name) != (new_res.path, new.method_name):
            self.add(
                "sdk-method-moved",
                "breaking",
                at,
                f"method moved from {_group(old_res)}.{old.method_name}() to {group}.{new.method_name}()",
                new.pointer,
            )
        if (old.http_method, old.path) != (new.http_method, new.path):
            self.add(
                "sdk-endpoint-changed",
                "other",
                at,
                f"now calls {new.http_method.upper()} {new.path} (was {old.http_method.upper()} {old.path})",
                new.pointer,
                note="older SDK versions still call the old endpoint",
            )
        if old.deprecated != new.deprecated:
            rule, text = (
                ("endpoint-deprecated", "deprecated")
                if new.deprecated
                else ("endpoint-reactivated", "no longer deprecated")
            )
            self.add(rule, "other", at, text, new.pointer)
        self._params(old, new, group)
        self._response(old, new, group)

    def _params(self, old: Operation, new: Operation, group: str) -> None:
        old_params = {p.name: p for p in old.params}
        new_params = {p.name: p for p in new.params}
        method = f"{new.method_name}("
        old_positional = [p.name for p in old.positional_params]
        new_positional = [p.name for p in new.positional_params]
        common = [n for n in old_positional if n in new_positional]
        if common != [n for n in new_positional if n in old_positional]:
            self.add(
                "sdk-positional-parameters-reordered",
                "breaking",
                _At(group, f"{new.method_name}()", "request", "parameter", new.operation_id),
                f"positional arguments reordered: ({', '.join(old_positional)}) -> ({', '.join(new_positional)})",
                new.pointer,
            )
        for name, param in old_params.items():
            if name not in new_params:
                kind = "property" if param.location == "body" else "parameter"
                at = _At(group, f"{method}{name}=)", "request", kind, old.operation_id)
                self.add(
                    f"request-{kind}-removed",
                    "breaking",
                    at,
                    f"argument removed ({_where(param)})",
                    _param_schema(self.old, old, param)[1].removesuffix("/schema"),
                    document="old",
                    note="calls that pass it raise TypeError",
                )
        for name, param in new_params.items():
            kind = "property" if param.location == "body" else "parameter"
            at = _At(group, f"{method}{name}=)", "request", kind, new.operation_id)
            ptr = _param_schema(self.new, new, param)[1].removesuffix("/schema")
            if name not in old_params:
                if param.required:
                    self.add(
                        f"new-required-request-{kind}", "breaking", at, f"new required argument ({_where(param)})", ptr
                    )
                else:
                    self.add(
                        f"new-optional-request-{kind}", "addition", at, f"new optional argument ({_where(param)})", ptr
                    )
                continue
            before = old_params[name]
            if before.location != param.location or before.wire_name != param.wire_name:
                self.add(
                    "sdk-parameter-moved",
                    "other",
                    at,
                    f"now sent as {_where(param)} (was {_where(before)})",
                    ptr,
                    note="older SDK versions still send it the old way",
                )
            if before.required != param.required:
                if param.required:
                    self.add(f"request-{kind}-became-required", "breaking", at, "argument became required", ptr)
                else:
                    self.add(f"request-{kind}-became-optional", "addition", at, "argument became optional", ptr)
            old_schema, old_at = _param_schema(self.old, old, before)
            new_schema, new_at = _param_schema(self.new, new, param)
            self.schema(old_schema, old_at, new_schema, new_at, at)

    def _response(self, old: Operation, new: Operation, group: str) -> None:
        at = _At(group, f"{new.method_name}()", "response", "body", new.operation_id)
        if (old.page is None) != (new.page is None) or (old.page and new.page and old.page.name != new.page.name):
            if new.page is None:
                rule, text = "sdk-pagination-removed", f"no longer paginated: returns {_returns(new)}"
            elif old.page is None:
                rule, text = "sdk-pagination-added", f"now paginated: returns {_returns(new)}"
            else:
                rule, text = "sdk-pagination-changed", f"pagination changed from {old.page.name} to {new.page.name}"
            self.add(rule, "breaking", at, text + f" (was {_returns(old)})", new.pointer)
        old_schema, old_at = _response_schema(self.old, old)
        new_schema, new_at = _response_schema(self.new, new)
        if old_schema is None and new_schema is not None:
            self.add("response-body-added", "addition", at, f"now returns {_returns(new)} (was None)", new_at)
        elif old_schema is not None and new_schema is None:
            self.add("response-media-type-removed", "breaking", at, f"now returns None (was {_returns(old)})", new_at)
        elif old_schema is not None and new_schema is not None:
            self.schema(old_schema, old_at, new_schema, new_at, at)

    # -- schemas ----------------------------------------------------------------------------------------------
    def schema(self, old: Any, old_at: str, new: Any, new_at: str, at: _At, depth: int = 0) -> None:
        """Compare two schemas down to the first named schema on each path."""
        if depth > 32:
            return
        old_node, old_at = self.old.resolve(old, old_at) if component_name(old) is None else (as_mapping(old), old_at)
        new_node, new_at = self.new.resolve(new, new_at) if component_name(new) is None else (as_mapping(new), new_at)
        prefix = f"{at.direction}-{at.kind}"
        self._nullability(old_node, new_node, new_at, at, prefix)
        old_node, old_at = _unwrap(old_node, old_at)
        new_node, new_at = _unwrap(new_node, new_at)
        if component_name(old_node) is not None or component_name(new_node) is not None:
            old_type, new_type = self.old.type_of(old_node, old_at), self.new.type_of(new_node, new_at)
            if old_type != new_type:
                self._type_changed(at, old_type, new_type, new_at)
            return  # the named schema itself is compared once, in _models
        old_union, new_union = _union_members(old_node), _union_members(new_node)
        if old_union or new_union:
            self._union(old_node, old_at, new_node, new_at, at, prefix)
            return
        if self._enums(old_node, new_node, new_at, at, prefix):
            return
        old_types, new_types = _base_types(old_node), _base_types(new_node)
        if old_types and new_types and old_types != new_types:
            old_type, new_type = self.old.type_of(old_node, old_at), self.new.type_of(new_node, new_at)
            wider = _covers(new_types, old_types) if at.direction == "request" else _covers(old_types, new_types)
            impact: Impact = "addition" if wider and at.direction == "request" else "other" if wider else "breaking"
            self.add(f"{prefix}-type-changed", impact, at, f"type changed from {old_type} to {new_type}", new_at)
            return
        if "object" in new_types or (not new_types and "properties" in new_node):
            self._properties(old_node, old_at, new_node, new_at, at, depth)
        if "items" in old_node and "items" in new_node:
            self.schema(
                old_node["items"], f"{old_at}/items", new_node["items"], f"{new_at}/items", at.below("[]"), depth + 1
            )
        old_extra, new_extra = old_node.get("additionalProperties"), new_node.get("additionalProperties")
        if isinstance(old_extra, Mapping) and isinstance(new_extra, Mapping):
            self.schema(
                old_extra,
                f"{old_at}/additionalProperties",
                new_extra,
                f"{new_at}/additionalProperties",
                at.below("[*]"),
                depth + 1,
            )

    def _type_changed(self, at: _At, old_type: str, new_type: str, ptr: str) -> None:
        self.add(
            f"{at.direction}-{at.kind}-type-changed", "breaking", at, f"type changed from {old_type} to {new_type}", ptr
        )

    def _nullability(self, old: Mapping[str, Any], new: Mapping[str, Any], ptr: str, at: _At, prefix: str) -> None:
        was, now = is_nullable(old), is_nullable(new)
        if was == now:
            return
        if now:
            breaking = at.direction == "response"
            self.add(
                f"{prefix}-became-nullable",
                "breaking" if breaking else "addition",
                at,
                "became nullable",
                ptr,
                note="the value can now be None" if breaking else "",
            )
        else:
            breaking = at.direction == "request"
            self.add(
                f"{prefix}-became-not-nullable",
                "breaking" if breaking else "other",
                at,
                "no longer nullable",
                ptr,
                note="None is no longer accepted" if breaking else "",
            )

    def _enums(self, old: Mapping[str, Any], new: Mapping[str, Any], ptr: str, at: _At, prefix: str) -> bool:
        """Report enum changes; True when the node is an enum on either side (nothing more to compare)."""
        before, after = _enum(old), _enum(new)
        if before is None and after is None:
            return False
        request = at.direction == "request"
        if before is None and after is not None:
            impact: Impact = "breaking" if request else "other"
            self.add(f"{prefix}-became-enum", impact, at, f"restricted to the values {_values(after)}", ptr)
        elif before is not None and after is None:
            impact = "addition" if request else "breaking"
            note = "" if request else "code typed against the old Literal no longer type-checks"
            self.add(f"{prefix}-enum-removed", impact, at, f"no longer restricted to {_values(before)}", ptr, note=note)
        elif before is not None and after is not None:
            added = [v for v in after if v not in before]
            removed = [v for v in before if v not in after]
            if added:
                impact = "addition" if request else "breaking"
                note = "" if request else "code that handles every value meets one it does not know"
                self.add(f"{prefix}-enum-value-added", impact, at, f"enum value {_values(added)} added", ptr, note=note)
            if removed:
                impact = "breaking" if request else "other"
                note = "calls that send it are refused" if request else ""
                self.add(
                    f"{prefix}-enum-value-removed", impact, at, f"enum value {_values(removed)} removed", ptr, note=note
                )
        return True

    def _union(
        self, old: Mapping[str, Any], old_at: str, new: Mapping[str, Any], new_at: str, at: _At, prefix: str
    ) -> None:
        def members(side: Side, node: Mapping[str, Any], node_at: str) -> list[str]:
            found = _union_members(node)
            if found is None:
                return [side.type_of(node, node_at)]
            key, items = found
            return [side.type_of(m, f"{node_at}/{key}/{i}") for i, m in enumerate(items)]

        before, after = members(self.old, old, old_at), members(self.new, new, new_at)
        added = [m for m in after if m not in before]
        removed = [m for m in before if m not in after]
        request = at.direction == "request"
        kind = "one-of" if "oneOf" in new or "oneOf" in old else "any-of"
        if added:
            impact: Impact = "addition" if request else "breaking"
            note = "" if request else "code that handles every variant meets one it does not know"
            self.add(f"{prefix}-{kind}-added", impact, at, f"variant {', '.join(added)} added", new_at, note=note)
        if removed:
            impact = "breaking" if request else "other"
            self.add(f"{prefix}-{kind}-removed", impact, at, f"variant {', '.join(removed)} removed", new_at)

    def _properties(
        self,
        old: Mapping[str, Any],
        old_at: str,
        new: Mapping[str, Any],
        new_at: str,
        at: _At,
        depth: int,
    ) -> None:
        old_props, old_required = _object_shape(self.old, old, old_at)
        new_props, new_required = _object_shape(self.new, new, new_at)
        request = at.direction == "request"
        side = "request" if request else "response"
        for name, (_, ptr) in old_props.items():
            if name not in new_props:
                required = name in old_required
                rule = (
                    "request-property-removed"
                    if request
                    else ("response-required-property-removed" if required else "response-optional-property-removed")
                )
                note = "code that sets it fails validation" if request else "code that reads the attribute fails"
                self.add(rule, "breaking", at.below(f".{name}"), "field removed", ptr, document="old", note=note)
        for name, (schema, ptr) in new_props.items():
            here = at.below(f".{name}")
            if name not in old_props:
                required = name in new_required
                if request:
                    rule = "new-required-request-property" if required else "new-optional-request-property"
                    self.add(
                        rule,
                        "breaking" if required else "addition",
                        here,
                        f"new {'required' if required else 'optional'} field",
                        ptr,
                    )
                else:
                    rule = "response-required-property-added" if required else "response-optional-property-added"
                    self.add(rule, "addition", here, "new field", ptr)
                continue
            was, now = name in old_required, name in new_required
            if was != now:
                if now:
                    self.add(
                        f"{side}-property-became-required",
                        "breaking" if request else "other",
                        here,
                        "field became required",
                        ptr,
                    )
                else:
                    note = "" if request else "the attribute's type now includes None"
                    self.add(
                        f"{side}-property-became-optional",
                        "addition" if request else "breaking",
                        here,
                        "field became optional",
                        ptr,
                        note=note,
                    )
            old_schema, old_ptr = old_props[name]
            self.schema(old_schema, old_ptr, schema, ptr, here, depth + 1)

    # -- models ------------------------------------------------------------------------------------------------
    def _models(self) -> None:
        old_schemas, new_schemas = self.old.schemas(), self.new.schemas()
        old_use, new_use = _usage(self.old), _usage(self.new)
        for name in old_schemas:
            if name not in new_schemas:
                cls = self.old.model_names.get(name, name)
                self.changes.append(
                    Change(
                        "sdk-model-removed",
                        "breaking",
                        self.types_group,
                        cls,
                        "model removed",
                        pointer_join("/components/schemas", name),
                        document="old",
                        note=f"`from {self.types_group} import {cls}` fails",
                    )
                )
        for name, schema in new_schemas.items():
            ptr = pointer_join("/components/schemas", name)
            cls = self.new.model_names.get(name, name)
            if name not in old_schemas:
                self.changes.append(Change("sdk-model-added", "addition", self.types_group, cls, "new model", ptr))
                continue
            old_cls = self.old.model_names.get(name, name)
            if old_cls != cls:
                self.changes.append(
                    Change(
                        "sdk-model-renamed",
                        "breaking",
                        self.types_group,
                        cls,
                        f"model class renamed from {old_cls}",
                        ptr,
                    )
                )
            if name in old_use.flattened and name in new_use.flattened:
                continue  # its fields are method arguments, compared with the operations
            directions: list[Direction] = []
            if name in old_use.request or name in new_use.request:
                directions.append("request")
            if name in old_use.response or name in new_use.response:
                directions.append("response")
            for direction in directions or ["request", "response"]:
                at = _At(self.types_group, cls, direction, "property", None)
                old_node, old_at = self.old.resolve(old_schemas[name], ptr)
                new_node, new_at = self.new.resolve(schema, ptr)
                self.schema(old_node, old_at, new_node, new_at, at)


def _merge(changes: list[Change]) -> list[Change]:
    """One change per (place, message): a model used both ways keeps its most severe reading. Sorted for output."""
    best: dict[tuple[str, str, str], Change] = {}
    for change in changes:
        key = (change.group, change.location, change.message)
        kept = best.get(key)
        if kept is None or IMPACTS.index(change.impact) < IMPACTS.index(kept.impact):
            best[key] = change
    order = {"client": 0}
    return sorted(
        best.values(),
        key=lambda c: (
            order.get(c.group, 2 if c.group.endswith(".types") else 1),
            c.group,
            c.location,
            c.rule,
            c.message,
        ),
    )


def _group(resource: Resource) -> str:
    return ".".join(("client", *resource.path))


def _where(param: Param) -> str:
    if param.location == "body":
        return f"body field {param.wire_name!r}" if param.wire_name else "the request body"
    return f"{param.location} parameter {param.wire_name!r}"


def _returns(op: Operation) -> str:
    if op.page is not None and op.item is not None:
        return f"{op.page.sync_class}[{op.item.source}]"
    return op.response.source if op.response is not None else "None"


def _values(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _auth(auth: Any) -> str:
    return f"{auth.kind} {auth.name!r}" if auth.name else str(auth.kind)


def compare(old: Side, new: Side) -> list[Change]:
    """Every SDK-visible change from ``old`` to ``new``, classified and sorted."""
    return Comparison(old, new).run()


def compare_documents(old: Document, old_config: SdkConfig, new: Document, new_config: SdkConfig) -> list[Change]:
    """Parse both documents with the generator's parser and compare them; :class:`GenerationError` on bad input."""
    problems: list[Problem] = []
    sides: list[Side] = []
    for doc, config in ((old, old_config), (new, new_config)):
        try:
            sides.append(Side.parse(doc, config))
        except GenerationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise GenerationError(problems)
    return compare(sides[0], sides[1])
