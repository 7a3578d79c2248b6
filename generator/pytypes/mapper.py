"""Schemas -> :mod:`generator.pytypes.kinds` objects: the one type mapper.

Every rule about what type a schema is lives here, once: references to components become :class:`Ref`; ``allOf``
parts are merged (:meth:`TypeMapper._merge`: later parts win over earlier ones, the schema's own properties over
every part); nullability is :func:`generator.inputs.vocabulary.is_nullable`; an inline object that needs a class is given one,
named after what holds it (``OrderShipping`` for ``Order.shipping``, ``OrderLinesItem``, ``PromptObject``), so no
class is ever named by datamodel-code-generator; a discriminator without a ``mapping`` is mapped by each member's one
tag value, or dropped.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from generator.core.errors import GenerationError, Problems, pointer
from generator.core.naming import BUILTIN_NAMES, Namespace, class_name, pascal_case
from generator.inputs.document import Document
from generator.inputs.vocabulary import (
    NO_EXAMPLE,
    as_list,
    as_mapping,
    component_name,
    example_of,
    is_null_schema,
    is_nullable,
    only_constrains,
    schema_types,
    text_of,
)
from generator.pytypes.component_names import SENT_SHAPES, component_names
from generator.pytypes.kinds import (
    NO_DEFAULT,
    Discriminator,
    ListOf,
    LiteralType,
    MapOf,
    Nullable,
    ObjectType,
    Property,
    PyType,
    Ref,
    Scalar,
    UnionType,
    Unknown,
)
from generator.pytypes.registry import NamedType, Registry

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
"""A number as JSON spells it: the strings a number's default may be read from."""

LARGE_ENUM = 64
"""An inline enum with more values than this becomes a type alias of its own."""

MAX_DEPTH = 48
"""Schemas nested deeper than this are typed as any value (validation reports the nesting)."""

RESERVED_MODELS = frozenset(
    {"BaseModel", "Field", "ConfigDict", "RootModel", "Literal", "Annotated", "Any", "TypeAliasType", "AwareDatetime"}
)
"""Names the model modules import: no model may take them."""

PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def module_of(name: str) -> str:
    """The module datamodel-code-generator writes class ``name`` to (it names modules by its own snake case).
    Imported here: a run whose parse comes from the cache needs none of it."""
    from datamodel_code_generator import PythonVersion  # noqa: PLC0415
    from datamodel_code_generator.util import camel_to_snake  # noqa: PLC0415

    return camel_to_snake(name, PythonVersion.PY_311)


class TypeMapper:
    """Builds the types of one document. Components are declared first, so references can be typed at once."""

    def __init__(self, doc: Document, problems: Problems, *, keep_going: bool = False) -> None:
        self.doc = doc
        self.problems = problems
        self.keep_going = keep_going
        self.types = Registry()
        self.components: dict[str, str] = {}
        """Component schema name -> class name."""
        self._names = Namespace(RESERVED_MODELS)
        self._modules = Namespace({"__init__"})
        self._defining: set[str] = set()
        self._schema_names: dict[str, str] = {}
        """Class name -> component schema name."""
        self._hoist = True
        self._chain_ends: dict[str, str] = {}

    @contextmanager
    def request_side(self) -> Iterator[None]:
        """Inline objects built inside stay inline (``dict[str, ...]`` arguments), instead of becoming classes."""
        self._hoist, before = False, self._hoist
        try:
            yield
        finally:
            self._hoist = before

    # -- named types ----------------------------------------------------------------------------------------------
    def claim(self, hint: str) -> str:
        """A new class name from ``hint`` whose module name is free too (and not a keyword or builtin)."""
        base = class_name(hint)
        if keyword.iskeyword(module_of(base)) or module_of(base) in BUILTIN_NAMES:
            base += "Model"
        name, n = base, 1
        while name in self._names or module_of(name) in self._modules:
            n += 1
            name = f"{base}{n}"
        self._names.claim(name)
        self._modules.claim(module_of(name))
        return name

    def declare_components(
        self, given: Mapping[str, str] | None = None, rules: Mapping[str, str] | None = None, source: str = ""
    ) -> None:
        """Every component schema's class name: its own, or the one the config gives it (``given``, ``rules``:
        :func:`~generator.pytypes.component_names.component_names`; their problems are at pointers into ``source``),
        or the one :data:`~generator.pytypes.component_names.SENT_SHAPES` gives after the config's rules.
        The config's names are claimed first, so no schema's own name can take one of them."""
        schemas = as_mapping(as_mapping(self.doc.root.get("components")).get("schemas"))
        rules = dict(rules or {})
        for pattern, replacement in SENT_SHAPES.items():
            rules.setdefault(pattern, replacement)
        renamed, problems = component_names(schemas, given or {}, rules, source)
        self.problems.items.extend(problems)
        for schema_name in sorted(renamed, key=list(schemas).index):
            self.components[schema_name] = self.claim(renamed[schema_name])
        for schema_name, schema in schemas.items():
            if schema_name in renamed:
                self._schema_names[self.components[schema_name]] = schema_name
            elif isinstance(schema, Mapping):
                self.components[schema_name] = self.claim(schema_name)
                self._schema_names[self.components[schema_name]] = schema_name
            else:
                at = pointer("components", "schemas", schema_name)
                self.problems.error(at, "a schema must be a mapping", "write the schema as an object")

    def define_components(self) -> None:
        for schema_name in self.components:
            self.definition(schema_name)

    def definition(self, schema_name: str) -> PyType:
        """The definition of a component (built once; a component that is part of itself adds nothing)."""
        name = self.components[schema_name]
        if name in self.types.named:
            return self.types.named[name].definition
        if schema_name in self._defining:
            return ObjectType()
        self._defining.add(schema_name)
        at = pointer("components", "schemas", schema_name)
        schema = as_mapping(self.doc.at(at))
        definition = _without_self(self.build(schema, at, name, top=True), name)
        if isinstance(definition, Ref) and component_name(schema) is not None:
            definition = replace(definition, name=self._last_of_chain(schema_name))
        if isinstance(definition, Nullable) and isinstance(definition.inner, ObjectType):
            definition = definition.inner  # the class is the object; each use says whether it may be null
        if isinstance(definition, ObjectType):
            definition = replace(definition, name=name)
        self.types.add(NamedType(name, module_of(name), definition, schema_name, text_of(schema)))
        self._defining.discard(schema_name)
        return definition

    def _last_of_chain(self, schema_name: str) -> str:
        """The class a component that is only a ``$ref`` to another ends at, through any chain of such components:
        its alias names the end of the chain, not the next link (so a chain of thousands stays flat). Every link
        walked is remembered, so a long chain is walked once."""
        walked = [schema_name]
        while walked[-1] not in self._chain_ends:
            target = component_name(self._schema(walked[-1]))
            if target is None or target not in self.components or target in walked:
                self._chain_ends[walked[-1]] = self.components[walked[-1]]
                break
            walked.append(target)
        end = self._chain_ends[walked[-1]]
        self._chain_ends.update(dict.fromkeys(walked, end))
        return end

    def _schema(self, schema_name: str) -> Mapping[str, Any]:
        return as_mapping(as_mapping(as_mapping(self.doc.root.get("components")).get("schemas")).get(schema_name))

    def alias(self, name: str, definition: PyType, description: str = "", *, elsewhere: bool = False) -> Ref | None:
        """A type alias of exactly ``name`` for ``definition``; ``None`` when the name or its module is taken, unless
        ``elsewhere``: then it is public as ``name`` (``NamedType.public``) and has a name of its own for the SDK."""
        if not name.isidentifier():
            return None
        public = ""
        if name in self._names or module_of(name) in self._modules:
            if not elsewhere:
                return None
            name, public = self.claim(name), name
        else:
            self._names.claim(name)
            self._modules.claim(module_of(name))
        self.types.add(NamedType(name, module_of(name), definition, None, description, public=public))
        return Ref(name, at=definition.at, example=definition.example)

    def name_object(self, obj: ObjectType, name: str, description: str = "") -> Ref:
        """Give an inline object the class ``name`` (from :meth:`claim`)."""
        self.types.add(NamedType(name, module_of(name), replace(obj, name=name), None, description))
        return Ref(name, at=obj.at, example=obj.example)

    # -- schemas ----------------------------------------------------------------------------------------------
    def build(self, schema: Any, at: str, hint: str, *, top: bool = False, depth: int = 0) -> PyType:
        """The type of ``schema`` (found at pointer ``at``). An inline object becomes a class named ``hint``, unless
        ``top``: then it is returned as it is, for the caller to flatten or name."""
        node = as_mapping(schema)
        if depth > MAX_DEPTH:
            return Unknown(at=at)
        referenced = component_name(node)
        if referenced is not None and referenced in self.components:
            return Ref(self.components[referenced], at=at, example=example_of(node))
        if "$ref" in node:
            return self._follow(node, at, hint, top, depth)
        found = self._non_null(node, at, hint, top, depth)
        example = example_of(node)
        if example is not NO_EXAMPLE:
            found = replace(found, example=example)
        if is_nullable(node) and found.annotation != "object" and not found.nullable:  # once: ``allOf: [{nullable}]``
            return Nullable(found, at=at, example=found.example)
        return found

    def _follow(self, node: Mapping[str, Any], at: str, hint: str, top: bool, depth: int) -> PyType:
        try:
            target, target_at = self.doc.resolve(node, at)
        except GenerationError as exc:
            if not self.keep_going:
                raise
            for p in exc.problems:
                self.problems.warn(p.pointer, f"{p.message}; typed as any value", p.hint)
            return Unknown(at=at)
        return self.build(target, target_at, hint, top=top, depth=depth + 1)

    def _non_null(self, node: Mapping[str, Any], at: str, hint: str, top: bool, depth: int) -> PyType:
        literal = _literal(node, at)
        if literal is not None and len(literal.values) > LARGE_ENUM and not top:
            name = self.claim(hint)  # one alias, instead of the values written out wherever the enum is used
            self.types.add(NamedType(name, module_of(name), literal, None, text_of(node)))
            return Ref(name, at=at)
        if literal is not None:
            return literal
        union = self._union(node, at, hint, top, depth)
        if union is not None:
            return union
        if isinstance(node.get("allOf"), list):
            return self._all_of(node, at, hint, top, depth)
        types = [t for t in schema_types(node) if t != "null"]
        if len(types) > 1:
            members = tuple(self._typed(node, t, at, hint, top, depth) for t in types)
            return UnionType(members, one_of=False, at=at)
        if not types:
            types = ["object"] if "properties" in node or "additionalProperties" in node else []
            types = types or (["array"] if "items" in node else [])
        return self._typed(node, types[0], at, hint, top, depth) if types else Unknown(at=at)

    def _typed(self, node: Mapping[str, Any], kind: str, at: str, hint: str, top: bool, depth: int) -> PyType:
        if kind in PRIMITIVES:
            fmt = str(node.get("format", "")) if kind == "string" else ""
            return Scalar(PRIMITIVES[kind], fmt, binary=kind == "string" and _carries_bytes(node), at=at)
        if kind == "array":
            item = self.build(node.get("items", {}), f"{at}/items", f"{hint}Item", depth=depth + 1)
            return ListOf(item, at=at)
        if kind == "object":
            return self._object(node, at, hint, top, depth)
        return Unknown(at=at)

    def _object(self, node: Mapping[str, Any], at: str, hint: str, top: bool, depth: int) -> PyType:
        extra = node.get("additionalProperties")
        if "properties" not in node:
            if isinstance(extra, Mapping) and extra:
                return MapOf(self.build(extra, f"{at}/additionalProperties", f"{hint}Value", depth=depth + 1), at=at)
            return ObjectType(at=at)
        inline = top or not self._hoist
        name = hint if inline else self.claim(hint)
        obj = ObjectType(self._properties(node, at, name, depth), at=at)
        return obj if inline else self.name_object(obj, name, text_of(node))

    def _properties(self, node: Mapping[str, Any], at: str, hint: str, depth: int) -> tuple[Property, ...]:
        required = {r for r in as_list(node.get("required")) if isinstance(r, str)}
        found: list[Property] = []
        for wire, raw in as_mapping(node.get("properties")).items():
            prop_at = at + pointer("properties", wire)
            prop = as_mapping(raw)
            type_ = self.build(raw, prop_at, f"{hint}{pascal_case(wire) or 'Field'}", depth=depth + 1)
            default = self._default(prop.get("default", NO_DEFAULT), type_, prop_at)
            description = text_of(prop)
            found.append(Property(wire, type_, wire in required, description, default, prop_at))
        return tuple(found)

    def _default(self, default: Any, type_: PyType, at: str) -> Any:
        """The property's default as the model writes it. ``default: null`` where null is not allowed is no default,
        not a bad one; a string default on a number (``default: "0.9"``, a document mistake) is that number when the
        string is one of the type (JSON's spelling), and no default otherwise, with a warning either way."""
        if default is None and not type_.nullable:
            return NO_DEFAULT
        kind = type_.non_null()
        if not (isinstance(kind, Scalar) and kind.kind in ("int", "float") and isinstance(default, str)):
            return default
        spelling = _INTEGER if kind.kind == "int" else _NUMBER
        if spelling.fullmatch(default):
            value = int(default) if kind.kind == "int" else float(default)
            self.problems.warn(f"{at}/default", f"the default {default!r} is a string, not a number: read as {value!r}")
            return value
        self.problems.warn(f"{at}/default", f"the default {default!r} is not a number of the schema's type: left out")
        return NO_DEFAULT

    # -- unions -------------------------------------------------------------------------------------------------
    def _union(self, node: Mapping[str, Any], at: str, hint: str, top: bool, depth: int) -> PyType | None:
        for key in ("oneOf", "anyOf"):
            members = as_list(node.get(key))
            if not members or (only_constrains_all(members) and ("properties" in node or "type" in node)):
                continue  # ``anyOf: [{required: [a]}, {required: [b]}]`` beside properties: fields needed together
            real = [(i, m) for i, m in enumerate(members) if not is_null_schema(as_mapping(m))]
            if not real:
                continue
            hints = _member_hints(hint, real, self._names.__contains__)
            built = tuple(self.build(m, f"{at}/{key}/{i}", hints[i], depth=depth + 1) for i, m in real)
            if len(built) == 1:
                return built[0]
            union = UnionType(built, one_of=key == "oneOf", at=at)
            union = replace(union, discriminator=self._discriminator(node, union, at))
            if union.discriminator is None or top or not self._hoist:
                return union
            # A discriminated union is an annotated type, which datamodel-code-generator would name itself.
            name = self.claim(hint)
            self.types.add(NamedType(name, module_of(name), union, None, text_of(node)))
            return Ref(name, at=at)
        return None

    def _discriminator(self, node: Mapping[str, Any], union: UnionType, at: str) -> Discriminator | None:
        """A discriminator mapped by tag value to member class names; ``None`` when it cannot be trusted."""
        raw = as_mapping(node.get("discriminator"))
        tag = raw.get("propertyName")
        if not isinstance(tag, str) or not all(isinstance(m, Ref) for m in union.members):
            return None
        mapping: dict[str, str] = {}
        for value, ref in as_mapping(raw.get("mapping")).items():
            name = self.components.get(component_name({"$ref": ref}) or "")
            if name is None:
                self.problems.warn(f"{at}/discriminator/mapping", f"discriminator value {value!r} maps to {ref!r}")
                return None
            mapping[value] = name
        if not mapping:
            for member in union.members:
                assert isinstance(member, Ref)
                prop = self._component_object(member.name).field(tag)
                values = prop.type.non_null().enum_values() if prop else None
                if values is None or len(values) != 1 or not isinstance(values[0], str) or values[0] in mapping:
                    return None
                mapping[values[0]] = member.name
        return Discriminator(tag, tuple(mapping.items()))

    # -- allOf: the one merge ---------------------------------------------------------------------------------
    def _all_of(self, node: Mapping[str, Any], at: str, hint: str, top: bool, depth: int) -> PyType:
        parts = as_list(node["allOf"])
        typed = [(i, p) for i, p in enumerate(parts) if not only_constrains(p)]
        unions = [(i, p) for i, p in typed if _is_inline_union(p)]
        rest = {k: v for k, v in node.items() if k != "allOf"}
        if unions:  # a class cannot extend a union: the union is the type
            i, chosen = unions[0]
            return self.build(chosen, f"{at}/allOf/{i}", f"{hint}Part{i + 1}", depth=depth + 1)
        if len(typed) == 1 and not (set(rest) & {"properties", "additionalProperties"}):
            i, chosen = typed[0]  # one typed part, the others only annotate (``[{$ref: X}, {nullable: true}]``)
            return self.build(chosen, f"{at}/allOf/{i}", hint, top=top, depth=depth + 1)
        inline = top or not self._hoist
        name = hint if inline else self.claim(hint)
        obj = self._merge(node, parts, at, name, depth)
        return obj if inline else self.name_object(obj, name, text_of(node))

    def _merge(self, node: Mapping[str, Any], parts: list[Any], at: str, hint: str, depth: int) -> ObjectType:
        """One object of every part's fields (later parts win; the schema's own fields win over every part), and
        the named parts as bases when no two parts declare or require the same field."""
        merged: dict[str, Property] = {}
        required: set[str] = set()
        bases: list[str] = []
        overlap = False
        for i, part in enumerate(parts):
            fields, needs, base = self._part(part, f"{at}/allOf/{i}", hint, depth)
            overlap = overlap or bool((set(fields) | needs) & set(merged))
            merged.update(fields)
            required |= needs
            bases += [base] if base else []
        own = self._properties(node, at, hint, depth)
        overlap = overlap or any(p.wire in merged for p in own)
        merged.update({p.wire: p for p in own})
        required |= {r for r in as_list(node.get("required")) if isinstance(r, str)}
        props = tuple(replace(p, required=p.required or p.wire in required) for p in merged.values())
        keep_bases = tuple(bases) if bases and not overlap else ()
        return ObjectType(props, bases=keep_bases, at=at)

    def _part(self, part: Any, at: str, hint: str, depth: int) -> tuple[dict[str, Property], set[str], str | None]:
        """An ``allOf`` part's fields, the names it requires, and its class when it is a named object."""
        node = as_mapping(part)
        needs = {r for r in as_list(node.get("required")) if isinstance(r, str)}
        built = self.build(part, at, hint, top=True, depth=depth + 1)
        base = None
        if isinstance(built, Ref):
            base = built.name if isinstance(self.types.resolve(built), ObjectType) else None
            definition = self._component_object(built.name)
        else:
            definition = built if isinstance(built, ObjectType) else ObjectType()
        fields = {p.wire: p for p in definition.properties}
        return fields, needs | {p.wire for p in definition.properties if p.required}, base

    def _component_object(self, name: str) -> ObjectType:
        schema_name = self._schema_names.get(name)
        if schema_name is not None and name not in self.types.named:
            self.definition(schema_name)
        return self.types.object(name)


def _without_self(definition: PyType, name: str) -> PyType:
    """A union that has itself as a member (``E: anyOf [$ref E, string]``) is its other members: ``E | str`` is
    ``str``, where the alias that names itself gave a type no checker can resolve and pydantic a ``recursion_loop``
    (only itself: any value)."""
    inner = definition.non_null() if isinstance(definition, Nullable) else definition
    if not isinstance(inner, UnionType) or not any(isinstance(m, Ref) and m.name == name for m in inner.members):
        return definition
    members = tuple(m for m in inner.members if not (isinstance(m, Ref) and m.name == name))
    found = replace(inner, members=members) if len(members) > 1 else members[0] if members else Unknown(at=inner.at)
    if isinstance(found, UnionType) and found.discriminator and any(n == name for _, n in found.discriminator.mapping):
        found = replace(found, discriminator=None)  # its mapping named the member that is gone
    return replace(definition, inner=found) if isinstance(definition, Nullable) else found


def only_constrains_all(members: list[Any]) -> bool:
    return all(only_constrains(m) for m in members)


def _literal(node: Mapping[str, Any], at: str) -> LiteralType | None:
    """``Literal[...]`` of a ``const`` or of an enum's scalar values (floats and nulls are not literals)."""
    values = [node["const"]] if "const" in node else as_list(node.get("enum"))
    usable = [v for v in values if isinstance(v, str | int | bool) and not isinstance(v, float)]
    unique = list(dict.fromkeys((type(v), v) for v in usable))  # True and 1 are different values here
    return LiteralType(tuple(v for _, v in unique), at=at) if unique else None


def _member_hints(hint: str, real: list[tuple[int, Any]], taken: Callable[[str], bool]) -> dict[int, str]:
    """The name each union member's class (or alias) would take: ``{hint}Object`` for the only inline object; for
    inline objects that each say what they are, when no two say the same, what they say (a ``title``, or ``hint``
    and one value of a tag property: ``type: response.completed`` gives ``{hint}ResponseCompleted``); else
    ``{hint}Variant{n}``."""
    inline = [i for i, m in real if _is_inline_class(m)]
    if len(inline) == 1:
        return {i: f"{hint}Object" for i, _ in real}
    told = {i: _told(hint, m, taken) for i, m in real if i in inline}
    distinct = all(told.values()) and len(set(told.values())) == len(told)
    return {i: told[i] if distinct and i in told else f"{hint}Variant{i + 1}" for i, _ in real}


TAG_PROPERTIES = ("type", "kind", "event", "object")
"""Properties whose one value says which member of a union an object is."""


def _told(hint: str, node: Any, taken: Callable[[str], bool]) -> str:
    """The name an inline member says it has, unless another type has it: its ``title``, else ``hint`` and the one
    value of a tag property (in it or an ``allOf`` part of it); ``""`` when it says none that is free."""
    schema = as_mapping(node)
    title = schema.get("title")
    said = [pascal_case(title)] if isinstance(title, str) else []
    for part in (schema, *map(as_mapping, as_list(schema.get("allOf")))):
        for name in TAG_PROPERTIES:
            prop = as_mapping(as_mapping(part.get("properties")).get(name))
            values = [prop["const"]] if "const" in prop else as_list(prop.get("enum"))
            if len(values) == 1 and isinstance(values[0], str) and pascal_case(values[0]):
                said.append(hint + pascal_case(values[0]))
    return next((name for name in said if name and not taken(name)), "")


def _is_inline_union(node: Any) -> bool:
    schema = as_mapping(node)
    return "$ref" not in schema and any(isinstance(schema.get(k), list) for k in ("anyOf", "oneOf"))


def _is_inline_class(node: Any) -> bool:
    """An inline schema that becomes a class: an object, or an ``allOf`` of several parts."""
    schema = as_mapping(node)
    types = schema_types(schema)
    if "$ref" in schema or "enum" in schema or "const" in schema or (types and "object" not in types):
        return False
    parts = as_list(schema.get("allOf"))
    return "object" in types or "properties" in schema or len(parts) > 1 or any(_is_inline_class(p) for p in parts)


def _carries_bytes(schema: Mapping[str, Any]) -> bool:
    """A string of raw bytes (a file, in a multipart body): ``format: binary``, ``contentEncoding: binary``, or a
    ``contentMediaType`` without an encoding."""
    return (
        schema.get("format") == "binary"
        or schema.get("contentEncoding") == "binary"
        or ("contentMediaType" in schema and "contentEncoding" not in schema)
    )
