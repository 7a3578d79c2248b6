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

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from generator.api.ir import Api, Operation, Param, Resource
from generator.api.parser import parse
from generator.api.settings import SdkConfig
from generator.core.errors import GenerationError, Problem
from generator.inputs.document import Document, pointer_join
from generator.pytypes.kinds import ObjectType, PyType, Ref
from generator.pytypes.registry import NamedType, Registry
from generator.release.diff_types import At, Direction, Impact, TypeComparison
from generator.request.methods import declared_return

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
    """One version of the API, as the SDK shows it: the parsed intermediate representation."""

    api: Api

    @classmethod
    def parse(cls, doc: Document, config: SdkConfig, *, keep_going: bool = False) -> Side:
        """Parse with the generator's own parser; raises :class:`GenerationError` when the generator would."""
        return cls(parse(doc, config, keep_going=keep_going).api)

    def operations(self) -> dict[str, tuple[Resource, Operation]]:
        return {op.operation_id: (r, op) for r in self.api.walk() for op in r.operations}

    @property
    def types(self) -> Registry:
        return self.api.types


@dataclass
class Usage:
    """Which named types data flows through, each way."""

    request: set[str] = field(default_factory=set[str])
    response: set[str] = field(default_factory=set[str])
    flattened: set[str] = field(default_factory=set[str])
    """Named types used only as a request body whose fields became method arguments (compared as arguments)."""


def usage(side: Side) -> Usage:
    sent: list[PyType] = []
    read: list[PyType] = []
    flattened: set[str] = set()
    for _, op in side.operations().values():
        body = op.body
        sent.extend(p.type for p in op.params)
        if body is not None and isinstance(body.type, Ref) and not body.is_whole:
            flattened.add(body.type.name)
        read.extend(t for t in (op.response, op.item, op.stream.item if op.stream else None) if t is not None)
        read.extend(op.error_types)
    request, response = side.types.closure(sent), side.types.closure(read)
    return Usage(request, response, flattened - request - response)


class Comparison:
    """Walks two versions of the API and collects :class:`Change` objects."""

    def __init__(self, old: Side, new: Side) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []
        self.types_group = f"{new.api.package_name}.types"
        self.walk = TypeComparison(old.types, new.types, self.add)

    def add(self, rule: str, impact: Impact, at: At, message: str, ptr: str, **extra: Any) -> None:
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
            message = f"authentication changed from {_auth(old.auth)} to {_auth(new.auth)}"
            note = "clients configured for the old scheme are refused" if breaking else ""
            impact: Impact = "breaking" if breaking else "other"
            self.changes.append(
                Change(rule, impact, "client", "auth", message, "/components/securitySchemes", note=note)
            )
        if old.settings.base_url != new.settings.base_url:
            message = f"default base URL changed from {old.settings.base_url!r} to {new.settings.base_url!r}"
            self.changes.append(Change("sdk-base-url-changed", "other", "client", "base_url", message, "/servers"))
        for rule, option, was, now, note in _renamed_names(old, new):
            message = f"{option} changed from {was!r} to {now!r}"
            self.changes.append(Change(rule, "breaking", "client", option, message, f"/{option}", note=note))

    # -- operations -------------------------------------------------------------------------------------------
    def _operations(self) -> None:
        old_ops, new_ops = self.old.operations(), self.new.operations()
        for op_id, (resource, op) in old_ops.items():
            if op_id not in new_ops:
                rule = "api-removed-with-deprecation" if op.deprecated else "api-removed-without-deprecation"
                message = f"method removed ({op.http_method.upper()} {op.path})"
                note = "it was deprecated" if op.deprecated else ""
                location = f"{op.method_name}()"
                change = Change(
                    rule, "breaking", _group(resource), location, message, op.pointer, "old", None, op_id, note
                )
                self.changes.append(change)
        for op_id, (resource, op) in new_ops.items():
            if op_id in old_ops:
                self._operation(*old_ops[op_id], resource, op)
                continue
            message = f"new method ({op.http_method.upper()} {op.path})"
            location = f"{op.method_name}()"
            self.changes.append(
                Change("endpoint-added", "addition", _group(resource), location, message, op.pointer, operation=op_id)
            )

    def _operation(self, old_res: Resource, old: Operation, new_res: Resource, new: Operation) -> None:
        group, method = _group(new_res), f"{new.method_name}()"
        at = At(group, method, "request", "body", new.operation_id)
        if (old_res.path, old.method_name) != (new_res.path, new.method_name):
            message = f"method moved from {_group(old_res)}.{old.method_name}() to {group}.{new.method_name}()"
            self.add("sdk-method-moved", "breaking", at, message, new.pointer)
        if (old.http_method, old.path) != (new.http_method, new.path):
            message = f"now calls {new.http_method.upper()} {new.path} (was {old.http_method.upper()} {old.path})"
            note = "older SDK versions still call the old endpoint"
            self.add("sdk-endpoint-changed", "other", at, message, new.pointer, note=note)
        if old.deprecated != new.deprecated:
            rule, text = (
                ("endpoint-deprecated", "deprecated")
                if new.deprecated
                else ("endpoint-reactivated", "no longer deprecated")
            )
            self.add(rule, "other", at, text, new.pointer)
        self._positional(old, new, group)
        self._params(old, new, group)
        self._response(old, new, group)

    def _positional(self, old: Operation, new: Operation, group: str) -> None:
        old_positional = [p.name for p in old.positional_params]
        new_positional = [p.name for p in new.positional_params]
        common = [n for n in old_positional if n in new_positional]
        if common != [n for n in new_positional if n in old_positional]:
            at = At(group, f"{new.method_name}()", "request", "parameter", new.operation_id)
            message = f"positional arguments reordered: ({', '.join(old_positional)}) -> ({', '.join(new_positional)})"
            self.add("sdk-positional-parameters-reordered", "breaking", at, message, new.pointer)

    def _params(self, old: Operation, new: Operation, group: str) -> None:
        old_params = {p.name: p for p in old.params}
        new_params = {p.name: p for p in new.params}
        for name, param in old_params.items():
            if name not in new_params:
                at = _argument_at(group, old, param)
                message = f"argument removed ({_where(param)})"
                note = "calls that pass it raise TypeError"
                self.add(
                    f"request-{at.kind}-removed", "breaking", at, message, _pointer(param), document="old", note=note
                )
        for name, param in new_params.items():
            at = _argument_at(group, new, param)
            if name not in old_params:
                required = "required" if param.required else "optional"
                impact: Impact = "breaking" if param.required else "addition"
                message = f"new {required} argument ({_where(param)})"
                self.add(f"new-{required}-request-{at.kind}", impact, at, message, _pointer(param))
            else:
                self._param(old_params[name], param, at)

    def _param(self, before: Param, param: Param, at: At) -> None:
        ptr = _pointer(param)
        if before.location != param.location or before.wire_name != param.wire_name:
            message = f"now sent as {_where(param)} (was {_where(before)})"
            self.add(
                "sdk-parameter-moved", "other", at, message, ptr, note="older SDK versions still send it the old way"
            )
        if before.required != param.required:
            if param.required:
                self.add(f"request-{at.kind}-became-required", "breaking", at, "argument became required", ptr)
            else:
                self.add(f"request-{at.kind}-became-optional", "addition", at, "argument became optional", ptr)
        self.walk.compare(before.type, param.type, at)

    def _response(self, old: Operation, new: Operation, group: str) -> None:
        at = At(group, f"{new.method_name}()", "response", "body", new.operation_id)
        old_page, new_page = old.page.name if old.page else None, new.page.name if new.page else None
        if old_page != new_page:
            if new_page is None:
                rule, text = "sdk-pagination-removed", f"no longer paginated: returns {declared_return(new)}"
            elif old_page is None:
                rule, text = "sdk-pagination-added", f"now paginated: returns {declared_return(new)}"
            else:
                rule, text = "sdk-pagination-changed", f"pagination changed from {old_page} to {new_page}"
            self.add(rule, "breaking", at, text + f" (was {declared_return(old)})", new.pointer)
        before, after = _returned(old), _returned(new)
        if before is None and after is not None:
            self.add("response-body-added", "addition", at, f"now returns {declared_return(new)} (was None)", after.at)
        elif before is not None and after is None:
            self.add(
                "response-media-type-removed",
                "breaking",
                at,
                f"now returns None (was {declared_return(old)})",
                new.pointer,
            )
        elif before is not None and after is not None:
            self.walk.compare(before, after, at)
        self._stream(old, new, at)

    def _stream(self, old: Operation, new: Operation, at: At) -> None:
        """The events of a ``text/event-stream`` response: a new event type is an addition, like any wider response."""
        events = replace(at, location=f"{new.method_name}() events")
        if old.stream is not None and new.stream is not None:
            self.walk.compare(old.stream.item, new.stream.item, events)
        elif old.stream is not None:
            note = "code that iterates over the events fails"
            self.add("sdk-stream-removed", "breaking", events, "no longer streams events", new.pointer, note=note)
        elif new.stream is not None:
            toggled = new.stream.param is not None or _returned(old) is None
            message = "now streams events" + (f" with {new.stream.param.name}=True" if new.stream.param else "")
            self.add("sdk-stream-added", "addition" if toggled else "breaking", events, message, new.pointer)

    # -- models ------------------------------------------------------------------------------------------------
    def _models(self) -> None:
        old_named = {n.schema_name: n for n in self.old.types if n.schema_name is not None}
        new_named = {n.schema_name: n for n in self.new.types if n.schema_name is not None}
        old_use, new_use = usage(self.old), usage(self.new)
        for schema_name, named in old_named.items():
            if schema_name not in new_named:
                note = f"`from {self.types_group} import {named.name}` fails"
                ptr = pointer_join("/components/schemas", schema_name)
                change = Change(
                    "sdk-model-removed",
                    "breaking",
                    self.types_group,
                    named.name,
                    "model removed",
                    ptr,
                    "old",
                    note=note,
                )
                self.changes.append(change)
        for schema_name, named in new_named.items():
            ptr = pointer_join("/components/schemas", schema_name)
            if schema_name not in old_named:
                self.changes.append(
                    Change("sdk-model-added", "addition", self.types_group, named.name, "new model", ptr)
                )
                continue
            before = old_named[schema_name]
            if before.name != named.name:
                message = f"model class renamed from {before.name}"
                self.changes.append(Change("sdk-model-renamed", "breaking", self.types_group, named.name, message, ptr))
            if named.name in new_use.flattened and before.name in old_use.flattened:
                continue  # its fields are method arguments, compared with the operations
            for direction in _directions(before.name, named.name, old_use, new_use):
                at = At(self.types_group, named.name, direction, "property", None)
                self.walk.compare(_definition(before), _definition(named), at)


def _definition(named: NamedType) -> PyType:
    """A model's definition, compared field by field (not by its own class name)."""
    found = named.definition
    return replace(found, name=None) if isinstance(found, ObjectType) else found


def _directions(old_name: str, new_name: str, old: Usage, new: Usage) -> list[Direction]:
    found: list[Direction] = []
    if old_name in old.request or new_name in new.request:
        found.append("request")
    if old_name in old.response or new_name in new.response:
        found.append("response")
    return found or ["request", "response"]


def _argument_at(group: str, op: Operation, param: Param) -> At:
    kind = "property" if param.location == "body" else "parameter"
    return At(group, f"{op.method_name}({param.name}=)", "request", kind, op.operation_id)


def _pointer(param: Param) -> str:
    """Where an argument is declared: the parameter, or the body field."""
    return param.type.at.removesuffix("/schema")


def _returned(op: Operation) -> PyType | None:
    """What the response body is (a page's whole body, for a paginated operation)."""
    return op.response if op.response_kind == "json" else None


def _merge(changes: list[Change]) -> list[Change]:
    """One change per (place, message): a model used both ways keeps its most severe reading, and of two as severe
    the one with a note (a response's wider values: exhaustive matches may need a new case). Sorted for output."""
    best: dict[tuple[str, str, str], Change] = {}
    for change in changes:
        key = (change.group, change.location, change.message)
        kept = best.get(key)
        if kept is None or (IMPACTS.index(change.impact), not change.note) < (
            IMPACTS.index(kept.impact),
            not kept.note,
        ):
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


def _auth(auth: Any) -> str:
    return f"{auth.kind} {auth.name!r}" if auth.name else str(auth.kind)


def compare(old: Side, new: Side) -> list[Change]:
    """Every SDK-visible change from ``old`` to ``new``, classified and sorted."""
    return Comparison(old, new).run()


def _renamed_names(old: Api, new: Api) -> list[tuple[str, str, str, str, str]]:
    """The names users type or set that the config changed: ``(rule, option, old, new, why it breaks)``; the pointer
    of such a change is its option's, in the config."""
    found: list[tuple[str, str, str, str, str]] = []
    names = [
        ("sdk-package-renamed", "package_name", "the old import fails"),
        ("sdk-package-renamed", "distribution_name", "installs under the old name do not get this version"),
        ("sdk-client-renamed", "client_class", "the old class name fails to import"),
        ("sdk-client-renamed", "async_client_class", "the old class name fails to import"),
        ("sdk-environment-variable-renamed", "base_url_env", "a base URL set in the old variable is not read"),
    ]
    if old.auth.kind == new.auth.kind == "basic":
        names += [
            ("sdk-environment-variable-renamed", f"{w}_env", f"a {w} set in the old variable is not read")
            for w in ("username", "password")
        ]
    elif old.auth.kind == new.auth.kind != "none":
        names.append(("sdk-environment-variable-renamed", "api_key_env", "a key set in the old variable is not read"))
    for rule, option, note in names:
        was, now = getattr(old.settings, option), getattr(new.settings, option)
        if was != now:
            found.append((rule, option, was, now, note))
    return found


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
