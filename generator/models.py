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
from .naming import Namespace, snake_case
from .schemas import SCHEMA_PREFIX
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
        return out


def model_document(
    doc: Document, schemas: Mapping[str, Any], names: Mapping[str, str], *, keep_going: bool = False
) -> tuple[dict[str, Any], list[Problem]]:
    """The document datamodel-code-generator reads, and the warnings about what ``keep_going`` let through."""
    rewrite = SchemaRewriter(doc, names, keep_going=keep_going)
    by_class = {v: k for k, v in names.items()}
    document = {
        "openapi": doc.version,
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {
            "schemas": {
                name: rewrite(schema, f"/components/schemas/{by_class[name]}") for name, schema in schemas.items()
            }
        },
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
