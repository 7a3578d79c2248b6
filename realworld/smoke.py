"""One call per resource of a generated SDK against a mock server; run with the interpreter the SDK is installed in.

``python -m realworld.smoke PACKAGE BASE_URL EXAMPLES_JSON`` prints JSON: per resource, the method called, its HTTP
method and path, and whether the call passed; and every method whose dry run raised before sending a request. Everything is found by introspecting the installed client:
its resources are the ``cached_property`` attributes whose values are resource objects, their operations the public
methods. A dry run through ``httpx.MockTransport`` tells each method's HTTP method and path; the simplest operation
of a resource (a GET before anything else, then the fewest required arguments) is the one called for real.
Required arguments get the spec's example for a parameter of that name when there is one (``EXAMPLES_JSON`` maps
``"METHOD /path/{template}"`` to ``{name: example}``), otherwise a value made from the annotation.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib
import inspect
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

SKIPPED_PARAMS = {"self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries"}
WRAPPERS = {"with_raw_response", "with_streaming_response"}


@dataclass
class Candidate:
    """One method of one resource, with the arguments the smoke test would pass."""

    resource: str
    name: str
    bound: Callable[..., Any]
    required: list[str]
    http_method: str = ""
    path: str = ""
    kwargs: dict[str, Any] = field(default_factory=dict)
    args: list[Any] = field(default_factory=list)
    error: str = ""
    """Why the dry run sent no request, if it sent none."""


def _normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def placeholder(annotation: Any, depth: int = 0) -> Any:
    """A plain value that fits ``annotation``: the first literal, 1 for int, a model with its required fields."""
    if hasattr(annotation, "__value__") and not isinstance(annotation, type):  # a TypeAliasType
        return placeholder(annotation.__value__, depth)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return args[0]
    if origin is typing.Annotated:
        return placeholder(args[0], depth)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None) and getattr(a, "__name__", "") != "NotGiven"]
        simple = [a for a in members if a in (str, int, float, bool, bytes)]
        return placeholder((simple or members)[0], depth)
    if origin in (list, typing.Sequence, tuple) or annotation in (list, tuple):
        return [placeholder(args[0], depth + 1)] if args and depth < 4 else []
    if origin in (dict, typing.Mapping, Mapping) or annotation is dict:
        return {}
    if annotation is str:
        return "string"
    if annotation is bool:
        return True
    if annotation is int:
        return 1
    if annotation is float:
        return 1.0
    if annotation is bytes:
        return b"smoke"
    if annotation is dt.datetime:
        return dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    if annotation is dt.date:
        return dt.date(2024, 1, 1)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return next(iter(annotation))
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        values = {}
        hints = typing.get_type_hints(annotation, include_extras=True)
        for name, info in annotation.model_fields.items():
            if info.is_required():
                values[name] = placeholder(hints.get(name, info.annotation), depth + 1)
        return annotation.model_construct(**values)
    if typing.is_typeddict(annotation):
        hints = typing.get_type_hints(annotation)
        return {k: placeholder(hints[k], depth + 1) for k in annotation.__required_keys__}
    return "string"


def _resources(obj: Any, prefix: str, seen: set[int]) -> Iterator[tuple[str, Any]]:
    for name, attr in sorted(vars(type(obj)).items()):
        if name.startswith("_") or name in WRAPPERS or not isinstance(attr, functools.cached_property):
            continue
        child = getattr(obj, name)
        if id(child) in seen or not hasattr(child, "_client"):
            continue
        seen.add(id(child))
        path = f"{prefix}.{name}" if prefix else name
        yield path, child
        yield from _resources(child, path, seen)


def candidates(client: Any) -> list[Candidate]:
    """Every public method of every resource reachable from ``client``, with its required parameters."""
    found = []
    for path, resource in _resources(client, "", set()):
        for name, member in sorted(vars(type(resource)).items()):
            if name.startswith("_") or name in WRAPPERS or not inspect.isfunction(member):
                continue
            bound = getattr(resource, name)
            signature = inspect.signature(member)
            required = [
                p.name
                for p in signature.parameters.values()
                if p.name not in SKIPPED_PARAMS and p.default is inspect.Parameter.empty
            ]
            found.append(Candidate(path, name, bound, required))
    return found


def fill(candidate: Candidate, examples: Mapping[str, Any]) -> None:
    """Arguments for the required parameters: the spec's example of the same name, else a placeholder."""
    function = candidate.bound.__func__
    hints = typing.get_type_hints(function, include_extras=True)
    signature = inspect.signature(function)
    by_name = {_normalise(k): v for k, v in examples.items()}
    candidate.args, candidate.kwargs = [], {}
    for name in candidate.required:
        parameter = signature.parameters[name]
        value = by_name[_normalise(name)] if _normalise(name) in by_name else placeholder(hints.get(name, str))
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            candidate.args.append(value)
        elif parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            candidate.args.append(value)
        else:
            candidate.kwargs[name] = value


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$")


def dry_run(client: Any, candidate: Candidate, templates: list[str]) -> None:
    """Call ``candidate`` through a transport that records the request; sets its HTTP method and path template.

    A method that raises before it sends anything gets the reason in ``error``.
    """
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(599, json={})

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        recorder = client.copy(http_client=http)
        bound = getattr(_resolve(recorder, candidate.resource), candidate.name)
        try:
            bound(*candidate.args, **candidate.kwargs)
        except Exception as exc:  # noqa: BLE001 - only a failure before the request matters here
            candidate.error = "" if seen else _reason(exc)
    if seen:
        request = seen[0]
        candidate.http_method = request.method
        base = str(client.base_url.raw_path.decode()).rstrip("/")
        actual = request.url.path[len(base) :] if request.url.path.startswith(base) else request.url.path
        matches = [
            t
            for t in templates
            if t.startswith(request.method + " ") and _template_regex(t.split(" ", 1)[1]).match(actual)
        ]
        # the most literal template wins (/pets/findByStatus over /pets/{id})
        matches.sort(key=lambda t: (t.count("{"), t))
        candidate.path = matches[0] if matches else f"{request.method} {actual}"


def _resolve(client: Any, dotted: str) -> Any:
    obj = client
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _rank(candidate: Candidate) -> tuple[int, int, str]:
    return (0 if candidate.http_method == "GET" else 1, len(candidate.required), candidate.name)


def _reason(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    body = getattr(exc, "body", None)
    if body is not None:
        text += f" {json.dumps(body, default=str)[:300]}"
    return " ".join(text.split())[:400]


def violations(exc: BaseException) -> list[str]:
    """Where Prism (with ``--errors``) says the request or its own mocked response breaks the document."""
    body = getattr(exc, "body", None)
    if not (isinstance(body, dict) and isinstance(body.get("validation"), list)):
        return []
    found = []
    for item in body["validation"][:5]:
        if isinstance(item, dict):
            where = ".".join(str(p) for p in item.get("location") or [])
            found.append(f"{where}: {' '.join(str(item.get('message', '')).split())[:160]}")
    return found


def _call(client: Any, candidate: Candidate) -> None:
    result = getattr(_resolve(client, candidate.resource), candidate.name)(*candidate.args, **candidate.kwargs)
    close = getattr(result, "close", None)
    if callable(close) and not hasattr(result, "model_fields"):
        close()


def call(module: Any, strict: Any, lenient: Any, chosen: Candidate) -> dict[str, Any]:
    """Call ``chosen`` validating the response strictly; when only that fails, again as a default (lenient) client."""
    entry: dict[str, Any] = {
        "resource": chosen.resource,
        "method": chosen.name,
        "operation": chosen.path,
        "ok": False,
        "strict": False,
        "reason": "",
        "strict_reason": "",
        "violations": [],
    }
    try:
        _call(strict, chosen)
        entry["ok"] = entry["strict"] = True
        return entry
    except module.APIResponseValidationError as exc:
        entry["strict_reason"] = _reason(exc)
        lenient = replaying(lenient, exc.response)
    except Exception as exc:  # noqa: BLE001 - every failure is a result to report
        entry["reason"], entry["violations"] = _reason(exc), violations(exc)
        return entry
    try:
        _call(lenient, chosen)
        entry["ok"] = True
    except Exception as exc:  # noqa: BLE001
        entry["reason"], entry["violations"] = _reason(exc), violations(exc)
    return entry


def replaying(client: Any, response: httpx.Response) -> Any:
    """``client`` answered with ``response`` again, so that the lenient reading of an answer that failed strict
    validation does not ask the mock server twice (a large mocked body can take it seconds); ``client`` itself when
    the answer was streamed and not read."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return client
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-encoding", "content-length")]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(response.status_code, headers=headers, content=content, request=request)

    return client.copy(http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def main(argv: list[str]) -> int:
    """``PACKAGE BASE_URL EXAMPLES_JSON [RESOURCE ...]``: one call per resource (or per named resource)."""
    package, base_url, examples_file, *only = argv
    module = importlib.import_module(package)
    examples: dict[str, dict[str, Any]] = json.loads(open(examples_file, encoding="utf-8").read())
    options: dict[str, Any] = {"base_url": base_url, "max_retries": 0}
    accepts = inspect.signature(module.Client).parameters
    if "api_key" in accepts:
        options["api_key"] = "sk-smoke"
    elif "username" in accepts:  # HTTP basic
        options.update(username="smoke-user", password="smoke-password")
    strict = module.Client(**options, strict_response_validation=True)
    lenient = module.Client(**options)
    by_resource: dict[str, list[Candidate]] = {}
    for candidate in candidates(strict):
        if only and candidate.resource not in only:
            continue
        fill(candidate, {})
        dry_run(strict, candidate, list(examples))
        fill(candidate, examples.get(candidate.path, {}))
        by_resource.setdefault(candidate.resource, []).append(candidate)
    calls = [call(module, strict, lenient, min(found, key=_rank)) for _, found in sorted(by_resource.items())]
    every = [c for found in by_resource.values() for c in found]
    unsent = sorted([f"{c.resource}.{c.name}", c.error] for c in every if c.error)
    print(json.dumps({"calls": calls, "methods": len(every), "unsent": unsent}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
