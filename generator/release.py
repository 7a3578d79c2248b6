"""The history kept in the output folder: which API the package was generated from, at which version.

``generate`` compares the spec (and config) with the ones recorded in ``<out>/api-snapshot.json`` by the previous
run, bumps the package version by what changed (see :mod:`generator.versioning`), prepends an entry to
``<out>/CHANGELOG.md`` and records the new state. An unchanged spec changes nothing, so ``check`` stays clean; and
since the state is in the committed output, a clean clone needs no git history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .cache import Cache
from .config import SdkConfig, parse_config
from .diff import Change, Side, bump_for, compare
from .errors import GenerationError, Problem
from .loader import Document, load_document, read_file
from .pipeline import TEMPLATES, Build, _display, build
from .progress import Progress
from .text import one_line
from .validate import validate
from .versioning import CHANGELOG_HEADER, bump, entry, first_entry, later, prepend

SNAPSHOT = "api-snapshot.json"
CHANGELOG = "CHANGELOG.md"
SNAPSHOT_FORMAT = 1
NOT_RECORDED = ("version", "version_policy")
"""Config keys that do not describe the API, and so do not count as a change."""


def plain(data: Any) -> Any:
    """``data`` as JSON would carry it: YAML dates become strings, integer keys become string keys."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


@dataclass(frozen=True)
class Recorded:
    """What the output folder says it was generated from."""

    version: str
    spec: dict[str, Any]
    config: dict[str, Any]
    file: str

    def document(self) -> Document:
        return Document(self.spec, f"{self.file}#/spec")

    def sdk_config(self) -> SdkConfig:
        return parse_config(self.config or None, f"{self.file}#/config")


def read_recorded(out: Path) -> Recorded | None:
    """The state recorded in ``out``, or None when ``out`` has none (a first generation)."""
    path = out / SNAPSHOT
    if not path.is_file():
        return None
    data = read_file(path)
    if not isinstance(data, Mapping):
        raise GenerationError([Problem(str(path), "", "not a generator snapshot", "delete it to start a new history")])
    data = cast(Mapping[str, Any], data)
    version, spec, config = data.get("version"), data.get("spec"), data.get("config")
    if not isinstance(version, str) or not isinstance(spec, dict) or not isinstance(config, dict):
        raise GenerationError(
            [
                Problem(
                    str(path), "", "a snapshot needs 'version', 'spec' and 'config'", "delete it to start a new history"
                )
            ]
        )
    return Recorded(version, cast(dict[str, Any], spec), cast(dict[str, Any], config), str(path))


def snapshot_text(version: str, spec: Any, config: Mapping[str, Any]) -> str:
    data = {
        "format": SNAPSHOT_FORMAT,
        "about": "Written by the generator: the API this package was generated from. The next `make generate` "
        "compares the spec with it to choose the version bump and write the changelog. Do not edit.",
        "version": version,
        "config": dict(config),
        "spec": spec,
    }
    # ASCII with escapes: any text of the spec (a lone surrogate, a control character) is stored exactly and safely.
    return json.dumps(data, indent=1, ensure_ascii=True) + "\n"


@dataclass
class Release:
    """What this generation's version is, why, and the history files to write."""

    version: str
    previous: str | None
    """The version recorded in the output folder; None for a first generation."""
    changes: list[Change] = field(default_factory=list[Change])
    api_changed: bool = False
    """The spec or the config (other than the version settings) differs from the recorded ones."""
    files: dict[str, str] = field(default_factory=dict[str, str])

    @property
    def bumped(self) -> bool:
        return self.previous is not None and self.version != self.previous


def _api_version(spec: Mapping[str, Any]) -> str:
    info = spec.get("info")
    return one_line(str(cast(Mapping[str, Any], info).get("version", ""))) if isinstance(info, Mapping) else ""


@dataclass(frozen=True)
class Inputs:
    raw: Document
    """The spec as loaded, which the build reads."""
    doc: Document
    """The spec JSON-normalised, as the snapshot records it and the change report compares it."""
    config_data: dict[str, Any]
    """The config as written, less its version settings."""
    sdk_config: SdkConfig


def read_inputs(spec: Path, config: Path | None, display: str, *, keep_going: bool = False) -> Inputs:
    """The spec (once :func:`validate` has passed it) and the config, each read once."""
    raw_doc = load_document(spec, display)
    validate(raw_doc, keep_going=keep_going)
    raw = read_file(config) if config is not None else None
    sdk_config = parse_config(raw, str(config))
    recorded_config = {k: v for k, v in cast(dict[str, Any], plain(raw or {})).items() if k not in NOT_RECORDED}
    return Inputs(raw_doc, Document(plain(raw_doc.root), raw_doc.name), recorded_config, sdk_config)


def load_inputs(
    spec: Path, config: Path | None, display: str, *, keep_going: bool = False
) -> tuple[Document, dict[str, Any], SdkConfig]:
    """The spec (JSON-normalised, once :func:`validate` has passed it), the config as written, and the config parsed."""
    inputs = read_inputs(spec, config, display, keep_going=keep_going)
    return inputs.doc, inputs.config_data, inputs.sdk_config


def plan(
    doc: Document, config_data: dict[str, Any], config: SdkConfig, out: Path, *, keep_going: bool = False
) -> Release:
    """Decide the version and write the history files for generating ``doc`` into ``out``."""
    recorded = read_recorded(out)
    changelog_path = out / CHANGELOG
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else None
    if recorded is None:
        release = Release(config.version, None)
        operations = len(Side.parse(doc, config, keep_going=keep_going).api.operations)
        release.files[CHANGELOG] = changelog or prepend(
            None, first_entry(config.version, _api_version(doc.root), operations)
        )
    else:
        release = Release(recorded.version, recorded.version)
        release.api_changed = recorded.spec != doc.root or recorded.config != config_data
        candidate = recorded.version
        if release.api_changed:
            release.changes = compare(
                Side.parse(recorded.document(), recorded.sdk_config(), keep_going=keep_going),
                Side.parse(doc, config, keep_going=keep_going),
            )
            candidate = bump(recorded.version, bump_for(release.changes), config.version_policy)
        release.version = later(candidate, config.version)
        text = changelog if changelog is not None else CHANGELOG_HEADER
        if release.bumped:
            text = prepend(
                changelog,
                entry(
                    release.version,
                    release.changes,
                    _api_version(doc.root),
                    _api_version(recorded.spec),
                    api_changed=release.api_changed,
                ),
            )
        release.files[CHANGELOG] = text
    release.files[SNAPSHOT] = snapshot_text(release.version, doc.root, config_data)
    return release


def build_with_history(
    spec: Path,
    config: Path | None,
    out: Path,
    template_dir: Path = TEMPLATES,
    *,
    keep_going: bool = False,
    progress: Progress | None = None,
    cache: Cache | None = None,
) -> tuple[Build, Release]:
    """Every file of the SDK for ``out``: the package at its new version, the changelog and the snapshot."""
    inputs = read_inputs(spec, config, _display(spec), keep_going=keep_going)
    release = plan(inputs.doc, inputs.config_data, inputs.sdk_config, out, keep_going=keep_going)
    result = build(
        spec,
        config,
        template_dir,
        version=release.version,
        keep_going=keep_going,
        progress=progress,
        cache=cache,
        document=inputs.raw,
    )
    result.files.update(release.files)
    return result, release


def read_api(path: Path, config: Path | None) -> tuple[Document, SdkConfig, str | None]:
    """One side of ``diff``: a spec (with its config, default ``sdk.yaml`` beside it), or an output folder's snapshot.

    Returns the document, the config and, for an output folder, the version recorded there."""
    if path.is_dir():
        recorded = read_recorded(path)
        if recorded is None:
            raise GenerationError(
                [Problem(str(path), "", f"a folder without {SNAPSHOT}", "pass a spec, or a folder written by generate")]
            )
        return recorded.document(), recorded.sdk_config(), recorded.version
    if config is None and (path.parent / "sdk.yaml").is_file():
        config = path.parent / "sdk.yaml"
    doc, _, sdk_config = load_inputs(path, config, _display(path))
    return doc, sdk_config, None
