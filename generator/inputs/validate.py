"""Document-level checks, run after loading and before parsing; every problem is collected, none stops the rest.

The parser may then assume a sane document: paths and operations are mappings, every schema is well-formed (see
:mod:`generator.inputs.schemacheck`), every ``$ref`` resolves to an object and no chain of them loops (each chain followed
once), operationIds are unique, path templates and path parameters agree, and header names are HTTP tokens. Each
problem names the JSON pointer where it is, what is wrong, and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, cast

from generator.core.errors import GenerationError, Problem, Problems
from generator.inputs.document import Document, RefChains, pointer_join
from generator.inputs.schemacheck import check_schemas
from generator.inputs.vocabulary import HTTP_METHODS, HTTP_TOKEN
from generator.output.cache import Cache, digest, generator_fingerprint

PARAMETER_LOCATIONS = ("path", "query", "header", "cookie")
MAX_NODES = 2_000_000
"""More nodes than this (after YAML aliases are expanded) is a denial of service, not an API description."""
MAX_TEXT = 64 * 2**20
"""Nor is more text than this (the characters of keys and strings, after aliases are expanded): the largest real
documents hold 2 MiB at most; a few aliases of a long string would otherwise expand to gigabytes."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PATH_TEMPLATE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#{}<>]|%[0-9A-Fa-f]{2})*")
"""The characters of a path key outside its placeholders: RFC 3986's path characters (unreserved, sub-delims, ``:``
and ``@``, ``%XX``) and ``/``, the braces of ``{name}`` placeholders (checked for balance below), a query or
fragment that some documents add to tell operations apart (``/responses?beta=true``, ``/v1/conversations#stream``),
and ``<>`` of the placeholders some write ``/<upload_url>``. A placeholder's name is a parameter's, never sent:
any printable text without spaces, braces or backticks (:func:`_placeholder_name`). So no control character, space,
backtick, quote or backslash: a path is printed on terminals and in code spans of Markdown, and must stay one inert
line there."""


def is_path_template(path: str) -> bool:
    """Whether a path key is a URL path template (see :data:`PATH_TEMPLATE`)."""
    names = _PLACEHOLDER.findall(path)
    return bool(PATH_TEMPLATE.fullmatch(_PLACEHOLDER.sub("{}", path))) and all(map(_placeholder_name, names))


def _placeholder_name(name: str) -> bool:
    return name.isprintable() and not any(c.isspace() or c in "`{}" for c in name)


# Keys whose values are data, not schema or document structure: a "$ref" inside an example is just data. So are
# vendor extensions ("x-..."), which the generator does not read.
_DATA_KEYS = frozenset({"example", "examples", "default", "const", "enum", "value"})
# Keys whose values are maps from arbitrary names to objects: a property named "$ref" is not a reference.
_NAME_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "schemas", "responses", "parameters", "paths"}
)


def validate(doc: Document, *, keep_going: bool = False, cache: Cache | None = None) -> Problems:
    """Check ``doc``; raise :class:`GenerationError` with every error found, else return the warnings.

    With ``keep_going``, problems inside an operation or a schema become warnings: the parser then skips those
    operations, and the models type what cannot be followed as any value. Problems of the document as a whole stay
    errors. ``cache`` remembers the documents found without any problem (and so not repaired), by their shape
    (:attr:`Document.shape`: nothing here reads an operation's summary or description); a document with problems is
    checked every time, so its problems and their pointers are always a cold run's.
    """
    key = digest(generator_fingerprint(), "valid", str(keep_going), doc.shape) if doc.shape is not None else None
    if cache is not None and key is not None and cache.get("valid", key) == "no problems":
        return Problems(doc.name)
    problems = _problems(doc, keep_going)
    if cache is not None and key is not None and not problems.items:
        cache.put("valid", key, "no problems")
    return problems


def _problems(doc: Document, keep_going: bool) -> Problems:
    """Every check, each problem collected (see :func:`validate`)."""
    problems = Problems(doc.name)
    _check_size(doc, problems)
    _check_top_level(doc, problems)
    check_schemas(doc, problems, repair=keep_going)
    _check_refs(doc, problems)
    _check_operations(doc, problems)
    _check_security_schemes(doc, problems)
    if keep_going:
        problems.items = [
            replace(p, warning=True) if p.pointer.startswith(("/paths/", "/components/")) else p for p in problems.items
        ]
    problems.raise_if_errors()
    return problems


def _size(node: Any, seen: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """The number of nodes in ``node`` and the characters of its keys and strings, with aliases expanded: each
    shared node counted once per use (memoised), as every later stage (and the snapshot's JSON) meets it."""
    key = id(node)
    if key in seen:
        return seen[key]
    nodes, chars = 1, len(node) if isinstance(node, str) else 0
    if isinstance(node, dict):
        for name, value in cast(dict[str, Any], node).items():
            inner = _size(value, seen)
            nodes, chars = nodes + inner[0], chars + inner[1] + len(str(name))
    elif isinstance(node, list):
        for value in cast(list[Any], node):
            inner = _size(value, seen)
            nodes, chars = nodes + inner[0], chars + inner[1]
    if isinstance(node, dict | list):
        seen[key] = (nodes, chars)
    return nodes, chars


def size(node: Any) -> tuple[int, int]:
    """The nodes of ``node`` and the characters of its keys and strings, aliases expanded (see :func:`_size`)."""
    return _size(node, {})


def _check_size(doc: Document, problems: Problems) -> None:
    """Refuse a document that expands (through YAML aliases) past :data:`MAX_NODES` nodes or :data:`MAX_TEXT`
    characters, naming the largest place where it does. A size known from reading that is within both is not
    measured again."""
    if doc.size is not None and doc.size[0] <= MAX_NODES and doc.size[1] <= MAX_TEXT:
        return
    seen: dict[int, tuple[int, int]] = {}
    try:
        nodes, chars = _size(doc.root, seen)
    except RecursionError:
        problems.error("", "the document nests too deeply", "flatten it, for example with $ref")
        problems.raise_if_errors()
        return
    if nodes <= MAX_NODES and chars <= MAX_TEXT:
        return
    what = f"{MAX_NODES:,} nodes" if nodes > MAX_NODES else f"{MAX_TEXT // 2**20} MiB of text"
    problems.error(
        _largest(doc.root, seen, 0 if nodes > MAX_NODES else 1),
        f"the document expands to more than {what} (here the most)",
        "YAML anchors and aliases (&a / *a) that nest are the usual cause; write the document out plainly",
    )
    problems.raise_if_errors()


def _largest(root: Any, seen: dict[int, tuple[int, int]], measure: int) -> str:
    """The pointer of the deepest node that holds more than half of the document's expanded ``measure`` (0 nodes,
    1 characters): where the expansion is."""
    node, at = root, ""
    half = seen[id(root)][measure] // 2
    while isinstance(node, dict | list):
        items = cast(dict[str, Any], node).items() if isinstance(node, dict) else enumerate(cast(list[Any], node))
        big = [(k, v) for k, v in items if id(v) in seen and seen[id(v)][measure] > half]
        if not big:
            break
        key, node = big[0]
        at = pointer_join(at, key)
    return at


def _check_top_level(doc: Document, problems: Problems) -> None:
    root = doc.root
    info = root.get("info")
    if not isinstance(info, Mapping):
        problems.error("/info", "the document has no 'info' object", "add info: {title: ..., version: ...}")
    for key in ("paths", "components"):
        if key in root and not isinstance(root[key], Mapping):
            problems.error(f"/{key}", f"'{key}' must be a mapping, not {type(root[key]).__name__}")
    if "paths" not in root and "webhooks" not in root and "components" not in root:
        problems.error(
            "", "the document has no 'paths'", "add paths: {} (OpenAPI 3.x needs paths, webhooks or components)"
        )


def _check_refs(doc: Document, problems: Problems) -> None:
    """Every ``$ref`` is local, points at something, and no chain of ``$ref`` s loops; each problem reported once."""
    chains = RefChains(doc)
    reported: set[Problem] = set()
    todo: list[tuple[Any, str, bool]] = [(doc.root, "", False)]
    while todo:
        node, at, in_name_map = todo.pop()
        if isinstance(node, list):
            todo.extend((value, pointer_join(at, i), False) for i, value in enumerate(cast(list[Any], node)))
            continue
        if not isinstance(node, Mapping):
            continue
        node = cast(Mapping[str, Any], node)
        if not in_name_map and "$ref" in node:
            problem = chains.problem(node, at)
            if problem is not None and problem not in reported:
                reported.add(problem)
                problems.items.append(problem)
        for key, value in reversed(node.items()):
            if in_name_map or (key not in _DATA_KEYS and not str(key).startswith("x-")):
                todo.append((value, pointer_join(at, key), not in_name_map and key in _NAME_MAPS))


def _check_operations(doc: Document, problems: Problems) -> None:
    paths = doc.root.get("paths")
    if not isinstance(paths, Mapping):
        return
    seen_ids: dict[str, str] = {}
    for path, raw_item in cast(Mapping[str, Any], paths).items():
        item_at = pointer_join("/paths", path)
        if not is_path_template(path):
            problems.error(
                item_at,
                f"path {path!r} is not a URL path template",
                "a path holds letters, digits, -._~!$&'()*+,;=:@, %XX escapes, / and {name} placeholders (RFC 3986)",
            )
        elif not path.startswith("/"):
            problems.error(item_at, f"path {path!r} does not start with '/'", "write it as '/" + path.lstrip("/") + "'")
        if _PLACEHOLDER.sub("", path).count("{") or _PLACEHOLDER.sub("", path).count("}"):
            problems.error(item_at, f"path {path!r} has unbalanced braces", "path parameters are written {name}")
        if any(not name.strip() for name in _PLACEHOLDER.findall(path)):
            problems.error(item_at, f"path {path!r} has an empty {{}} placeholder", "name the path parameter")
        item, resolved_at = _resolved(doc, raw_item, item_at)
        if not isinstance(item, Mapping):
            problems.error(item_at, "a path item must be a mapping of HTTP methods to operations")
            continue
        item = cast(Mapping[str, Any], item)
        shared = _parameters(doc, item.get("parameters"), pointer_join(resolved_at, "parameters"), problems)
        for method in (m for m in item if m in HTTP_METHODS):
            at = pointer_join(resolved_at, method)
            op = item[method]
            if not isinstance(op, Mapping):
                problems.error(at, "an operation must be a mapping")
                continue
            op = cast(Mapping[str, Any], op)
            op_id = op.get("operationId")
            if op_id is not None and not isinstance(op_id, str):
                problems.error(pointer_join(at, "operationId"), "operationId must be a string")
            elif isinstance(op_id, str):
                if op_id in seen_ids:
                    problems.error(
                        at, f"operationId {op_id!r} is also used at {seen_ids[op_id]}", "operationIds must be unique"
                    )
                else:
                    seen_ids[op_id] = at
            own = _parameters(doc, op.get("parameters"), pointer_join(at, "parameters"), problems)
            _check_path_parameters(path, {**shared, **own}, at, problems)


def _resolved(doc: Document, node: Any, at: str) -> tuple[Any, str]:
    try:
        return doc.resolve(node, at)
    except GenerationError:
        return None, at  # already reported by _check_refs


def _parameters(doc: Document, raw: Any, at: str, problems: Problems) -> dict[tuple[str, str], str]:
    """The well-formed parameters of a list, keyed by (location, name), valued by pointer; reports the others."""
    if raw is None:
        return {}
    if not isinstance(raw, list):
        problems.error(at, "'parameters' must be a list")
        return {}
    found: dict[tuple[str, str], str] = {}
    for i, entry in enumerate(cast(list[Any], raw)):
        node, node_at = _resolved(doc, entry, pointer_join(at, i))
        if node is None:
            continue
        if not isinstance(node, Mapping):
            problems.error(node_at, "a parameter must be a mapping")
            continue
        node = cast(Mapping[str, Any], node)
        name, where = node.get("name"), node.get("in")
        if not isinstance(name, str) or where not in PARAMETER_LOCATIONS:
            problems.error(
                node_at,
                "a parameter needs a string 'name' and 'in' of path, query, header or cookie",
                f"found name: {name!r}, in: {where!r}",
            )
            continue
        if where in ("header", "cookie") and not HTTP_TOKEN.match(name):
            problems.error(
                pointer_join(node_at, "name"),
                f"{where} parameter name {name!r} is not a valid HTTP token",
                "use letters, digits and !#$%&'*+-.^_`|~ only",
            )
        if where == "path" and node.get("required") is not True:
            problems.warn(pointer_join(node_at, "required"), f"path parameter {name!r} is not marked required: true")
        key = (where, name)
        if key in found:
            problems.error(node_at, f"{where} parameter {name!r} is declared twice (also at {found[key]})")
        found[key] = node_at
    return found


def _check_path_parameters(path: str, params: dict[tuple[str, str], str], at: str, problems: Problems) -> None:
    """A declared path parameter the path lacks is an error; a placeholder nobody declares is not (the parser makes
    it a string argument, :meth:`generator.api.operations.OperationBuilder.parameters`)."""
    placeholders = _PLACEHOLDER.findall(path)
    declared = {name: where for (location, name), where in params.items() if location == "path"}
    for name, where in declared.items():
        if name not in placeholders:
            problems.error(
                where,
                f"path parameter {name!r} does not appear in the path {path!r}",
                f"add {{{name}}} to the path, or declare the parameter with in: query",
            )


def _check_security_schemes(doc: Document, problems: Problems) -> None:
    components = doc.root.get("components")
    schemes = cast(Mapping[str, Any], components).get("securitySchemes") if isinstance(components, Mapping) else None
    if not isinstance(schemes, Mapping):
        return
    for name, raw in cast(Mapping[str, Any], schemes).items():
        at = pointer_join("/components/securitySchemes", name)
        scheme, scheme_at = _resolved(doc, raw, at)
        if not isinstance(scheme, Mapping):
            continue
        scheme = cast(Mapping[str, Any], scheme)
        header = scheme.get("name")
        if scheme.get("type") == "apiKey" and scheme.get("in") in ("header", "cookie"):
            if not isinstance(header, str) or not HTTP_TOKEN.match(header):
                problems.error(
                    pointer_join(scheme_at, "name"),
                    f"API key {scheme.get('in')} name {header!r} is not a valid HTTP token",
                    "use letters, digits and !#$%&'*+-.^_`|~ only",
                )
