"""The whole run, once each: load -> validate -> parse -> (version) -> models and templates -> format.

Nothing here touches the output folder; it only reads the history recorded there (:mod:`generator.release.history`).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from generator.api.config import parse_config
from generator.api.ir import Api
from generator.api.operations import renamed_summary
from generator.api.pagination.decide import summary
from generator.api.parse_memo import parse_cached
from generator.api.settings import SdkConfig
from generator.core.errors import GenerationError, Problem
from generator.emit.formatting import first_party, format_files
from generator.emit.models import start_models
from generator.emit.render import render_files
from generator.emit.render_memo import open_memo
from generator.inputs.document import Document
from generator.inputs.incremental import read_known
from generator.inputs.loader import load_document
from generator.inputs.reading import read_file
from generator.inputs.validate import validate
from generator.output import processes
from generator.output.cache import Cache, digest
from generator.output.processes import Workers
from generator.output.progress import Progress
from generator.release.history import SNAPSHOT, Release, plan, read_recorded, recorded_config
from generator.request.examples import Examples

FORMATTED_MODELS = "formatted-models"
"""The cache's kind for the formatted model modules of an API's shape."""


@dataclass
class Build:
    files: dict[str, str]
    """Every file of the output folder (the version and history files of ``release`` among them)."""
    warnings: list[Problem]
    operations: int
    models: int
    release: Release
    skipped: int = 0
    """Operations left out by ``keep_going``."""
    sources: tuple[str, ...] = ()
    """Other files the spec references: the output depends on them too."""
    notes: tuple[str, ...] = ()
    """What the run decided that a reader should know (the pagination styles chosen), printed with the summary."""


@dataclass(frozen=True)
class Inputs:
    """The spec and the config, each read and checked once."""

    doc: Document
    config: SdkConfig
    config_data: dict[str, Any] = field(default_factory=dict[str, Any])
    """The config as written, less its version settings (what the snapshot records)."""
    warnings: list[Problem] = field(default_factory=list[Problem])
    """The document's warnings (the errors were raised)."""


def display(path: Path) -> str:
    """How problems name a file: relative to the working folder when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_inputs(spec: Path, config: Path | None, *, keep_going: bool = False, cache: Cache | None = None) -> Inputs:
    """Read the spec and the config and check both (the config against the spec, too): every problem of either is
    raised together. With a ``cache``, only the spec's blocks whose text changed are read again."""
    doc = load_document(spec, display(spec), read=lambda path, name: read_known(path, name, cache))
    raw = read_file(config, display(config)) if config is not None else None
    problems: list[Problem] = []
    try:
        warnings = validate(doc, keep_going=keep_going, cache=cache).warnings
    except GenerationError as exc:
        problems, warnings = list(exc.problems), []
    try:
        sdk_config = parse_config(raw, display(config) if config is not None else "", doc)
    except GenerationError as exc:
        problems += exc.problems
    if problems:
        raise GenerationError(problems)
    return Inputs(doc, sdk_config, recorded_config(raw), warnings)


def build(
    spec: Path,
    config: Path | None,
    out: Path,
    *,
    keep_going: bool = False,
    stamp: bool = False,
    progress: Progress | None = None,
    cache: Cache | None = None,
    force: bool = False,
) -> Build:
    """Generate every file of the SDK for ``out`` in memory; raises :class:`~generator.core.errors.GenerationError` on bad
    input.

    The version is decided against the release history recorded in ``out``, and the changelog and snapshot are among
    the files; with ``stamp``, the unreleased changes are released; with ``force``, an ``out`` that holds another
    API's SDK gets this one as a first release. With ``keep_going``, operations with problems are
    skipped and unresolvable schema references typed as any value, each with a warning. With a ``cache``, the models
    and formatted files of an earlier run with the same inputs are reused.
    """
    progress = progress or Progress()
    # The workers start before the document is read: a worker forked later would carry a copy of it and its parse.
    with processes.pool() as workers:
        progress.stage("loading")
        inputs = read_inputs(spec, config, keep_going=keep_going, cache=cache)
        progress.stage("parsing")
        skip = [p.pointer for p in inputs.warnings if p.pointer.startswith("/paths/")] if keep_going else ()
        result, shape = parse_cached(inputs.doc, inputs.config, cache, keep_going=keep_going, skip=skip)
        processes.give_back_memory()  # what reading and parsing dropped: this process lives to the end
        api = result.api
        with _collecting_less():
            release, formatted = _release_and_files(api, inputs, out, shape, cache, workers, progress, stamp, force)
    formatted.update(release.files)
    renamed = renamed_summary(api.resources)
    return Build(
        formatted,
        inputs.warnings + result.problems.warnings,
        len(api.operations),
        len(api.models),
        release,
        skipped=len(result.skipped),
        sources=inputs.doc.sources,
        notes=(summary(api.operations), *([renamed] if renamed else [])),
    )


def _release_and_files(
    api: Api,
    inputs: Inputs,
    out: Path,
    shape: str | None,
    cache: Cache | None,
    workers: Workers,
    progress: Progress,
    stamp: bool,
    force: bool,
) -> tuple[Release, dict[str, str]]:
    """The release plan, then the package's files. ``api``'s shape (:mod:`generator.api.shape`), taken as parsed,
    keys what both keep in ``cache``: nothing here changes the IR but the package's version."""
    config = inputs.config
    release = plan(api, inputs.doc, inputs.config_data, config, out, stamp=stamp, cache=cache, force=force, shape=shape)
    api.package_version = release.package_version
    return release, _render_and_format(api, progress, cache, workers, shape)


@contextmanager
def _collecting_less() -> Iterator[None]:
    """The garbage collector leaves alone what exists when the block starts (the document and its parse, which live
    to the end of the run: a warm run spent 0.1 s of its 2 s walking them in some 470 collections), until it ends.
    Unlike fewer collections, this keeps no more garbage alive: a cold run's peak memory is unchanged."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _render_and_format(
    api: Api, progress: Progress, cache: Cache | None, workers: Workers, shape: str | None = None
) -> dict[str, str]:
    """The package's files, formatted. Both cores work throughout: datamodel-code-generator runs in one worker
    process while this one renders the templates and the other workers format what it rendered; then all workers
    format the models."""
    types = f"src/{api.package_name}/types"
    progress.stage("models")
    kept = _kept_models(cache, shape)
    models = start_models(api, cache=cache, workers=workers, shape=shape) if kept is None else dict[str, str]
    progress.stage("rendering")
    memo = open_memo(api, cache, shape)
    ready = memo.formatted() if memo is not None else None  # the files an API of this shape had, formatted
    files = render_files(api, Examples(api.types), cache, memo, texts_only=ready is not None)
    names = [target for target, _ in ready] if ready is not None else list(files)
    known = first_party([*names, *(f"{types}/{m.module}.py" for m in api.models)])
    progress.stage("formatting")
    formatted = format_files(files, cache, progress.advance, workers=workers, known=known)
    if ready is not None:
        formatted = {target: formatted[target] if text is None else text for target, text in ready}
    elif memo is not None:
        memo.keep_formatted(formatted)
    if kept is None:
        modules = {f"{types}/{name}": text for name, text in models().items()}
        processes.give_back_memory()  # what formatting the rendered files dropped
        kept = format_files(modules, cache, progress.advance, workers=workers, known=known)
        if cache is not None and shape is not None:
            cache.put_json(FORMATTED_MODELS, digest(shape), kept)
    formatted.update(kept)
    return formatted


def _kept_models(cache: Cache | None, shape: str | None) -> dict[str, str] | None:
    """The model modules of an API of ``shape``, formatted, as a run kept them: they are a function of the shape
    (the models, and the first-party modules their imports are sorted by); ``None`` for a missing or foreign entry."""
    text = cache.get(FORMATTED_MODELS, digest(shape)) if cache is not None and shape is not None else None
    try:
        value: Any = json.loads(text) if text is not None else None
    except ValueError:
        return None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in cast(dict[str, Any], value).values()):
        return None
    return cast(dict[str, str], value)


def read_api(path: Path, config: Path | None) -> tuple[Document, SdkConfig, dict[str, Any], str | None]:
    """One side of ``diff``: a spec (with its config, default ``sdk.yaml`` beside it), or an output folder's snapshot.

    Returns the document, the config, the config as recorded and, for an output folder, the version recorded there.
    """
    if path.is_dir():
        recorded = read_recorded(path)
        if recorded is None:
            raise GenerationError(
                [
                    Problem(
                        str(path),
                        "",
                        f"a folder without {SNAPSHOT}",
                        "pass a spec, or a folder written by generate",
                    )
                ]
            )
        return recorded.document(), recorded.sdk_config(), recorded.config, recorded.version
    if config is None and (path.parent / "sdk.yaml").is_file():
        config = path.parent / "sdk.yaml"
    inputs = read_inputs(path, config)
    return inputs.doc, inputs.config, inputs.config_data, None
