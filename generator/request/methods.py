"""How a generated method is spelled: its overloads, argument declarations, return type and imports.

Templates lay these strings out; every choice about them is made here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from generator.api.ir import Api, Operation, Param, Resource
from generator.core.naming import Namespace
from generator.core.reserved import RESOURCE_MODULE_IMPORTS
from generator.pytypes.kinds import PyType, renamed
from generator.request.param_modules import MethodTypes, Spelling
from generator.request.params import RUNTIME_TYPES
from generator.request.plan import request_plan

Variant = Literal["plain", "no_stream", "stream", "either", "implementation"]
"""One signature of a method. Operations whose ``stream`` argument picks the response type get three overloads
(``stream`` false or omitted, ``stream=True``, any bool) and an implementation; the rest have one plain signature."""


def variants(op: Operation) -> list[Variant]:
    if op.stream is not None and op.stream.param is not None:
        return ["no_stream", "stream", "either", "implementation"]
    return ["plain"]


Names = Mapping[str, str]
"""The models a resource module imports under another name (see :func:`resource_imports`): name -> its name there."""


def _spelled(type_: PyType, names: Names) -> str:
    return renamed(type_, names).source


def _stream_type(op: Operation, aio: bool, names: Names) -> str:
    assert op.stream is not None
    return f"{'AsyncStream' if aio else 'Stream'}[{_spelled(op.stream.item, names)}]"


def declared_return(op: Operation, aio: bool = False) -> str:
    """What a call returns as the API declares it: ``SyncCursorPage[Item]`` (``AsyncCursorPage`` with ``aio``) for a
    listing, else the response type, ``None`` for no body; what ``api.md`` shows and the change report names."""
    if op.page is not None and op.item is not None:
        return f"{op.page.async_class if aio else op.page.sync_class}[{op.item.source}]"
    return op.response.source if op.response is not None else "None"


def return_type(op: Operation, aio: bool, variant: Variant, names: Names) -> str:
    if op.page is not None and op.item is not None:
        page, item = op.page.async_class if aio else op.page.sync_class, _spelled(op.item, names)
        return f"AsyncPaginator[{item}, {page}[{item}]]" if aio else f"{page}[{item}]"
    response = _spelled(op.response, names) if op.response else "None"
    if op.stream is None:
        return response
    if op.stream.param is None or variant == "stream":
        return _stream_type(op, aio, names)
    if variant == "no_stream":
        return response
    return f"{response} | {_stream_type(op, aio, names)}"


def cast_to(op: Operation, aio: bool, names: Names) -> str:
    """The expression the request loop parses the response into."""
    if op.page is not None and op.item is not None:
        return f"{op.page.async_class if aio else op.page.sync_class}[{_spelled(op.item, names)}]"
    response = _spelled(op.response, names) if op.response else "None"
    if op.stream is None:
        return response
    if op.stream.param is None:
        return _stream_type(op, aio, names)
    return f"{_stream_type(op, aio, names)} if {op.stream.param.name} else {response}"


def item_type(op: Operation, names: Names) -> str | None:
    """The type of one page item or one streamed event, which the request loop needs besides ``cast_to``."""
    if op.page is not None and op.item is not None:
        return _spelled(op.item, names)
    if op.stream is not None:
        return _spelled(op.stream.item, names)
    return None


@dataclass(frozen=True)
class Arguments:
    """The annotation of every argument of a resource's methods, as its module writes them, and their imports."""

    spelled: dict[tuple[str, str], str]
    spelling: Spelling

    def __call__(self, op: Operation, p: Param) -> str:
        return self.spelled[(op.pointer, p.name)]


def arguments(resource: Resource, request: MethodTypes) -> Arguments:
    """A method's params module is imported under its own name (``order_create_params.Line``); shared twins and
    runtime types by name."""
    spelling = Spelling(tuple(resource.module.split(".")), request.qualified)
    spelled = {
        (op.pointer, p.name): spelling(request.annotation(op, p)) for op in resource.operations for p in op.params
    }
    return Arguments(spelled, spelling)


def declaration(p: Param, op: Operation, variant: Variant, annotation: str) -> str:
    """``name: type`` with its default, for one keyword argument in one signature variant."""
    if op.stream is not None and op.stream.param is not None and p.name == op.stream.param.name:
        nullable = " | None" if p.type.nullable else ""
        return {
            "no_stream": f"{p.name}: Literal[False]{nullable} | NotGiven = NOT_GIVEN",
            "stream": f"{p.name}: Literal[True]",
            "either": f"{p.name}: bool",
            "implementation": f"{p.name}: bool{nullable} | NotGiven = NOT_GIVEN",
        }[variant]
    if p.required:
        return f"{p.name}: {annotation}"
    return f"{p.name}: {annotation} | NotGiven = NOT_GIVEN"


def keyword_params(op: Operation, variant: Variant) -> list[Param]:
    """Required keyword arguments first; in the ``stream=True`` overload the stream flag is required too."""
    params = list(op.keyword_params)
    if variant in ("stream", "either") and op.stream is not None and op.stream.param is not None:
        flag = op.stream.param
        params = [p for p in params if p.required] + [flag] + [p for p in params if not p.required and p != flag]
    return params


def deprecation(resource: Resource, op: Operation) -> str | None:
    """The message of a deprecated operation's ``@typing_extensions.deprecated`` marker (PEP 702): type checkers
    show it where the method is used, and each call warns with it (``DeprecationWarning``); ``None`` for the rest."""
    if not op.deprecated:
        return None
    return f"`client.{'.'.join((*resource.path, op.method_name))}()` is deprecated."


def features(api: Api) -> dict[str, bool]:
    """Which optional runtime modules this API needs (``_files``, ``_streaming``); a part nobody uses is not copied."""
    ops = api.operations
    return {
        "files": any(o.body is not None and o.body.has_files for o in ops),
        "streaming": any(o.stream is not None for o in ops),
    }


def resource_imports(resource: Resource, api: Api, args: Arguments) -> dict[str, Any]:
    """What one resource module imports, beyond what every resource module imports."""
    models = {m.name: m for m in api.models}
    ops = resource.operations
    plans = [request_plan(op) for op in ops]
    utils = {name for plan in plans for name in plan.utils}
    files = {name for plan in plans for name in plan.file_helpers}
    spelling = args.spelling
    pages = sorted({name for p in resource.pages for name in (p.sync_class, p.async_class)})
    overloaded = any(op.stream is not None and op.stream.param is not None for op in ops)
    standard = {k: v for k, v in spelling.external.items() if k != "typing"}
    params = [(s, sorted(n)) for s, n in sorted(standard.items())] + spelling.local(lambda m: m != RUNTIME_TYPES)
    types = sorted(spelling.internal.get(RUNTIME_TYPES, set()))
    imported = [models[n] for n in sorted(resource.models) if n in models]
    names = _import_names([m.name for m in imported], {*pages, *types, *(n for _, ns in params for n in ns)})
    return {
        "pages": (["AsyncPaginator"] if pages else []) + pages,
        "models": [(m, names.get(m.name, m.name)) for m in imported],
        "names": names,
        "literal": overloaded or "Literal" in spelling.external.get("typing", set()),
        "overload": overloaded,
        "utils": sorted(utils),
        "types": types,
        "params": params,
        "files": sorted(files),
        "streaming": any(op.stream is not None for op in ops),
        "binary": any(op.response_kind == "binary" for op in ops),
        "deprecated": any(op.deprecated for op in ops),
    }


def _import_names(models: list[str], imported: set[str]) -> dict[str, str]:
    """The models whose names the module already imports from the runtime (``Timeout``, ``Stream``, a page class)
    get another name there: ``TimeoutModel``."""
    taken = Namespace(RESOURCE_MODULE_IMPORTS | imported | set(models))
    clashing = [m for m in models if m in RESOURCE_MODULE_IMPORTS or m in imported]
    return {m: taken.claim(f"{m}Model") for m in clashing}
