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

from .config import SdkConfig, parse_config
from .diff import Change, Side, compare
from .errors import GenerationError, Problem
from .ir import Api
from .loader import Document, read_file
from .openapi import as_mapping, normalise
from .text import one_line
from .versioning import CHANGELOG_HEADER, entry, first_entry, next_version, prepend

SNAPSHOT = "api-snapshot.json"
CHANGELOG = "CHANGELOG.md"
SNAPSHOT_FORMAT = 1
NOT_RECORDED = ("version", "version_policy")
"""Config keys that do not describe the API, and so do not count as a change."""


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


def recorded_config(data: Any) -> dict[str, Any]:
    """The config as the snapshot records it: as written, less the settings that do not describe the API."""
    return {k: v for k, v in as_mapping(normalise(data or {})).items() if k not in NOT_RECORDED}


def plan(api: Api, doc: Document, config_data: dict[str, Any], config: SdkConfig, out: Path) -> Release:
    """Decide the version of ``api`` (parsed from ``doc``) generated into ``out``, and write the history files."""
    recorded = read_recorded(out)
    changelog_path = out / CHANGELOG
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else None
    if recorded is None:
        release = Release(config.version, None)
        release.files[CHANGELOG] = changelog or prepend(
            None, first_entry(config.version, _api_version(doc.root), len(api.operations))
        )
    else:
        release = Release(recorded.version, recorded.version)
        release.api_changed = recorded.spec != doc.root or recorded.config != config_data
        if release.api_changed:
            release.changes = compare(
                Side.parse(recorded.document(), recorded.sdk_config(), keep_going=True), Side(api)
            )
        release.version = next_version(recorded.version, release.changes, release.api_changed, config)
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
