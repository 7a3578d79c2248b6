"""The release history kept in the output folder: the API of the last release, and the changelog.

``<out>/api-snapshot.json`` records the spec and config the last release was generated from, and its version.
``generate`` compares the spec with it on every run: what differs is unreleased, so the changelog gets an
Unreleased section (recomputed each time, never added to) and the package the pending version as a development
release (``0.2.0.dev0``, see :mod:`generator.release.versioning`). ``release`` stamps that version on the section and the
package and records the spec as released. A first generation is its own first release. Nothing pending changes
nothing, so ``check`` stays clean; and since the history is in the committed output, a clean clone needs no git
history.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from generator.api.config import parse_config
from generator.api.ir import Api
from generator.api.settings import SdkConfig
from generator.core.errors import GenerationError, Problem
from generator.inputs.document import Document
from generator.inputs.reading import parse_text
from generator.inputs.vocabulary import api_version as api_version_of
from generator.inputs.vocabulary import as_mapping, normalise
from generator.output.cache import Cache, digest, generator_fingerprint
from generator.release.diff import Change, Side, compare
from generator.release.versioning import DEV_SUFFIX, changelog, entry, first_entry, next_version

SNAPSHOT = "api-snapshot.json"
CHANGELOG = "CHANGELOG.md"
SNAPSHOT_FORMAT = 1
NOT_RECORDED = ("version", "version_policy")
"""Config keys that do not describe the API, and so do not count as a change."""


class Recorded:
    """What the output folder says it was generated from: its snapshot file, read as JSON when first asked (a run
    whose questions about it are answered from the cache never reads the 4 MB of JSON). A file that is not a
    snapshot is an error when it is read."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path, self.file = path, str(path)
        self.bytes = data
        """The snapshot file's bytes, read once: what is parsed is what :attr:`digest` (which memos are kept
        under) was taken of, even if the file changes during the run."""
        self.digest = digest(data)
        """Of the snapshot file's bytes."""

    @cached_property
    def _read(self) -> tuple[str, dict[str, Any], dict[str, Any]]:
        try:
            text = self.bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GenerationError([Problem(self.file, "", f"not UTF-8 text: {exc.reason}")]) from None
        data = parse_text(text, self.file)
        if not isinstance(data, Mapping):
            hint = "delete it to start a new history"
            raise GenerationError([Problem(self.file, "", "not a generator snapshot", hint)])
        data = cast(Mapping[str, Any], data)
        version, spec, config = data.get("version"), data.get("spec"), data.get("config")
        if not isinstance(version, str) or not isinstance(spec, dict) or not isinstance(config, dict):
            message = "a snapshot needs 'version', 'spec' and 'config'"
            raise GenerationError([Problem(self.file, "", message, "delete it to start a new history")])
        return version, cast(dict[str, Any], spec), cast(dict[str, Any], config)

    @property
    def version(self) -> str:
        return self._read[0]

    @property
    def spec(self) -> dict[str, Any]:
        return self._read[1]

    @property
    def config(self) -> dict[str, Any]:
        return self._read[2]

    @property
    def name(self) -> str:
        """How problems and the change report name the recorded spec."""
        return f"{self.file}#/spec"

    def document(self) -> Document:
        return Document(self.spec, self.name)

    def sdk_config(self) -> SdkConfig:
        return parse_config(self.config or None, f"{self.file}#/config", self.document())


def read_recorded(out: Path) -> Recorded | None:
    """The state recorded in ``out``, or None when ``out`` has none (a first generation)."""
    path = out / SNAPSHOT
    if not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GenerationError([Problem(str(path), "", f"cannot read file: {exc.strerror}")]) from None
    return Recorded(path, data)


def snapshot_text(version: str, spec: Any, config: Mapping[str, Any]) -> str:
    data = {
        "format": SNAPSHOT_FORMAT,
        "about": "Written by the generator: the API of this package's last release (`make release`). Every "
        "`make generate` compares the spec with it to write the Unreleased changes and the pending version. "
        "Do not edit.",
        "version": version,
        "config": dict(config),
        "spec": spec,
    }
    # ASCII with escapes: any text of the spec (a lone surrogate, a control character) is stored exactly and safely.
    return json.dumps(data, indent=1, ensure_ascii=True) + "\n"


def _other(old: Api, new: Api) -> bool:
    """Two different APIs: another title and another package (a renamed package alone is a breaking change)."""
    return old.title != new.title and old.package_name != new.package_name


def _another_api_error(out: Path, old: Api, new: Api) -> GenerationError:
    message = (
        f"the folder holds the SDK of another API ({old.title!r}, package {old.package_name}); "
        f"this spec is {new.title!r}, package {new.package_name}"
    )
    hint = "choose another --out; --force replaces that SDK and starts a new release history"
    return GenerationError([Problem(str(out), "", message, hint)])


def _released(recorded: Recorded, cache: Cache | None) -> Side:
    """The last release's API, parsed. The same snapshot parses the same way with the same generator, so the parse
    is kept in ``cache`` under both (a pickle: the cache is the user's own, and every entry's digest is checked)."""
    key = digest(generator_fingerprint(), recorded.digest)
    stored = cache.get_bytes("released", key) if cache is not None else None
    try:
        found = pickle.loads(stored) if stored is not None else None  # noqa: S301 - our own entry
    except Exception:  # noqa: BLE001 - any failure means: parsed again
        found = None
    if isinstance(found, Api):
        return Side(found)
    side = Side.parse(recorded.document(), recorded.sdk_config(), keep_going=True)
    if cache is not None:
        cache.put_bytes("released", key, pickle.dumps(side.api, pickle.HIGHEST_PROTOCOL))
    return side


@dataclass
class Release:
    """The versions of one generation, why, and the history files to write."""

    version: str
    """The version of the next release: the last one's when nothing is unreleased."""
    released: str | None
    """The version of the last release recorded in the output folder; None for a first generation."""
    changes: list[Change] = field(default_factory=list[Change])
    """What changed since the last release."""
    api_changed: bool = False
    """The spec or the config (other than the version settings) differs from the released ones."""
    stamped: bool = False
    """This run released ``version`` (``release`` with something unreleased)."""
    names: tuple[str, str] = ("", "")
    """How the report names the two sides: the released snapshot and the spec."""
    files: dict[str, str] = field(default_factory=dict[str, str])

    @property
    def unreleased(self) -> bool:
        """The spec holds changes no release has (before this run stamped them)."""
        return self.released is not None and self.version != self.released

    @property
    def package_version(self) -> str:
        """The version the package says it is: the pending one as a development release while unreleased."""
        return self.version + DEV_SUFFIX if self.unreleased and not self.stamped else self.version


def recorded_config(data: Any) -> dict[str, Any]:
    """The config as the snapshot records it: as written, less the settings that do not describe the API."""
    return {k: v for k, v in as_mapping(normalise(data or {})).items() if k not in NOT_RECORDED}


def differs(old_spec: Any, old_config: Mapping[str, Any], new_spec: Any, new_config: Mapping[str, Any]) -> bool:
    """Whether the API changed: the spec, or the config as recorded (the version settings do not count)."""
    return old_spec != new_spec or dict(old_config) != dict(new_config)


def plan(
    api: Api,
    doc: Document,
    config_data: dict[str, Any],
    config: SdkConfig,
    out: Path,
    *,
    stamp: bool = False,
    cache: Cache | None = None,
    force: bool = False,
    shape: str | None = None,
) -> Release:
    """The versions of ``api`` (parsed from ``doc``) generated into ``out``, and its history files; with ``stamp``,
    the unreleased changes are released. A ``cache`` keeps the parsed last release, and the changes since it under
    ``shape`` (:func:`~generator.api.shape.api_shape` of ``api``).

    An ``out`` that holds another API's SDK (another title and another package) is refused, unless ``force``: then
    its history is dropped and this generation is a first release."""
    recorded = read_recorded(out)
    if recorded is not None and force and _other(_released(recorded, cache).api, api):
        recorded = None  # another API's history: this generation starts its own
    changelog_path = out / CHANGELOG
    old_log = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else None
    api_version = api.version
    if recorded is None:  # a first generation is the first release: there is nothing to compare it with
        release = Release(config.version, None, stamped=True)
        first = first_entry(config.version, api_version, len(api.operations))
        release.files[CHANGELOG] = old_log or changelog(None, first)
        release.files[SNAPSHOT] = _stamped_snapshot(config.version, doc.root, config_data, cache)
        return release
    released, changed, old_api = _compared(recorded, doc, config_data, cache)
    changes = _changes(recorded, api, out, cache, shape) if changed else []
    version = next_version(released, changes, changed, config)
    release = Release(version, released, changes, changed, names=(recorded.name, doc.name))
    release.stamped = stamp and release.unreleased
    new_entries: list[str] = []
    if release.unreleased:
        new_entries.append(entry(version, changes, api_version, old_api, changed, unreleased=not release.stamped))
    release.files[CHANGELOG] = changelog(old_log, *new_entries)
    if release.stamped:
        release.files[SNAPSHOT] = _stamped_snapshot(version, doc.root, config_data, cache)
    else:
        release.files[SNAPSHOT] = _kept_snapshot(recorded, out, cache)
    return release


def _compared(
    recorded: Recorded, doc: Document, config_data: dict[str, Any], cache: Cache | None
) -> tuple[str, bool, str]:
    """The released version, whether the API changed since (:func:`differs`) and the released spec's API version.
    They are a function of the snapshot's bytes, the document's data and the config, so ``cache`` keeps them under
    the three (the data by the digest of the blocks it was read from, :attr:`Document.content`): a run after an edit
    does not read the snapshot's 4 MB of JSON."""
    key = _compared_key(recorded, doc, config_data) if cache is not None else None
    stored = _stored_comparison(cache.get("compared", key)) if cache is not None and key is not None else None
    if stored is not None:
        return stored
    found = (
        recorded.version,
        differs(recorded.spec, recorded.config, doc.root, config_data),
        api_version_of(recorded.spec),
    )
    if cache is not None and key is not None:
        cache.put("compared", key, json.dumps(found))
    return found


def _compared_key(recorded: Recorded, doc: Document, config_data: dict[str, Any]) -> str | None:
    if doc.content is None:
        return None
    try:
        config = json.dumps(config_data, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return digest(generator_fingerprint(), "compared", recorded.digest, doc.content, config)


def _stored_comparison(text: str | None) -> tuple[str, bool, str] | None:
    try:
        value: Any = json.loads(text) if text is not None else None
    except ValueError:
        return None
    if not isinstance(value, list) or len(cast(list[Any], value)) != 3:
        return None
    version, changed, api = cast(list[Any], value)
    if not isinstance(version, str) or not isinstance(changed, bool) or not isinstance(api, str):
        return None
    return version, changed, api


def _changes(recorded: Recorded, api: Api, out: Path, cache: Cache | None, shape: str | None) -> list[Change]:
    """The changes since the release recorded in ``out``. The comparison reads no operation's summary or
    description, so they are a function of that release and ``api``'s shape, and ``cache`` keeps them under both: a
    run after a summary edit neither loads the release's parse nor compares. (Only changes between two versions of
    one API are kept: another API's is an error, found again.)"""
    key = digest(generator_fingerprint(), "changes", recorded.digest, shape) if shape is not None else ""
    stored = _stored_changes(cache.get("changes", key)) if cache is not None and key else None
    if stored is not None:
        return stored
    old = _released(recorded, cache)
    if _other(old.api, api):
        raise _another_api_error(out, old.api, api)
    changes = compare(old, Side(api))
    if cache is not None and key:
        cache.put("changes", key, json.dumps([dataclasses.asdict(c) for c in changes], ensure_ascii=False))
    return changes


def _stored_changes(text: str | None) -> list[Change] | None:
    """The changes a cache entry holds; ``None`` for a missing, damaged or foreign entry."""
    try:
        value: Any = json.loads(text) if text is not None else None
    except ValueError:
        return None
    names = {f.name for f in dataclasses.fields(Change)}
    if not isinstance(value, list) or not all(_stored_change(item, names) for item in cast(list[Any], value)):
        return None
    return [Change(**item) for item in cast(list[dict[str, Any]], value)]


def _stored_change(item: Any, names: set[str]) -> bool:
    if not isinstance(item, dict) or set(cast(dict[str, Any], item)) != names:
        return False
    return all(v is None or isinstance(v, str) for v in cast(dict[str, Any], item).values())


def _kept_snapshot(recorded: Recorded, out: Path, cache: Cache | None) -> str:
    """The snapshot of the release recorded in ``out``, written again (as :func:`snapshot_text` writes it). The text
    is a function of the file's bytes, so ``cache`` remembers, under their digest, whether it is the file's own text
    (it is, unless an older generator or a hand wrote the file): a 4 MB ``json.dumps`` with an indent is 0.1 s."""
    key = _snapshot_key(recorded.digest)
    if cache is not None and cache.get("snapshot", key) == "same":
        try:
            data = (out / SNAPSHOT).read_bytes()
        except OSError:
            data = b""
        if digest(data) == recorded.digest:  # still the file the digest was taken of
            return data.decode("utf-8")
    text = snapshot_text(recorded.version, recorded.spec, recorded.config)
    if cache is not None and digest(text.encode("utf-8")) == recorded.digest:
        cache.put("snapshot", key, "same")
    return text


def _snapshot_key(file_digest: str) -> str:
    return digest(generator_fingerprint(), "snapshot", file_digest)


def _stamped_snapshot(version: str, spec: Any, config: Mapping[str, Any], cache: Cache | None) -> str:
    """The snapshot of a release made now, remembered in ``cache`` as its own text (see :func:`_kept_snapshot`), so
    that the first edit after the release does not write it again: ``spec`` and ``config`` are normalised (mappings
    with string keys, lists, strings, numbers, booleans, null), and such data reads back from its JSON as itself and
    is written back as the same text (a float's ``repr`` reads back as the same float; every key is a string)."""
    text = snapshot_text(version, spec, config)
    if cache is not None:
        cache.put("snapshot", _snapshot_key(digest(text.encode("utf-8"))), "same")
    return text
