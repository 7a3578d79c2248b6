"""The whole run: load -> parse -> render models and templates -> format. Nothing here touches the output folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cache import Cache
from .config import load_config
from .errors import Problem
from .formatting import format_files
from .loader import load_document
from .models import render_models
from .parser import parse
from .render import TEMPLATES, render_package


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


def build(spec: Path, config: Path | None, template_dir: Path = TEMPLATES, cache: Cache | None = None) -> Build:
    """Generate every file of the SDK in memory; raises :class:`~generator.errors.GenerationError` on bad input.

    With a ``cache``, the models and formatted files of an earlier run with the same inputs are reused.
    """
    doc = load_document(spec, _display(spec))
    result = parse(doc, load_config(config))
    api = result.api
    files = render_package(api, template_dir)
    models = render_models(doc, result.model_schemas, api.models, api.package_name, cache)
    for name, text in models.items():
        if name != "__init__.py":
            files[f"src/{api.package_name}/types/{name}"] = text.replace(
                f"from {api.package_name}._models import", "from .._models import"
            )
    return Build(format_files(files, cache), result.problems.warnings, len(api.operations), len(api.models))
