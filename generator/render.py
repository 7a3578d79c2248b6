"""Everything but the models, from the Jinja2 templates in ``templates/``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

from . import methods
from .ir import Api, Operation, Resource
from .methods import features, resource_imports
from .naming import pascal_case
from .text import comment, docstring

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
HEADER = "# Generated from the OpenAPI document by the SDK generator. Do not edit."


def _pyrepr(value: object) -> str:
    """A Python literal for JSON-like data; ``repr`` keeps any text inert."""
    return repr(value)


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def method_doc(op: Operation, indent: int) -> str:
    """The docstring of a generated method: the spec's summary and description, then its arguments."""
    parts = [p for p in (op.summary, op.description) if p]
    if len(parts) == 2 and parts[1].startswith(parts[0].rstrip(".")):
        parts = parts[1:]
    text = "\n\n".join(parts) or f"{op.http_method.upper()} {op.path}"
    if op.deprecated:
        text = "Deprecated.\n\n" + text
    documented = [p for p in op.params if p.description]
    if documented:
        lines = ["Args:"]
        for p in documented:
            body = p.description.replace("\n", "\n      ")
            lines.append(f"  {p.name}: {body}")
        text += "\n\n" + "\n".join(lines)
    return docstring(text, indent)


def child_module(child: Resource) -> str:
    """The module of ``child`` relative to its parent's package, e.g. ``orders.orders`` or ``items``."""
    parts = child.module.split(".")
    return ".".join(parts[-2:] if child.children else parts[-1:])


def environment(template_dir: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
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
        docline=comment,
        comment=comment,
        method_doc=method_doc,
        child_module=child_module,
    )
    env.globals.update(
        variants=methods.variants,
        return_type=methods.return_type,
        cast_to=methods.cast_to,
        item_type=methods.item_type,
        declaration=methods.declaration,
        keyword_params=methods.keyword_params,
        request_headers=methods.request_headers,
        file_params=methods.file_params,
        form_params=methods.form_params,
    )
    return env


def _sensitive_headers(api: Api) -> tuple[str, ...]:
    """Headers whose values never reach a log line: credentials, cookies and the API's own key header."""
    names = {"authorization", "proxy-authorization", "cookie", "set-cookie", "api-key", "x-api-key"}
    if api.auth.kind == "header":
        names.add(api.auth.name.lower())
    return tuple(sorted(names))


def render_package(api: Api, template_dir: Path = TEMPLATES) -> dict[str, str]:
    """Render every templated file; returns ``{path relative to the output folder: text}``."""
    env = environment(template_dir)
    src = f"src/{api.package_name}"
    common: dict[str, Any] = {
        "api": api,
        "header": HEADER,
        "root_error": f"{pascal_case(api.package_name)}Error",
        "description": api.description.split("\n")[0] if api.description else api.title,
        "idempotency": api.idempotency_header is not None,
        "features": features(api),
        "sensitive_headers": _sensitive_headers(api),
        "page_helpers": {
            "more": any(p.has_more_field for p in api.pages),
            "number": any(p.style != "cursor" for p in api.pages),
        },
    }
    files: dict[str, str] = {}

    def emit(template: str, target: str, **extra: Any) -> None:
        files[target] = env.get_template(template).render(**common, **extra)

    emit("package/pyproject.toml.j2", "pyproject.toml")
    emit("package/README.md.j2", "README.md")
    runtime = [
        "__init__",
        "_base_client",
        "_client",
        "_constants",
        "_exceptions",
        "_logs",
        "_models",
        "_resource",
        "_response",
        "_types",
        "_utils",
        "_version",
        "pagination",
    ]
    runtime += [
        name
        for name, flag in (("_files", common["features"]["files"]), ("_streaming", common["features"]["streaming"]))
        if flag
    ]
    for name in runtime:
        emit(f"package/src/{name}.py.j2", f"{src}/{name}.py")
    emit("package/src/py.typed.j2", f"{src}/py.typed")
    emit("package/src/types/__init__.py.j2", f"{src}/types/__init__.py", models=api.models)
    emit("package/src/resources/__init__.py.j2", f"{src}/resources/__init__.py")
    for resource in api.walk():
        module_path = resource.module.replace(".", "/")
        if resource.is_package:
            package_dir = module_path.rsplit("/", 1)[0]
            emit("package/src/resources/__init__.py.j2", f"{src}/{package_dir}/__init__.py")
        emit(
            "package/src/resources/resource.py.j2",
            f"{src}/{module_path}.py",
            resource=resource,
            imports=resource_imports(resource, api),
        )
    return files
