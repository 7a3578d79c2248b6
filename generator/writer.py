"""Writing the output folder atomically, and comparing it with what would be written."""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path

IGNORED_PARTS = frozenset({"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"})


def _is_ignored(relative: Path) -> bool:
    return any(part in IGNORED_PARTS or part.endswith(".egg-info") for part in relative.parts)


def read_tree(root: Path) -> dict[str, str]:
    """Every file below ``root`` (caches and build metadata excluded), keyed by POSIX relative path."""
    if not root.is_dir():
        return {}
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _is_ignored(relative):
            found[relative.as_posix()] = path.read_text(encoding="utf-8", errors="replace")
    return found


def write_tree(files: dict[str, str], out: Path) -> tuple[int, int]:
    """Replace ``out`` with exactly ``files``; a failure at any point leaves the old ``out`` as it was.

    Returns (files written or changed, files unchanged).
    """
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    old = read_tree(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    backup = out.parent / f".{out.name}.old-{os.getpid()}"
    moved = False
    try:
        for name in sorted(files):
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if old.get(name) == files[name] and _same_bytes(out / name, files[name]) and _link(out / name, path):
                continue  # unchanged to the byte: the staging folder shares the file instead of writing it again
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(files[name])
        if out.exists():
            os.replace(out, backup)
            moved = True
        os.replace(staging, out)
    except BaseException:
        if moved and not out.exists():
            os.replace(backup, out)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    changed = sum(1 for name, text in files.items() if old.get(name) != text)
    return changed, len(files) - changed


def _same_bytes(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _link(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def diff_tree(files: dict[str, str], out: Path) -> list[str]:
    """A unified diff for each stale, missing or extra file; empty when ``out`` is up to date."""
    current = read_tree(out)
    diffs: list[str] = []
    for name in sorted(set(files) | set(current)):
        want, have = files.get(name), current.get(name)
        if want == have:
            continue
        diffs.append(
            "".join(
                difflib.unified_diff(
                    (have or "").splitlines(keepends=True),
                    (want or "").splitlines(keepends=True),
                    fromfile=f"{out.name}/{name}" if have is not None else "/dev/null",
                    tofile=f"generated-now/{name}" if want is not None else "/dev/null",
                )
            )
            or f"{name}: differs\n"
        )
    return diffs
