"""The whole run: load -> parse -> render models and templates -> format. Nothing here touches the output folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import load_config
from .errors import GenerationError, Problem
from .formatting import format_files
from .loader import load_document
from .models import render_models
from .parser import parse
from .render import TEMPLATES, render_package
from .validate import validate


@dataclass
class Build:
    files: dict[str, str]
    warnings: list[Problem]
    operations: int
    models: int


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def build(spec: Path, config: Path | None, template_dir: Path = TEMPLATES) -> Build:
    """Generate every file of the SDK in memory; raises :class:`~generator.errors.GenerationError` on bad input."""
    doc = load_document(spec, _display(spec))
    checked = validate(doc)
    result = parse(doc, load_config(config))
    api = result.api
    files = render_package(api, template_dir)
    models = render_models(doc, result.model_schemas, api.models, api.package_name)
    for name, text in models.items():
        if name != "__init__.py":
            files[f"src/{api.package_name}/types/{name}"] = text.replace(
                f"from {api.package_name}._models import", "from .._models import"
            )
    files = format_files(files)
    _check_compiles(files)
    return Build(files, checked.warnings + result.problems.warnings, len(api.operations), len(api.models))


def _check_compiles(files: dict[str, str]) -> None:
    """Every generated module must compile; if one does not, that is a generator bug, and nothing is written."""
    problems: list[Problem] = []
    for name in sorted(n for n in files if n.endswith(".py")):
        try:
            compile(files[name], name, "exec", dont_inherit=True)
        except SyntaxError as exc:
            problems.append(
                Problem(
                    name,
                    "",
                    f"the generated code does not compile (line {exc.lineno}: {exc.msg})",
                    "this is a generator bug: please report it with the spec",
                )
            )
    if problems:
        raise GenerationError(problems)
