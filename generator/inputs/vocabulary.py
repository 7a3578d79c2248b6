"""OpenAPI basics that every stage (and ``realworld/``) shares: HTTP methods, media types, status codes, the shape
predicates of a schema, and where a node's example value comes from.

Each rule here is decided once: which media type of a ``content`` map a request or response uses, which status codes
count as success, what makes a schema nullable, which example a parameter shows.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any, Literal, cast

from generator.core.text import one_line

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The operation keys of a path item, in the order the specification lists them."""

HTTP_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
"""An HTTP token (RFC 9110): what a header name may be."""

SCHEMA_PREFIX = "#/components/schemas/"

JSON_MEDIA = re.compile(r"^application/(.+\+)?json$")
SSE_MEDIA = "text/event-stream"
FORM_MEDIA = "application/x-www-form-urlencoded"

BodyKind = Literal["json", "multipart", "form", "binary"]
"""How a request body is encoded: JSON, ``multipart/form-data``, ``application/x-www-form-urlencoded``, raw bytes."""
_BODY_PREFERENCE: tuple[BodyKind, ...] = ("json", "multipart", "form", "binary")


def as_mapping(node: Any) -> Mapping[str, Any]:
    return cast(Mapping[str, Any], node) if isinstance(node, Mapping) else {}


def text_of(node: Mapping[str, Any], key: str = "description") -> str:
    """A text field of the document as written, stripped: the writers of :mod:`generator.core.text` clean it once, where
    it is put into the output (cleaning twice is not safe: an escaped ``&lt;b&gt;`` would become a tag)."""
    value = node.get(key)
    return value.strip() if isinstance(value, str) else ""


def as_list(node: Any) -> list[Any]:
    return cast(list[Any], node) if isinstance(node, list) else []


def normalise(node: Any) -> Any:
    """``node`` as JSON would carry it: mapping keys become strings (YAML reads ``200:`` as an integer) and dates
    become ISO strings (YAML reads ``2024-01-01`` as a date), so every later stage sees one kind of document.

    A node that appears more than once (a YAML alias) stays one shared node, so a document of many aliases is not
    expanded here (validation measures and refuses alias bombs)."""
    return _normalise(node, {})


def _normalise(node: Any, done: dict[int, Any]) -> Any:
    if id(node) in done:
        return done[id(node)]
    if isinstance(node, Mapping):
        mapping: dict[str, Any] = {}
        done[id(node)] = mapping
        for key, value in cast(Mapping[Any, Any], node).items():
            mapping[_key(key)] = _normalise(value, done)
        return mapping
    if isinstance(node, list):
        items: list[Any] = []
        done[id(node)] = items
        items.extend(_normalise(v, done) for v in cast(list[Any], node))
        return items
    if isinstance(node, datetime.date):
        return node.isoformat()
    return node


def is_normal(node: Any) -> bool:
    """Whether :func:`normalise` would give ``node`` back as it is: mappings with string keys and lists, no dates.
    Iterative, and each shared node is looked at once."""
    seen: set[int] = set()
    todo = [node]
    while todo:
        node = todo.pop()
        if isinstance(node, datetime.date):
            return False
        if not isinstance(node, Mapping | list) or id(node) in seen:
            continue
        seen.add(id(node))
        if type(node) is list:
            todo.extend(cast(list[Any], node))
        elif type(node) is dict and all(type(key) is str for key in cast(dict[Any, Any], node)):
            todo.extend(cast(dict[str, Any], node).values())
        else:
            return False  # another kind of mapping or list, or a key that is not a string: normalise makes them so
    return True


def _key(key: object) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return key.isoformat() if isinstance(key, datetime.date) else str(key)


# -- media types ------------------------------------------------------------------------------------------------------


def media_essence(media: str) -> str:
    """``application/json; charset=utf-8`` -> ``application/json``."""
    return media.split(";")[0].strip().lower()


def body_kind(media: str) -> BodyKind:
    """How a request body of this media type is sent; anything not JSON or a form is sent as raw bytes."""
    media = media_essence(media)
    if JSON_MEDIA.match(media):
        return "json"
    if media.startswith("multipart/"):
        return "multipart"
    if media == FORM_MEDIA:
        return "form"
    return "binary"


def is_json(media: str) -> bool:
    return JSON_MEDIA.match(media_essence(media)) is not None


def is_text(media: str) -> bool:
    media = media_essence(media)
    return media.startswith("text/") or media.endswith(("/xml", "+xml"))


JSON_LINES_MEDIA = frozenset(
    {"application/jsonl", "application/x-jsonl", "application/jsonlines", "application/x-jsonlines"}
    | {"application/x-ndjson", "application/ndjson"}
)
"""JSON Lines: one JSON value per line. A response of one of these with a schema returns the list of its lines'
values (the runtime reads a body of these media types line by line, ``templates/runtime/_response.py``)."""

WILDCARD_MEDIA = frozenset({"*/*", "application/*"})


def is_json_lines(media: str) -> bool:
    return media_essence(media) in JSON_LINES_MEDIA


def reads_as_json(media: str, node: Mapping[str, Any]) -> bool:
    """Whether a response of this media type (its ``content`` entry ``node``) is parsed as JSON: a JSON media type,
    or a wildcard (``*/*``) whose schema describes data (an object, an array, a reference...) rather than a string of
    bytes or text, or nothing at all."""
    if is_json(media):
        return True
    schema = as_mapping(node.get("schema"))
    return media_essence(media) in WILDCARD_MEDIA and not only_constrains(schema) and schema_types(schema) != ["string"]


def request_media(content: Mapping[str, Any]) -> str | None:
    """The media type a request body is sent as: JSON, else multipart, else a form, else raw bytes; the document's
    order breaks ties. ``None`` for an empty ``content``."""
    if not content:
        return None
    order = list(content)
    return min(order, key=lambda m: (_BODY_PREFERENCE.index(body_kind(m)), order.index(m)))


def response_media(content: Mapping[str, Any]) -> str | None:
    """The media type a response is read as: the first JSON one, else the first listed (an event stream is read
    beside it, see :data:`SSE_MEDIA`). ``None`` for an empty ``content``."""
    return next((m for m in content if is_json(m)), next((m for m in content if m != SSE_MEDIA), None))


def success_codes(responses: Mapping[str, Any]) -> list[str]:
    """The success status codes of a ``responses`` map (``200``... and ``2XX``), in ascending order."""
    return sorted(code for code in responses if code.startswith("2") or code.upper() == "2XX")


# -- schema shape -----------------------------------------------------------------------------------------------------


def schema_types(schema: Mapping[str, Any]) -> list[str]:
    """The schema's ``type`` as a list (3.1 allows an array of types)."""
    raw = schema.get("type")
    if isinstance(raw, str):
        return [raw]
    return [t for t in as_list(raw) if isinstance(t, str)]


def is_null_schema(schema: Mapping[str, Any]) -> bool:
    return schema_types(schema) == ["null"] or ("enum" in schema and schema.get("enum") == [None])


def is_nullable(schema: Mapping[str, Any]) -> bool:
    """The one nullability rule: 3.0 ``nullable: true``, 3.1 ``type: [T, "null"]``, ``anyOf``/``oneOf`` with a null
    member, or an ``allOf`` part that says ``nullable: true``."""
    if schema.get("nullable") is True or "null" in schema_types(schema):
        return True
    for key in ("anyOf", "oneOf"):
        if any(is_null_schema(as_mapping(m)) for m in as_list(schema.get(key))):
            return True
    return any(as_mapping(p).get("nullable") is True for p in as_list(schema.get("allOf")))


TYPING_KEYWORDS = frozenset({"type", "properties", "items", "enum", "const", "$ref", "allOf", "anyOf", "oneOf"})
"""Keywords that say what type a schema is; a schema without any of them only annotates or constrains."""


def only_constrains(schema: Any) -> bool:
    """A schema that adds no type of its own (``{description: ...}``, ``{required: [a]}``, ``{nullable: true}``)."""
    return isinstance(schema, Mapping) and not (TYPING_KEYWORDS & set(cast(Mapping[str, Any], schema)))


def component_name(schema: Any) -> str | None:
    """The component a schema refers to (``#/components/schemas/Name`` -> ``Name``), else ``None``."""
    ref = as_mapping(schema).get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :].replace("~1", "/").replace("~0", "~")
    return None


# -- examples ---------------------------------------------------------------------------------------------------------


class _NoExample:
    """The type of :data:`NO_EXAMPLE`: one value, which stays itself through a pickle (an IR taken from the cache
    compares it with ``is``)."""

    def __reduce__(self) -> str:
        return "NO_EXAMPLE"

    def __repr__(self) -> str:
        return "NO_EXAMPLE"


NO_EXAMPLE: Any = _NoExample()
"""What :func:`example_of` returns when a node names no example."""


def example_of(*nodes: Mapping[str, Any]) -> Any:
    """The example a node gives, looking at each of ``nodes`` in turn (a parameter, then its schema): ``example``,
    the first of ``examples`` (a list, or a map of Example objects with a ``value``), then ``default``, ``const`` and
    the first ``enum`` value. :data:`NO_EXAMPLE` when none does."""
    for node in nodes:
        if "example" in node:
            return node["example"]
        examples = node.get("examples")
        if isinstance(examples, list) and examples:
            return cast(list[Any], examples)[0]
        for value in as_mapping(examples).values():
            if "value" in as_mapping(value):
                return as_mapping(value)["value"]
    for node in nodes:
        for key in ("default", "const"):
            if key in node:
                return node[key]
        enum = as_list(node.get("enum"))
        if enum:
            return enum[0]
    return NO_EXAMPLE


def api_version(root: Mapping[str, Any]) -> str:
    """The document's ``info.version`` on one line (``""`` without one): the API version the docs and changelog name."""
    info = root.get("info")
    return one_line(str(cast(Mapping[str, Any], info).get("version", ""))) if isinstance(info, Mapping) else ""
