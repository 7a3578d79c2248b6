"""Property-based tests: random schemas give models that accept their own examples; random text always compiles.

Each hypothesis example batches many schemas (or many text positions) into one document, because a run of
datamodel-code-generator costs a few hundred milliseconds. Formatting is skipped: it never changes whether code
compiles, and the pipeline's own compile check runs on formatted output in the other tests.
"""

from __future__ import annotations

import atexit
import importlib
import itertools
import json
import shutil
import sys
import tempfile
import types
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.api.parser import parse
from generator.api.settings import SdkConfig
from generator.core.errors import escape_pointer_token
from generator.emit.models import render_models
from generator.emit.render import render_package
from generator.inputs.document import Document
from generator.inputs.validate import validate
from generator.request.examples import Examples

SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_counter = itertools.count()

# Any text at all (hypothesis favours the nasty cases: empty, control characters, quotes, odd Unicode).
TEXT = st.text(max_size=40)
# With lone surrogates too, which no file can hold: for the text positions of a spec (pydantic refuses them as values).
ANY_TEXT = TEXT | st.text(st.characters(categories=["Cs", "Cc", "Zs", "Po"]), max_size=40)
NAME = st.text(min_size=1, max_size=20)
# Property names of nested objects. datamodel-code-generator names an inline object's class (and module) after its
# property: names that NFKC normalisation changes (U+2F800...) and names whose class would shadow one of the models'
# imports (":" or "field" give ``Field``, "base model" ``BaseModel``) are among them on purpose.
FIELD = st.from_regex(r"[A-Za-z][A-Za-z0-9_ :.$-]{0,15}", fullmatch=True) | st.sampled_from(
    [":", "field", "Field", "base model", "\U0002f800", "\U0002f800x", "ﬁle", "model_config"]
)
TOKEN = st.text(alphabet="!#$%&'*+-.^_`|~abcXYZ019", min_size=1, max_size=12)

Schema = tuple[dict[str, Any], Any]
"""A schema and one instance of it."""


def _scalar() -> st.SearchStrategy[Schema]:
    return st.one_of(
        st.tuples(st.just({"type": "string"}), TEXT),
        st.tuples(st.just({"type": "integer"}), st.integers(-(2**53), 2**53)),
        st.tuples(st.just({"type": "number"}), st.floats(allow_nan=False, allow_infinity=False, width=32)),
        st.tuples(st.just({"type": "boolean"}), st.booleans()),
        st.lists(TEXT, min_size=1, max_size=4, unique=True).flatmap(
            lambda values: st.tuples(st.just({"type": "string", "enum": values}), st.sampled_from(values))
        ),
    )


def _nullable(inner: Schema) -> st.SearchStrategy[Schema]:
    schema, value = inner
    types_ = [schema["type"], "null"] if isinstance(schema.get("type"), str) and "enum" not in schema else None
    if types_ is None:
        return st.just(inner)
    return st.tuples(st.just({**schema, "type": types_}), st.sampled_from([value, None]))


def _objects(children: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
    return st.dictionaries(FIELD, children, min_size=1, max_size=5).flatmap(
        lambda props: st.sets(st.sampled_from(sorted(props))).map(
            lambda required: (
                {"type": "object", "properties": {k: v[0] for k, v in props.items()}, "required": sorted(required)},
                {k: v[1] for k, v in props.items()},
            )
        )
    )


def _extend(children: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
    arrays = children.map(lambda c: ({"type": "array", "items": c[0]}, [c[1]]))
    return st.one_of(arrays, _objects(children), children.flatmap(_nullable))


OBJECT_SCHEMAS = _objects(st.recursive(_scalar(), _extend, max_leaves=10))


def _document(schemas: dict[str, Any], paths: dict[str, Any] | None = None, **top: Any) -> Document:
    root = {
        "openapi": "3.1.0",
        "info": top.pop("info", {"title": "P", "version": "1"}),
        "paths": paths or {},
        "components": {"schemas": schemas},
        **top,
    }
    # Through JSON and back, as a document read from disk would be.
    return Document(root=json.loads(json.dumps(root)), name="random.json")


def _import_models(files: dict[str, str], root: Path) -> types.ModuleType:
    """Import the rendered ``types`` modules as a throwaway package (they use the installed runtime's BaseModel)."""
    name = f"random_types_{next(_counter)}"
    folder = root / name
    folder.mkdir()
    for file, source in files.items():
        (folder / file).write_text(source, encoding="utf-8")
    (folder / "__init__.py").write_text("", encoding="utf-8")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    package = importlib.import_module(name)
    for file in sorted(files):
        if file != "__init__.py":
            importlib.import_module(f"{name}.{file[:-3]}")
    return package


ROOT = Path(tempfile.mkdtemp(prefix="sdkgen-properties-"))
atexit.register(shutil.rmtree, ROOT, ignore_errors=True)


@SETTINGS
@given(st.lists(OBJECT_SCHEMAS, min_size=1, max_size=6))
def test_random_schemas_give_models_that_accept_their_examples_and_round_trip(batch: list[Schema]) -> None:
    schemas = {f"Model{i}": schema for i, (schema, _) in enumerate(batch)}
    doc = _document(schemas)
    validate(doc)
    result = parse(doc, SdkConfig(package_name="finetuning"))
    files = render_models(result.api)
    package = _import_models(files, ROOT)
    components = [m for m in result.api.models if m.schema_name is not None]
    for model, (_, example) in zip(components, batch, strict=True):
        cls = getattr(getattr(package, model.module), model.name)
        instance = cls.model_validate(example)
        assert instance.to_dict() == example
        again = cls.model_validate_json(instance.to_json())
        assert again.to_dict() == example
        assert cls.construct_from(example).to_dict() == example


@SETTINGS
@given(st.lists(ANY_TEXT, min_size=24, max_size=24), st.lists(NAME, min_size=6, max_size=6), TOKEN)
def test_random_text_in_every_position_compiles(text: list[str], names: list[str], header: str) -> None:
    t = iter(text)
    schemas = {
        names[0]: {
            "type": "object",
            "title": next(t),
            "description": next(t),
            "properties": {
                names[1]: {"type": "string", "description": next(t), "default": next(t), "examples": [next(t)]},
                names[2]: {"type": "string", "enum": [next(t), next(t)], "description": next(t)},
            },
        },
        names[3]: {"type": "string", "enum": [next(t), next(t)], "default": next(t)},
    }
    paths = {
        "/p/{id}": {
            "post": {
                "operationId": names[4],
                "tags": [names[5]],
                "summary": next(t),
                "description": next(t),
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "description": next(t),
                        "schema": {"type": "string"},
                    },
                    {"name": names[1], "in": "query", "description": next(t), "schema": {"type": "string"}},
                    {"name": header, "in": "header", "description": next(t), "schema": {"type": "string"}},
                ],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{escape_pointer_token(names[0])}"}
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": next(t),
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{escape_pointer_token(names[3])}"}
                            }
                        },
                    }
                },
            }
        }
    }
    doc = _document(
        schemas,
        paths,
        info={"title": next(t), "description": next(t), "version": next(t)},
        servers=[{"url": "https://h.test/" + next(t)}],
        tags=[{"name": names[5], "description": next(t)}],
    )
    validate(doc)
    result = parse(doc, SdkConfig())
    files = render_package(result.api, Examples(result.api.types))
    files.update(render_models(result.api))
    for name, source in files.items():
        if name.endswith(".py"):
            compile(source, name, "exec", dont_inherit=True)
    for name, source in files.items():
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in source), f"{name} holds a lone surrogate"
