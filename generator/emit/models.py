"""Pydantic models, rendered by datamodel-code-generator through its Python API."""

from __future__ import annotations

import ast
import json
import re
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from generator.api.ir import Api
from generator.core.errors import GenerationError, Problem
from generator.core.naming import Namespace, snake_case
from generator.emit.model_batches import batches
from generator.emit.model_places import place_modules
from generator.emit.model_schema import model_document
from generator.output import processes
from generator.output.cache import Cache, digest, source_digest, tool_versions
from generator.output.processes import Workers
from generator.pytypes.registry import NamedType

HEADER = "# Generated from the OpenAPI document by datamodel-code-generator. Do not edit."

# The methods the runtime's BaseModel adds (templates/runtime/_models.py): a field must not shadow them.
MODEL_METHODS = frozenset({"to_dict", "to_json", "construct_from"})

# The modules datamodel-code-generator writes for models that refer to each other in a cycle: ``_internal.py`` for the
# first group of such models, ``_internal_1.py``, ``_internal_2.py``... for each further independent cycle.
SHARED_MODULE = re.compile(r"_internal(?:_[0-9]+)?\.py")
MODELS_OF = "models-of"
"""The cache's kind for the key of the models of an API's shape."""
_DIGEST = re.compile("[0-9a-f]{64}")


def render_models(api: Api, *, cache: Cache | None = None) -> dict[str, str]:
    """Run datamodel-code-generator over the API's named types (or take its output from ``cache``);
    returns ``{module file name: source}`` for the ``types`` package."""
    return start_models(api, cache=cache)()


def start_models(
    api: Api, *, cache: Cache | None = None, workers: Workers | None = None, shape: str | None = None
) -> Callable[[], dict[str, str]]:
    """Start datamodel-code-generator over the API's named types (in one of ``workers`` when given, so that the rest
    of the run overlaps it), or take its output from ``cache``. Returns the function that waits for the modules:
    ``{module file name: source}`` for the ``types`` package. With the API's ``shape`` (:mod:`generator.api.shape`),
    of which the models are a function, the cache also remembers which entry holds them, so that an API of a shape
    seen before finds them without putting together the JSON of every model schema first."""
    if not api.models:
        return dict
    known = cache.get(MODELS_OF, digest(shape)) if cache is not None and shape is not None else None
    stored = _cached(cache, known) if known is not None and _DIGEST.fullmatch(known) else None
    if stored is not None:
        return lambda: _placed(stored, api)  # checked before it was stored
    document = model_document(api.types)
    key = _key(document, api) if cache is not None else ""  # the JSON of every schema: not without a cache
    if cache is not None and shape is not None:
        cache.put(MODELS_OF, digest(shape), key)
    stored = _cached(cache, key)
    if stored is not None:
        return lambda: _placed(stored, api)
    if workers is None:
        return lambda: _placed(_store(_checked(generate_quietly(document, api.package_name), api), cache, key), api)
    pending = workers.apply_async(generate_quietly, (document, api.package_name))
    return lambda: _placed(_store(_checked(pending.get(), api), cache, key), api)


def _key(document: dict[str, Any], api: Api) -> str:
    """What the models depend on: the document, the package, every model's place (which :func:`check_modules`
    reads besides the modules), this module and the tools."""
    places = json.dumps([(m.name, m.module) for m in api.models])
    return digest(
        source_digest(Path(__file__)), tool_versions(), api.package_name, json.dumps(document, default=repr), places
    )


def _cached(cache: Cache | None, key: str) -> dict[str, str] | None:
    """The checked modules kept under ``key``; ``None`` for a missing or foreign entry."""
    cached = cache.get_json("models", key) if cache is not None else None
    if isinstance(cached, dict) and all(isinstance(v, str) for v in cast(dict[str, object], cached).values()):
        return cast(dict[str, str], cached)
    return None


def _store(files: dict[str, str], cache: Cache | None, key: str) -> dict[str, str]:
    if cache is not None:
        cache.put_json("models", key, files)
    return files


def _checked(files: dict[str, str], api: Api) -> dict[str, str]:
    """The modules, once :func:`check_modules` has found every model where the rest of the SDK imports it from: only
    such modules are cached, under a key with every model's name and module, so a cached entry needs no check."""
    check_modules(files, api.models)
    return files


def _placed(files: dict[str, str], api: Api) -> dict[str, str]:
    """Each module at its place inside ``types`` (:func:`~generator.emit.model_places.place_modules`)."""
    return place_modules(files, api.models)


def generate_quietly(document: dict[str, Any], package: str) -> dict[str, str]:
    """datamodel-code-generator's modules for ``document``, without its warnings: unknown string formats
    ("snowflake", "uuid4") are typed as plain str, and the warning about them is noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            return _in_batches(document, package)
        finally:
            processes.give_back_memory()  # a worker goes on formatting files: without the models it held


def _in_batches(document: dict[str, Any], package: str) -> dict[str, str]:
    """datamodel-code-generator over each of the document's :func:`~generator.emit.model_batches.batches` in turn
    (so that the models of one batch at a time are in memory), or over the whole document when two batches wrote
    the same module, or a batch other than the first a module shared by a cycle."""
    aliases = _field_aliases(document)  # of the whole document: an alias avoids every property name
    merged: dict[str, str] = {}
    for place, batch in enumerate(batches(document)):
        modules = _generate(batch, package, aliases)
        if merged.keys() & modules.keys() or (place and any(SHARED_MODULE.fullmatch(name) for name in modules)):
            return _generate(document, package, aliases)
        merged.update(modules)
    return dict(sorted(merged.items()))


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
    """Python names for properties that would shadow a :data:`MODEL_METHODS` method (``to_json`` -> ``to_json_``),
    and for identifiers Python reads as another name (NFKC: ``ﬁle`` is ``file``, U+2F800 is U+4E3D), which would
    otherwise be looked up under that other name."""
    names = sorted(_property_names(document), key=lambda n: (n != snake_case(n), n))
    taken = Namespace({snake_case(n) for n in names})
    aliases = {n: taken.claim(snake_case(n) + "_") for n in names if snake_case(n) in MODEL_METHODS}
    changed = [n for n in names if n.isidentifier() and unicodedata.normalize("NFKC", n) != n]
    return aliases | {n: taken.claim(snake_case(n) or "field") for n in changed}


def _generate(document: dict[str, Any], package: str, aliases: dict[str, str]) -> dict[str, str]:
    # imported here: a run whose models come from the cache does not need it
    from datamodel_code_generator import DataModelType, PythonVersion, generate  # noqa: PLC0415

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
        aliases=aliases,
        formatters=[],
    )
    if not isinstance(modules, dict):
        raise TypeError(f"datamodel-code-generator returned {type(modules).__name__}, not a module per model")
    # Kept in memory: a module's text is what datamodel-code-generator would write to its file, less the final newline.
    # Its ``__init__.py`` is left out: the package's is rendered from a template.
    return {
        path[0]: text + "\n" for path, text in sorted(modules.items()) if len(path) == 1 and path[0] != "__init__.py"
    }


def check_modules(files: Mapping[str, str], models: list[NamedType]) -> None:
    """Every named type must be where the rest of the SDK imports it from: its class in its module (or re-exported
    there: datamodel-code-generator puts models that refer to each other in a cycle into a shared module, one per
    independent cycle, see :data:`SHARED_MODULE`); and datamodel-code-generator must not have named any type of its
    own (the type mapper names every class)."""
    missing = [
        f"did not write {m.name!r} to types/{m.module}.py"
        for m in models
        if m.name not in _top_level_names(files.get(f"{m.module}.py", ""))
    ]
    ours = {f"{m.module}.py" for m in models}
    invented = [
        f"wrote types/{name}, a module of its own"
        for name in sorted(set(files) - ours)
        if not SHARED_MODULE.fullmatch(name)
    ]
    if missing or invented:
        hint = "this is a generator bug: please report it with the spec"
        raise GenerationError(
            [Problem("", "", f"datamodel-code-generator {what}", hint) for what in missing + invented]
        )


def _top_level_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(source).body if source else []:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom) and node.level == 1:
            names.update(alias.asname or alias.name for alias in node.names)  # re-exported from a shared module
    return names
