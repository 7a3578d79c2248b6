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
from .progress import Progress
from .render import TEMPLATES, render_package


@dataclass
class Build:
    files: dict[str, str]
    warnings: list[Problem]
    operations: int
    models: int
    skipped: int = 0
    """Operations left out by ``keep_going``."""


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def build(
    spec: Path,
    config: Path | None,
    template_dir: Path = TEMPLATES,
    *,
    keep_going: bool = False,
    progress: Progress | None = None,
    cache: Cache | None = None,
) -> Build:
    """Generate every file of the SDK in memory; raises :class:`~generator.errors.GenerationError` on bad input.

    With ``keep_going``, operations with problems are skipped and unresolvable schema references typed as any value,
    each with a warning. With a ``cache``, the models and formatted files of an earlier run with the same inputs are
    reused.
    """
    progress = progress or Progress()
    progress.stage("loading")
    doc = load_document(spec, _display(spec))
    progress.stage("parsing")
    result = parse(doc, load_config(config), keep_going=keep_going)
    api = result.api
    progress.stage("models")
    rendered = render_models(
        doc, result.model_schemas, api.models, api.package_name, keep_going=keep_going, cache=cache
    )
    api.models = rendered.models
    progress.stage("rendering")
    files = render_package(api, template_dir)
    for name, text in rendered.files.items():
        if name != "__init__.py":
            files[f"src/{api.package_name}/types/{name}"] = text.replace(
                f"from {api.package_name}._models import", "from .._models import"
            )
    warnings = result.problems.warnings + rendered.warnings
    progress.stage("formatting")
    formatted = format_files(files, cache, progress.advance)
    return Build(formatted, warnings, len(api.operations), len(api.models), len(result.skipped))
