"""The whole run: load -> parse -> render models and templates -> format. Nothing here touches the output folder."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .cache import Cache
from .config import load_config
from .errors import GenerationError, Problem
from .examples import Examples
from .formatting import format_files
from .loader import Document, load_document
from .models import render_models
from .parser import parse
from .progress import Progress
from .render import TEMPLATES, render_package
from .validate import validate


@dataclass
class Build:
    files: dict[str, str]
    warnings: list[Problem]
    operations: int
    models: int
    skipped: int = 0
    """Operations left out by ``keep_going``."""
    sources: tuple[str, ...] = ()
    """Other files the spec references: the output depends on them too."""


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def build(
    spec: Path,
    config: Path | None,
    template_dir: Path = TEMPLATES,
    version: str | None = None,
    *,
    keep_going: bool = False,
    progress: Progress | None = None,
    cache: Cache | None = None,
    document: Document | None = None,
) -> Build:
    """Generate every file of the SDK in memory; raises :class:`~generator.errors.GenerationError` on bad input.

    ``version`` overrides the config's package version (see :mod:`generator.release`). With ``keep_going``,
    operations with problems are skipped and unresolvable schema references typed as any value, each with a warning.
    With a ``cache``, the models and formatted files of an earlier run with the same inputs are reused. A
    ``document`` already loaded from ``spec`` is not read again.
    """
    progress = progress or Progress()
    progress.stage("loading")
    doc = document or load_document(spec, _display(spec))
    sdk_config = load_config(config)
    checked = validate(doc, keep_going=keep_going)
    progress.stage("parsing")
    result = parse(
        doc,
        sdk_config if version is None else replace(sdk_config, version=version),
        keep_going=keep_going,
        skip=[p.pointer for p in checked.warnings if p.pointer.startswith("/paths/")] if keep_going else (),
    )
    api = result.api
    progress.stage("models")
    rendered = render_models(
        doc, result.model_schemas, api.models, api.package_name, keep_going=keep_going, cache=cache
    )
    api.models = rendered.models
    progress.stage("rendering")
    files = render_package(api, Examples(doc, api.models, rendered.files), template_dir)
    for name, text in rendered.files.items():
        if name != "__init__.py":
            files[f"src/{api.package_name}/types/{name}"] = text.replace(
                f"from {api.package_name}._models import", "from .._models import"
            )
    warnings = checked.warnings + result.problems.warnings + rendered.warnings
    progress.stage("formatting")
    formatted = format_files(files, cache, progress.advance)
    _check_compiles(formatted)
    return Build(formatted, warnings, len(api.operations), len(api.models), len(result.skipped), doc.sources)


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
