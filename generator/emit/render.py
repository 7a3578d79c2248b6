"""Everything but the models, from the Jinja2 templates in ``templates/``."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from generator.api.ir import Api, Operation, Resource
from generator.core.naming import constant_name, pascal_case, snake_case
from generator.core.text import WIDTH, docline, docstring, docstring_body, docstring_literal, hanging, one_line
from generator.emit import runtime_files
from generator.emit.model_places import model_entries
from generator.emit.render_memo import DOCS_FILE, RenderMemo, open_memo, resource_target, version_files
from generator.output.cache import Cache, digest, generator_fingerprint
from generator.pytypes.kinds import ListOf
from generator.request import methods
from generator.request.examples import Argument, ExampleCall, Examples
from generator.request.methods import Arguments, features, resource_imports
from generator.request.param_modules import IndexEntry, MethodTypes, index_entries, method_types, module_views
from generator.request.params import RequestTypes
from generator.request.plan import request_plan

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
HEADER = "# Generated from the OpenAPI document by the SDK generator. Do not edit."
DUMP = "value.to_dict()"
"""A model as the API spells it (its field names, JSON values, only the fields that were set): the runtime's
``BaseModel.to_dict()``."""
TYPES_DOC = (
    "The API's data types: pydantic models, and the TypedDicts of methods' arguments (in a folder per resource). "
    "Each module is imported on first use, not with the package."
)


def _pyrepr(value: object) -> str:
    """A Python literal for JSON-like data; ``repr`` keeps any text inert."""
    return repr(value)


def _toml(value: object) -> str:
    """A TOML value; JSON's escapes are TOML's, except that TOML also forbids a raw DEL."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def method_doc(op: Operation, indent: int) -> str:
    """The docstring of a generated method: the spec's summary and description, then its arguments."""
    parts = [p for p in (op.summary, op.description) if p]
    if len(parts) == 2 and parts[1].startswith(parts[0].rstrip(".")):
        parts = parts[1:]
    text = "\n\n".join(parts) or f"{op.http_method.upper()} {op.path}"
    if op.deprecated:
        text = "Deprecated.\n\n" + text
    body = docstring_body(text)
    documented = [p for p in op.params if p.description]
    if documented:
        entries = [hanging(f"  {p.name}: ", docstring_body(p.description), WIDTH - indent) for p in documented]
        body += "\n\nArgs:\n" + "\n".join(entries)
    return docstring_literal(body, indent)


def child_module(child: Resource) -> str:
    """The module of ``child`` relative to its parent's package, e.g. ``orders.orders`` or ``items``."""
    parts = child.module.split(".")
    return ".".join(parts[-2:] if child.children else parts[-1:])


def arguments(args: tuple[Argument, ...], *extra: str) -> str:
    """The argument list of an example call: positional sources, then ``name=source``, then ``extra``."""
    parts = [a.source if a.positional else f"{a.name}={a.source}" for a in args]
    return ", ".join([*parts, *(e for e in extra if e)])


def signature(op: Operation, args: Arguments) -> str:
    """A method's parameters as documented: positional path parameters, ``*``, then the keyword arguments."""
    parts = [f"{p.name}: {args(op, p)}" for p in op.positional_params]
    keywords = [f"{p.name}: {args(op, p)}" + ("" if p.required else " = NOT_GIVEN") for p in op.keyword_params]
    if keywords:
        parts += ["*", *keywords]
    return ", ".join(parts)


class TemplateCache(jinja2.BytecodeCache):
    """Jinja2's compiled templates, kept in a :class:`Cache` (atomic, checked entries) under the template's name, the
    digest of its source and the generator's fingerprint (the environment's options, set here, change how a template
    compiles); Jinja2 itself rejects bytecode of another Python version."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        return digest(generator_fingerprint(), bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        stored = self.cache.get("templates", self._key(bucket))
        if stored is not None:
            bucket.bytecode_from_string(base64.b64decode(stored))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        value = base64.b64encode(bucket.bytecode_to_string()).decode("ascii")
        self.cache.put("templates", self._key(bucket), value)


def environment(template_dir: Path = TEMPLATES, cache: Cache | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        bytecode_cache=TemplateCache(cache) if cache is not None else None,
        loader=jinja2.FileSystemLoader(str(template_dir)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(
        pyrepr=_pyrepr,
        toml=_toml,
        docstring=lambda text, indent=0: docstring(str(text), indent),
        docline=docline,
        line=one_line,
        method_doc=method_doc,
        child_module=child_module,
        arguments=arguments,
    )
    env.globals.update(
        variants=methods.variants,
        return_type=methods.return_type,
        cast_to=methods.cast_to,
        deprecation=methods.deprecation,
        item_type=methods.item_type,
        declaration=methods.declaration,
        keyword_params=methods.keyword_params,
        request_plan=request_plan,
    )
    return env


def _result_name(op: Operation) -> str:
    """A variable name for what a call returns in the docs, e.g. ``order`` for an ``Order``."""
    model = op.item if op.page is not None else op.response
    if model is not None and model.refs == {model.source}:
        return snake_case(model.source)
    return "item" if op.page is not None else "result"


@dataclass(frozen=True)
class OperationExample:
    """What the tests and docs of one operation need: the example call, return types and an invalid request."""

    op: Operation
    resource: Resource
    call: ExampleCall
    sync_returns: str
    async_returns: str
    result_name: str
    invalid: tuple[str, str] | None
    signature: str
    """The parameters as api.md documents them."""
    params: tuple[str, str, str] | None
    """``(package, module, class)`` of the method's params TypedDict: ``("pkg.types.store", "order_create_params",
    "OrderCreateParams")``."""

    @property
    def attribute(self) -> str:
        """The attribute path of the resource from the client, e.g. ``store.orders``."""
        return ".".join(self.resource.path)


def _operation_examples(
    resource: Resource, examples: Examples, args: Arguments, request: MethodTypes, package: str
) -> list[OperationExample]:
    return [
        OperationExample(
            op,
            resource,
            examples.call(op),
            methods.declared_return(op),
            methods.declared_return(op, aio=True),
            _result_name(op),
            examples.invalid(op),
            signature(op, args),
            _params_class(op, request, package),
        )
        for op in resource.operations
        # Mock servers answer an event stream with one JSON body; streams are tested against a streaming server.
        if op.stream is None or op.stream.param is not None
    ]


def _test_imports(items: list[OperationExample], api: Api) -> dict[str, Any]:
    """Names a resource's test module imports: models (of the results), page classes, ``Literal``."""
    models: set[str] = set()
    pages: set[str] = set()
    literal = False
    for item in items:
        models |= item.op.models
        if item.op.page is not None:
            pages |= {item.op.page.sync_class, item.op.page.async_class}
        literal = literal or "Literal[" in item.sync_returns
    known = {m.name for m in api.models}
    binary = any(item.op.response_kind == "binary" for item in items)
    deprecated = any(item.op.deprecated for item in items)
    return {
        "models": sorted(models & known),
        "pages": sorted(pages),
        "literal": literal,
        "binary": binary,
        "deprecated": deprecated,
    }


def _params_class(op: Operation, request: MethodTypes, package: str) -> tuple[str, str, str] | None:
    location, main = request.classes.get(op.pointer, ((), None))
    if main is None:
        return None
    return ".".join((package, *location[:-1])), location[-1], main


@dataclass(frozen=True)
class DumpedExample:
    """The docs' example of a model passed where a TypedDict is expected: ``argument=model.model_dump(...)``."""

    item: OperationExample
    model: str
    source: str
    """``Model.model_validate({...})``."""
    call: str
    """The call's arguments: the required ones, and this one dumped from ``value``."""


def _dumped_example(items: list[OperationExample], examples: Examples) -> DumpedExample | None:
    for item in items:
        for param in item.op.keyword_params:
            found = examples.dumped_model(param)
            if found is not None:
                dumped = Argument(param.name, DUMP, False)
                rest = tuple(a for a in item.call.required if a.name != param.name)
                return DumpedExample(item, found[1], found[0], arguments((*rest, dumped)))
    return None


Emit = Callable[..., None]
"""``emit(template, target, **extra)``: render one template into one file of the package."""


class _Package:
    """One API's templated files: what many of them share (the request types, each resource's arguments, the docs'
    examples) is computed on first use, so that a run rendering few files (:mod:`.render_memo`) computes little."""

    def __init__(self, api: Api, examples: Examples, env: jinja2.Environment, memo: RenderMemo | None) -> None:
        self.api, self.examples, self.env, self.memo = api, examples, env, memo
        self.common = _common(api)
        self.files: dict[str, str] = {}

    @cached_property
    def request(self) -> RequestTypes:
        return RequestTypes(self.api)

    @cached_property
    def method_types(self) -> MethodTypes:
        """What the methods read of :attr:`request`: from the memo when an API of this shape kept it."""
        if self.memo is None:
            return method_types(self.request)
        return self.memo.method_types(lambda: method_types(self.request))

    @cached_property
    def args(self) -> dict[str, Arguments]:
        return {r.module: methods.arguments(r, self.method_types) for r in self.api.walk()}

    @cached_property
    def docs(self) -> tuple[list[tuple[Resource, list[OperationExample]]], dict[str, Any]]:
        return _docs(self.api, self.examples, self.args, self.method_types)

    def emit(self, template: str, target: str, **extra: Any) -> None:
        self.files[target] = self.env.get_template(template).render(**self.common, **extra)

    def everything(self) -> dict[str, str]:
        api = self.api
        for target, template in version_files(api).items():
            self.emit(template, target, **_runtime_variables(api))
        _docs_and_tests(self.emit, api, *self.docs)
        src = f"src/{api.package_name}"
        _runtime(self.emit, api, src)
        copied = runtime_files.copy_runtime(TEMPLATES, self.common["features"])
        self.files.update({f"{src}/{name}.py": text for name, text in copied.items()})
        _resources(self.emit, api, self.args)
        _types(self.emit, api, self.request)
        return self.files

    def one(self, target: str) -> str:
        """The file ``target`` alone: ``api.md``, a resource's module or a file that shows the version."""
        versioned = version_files(self.api)
        if target == DOCS_FILE:
            self.emit("package/api.md.j2", target, **self.docs[1])
        elif target in versioned:
            self.emit(versioned[target], target, **_runtime_variables(self.api))
        else:
            resource = next(r for r in self.api.walk() if resource_target(self.api, r) == target)
            _resource_module(self.emit, self.api, self.args, resource)
        return self.files[target]


def render_package(
    api: Api, examples: Examples, cache: Cache | None = None, shape: str | None = None
) -> dict[str, str]:
    """Render every templated file; returns ``{path relative to the output folder: text}``. With a ``cache``, the
    compiled templates are kept there, and so are the files (:mod:`.render_memo`): a run whose API differs from an
    earlier one's only in operations' summaries or descriptions renders only the files that show them (``shape``:
    the API's as parsed, when the caller took it)."""
    return render_files(api, examples, cache, open_memo(api, cache, shape))


def render_files(
    api: Api, examples: Examples, cache: Cache | None, memo: RenderMemo | None, *, texts_only: bool = False
) -> dict[str, str]:
    """:func:`render_package` with the ``memo`` of ``api``'s shape; with ``texts_only``, only the files that read what
    the shape leaves out, less those the memo had formatted (the caller has the others, formatted, from the memo)."""
    package = _Package(api, examples, environment(TEMPLATES, cache), memo)
    if memo is not None and texts_only:
        return {target: memo.text_file(target, package.one) for target in memo.texts if target not in memo.done}
    files = memo.replay(package.one) if memo is not None else None
    if files is None:
        files = package.everything()
        if memo is not None:
            memo.keep(files)
    return files


def _common(api: Api) -> dict[str, Any]:
    """What every template may read."""
    return {
        "api": api,
        "header": HEADER,
        "root_error": f"{pascal_case(api.package_name)}Error",
        "description": one_line(api.settings.description.split("\n")[0] if api.settings.description else api.title),
        "idempotency": api.settings.idempotency_header is not None,
        "features": features(api),
        "error_envelope": runtime_files.error_envelope(api),
    }


def _docs(
    api: Api, examples: Examples, args: dict[str, Arguments], request: MethodTypes
) -> tuple[list[tuple[Resource, list[OperationExample]]], dict[str, Any]]:
    """One example call per operation, by resource, and what ``README.md``, ``api.md`` and the tests read of them."""
    documented = [
        (r, _operation_examples(r, examples, args[r.module], request, api.package_name))
        for r in api.walk()
        if r.operations
    ]
    every_example = [item for _, items in documented for item in items]
    paginated = next((i for i in every_example if i.op.page is not None), None)
    featured = next((i for i in every_example if i.op.path_params), every_example[0] if every_example else None)
    docs: dict[str, Any] = {
        "documented": documented,
        "featured": featured,
        "paginated": paginated,
        "page_items": runtime_files.items_attribute(paginated.op.page) if paginated and paginated.op.page else "items",
        "dumped": _dumped_example(every_example, examples),
        "typed_dicts": list(request.exported),
        "test_env": constant_name(api.package_name),
        **_shown(every_example),
    }
    return documented, docs


def _docs_and_tests(
    emit: Emit, api: Api, documented: list[tuple[Resource, list[OperationExample]]], docs: dict[str, Any]
) -> None:
    """``README.md``, ``api.md`` and the package's own tests, from one example call per operation."""
    emit("package/README.md.j2", "README.md", **docs)
    emit("package/api.md.j2", DOCS_FILE, **docs)
    emit("package/tests/__init__.py.j2", "tests/__init__.py")
    emit("package/tests/conftest.py.j2", "tests/conftest.py", **docs)
    emit("package/tests/utils.py.j2", "tests/utils.py")
    for resource, items in documented:
        target = f"tests/test_{'_'.join(resource.path)}.py"
        imports = _test_imports(items, api)
        emit("package/tests/test_resource.py.j2", target, resource=resource, items=items, imports=imports)


def _returns_model(op: Operation) -> bool:
    """Whether a method returns one model (not a page, a stream, a file or a bare value)."""
    plain = op.page is None and op.stream is None and op.response_kind == "json"
    return plain and op.response is not None and op.response.refs == {op.response.source}


UPLOAD = '("notes.txt", b"hello", "text/plain")'
"""The file the README uploads: a (file name, content, media type) tuple."""


def _shown(items: list[OperationExample]) -> dict[str, Any]:
    """The calls the README's sections show, where the API has one: a method returning a model (request ids,
    missing fields, strict validation), one streaming by argument, one uploading a file (with the arguments of that
    call), and a GET of the API's own server without arguments (``client.get``)."""
    uploaded = next((i for i in items if any(p.is_file for p in i.op.params)), None)
    return {
        "modelled": next((i for i in items if _returns_model(i.op)), None),
        "streamed": next((i for i in items if i.op.stream is not None and i.op.stream.param is not None), None),
        "uploaded": uploaded,
        "upload_args": _upload_arguments(uploaded) if uploaded is not None else "",
        "fetched": next(
            (i for i in items if i.op.http_method == "get" and not i.call.required and i.op.server is None), None
        ),
    }


def _upload_arguments(item: OperationExample) -> str:
    """The required arguments of an upload, with :data:`UPLOAD` as its first file (in a list where it takes many)."""
    file = next(p for p in item.op.params if p.is_file)
    source = f"[{UPLOAD}]" if isinstance(file.type.non_null(), ListOf) else UPLOAD
    args = [a for a in item.call.required if a.name != file.name]
    return arguments((*args, Argument(file.name, source, False)))


def _runtime(emit: Emit, api: Api, src: str) -> None:
    """The small modules written for this API that the copied runtime (:mod:`generator.emit.runtime_files`) reads: constants,
    version, root error, client, pages."""
    extra = _runtime_variables(api)
    versioned = version_files(api)  # rendered with the version, in one place
    for name in runtime_files.GENERATED_MODULES:
        if f"{src}/{name}.py" not in versioned:
            emit(f"package/src/{name}.py.j2", f"{src}/{name}.py", **extra)
    emit("package/src/py.typed.j2", f"{src}/py.typed")


def _runtime_variables(api: Api) -> dict[str, Any]:
    return {"sensitive": runtime_files.sensitive_names(api), "pages": runtime_files.page_classes(api)}


def _resources(emit: Emit, api: Api, args: dict[str, Arguments]) -> None:
    """A module per resource (a package for a resource with children)."""
    src = f"src/{api.package_name}"
    emit("package/src/resources/__init__.py.j2", f"{src}/resources/__init__.py")
    for resource in api.walk():
        if resource.is_package:
            package_dir = resource.module.replace(".", "/").rsplit("/", 1)[0]
            emit("package/src/resources/__init__.py.j2", f"{src}/{package_dir}/__init__.py")
        _resource_module(emit, api, args, resource)


def _resource_module(emit: Emit, api: Api, args: dict[str, Arguments], resource: Resource) -> None:
    arguments = args[resource.module]
    imports = resource_imports(resource, api, arguments)
    template = "package/src/resources/resource.py.j2"
    emit(template, resource_target(api, resource), resource=resource, imports=imports, args=arguments)


def _index_doc(folder: tuple[str, ...], models: bool) -> str:
    what = "The types" if models else "TypedDicts of the arguments"
    return f"{what} of the ``client.{'.'.join(folder)}`` methods."


def _types(emit: Emit, api: Api, request: RequestTypes) -> None:
    """The ``types`` package: its index (the models, and the params classes of its own folder), the params modules
    and the index of each folder of them."""
    src = f"src/{api.package_name}"
    models = model_entries(api.models)
    indexes: dict[tuple[str, ...], list[IndexEntry]] = {folder: [] for folder in models}
    indexes.update({(): [], **index_entries(request)})
    for folder, entries in sorted(indexes.items()):
        text = _index_doc(folder, bool(models.get(folder))) if folder else TYPES_DOC
        target = "/".join((src, "types", *folder, "__init__.py"))
        emit("package/src/types/__init__.py.j2", target, entries=models.get(folder, []) + entries, doc=text)
    for module in module_views(request):
        emit("package/src/types/params.py.j2", f"{src}/{module.file}", module=module)
    if request.unchecked:
        emit("package/src/types/_unchecked.py.j2", f"{src}/types/_unchecked.py")
