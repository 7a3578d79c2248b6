"""Every schema of a document is well-formed: each keyword the generator reads has the kind of value it must have.

A schema keyword of the wrong kind (``required: name``, ``properties`` as a list, ``description`` as an object), a
discriminator mapping to nothing, a reference that makes an inline schema contain itself, a schema nested deeper
than :data:`MAX_DEPTH` levels or a union wider than :data:`MAX_MEMBERS` members is reported with its pointer here,
before anything reads it. With ``repair`` (the
generator's ``--keep-going``) each is a warning instead, and the document is repaired in place so that the rest of
the pipeline never meets it: the keyword is dropped, or the whole schema becomes an empty one (any value); so is a
``$ref`` that cannot be followed (which validation otherwise reports). A
repaired schema keeps what was wrong under :data:`IGNORED` (``{keyword: message}``, or the message alone when the
whole schema was replaced), so that checking the repaired document again reports the same warnings.

The walk is iterative: no document can exhaust the stack here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from generator.core.errors import Problems, escape_pointer_token
from generator.inputs.document import Document, RefChains, pointer_join
from generator.inputs.refloops import OnALoop, leads_to_a_loop
from generator.inputs.vocabulary import SCHEMA_PREFIX, as_list

MAX_DEPTH = 32
"""Schemas nested inline deeper than this are refused (the real documents we test nest 10 deep at most)."""
MAX_MEMBERS = 500
"""``allOf``/``anyOf``/``oneOf`` lists longer than this are refused (the real documents we test have 79 at most)."""
IGNORED = "x-sdkgen-ignored"
DATA_KEYS = frozenset({"example", "examples", "default", "const", "enum"})
SCHEMA_VALUES = frozenset(
    {
        "items",
        "additionalProperties",
        "unevaluatedProperties",
        "unevaluatedItems",
        "not",
        "contains",
        "propertyNames",
        "if",
        "then",
        "else",
    }
)
SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_schema(value: Any) -> bool:
    return isinstance(value, Mapping | bool)


JSON_TYPES = ("string", "number", "integer", "boolean", "array", "object", "null")
"""The type names JSON Schema knows (a misspelt one would type its values as anything, without a word)."""


def _is_type(value: Any) -> bool:
    return value in JSON_TYPES or (isinstance(value, list) and all(t in JSON_TYPES for t in cast(list[Any], value)))


KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "type": (_is_type, f"one of {', '.join(JSON_TYPES)}, or a list of them"),
    "required": (
        lambda v: isinstance(v, list) and all(isinstance(n, str) for n in cast(list[Any], v)),
        "a list of property names",
    ),
    "enum": (lambda v: isinstance(v, list), "a list of values"),
    "description": (lambda v: isinstance(v, str), "text"),
    "title": (lambda v: isinstance(v, str), "text"),
    "format": (lambda v: isinstance(v, str), "text"),
    "pattern": (lambda v: isinstance(v, str), "text"),
    "nullable": (lambda v: isinstance(v, bool), "true or false"),
    "readOnly": (lambda v: isinstance(v, bool), "true or false"),
    "writeOnly": (lambda v: isinstance(v, bool), "true or false"),
    "deprecated": (lambda v: isinstance(v, bool), "true or false"),
    "uniqueItems": (lambda v: isinstance(v, bool), "true or false"),
    "minimum": (_is_number, "a number"),
    "maximum": (_is_number, "a number"),
    "exclusiveMinimum": (
        lambda v: isinstance(v, bool) or _is_number(v),
        "a number (or, in OpenAPI 3.0, true or false)",
    ),
    "exclusiveMaximum": (
        lambda v: isinstance(v, bool) or _is_number(v),
        "a number (or, in OpenAPI 3.0, true or false)",
    ),
    "multipleOf": (lambda v: _is_number(v) and v > 0, "a number above 0"),
    **{
        key: (_is_count, "a whole number, 0 or more")
        for key in ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
    },
    **{key: (_is_schema, "a schema (a mapping, or true or false)") for key in SCHEMA_VALUES},
    **{key: (lambda v: isinstance(v, Mapping), "a mapping of names to schemas") for key in SCHEMA_MAPS},
    **{key: (lambda v: isinstance(v, list), "a list of schemas") for key in SCHEMA_LISTS},
}
"""What each keyword must hold, and how to say it."""


def _kind(value: Any) -> str:
    """How a message shows a value that is not what it should be."""
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if not isinstance(value, str) else f"the text {value!r}"
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass
class _Place:
    node: Any
    at: str
    role: str
    """``schema``, ``schemas`` (a map of them), ``list`` (a list of them) or ``other`` (document structure)."""
    depth: int = 0
    holder: Any = None
    key: str | int | None = None
    """Where ``node`` is held: ``holder[key]``."""


class SchemaChecker:
    def __init__(self, doc: Document, problems: Problems, *, repair: bool) -> None:
        self.doc = doc
        self.problems = problems
        self.repair = repair
        self.chains = RefChains(doc)
        self.inline_loops: dict[str, bool] = {}
        """Inline schemas (by pointer) whose inline references lead to a loop, or not."""
        self.extends_itself = OnALoop(self._parents)
        """Whether the schema at a pointer is among its own ``allOf`` parents (through ``$ref`` s and ``allOf`` s
        alone). A union that is among its members' parents is the usual shape of polymorphism, and is fine."""

    def run(self) -> None:
        todo = [_Place(self.doc.root, "", "other")]
        while todo:
            place = todo.pop()
            if place.role == "schema":
                todo.extend(reversed(self._schema(place)))
            else:
                todo.extend(reversed(list(self._children(place))))

    def _children(self, place: _Place) -> list[_Place]:
        node, found = place.node, []
        if isinstance(node, Mapping):
            for key, value in cast(Mapping[str, Any], node).items():
                if not isinstance(key, str) or key in DATA_KEYS or key.startswith("x-"):
                    continue
                role = child_role(place.role, place.at, key)
                if role == "data":
                    continue
                depth = place.depth + 1 if role == "schema" else place.depth
                found.append(_Place(value, pointer_join(place.at, key), role, depth, node, key))
        elif isinstance(node, list):
            role = "schema" if place.role == "list" else "other"
            for i, value in enumerate(cast(list[Any], node)):
                found.append(_Place(value, pointer_join(place.at, i), role, place.depth + (role == "schema"), node, i))
        return found

    def _report(self, at: str, message: str, hint: str = "") -> None:
        if self.repair:
            self.problems.warn(at, message, hint)
        else:
            self.problems.error(at, message, hint)

    def _schema(self, place: _Place) -> list[_Place]:
        """Check one schema; returns the schemas and other places inside it to check next."""
        node = place.node
        if isinstance(node, bool):
            return []
        if not isinstance(node, Mapping):
            return self._replace(place, f"a schema must be a mapping (or true or false), not {_kind(node)}")
        node = cast(Mapping[str, Any], node)
        if self.repair and IGNORED in node:
            return self._reported_again(place, node[IGNORED])
        if place.depth > MAX_DEPTH:
            return self._replace(place, f"the schema nests too deeply (more than {MAX_DEPTH} levels inside)")
        wrong: dict[str, str] = {}
        for key, value in node.items():
            expected = KINDS.get(key)
            if expected is not None and not expected[0](value):
                wrong[key] = f"'{key}' must be {expected[1]}, not {_kind(value)}"
            elif key in ("allOf", "anyOf", "oneOf") and len(value) > MAX_MEMBERS:
                wrong[key] = f"'{key}' has {len(value):,} members, more than the {MAX_MEMBERS} the generator supports"
        wrong.update(self._discriminator(node.get("discriminator"), place.at))
        if "$ref" in node and self._contains_itself(node["$ref"]):
            wrong["$ref"] = (
                f"$ref {node['$ref']!r} makes a schema contain itself, which only a named schema can "
                "(move it under #/components/schemas)"
            )
        elif self.repair and "$ref" in node:
            wrong.update(self._reference(node, place.at))
        if "allOf" in node and not wrong and self.extends_itself(place.at):  # a loop of bare $refs: see validate
            wrong["allOf"] = (
                "the schema extends itself through allOf, and a class cannot be its own parent "
                "(refer to it from a property or an array's items instead)"
            )
        for relative, message in wrong.items():
            self._report(pointer_join(place.at, *relative.split("/")), message)
        if wrong and self.repair:
            kept = {k: v for k, v in node.items() if k not in {r.split("/")[0] for r in wrong}}
            place.node = {**kept, IGNORED: wrong}
            place.holder[place.key] = place.node
        return [p for p in self._children(place) if p.key not in {r.split("/")[0] for r in wrong}]

    def _replace(self, place: _Place, message: str) -> list[_Place]:
        self._report(place.at, message)
        if self.repair:
            place.holder[place.key] = {IGNORED: message}
        return []

    def _reported_again(self, place: _Place, ignored: Any) -> list[_Place]:
        """A schema repaired by an earlier check of the same document: the same warnings again."""
        if isinstance(ignored, str):
            self._report(place.at, ignored)
            return []
        for relative, message in cast(Mapping[str, str], ignored).items():
            self._report(pointer_join(place.at, *relative.split("/")), message)
        return [p for p in self._children(place) if p.key != IGNORED]

    def _reference(self, node: Mapping[str, Any], at: str) -> dict[str, str]:
        """With ``repair``: a reference that cannot be followed (validation reports it otherwise)."""
        problem = self.chains.problem(node, at)
        if problem is None:
            return {}
        if problem.pointer == pointer_join(at, "$ref"):
            return {"$ref": f"{problem.message}; typed as any value"}
        return {"$ref": f"$ref {node['$ref']!r} leads to {problem.pointer}: {problem.message}; typed as any value"}

    def _contains_itself(self, ref: Any) -> bool:
        """Whether a reference to an inline schema (not a named component) leads back to it through inline
        references: the models inline such references, and would do so forever."""
        if not isinstance(ref, str) or not ref.startswith("#") or _is_named(ref):
            return False
        return leads_to_a_loop(ref[1:], self._inline_targets, self.inline_loops)

    def _parents(self, at: str) -> list[str]:
        """The schemas that the schema at ``at`` refers to, or extends with ``allOf`` (inline parts included)."""
        return self._references(at, lambda node: as_list(node.get("allOf")), lambda ref: True)

    def _inline_targets(self, at: str) -> list[str]:
        """The inline schemas that the inline references inside the schema at ``at`` point at."""
        return self._references(at, _structure, lambda ref: not _is_named(ref))

    def _references(
        self, at: str, inside: Callable[[Mapping[str, Any]], list[Any]], wanted: Callable[[str], bool]
    ) -> list[str]:
        """The targets of the ``wanted`` local references found in the node at ``at`` and, through ``inside``, the
        nodes within it (lists are looked into)."""
        try:
            todo = [self.doc.at(at)]
        except KeyError:
            return []
        found: list[str] = []
        while todo:
            node = todo.pop()
            if isinstance(node, list):
                todo.extend(cast(list[Any], node))
            elif isinstance(node, Mapping):
                node = cast(Mapping[str, Any], node)
                ref = node.get("$ref")
                if isinstance(ref, str) and ref.startswith("#") and wanted(ref):
                    found.append(ref[1:])
                todo.extend(inside(node))
        return found

    def _discriminator(self, value: Any, at: str) -> dict[str, str]:
        """``discriminator`` problems, keyed by their pointer relative to the schema."""
        if value is None:
            return {}
        if not isinstance(value, Mapping) or not isinstance(cast(Mapping[str, Any], value).get("propertyName"), str):
            return {"discriminator": "'discriminator' must be a mapping with a 'propertyName'"}
        mapping = cast(Mapping[str, Any], value).get("mapping", {})
        if not isinstance(mapping, Mapping):
            return {"discriminator/mapping": "a discriminator's 'mapping' must map values to schemas"}
        wrong: dict[str, str] = {}
        for tag, target in cast(Mapping[Any, Any], mapping).items():
            if not self._names_a_schema(target):
                relative = f"discriminator/mapping/{escape_pointer_token(str(tag))}"
                wrong[relative] = f"discriminator value {str(tag)!r} maps to {target!r}, which is not a schema here"
        return wrong

    def _names_a_schema(self, target: Any) -> bool:
        """A mapping target: a local reference that resolves, or the name of a component schema."""
        if not isinstance(target, str):
            return False
        if target.startswith("#"):
            try:
                self.doc.at(target[1:])
            except KeyError:
                return False
            return True
        components = self.doc.root.get("components")
        schemas = cast(Mapping[str, Any], components).get("schemas") if isinstance(components, Mapping) else None
        return isinstance(schemas, Mapping) and target in schemas


def _structure(node: Mapping[str, Any]) -> list[Any]:
    """What a walk over schemas looks into: every value but data (examples, defaults) and vendor extensions."""
    return [v for k, v in node.items() if k not in DATA_KEYS and not str(k).startswith("x-")]


def _is_named(ref: str) -> bool:
    """A reference to a component schema, which becomes a model class the rest refers to by name."""
    return ref.startswith(SCHEMA_PREFIX) and "/" not in ref[len(SCHEMA_PREFIX) :]


def child_role(parent: str, at: str, key: str) -> str:
    """What the value of ``key`` holds, inside a node of role ``parent`` found at ``at``: ``schema``, ``schemas`` (a
    map of names to schemas), ``list`` (a list of schemas), ``data`` (a schema's other keywords) or ``other``
    (document structure, which may hold schemas further down)."""
    if parent == "schemas":
        return "schema"
    if parent == "schema":
        if key in SCHEMA_VALUES:
            return "schema"
        return "schemas" if key in SCHEMA_MAPS else "list" if key in SCHEMA_LISTS else "data"
    if key == "schema":
        return "schema"
    return "schemas" if (at, key) == ("/components", "schemas") else "other"


def check_schemas(doc: Document, problems: Problems, *, repair: bool = False) -> None:
    """Report every malformed schema of ``doc`` (see the module's documentation); with ``repair``, as warnings, and
    repair them."""
    SchemaChecker(doc, problems, repair=repair).run()
