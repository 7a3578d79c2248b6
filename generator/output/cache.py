"""A content-addressed cache of the slow stages, and the check that lets a run with nothing to do skip all work.

Every entry is stored under the SHA-256 of everything its value depends on (the input text, the generator code
that produces it, the versions of the pinned tools), so an entry can never be stale: a changed input is a new key.
Entries are written atomically and carry a digest of their value, so an interrupted or damaged write is a miss,
never wrong output. The cache lives in ``.generator-cache/`` beside the ``generator`` package (git-ignored), or
wherever ``SDKGEN_CACHE_DIR`` points; ``--no-cache`` on the command line turns it off for one run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import cast

CACHE_ENV = "SDKGEN_CACHE_DIR"
LIMIT_ENV = "SDKGEN_CACHE_MAX_MB"
DEFAULT_LIMIT_MB = 2048
"""The cache's size bound: past it, the entries used longest ago are removed (each edit of a large document adds
entries, and none is ever stale, so without a bound the cache only grows)."""
PRUNE_EVERY = 3600.0
"""Seconds between two checks of the cache's size (one ``stat`` of a marker file in between)."""
ROOT = Path(__file__).resolve().parents[2]
"""The checkout the generator runs from: its ``generator/`` and ``templates/`` are what the output depends on."""
TOOLS = ("datamodel-code-generator", "black", "ruff", "jinja2", "pyyaml", "pydantic", "markdownify", "beautifulsoup4")
"""The installed packages whose version can change the output."""


def digest(*parts: str | bytes) -> str:
    """SHA-256 over ``parts``, each length-prefixed so that no two different sequences collide."""
    sha = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        sha.update(f"{len(data)}:".encode())
        sha.update(data)
    return sha.hexdigest()


@lru_cache(maxsize=1)
def tool_versions() -> str:
    """The versions of :data:`TOOLS` and Python, read once."""
    versions = [f"{name}=={found}" if found else f"{name} missing" for name in TOOLS for found in [_version(name)]]
    return f"python {sys.version_info.major}.{sys.version_info.minor}; " + "; ".join(versions)


def _version(name: str) -> str | None:
    """The installed version of distribution ``name`` (``None``: not installed), as :mod:`importlib.metadata` reads
    it: the ``Version`` of the first ``.dist-info`` folder for it on ``sys.path``. Read here from the folder's
    ``METADATA`` without importing that module and its e-mail parser (0.02 s of a run); anything this does not read
    as simply (an egg, a zip on the path, several folders for one name, no ``Version`` line) is asked of it."""
    wanted = _normalised(name)
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder) or folder.lower().endswith(".egg"):
            if os.path.exists(folder):
                return _asked(name)
            continue
        try:
            children = os.listdir(folder)
        except OSError:
            continue
        found = [
            c for c in children if _is_info(c) and _normalised(c.lower().rpartition(".")[0].partition("-")[0]) == wanted
        ]
        if not found:
            continue
        if len(found) > 1 or not found[0].lower().endswith(".dist-info"):
            return _asked(name)
        return _metadata_version(os.path.join(folder, found[0], "METADATA")) or _asked(name)
    return None


def _is_info(child: str) -> bool:
    return child.lower().endswith((".dist-info", ".egg-info"))


def _normalised(name: str) -> str:
    """A distribution's name as :mod:`importlib.metadata` compares it (PEP 503, dashes as underscores)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _metadata_version(path: str) -> str | None:
    """The ``Version`` field of a ``METADATA`` file's headers (they end at the first empty line)."""
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    return None
                if line.startswith("Version:") and line[8:].strip():
                    return line[8:].strip()
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _asked(name: str) -> str | None:
    from importlib import metadata  # noqa: PLC0415 - only where a distribution is not found as simply

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def source_digest(*paths: Path) -> str:
    """The digest of every file below ``paths`` (caches excluded), names included, in a stable order."""
    parts: list[str | bytes] = []
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            parts += [path.relative_to(ROOT).as_posix(), path.read_bytes()]
    return digest(*parts)


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """What every output depends on besides the spec and config: the generator's code, templates and tools."""
    return digest(source_digest(ROOT / "generator", ROOT / "templates"), tool_versions())


def default_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    return ROOT / ".generator-cache"


class Cache:
    """Text or byte values under hex keys, grouped by kind (``format``, ``models``, ``runs``)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> str | None:
        value = self.get_bytes(kind, key)
        try:
            return value.decode("utf-8") if value is not None else None
        except UnicodeDecodeError:
            return None

    def put(self, kind: str, key: str, value: str) -> None:
        """Store ``value``; a cache that cannot be written is only slower, never an error."""
        self.put_bytes(kind, key, value.encode("utf-8"))

    def get_bytes(self, kind: str, key: str) -> bytes | None:
        """The value stored under ``key`` (by :meth:`put_bytes`, or :meth:`put` as UTF-8); ``None`` when there is
        none or it is damaged (its digest, on the entry's first line, does not match)."""
        path = self._path(kind, key)
        try:
            stored = path.read_bytes()
        except OSError:
            return None
        check, _, value = stored.partition(b"\n")
        if check != digest(value).encode("ascii"):
            return None
        try:
            os.utime(path)  # used now: the size bound removes the entries used longest ago first
        except OSError:
            pass
        return value

    def put_bytes(self, kind: str, key: str, value: bytes) -> None:
        """Store ``value`` (a pickle, say: no text encoding to pay for); a cache that cannot be written is only slower,
        never an error."""
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(digest(value).encode("ascii") + b"\n" + value)
            os.replace(temporary, path)
        except OSError:
            return

    def get_json(self, kind: str, key: str) -> object | None:
        text = self.get(kind, key)
        return None if text is None else json.loads(text)

    def put_json(self, kind: str, key: str, value: object) -> None:
        self.put(kind, key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def prune(self, limit: int, *, every: float = PRUNE_EVERY) -> int:
        """Keep the cache under ``limit`` bytes: when it is over, remove the entries used longest ago until it holds
        three quarters of the limit. Checked at most once in ``every`` seconds; returns the entries removed. A
        removed entry is only a miss for a run reading it at that moment."""
        marker = self.root / ".pruned"
        try:
            if time.time() - marker.stat().st_mtime < every:
                return 0
        except OSError:
            pass
        entries: list[tuple[float, int, str]] = []
        for folder, _, names in os.walk(self.root):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    found = os.stat(path)
                except OSError:
                    continue
                if name != ".pruned":
                    entries.append((found.st_mtime, found.st_size, path))
        total, removed = sum(size for _, size, _ in entries), 0
        for _, size, path in sorted(entries) if total > limit else []:
            if total <= limit * 3 // 4:
                break
            try:
                os.remove(path)
            except OSError:
                continue
            total, removed = total - size, removed + 1
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass
        return removed


def size_limit() -> int:
    """The cache's bound in bytes: ``SDKGEN_CACHE_MAX_MB``, else :data:`DEFAULT_LIMIT_MB` (a value that is not a
    positive number is the default)."""
    try:
        megabytes = float(os.environ.get(LIMIT_ENV, ""))
    except ValueError:
        megabytes = DEFAULT_LIMIT_MB
    return int((megabytes if megabytes > 0 else DEFAULT_LIMIT_MB) * 1024 * 1024)


def open_cache(enabled: bool = True) -> Cache | None:
    root = default_dir() if enabled else None
    return Cache(root) if root is not None else None


def tree_digest(files: dict[str, str]) -> str:
    return digest(*(part for name in sorted(files) for part in (name, files[name])))


def run_inputs(spec: Path, config: Path | None, command: str) -> str:
    """The digest of everything a run's output depends on."""
    config_bytes = config.read_bytes() if config is not None else b""
    return digest(command, generator_fingerprint(), spec.read_bytes(), str(config is not None), config_bytes)


def _run_key(out: Path) -> str:
    return digest(str(out.resolve()))


def last_run(cache: Cache, inputs: str, out: Path, current: dict[str, str]) -> dict[str, object] | None:
    """The record of the last run into ``out`` when it had these inputs and ``out`` still holds what it wrote."""
    stamp = cache.get_json("runs", _run_key(out))
    if not isinstance(stamp, dict) or stamp.get("inputs") != inputs or stamp.get("output") != tree_digest(current):
        return None
    sources = cast(dict[str, object], stamp).get("sources", {})
    if not isinstance(sources, dict) or _source_digests(list(cast(dict[str, object], sources))) != sources:
        return None  # a file the spec references has changed (or is gone)
    return cast(dict[str, object], stamp)


def _source_digests(paths: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in paths:
        try:
            found[path] = digest(Path(path).read_bytes())
        except OSError:
            found[path] = ""
    return found


def record_run(
    cache: Cache,
    inputs: str,
    out: Path,
    files: dict[str, str],
    summary: str,
    warnings: list[str],
    sources: tuple[str, ...] = (),
) -> None:
    """Remember that ``out`` now holds ``files``, generated from ``inputs`` (and the spec's other ``sources``) with
    this summary and these warnings."""
    stamp = {
        "inputs": inputs,
        "output": tree_digest(files),
        "summary": summary,
        "warnings": warnings,
        "sources": _source_digests(list(sources)),
    }
    cache.put_json("runs", _run_key(out), stamp)
