"""Pydantic models, rendered by datamodel-code-generator through its Python API."""

from __future__ import annotations

import ast
import json
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from datamodel_code_generator import DataModelType, PythonVersion, generate

from .cache import Cache, digest, tool_versions
from .errors import GenerationError, Problem
from .ir import Model
from .loader import Document
from .naming import Namespace, pascal_case, snake_case
from .schemas import SCHEMA_PREFIX, as_mapping, is_nullable, schema_types
from .text import clean

# The keywords that shape a Python type. Everything else (examples, xml, vendor extensions, validation bounds) is
# dropped: responses are built leniently and validation is the server's job.
TYPE_KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "required",
        "items",
        "enum",
        "const",
        "allOf",
        "anyOf",
        "oneOf",
        "discriminator",
        "nullable",
        "additionalProperties",
        "format",
        "description",
        "default",
        "$ref",
        "propertyName",
        "mapping",
    }
)

HEADER = "# Generated from the OpenAPI document by datamodel-code-generator. Do not edit."

# The methods the runtime's BaseModel adds (templates/package/src/_models.py.j2): a field must not shadow them.
MODEL_METHODS = frozenset({"to_dict", "to_json", "construct_from"})


class SchemaRewriter:
    """Produces the schemas datamodel-code-generator sees: renamed to final class names, typing keywords only."""

    def __init__(self, doc: Document, names: Mapping[str, str], *, keep_going: bool = False) -> None:
        self.doc = doc
        self.names = names
        self.keep_going = keep_going
        self.warnings: list[Problem] = []
        """With ``keep_going``, each reference that could not be followed; it was typed as any value instead."""
        self._schema_names = {v: k for k, v in names.items()}
        self._components: dict[str, Any] = {}

    def __call__(self, node: Any, at: str, depth: int = 0) -> Any:
        if isinstance(node, list):
            return [self(v, f"{at}/{i}", depth) for i, v in enumerate(cast(list[Any], node))]
        if not isinstance(node, Mapping):
            return node
        node = cast(Mapping[str, Any], node)
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref.startswith(SCHEMA_PREFIX) and ref[len(SCHEMA_PREFIX) :] in self.names:
                return {"$ref": SCHEMA_PREFIX + self.names[ref[len(SCHEMA_PREFIX) :]]}
            try:
                target, target_at = self.doc.resolve(node, at)
            except GenerationError as exc:
                if not self.keep_going:
                    raise
                self.warnings.extend(
                    replace(p, message=f"{p.message}; typed as any value", warning=True) for p in exc.problems
                )
                return {}
            if depth > 16:
                raise GenerationError([Problem(self.doc.name, at, "reference nests too deeply to inline")])
            return self(target, target_at, depth + 1)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, Mapping):
                props = cast(Mapping[str, Any], value)
                out[key] = {name: self(v, f"{at}/properties/{name}", depth) for name, v in props.items()}
            elif key == "mapping" and isinstance(value, Mapping):
                out[key] = {k: self({"$ref": v}, at, depth)["$ref"] for k, v in cast(Mapping[str, Any], value).items()}
            elif key == "description" and isinstance(value, str):
                out[key] = clean(value)
            elif key in TYPE_KEYWORDS:
                out[key] = self(value, f"{at}/{key}", depth)
        for key in ("anyOf", "oneOf"):
            if _only_constraints(out.get(key)) and ("properties" in out or "object" in schema_types(out)):
                # ``anyOf: [{required: [a]}, {required: [b]}]`` beside the properties says which fields are needed
                # together; it adds no type, and datamodel-code-generator would make the object a union of itself.
                del out[key]
        if out.get("default", 0) is None and not is_nullable(node):
            del out["default"]  # ``default: null`` on a schema that does not allow null: no default, not a bad one
        if isinstance(out.get("discriminator"), Mapping):
            self._settle_discriminator(out)
        if isinstance(out.get("allOf"), list):
            out = _simplify_all_of(out)
        if isinstance(out.get("allOf"), list) and self._fields_overlap(cast(list[Any], out["allOf"])):
            out = self._flatten(out)
        return out

    # -- shapes datamodel-code-generator gets wrong --------------------------------------------------------------
    def _target(self, ref: str) -> tuple[Any, str] | None:
        """The original schema behind a rewritten ``$ref`` to a model class."""
        name = ref[len(SCHEMA_PREFIX) :] if ref.startswith(SCHEMA_PREFIX) else None
        schema_name = self._schema_names.get(name or "")
        if schema_name is None:
            return None
        at = f"/components/schemas/{schema_name}"
        return as_mapping(as_mapping(as_mapping(self.doc.root.get("components")).get("schemas")).get(schema_name)), at

    def _component(self, ref: str) -> Any:
        """The rewritten component behind a reference, rewritten once (``allOf`` chains ask for parents often)."""
        if ref not in self._components:
            self._components[ref] = {}  # while it is being rewritten: a part of itself adds nothing
            target = self._target(ref)
            self._components[ref] = self(target[0], target[1]) if target else {}
        return self._components[ref]

    def _resolved(self, schema: Any) -> Any:
        ref = as_mapping(schema).get("$ref")
        target = self._target(ref) if isinstance(ref, str) else None
        return self._component(ref) if target else schema

    def _fields(self, schema: Any, depth: int = 0) -> dict[str, Any]:
        """The properties of a rewritten schema, through references and ``allOf`` parts (later parts win)."""
        node = as_mapping(schema)
        if depth > 16:
            return {}
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = self._target(ref)
            return self._fields(self._component(ref), depth + 1) if target else {}
        fields: dict[str, Any] = {}
        for part in cast(list[Any], node.get("allOf", [])):
            fields.update(self._fields(part, depth + 1))
        fields.update(as_mapping(node.get("properties")))
        return fields

    def _required(self, schema: Any, depth: int = 0) -> list[str]:
        node = as_mapping(schema)
        if depth > 16:
            return []
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = self._target(ref)
            return self._required(self._component(ref), depth + 1) if target else []
        found = [r for part in cast(list[Any], node.get("allOf", [])) for r in self._required(part, depth + 1)]
        return found + [r for r in cast(list[Any], node.get("required", [])) if isinstance(r, str)]

    def _fields_overlap(self, parts: list[Any]) -> bool:
        """Two ``allOf`` parts declare the same field: as subclasses, the later one would redeclare an inherited
        field (often required where the parent's is optional), which type checkers reject."""
        seen: set[str] = set()
        for part in parts:
            names = set(self._fields(part))
            # A part that makes an earlier part's field required redeclares it too.
            if (names | set(self._required(part))) & seen:
                return True
            seen |= names
        return False

    def _flatten(self, out: dict[str, Any]) -> dict[str, Any]:
        """One object with every part's fields, instead of a subclass of the parts."""
        parts = cast(list[Any], out.pop("allOf"))
        fields: dict[str, Any] = {}
        required: list[str] = []
        for part in parts:
            fields.update(self._fields(part))
            required.extend(r for r in self._required(part) if r not in required)
        merged: dict[str, Any] = {"type": "object", "properties": {**fields, **as_mapping(out.pop("properties", {}))}}
        required.extend(r for r in cast(list[Any], out.pop("required", [])) if r not in required)
        if required:
            merged["required"] = required
        return {**out, **merged}

    def _settle_discriminator(self, out: dict[str, Any]) -> None:
        """A discriminator with no mapping means "the schema's name" to datamodel-code-generator, which turns each
        member's tag field into ``Literal["ClassName"]``. Map each member by the one value its tag field allows
        instead; when a member allows several values (or none), the union is left undiscriminated."""
        discriminator = cast(Mapping[str, Any], out["discriminator"])
        if discriminator.get("mapping"):
            return
        tag = discriminator.get("propertyName")
        members = cast(list[Any], out.get("oneOf") or out.get("anyOf") or [])
        mapping: dict[str, str] = {}
        for member in members:
            ref = as_mapping(member).get("$ref")
            value = _single_value(self._resolved(self._fields(member).get(tag))) if isinstance(ref, str) else None
            if not isinstance(value, str) or value in mapping:
                del out["discriminator"]
                return
            mapping[value] = ref
        out["discriminator"] = {**discriminator, "mapping": mapping}


def _simplify_all_of(out: dict[str, Any]) -> dict[str, Any]:
    """``allOf`` shapes that mean a simpler type: one typed part plus constraints (``[{$ref: X}, {nullable: true}]``
    is ``X`` or null), and a union among the parts (a class cannot extend a union: the union is the type)."""
    parts = cast(list[Any], out["allOf"])
    rest = {k: v for k, v in out.items() if k != "allOf"}
    unions = [p for p in parts if _is_inline_union(p)]
    typed = [p for p in parts if not _only_constraints([p])]
    if unions:
        chosen = unions[0]
    elif len(typed) == 1 and len(parts) > 1:
        chosen = typed[0]
    else:
        return out
    if any(as_mapping(p).get("nullable") is True for p in parts):
        return {**rest, "anyOf": [chosen, {"type": "null"}]}
    return {**rest, **as_mapping(chosen)} if "$ref" not in as_mapping(chosen) else {**rest, "allOf": [chosen]}


def _single_value(schema: Any) -> object:
    """The one value a (rewritten) schema allows, from ``const`` or a one-value ``enum``; else ``None``."""
    node = as_mapping(schema)
    if "const" in node:
        return node["const"]
    enum = node.get("enum")
    return cast(list[Any], enum)[0] if isinstance(enum, list) and len(cast(list[Any], enum)) == 1 else None


def hoist_inline_members(schemas: dict[str, Any], taken: Namespace) -> dict[str, Any]:
    """Give inline objects and unions at the top of a union (``anyOf: [{type: object...}, {type: null}]``), inline
    unions among ``allOf`` parts, and inline union or object items of an array schema names of their own
    (``PromptObject``, ``EventPart1``, ``ToolCallsItem``), and so do inline objects and unions held by a property, by
    the items of a list property at any depth, or by ``additionalProperties`` (``OrderShipping`` for
    ``Order.shipping``, ``OrderLinesItem``, ``OrderValue``).

    datamodel-code-generator would name such an inline model after the schema itself, so that the alias for the
    schema refers to itself (``Prompt = Prompt | None``). Names are derived from the schema's, deterministically.
    """
    found = dict(schemas)
    todo = list(schemas)

    def named(value: Any, hint: str) -> Any:
        """``value``, or a reference to it under a new name when it (or the item of a list, at any depth) needs one."""
        if _needs_name(value):
            new = taken.claim(hint)
            found[new] = value
            todo.append(new)
            return _reference(new, as_mapping(value))
        items = as_mapping(value).get("items")
        if "array" in schema_types(as_mapping(value)) and isinstance(items, Mapping):
            return {**as_mapping(value), "items": named(items, f"{hint}Item")}
        return value

    while todo:
        name = todo.pop(0)
        schema = dict(as_mapping(found[name]))
        for key in ("anyOf", "oneOf"):
            members = schema.get(key)
            if not isinstance(members, list):
                continue
            inline = [i for i, m in enumerate(cast(list[Any], members)) if _is_inline_model(m) or _is_inline_union(m)]
            replaced = list(cast(list[Any], members))
            for i in inline:
                new = taken.claim(f"{name}Object" if len(inline) == 1 else f"{name}Variant{i + 1}")
                found[new] = replaced[i]
                replaced[i] = {"$ref": SCHEMA_PREFIX + new}
                todo.append(new)
            schema[key] = replaced
        parts = schema.get("allOf")
        if isinstance(parts, list):
            replaced_parts = list(cast(list[Any], parts))
            for i, part in enumerate(replaced_parts):
                if _is_inline_union(part):
                    new = taken.claim(f"{name}Part{i + 1}")
                    found[new] = part
                    replaced_parts[i] = {"$ref": SCHEMA_PREFIX + new}
                    todo.append(new)
            schema["allOf"] = replaced_parts
        properties = schema.get("properties")
        if isinstance(properties, Mapping):
            schema["properties"] = {
                prop: named(value, f"{name}{pascal_case(prop) or 'Field'}")
                for prop, value in cast(Mapping[str, Any], properties).items()
            }
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping):
            schema["additionalProperties"] = named(extra, f"{name}Value")
        items = schema.get("items")
        if "array" in schema_types(schema) and (_is_inline_model(items) or _is_inline_union(items)):
            new = taken.claim(f"{name}Item")
            found[new] = items
            schema["items"] = {"$ref": SCHEMA_PREFIX + new}
            todo.append(new)
        found[name] = schema
    return found


def _reference(name: str, schema: Mapping[str, Any]) -> dict[str, Any]:
    """A property's reference to its hoisted schema, keeping what belongs to the property: its description, default
    and whether it may be null."""
    ref: dict[str, Any] = {"$ref": SCHEMA_PREFIX + name}
    for key in ("description", "default"):
        if key in schema:
            ref[key] = schema[key]
    if is_nullable(schema):
        return {"anyOf": [ref, {"type": "null"}], **{k: v for k, v in ref.items() if k != "$ref"}}
    return ref


def _needs_name(node: Any) -> bool:
    """An inline object, or an inline union with one among its members: datamodel-code-generator would name it."""
    if _is_inline_model(node):
        return True
    schema = as_mapping(node)
    members = [m for k in ("anyOf", "oneOf") for m in cast(list[Any], schema.get(k) or [])]
    return "$ref" not in schema and any(_needs_name(m) for m in members)


def _is_inline_model(node: Any) -> bool:
    """An inline schema that becomes a class: an object, or an ``allOf`` of several parts (not a scalar)."""
    schema = as_mapping(node)
    types = schema_types(schema)
    if "$ref" in schema or "enum" in schema or "const" in schema or (types and "object" not in types):
        return False
    parts = schema.get("allOf")
    combined = isinstance(parts, list) and (
        len(cast(list[Any], parts)) > 1 or any(_is_inline_model(p) for p in cast(list[Any], parts))
    )
    return "object" in types or "properties" in schema or combined


_TYPING_KEYS = frozenset({"type", "properties", "items", "enum", "const", "$ref", "allOf", "anyOf", "oneOf"})


def _only_constraints(members: Any) -> bool:
    """Union members that only constrain (``required``, ``description``) and add no type of their own."""
    return isinstance(members, list) and all(
        isinstance(m, Mapping) and not (_TYPING_KEYS & set(cast(Mapping[str, Any], m)))
        for m in cast(list[Any], members)
    )


def _is_inline_union(node: Any) -> bool:
    schema = as_mapping(node)
    return "$ref" not in schema and any(isinstance(schema.get(k), list) for k in ("anyOf", "oneOf"))


def model_document(
    doc: Document, schemas: Mapping[str, Any], names: Mapping[str, str], *, keep_going: bool = False
) -> tuple[dict[str, Any], list[Problem]]:
    """The document datamodel-code-generator reads, and the warnings about what ``keep_going`` let through."""
    rewrite = SchemaRewriter(doc, names, keep_going=keep_going)
    by_class = {v: k for k, v in names.items()}
    rewritten = {name: rewrite(schema, f"/components/schemas/{by_class[name]}") for name, schema in schemas.items()}
    taken = Namespace(set(rewritten))
    document = {
        "openapi": doc.version,
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {"schemas": hoist_inline_members(rewritten, taken)},
    }
    return document, rewrite.warnings


@dataclass
class RenderedModels:
    files: dict[str, str]
    """``{module file name: source}`` for the ``types`` package."""
    models: list[Model]
    """The models, with the modules they were written to."""
    warnings: list[Problem]


def render_models(
    doc: Document,
    schemas: Mapping[str, Any],
    models: list[Model],
    package: str,
    *,
    keep_going: bool = False,
    cache: Cache | None = None,
) -> RenderedModels:
    """Run datamodel-code-generator over the component schemas (or take its output from ``cache``)."""
    if not schemas:
        return RenderedModels({}, models, [])
    names = {m.schema_name: m.name for m in models}
    document, warnings_ = model_document(doc, schemas, names, keep_going=keep_going)
    key = digest(Path(__file__).read_bytes(), tool_versions(), package, json.dumps(document, default=repr))
    cached = cache.get_json("models", key) if cache is not None else None
    if isinstance(cached, dict):
        files = cast(dict[str, str], cached)
    else:
        with warnings.catch_warnings():
            # Unknown string formats ("snowflake", "uuid4") are typed as plain str; the warning is noise.
            warnings.simplefilter("ignore", UserWarning)
            files = _generate(document, package)
        if cache is not None:
            cache.put_json("models", key, files)
    return RenderedModels(files, locate_models(files, models, doc.name), warnings_)


def _property_names(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, Mapping):
        for key, value in cast(Mapping[str, Any], node).items():
            if key == "properties" and isinstance(value, Mapping):
                names.update(cast(Mapping[str, Any], value))
            names |= _property_names(value)
    elif isinstance(node, list):
        for value in cast(list[Any], node):
            names |= _property_names(value)
    return names


def _field_aliases(document: Mapping[str, Any]) -> dict[str, str]:
    """Python names for properties that would shadow a :data:`MODEL_METHODS` method: ``to_json`` -> ``to_json_``."""
    names = sorted(_property_names(document), key=lambda n: (n != snake_case(n), n))
    taken = Namespace({snake_case(n) for n in names})
    return {n: taken.claim(snake_case(n) + "_") for n in names if snake_case(n) in MODEL_METHODS}


def _generate(document: dict[str, Any], package: str) -> dict[str, str]:
    modules = generate(
        document,
        input_file_type="openapi",
        output=None,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        base_class=f"{package}._models.BaseModel",
        module_split_mode="single",
        use_annotated=True,
        use_standard_collections=True,
        use_union_operator=True,
        strict_nullable=True,
        snake_case_field=True,
        use_field_description=True,
        use_schema_description=True,
        use_type_alias=True,
        use_exact_imports=True,
        enum_field_as_literal="all",
        allof_merge_mode="none",
        use_double_quotes=True,
        disable_timestamp=True,
        custom_file_header=HEADER,
        aliases=_field_aliases(document),
        formatters=[],
    )
    if not isinstance(modules, dict):
        raise TypeError(f"datamodel-code-generator returned {type(modules).__name__}, not a module per model")
    # Kept in memory: a module's text is what datamodel-code-generator would write to its file, less the final newline.
    return {path[0]: text + "\n" for path, text in sorted(modules.items()) if len(path) == 1}


def locate_models(files: Mapping[str, str], models: list[Model], doc_name: str) -> list[Model]:
    """Every component schema must have become the class (or alias) the rest of the SDK imports.

    datamodel-code-generator names a module after its class, unless an inline model took that module name first;
    then the class lands in a numbered module (``error21.py``), which is found here.
    """
    defined_in: dict[str, list[str]] = {}
    for file_name in sorted(files):
        for name in _top_level_names(files[file_name]):
            defined_in.setdefault(name, []).append(file_name.removesuffix(".py"))
    problems: list[Problem] = []
    located: list[Model] = []
    for model in models:
        modules = defined_in.get(model.name, [])
        if model.module in modules or not modules:
            located.append(model)
            if not modules:
                problems.append(
                    Problem(
                        doc_name,
                        f"/components/schemas/{model.schema_name}",
                        f"datamodel-code-generator did not produce {model.name!r} in {model.module}.py",
                    )
                )
            continue
        own = [m for m in modules if m.startswith(model.module)] or modules
        located.append(replace(model, module=own[0]))
    if problems:
        raise GenerationError(problems)
    return located


def _top_level_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names
