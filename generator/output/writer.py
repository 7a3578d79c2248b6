"""Replacing the output folder atomically and crash-safely, and comparing it with what would be written.

A generation is written into a staging folder beside the output folder (``.<name>.sdkgen-new``) and swapped in by one
atomic exchange of the two folders (``renameat2(RENAME_EXCHANGE)``, Linux): at every instant the output folder holds
the whole old tree or the whole new one. Where the file system cannot exchange, the old folder is renamed to
``.<name>.sdkgen-old`` before the new one takes its name; a crash between the two renames leaves no output folder,
and the next run puts the old one back. Whatever a crashed or interrupted run left is undone by :func:`recover`,
which every run calls first, holding the folder's lock (:func:`generator.output.folder.locked`), so that what it finds
cannot be another run's work. Folders and files are created with the modes the umask gives.
"""

from __future__ import annotations

import ctypes
import difflib
import errno
import os
import re
import shutil
import sys
from pathlib import Path

from generator.output.signals import uninterrupted

IGNORED_PARTS = frozenset({"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"})
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_CANNOT_EXCHANGE = frozenset({errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})


def _is_ignored(relative: str) -> bool:
    """Whether a POSIX relative path is in a cache or build metadata folder (or is one)."""
    return any(part in IGNORED_PARTS or part.endswith(".egg-info") for part in relative.split("/"))


def read_tree(root: Path, *, exact: bool = False) -> dict[str, str]:
    """Every file below ``root`` (caches and build metadata excluded), keyed by POSIX relative path, in the order of
    the names. With ``exact``, line breaks are kept as they are (``\r\n`` is not read as ``\n``), so that a text
    equal to a file's, without U+FFFD (what an invalid byte reads as), is the file's to the byte. As :func:`os.walk`
    goes: a link to a file is read, a link to a folder is not followed, a folder that cannot be listed is skipped."""
    if not root.is_dir():
        return {}
    found: dict[str, str] = {}
    folders = [("", str(root))]
    while folders:
        base, folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            relative = base + entry.name
            if entry.is_dir(follow_symlinks=False):
                folders.append((f"{relative}/", entry.path))
            elif entry.is_file() and not _is_ignored(relative):
                with open(entry.path, "rb") as handle:
                    text = handle.read().decode("utf-8", errors="replace")
                found[relative] = text if exact else _universal_text(text)
    return dict(sorted(found.items()))


def staging_folder(out: Path) -> Path:
    return out.parent / f".{out.name}.sdkgen-new"


def backup_folder(out: Path) -> Path:
    return out.parent / f".{out.name}.sdkgen-old"


def _legacy(out: Path) -> tuple[list[Path], list[Path]]:
    """What earlier versions of the generator left: staging folders (``.<name>.new-*``) and backups
    (``.<name>.old-<pid>``), oldest first."""
    staged = re.compile(re.escape(f".{out.name}.new-") + r"[A-Za-z0-9_]+")
    backed_up = re.compile(re.escape(f".{out.name}.old-") + r"[0-9]+")
    entries = sorted(out.parent.iterdir(), key=lambda p: p.lstat().st_mtime) if out.parent.is_dir() else []
    return [p for p in entries if staged.fullmatch(p.name)], [p for p in entries if backed_up.fullmatch(p.name)]


def recover(out: Path) -> list[str]:
    """Undo what a crashed or interrupted run left beside ``out``: a lost output folder is put back from its backup,
    and staging and backup folders are removed. Call it holding the folder's lock. Returns a note for each backup of
    an earlier generator version left in place because the output folder exists (it may hold an older history)."""
    out = out.resolve()
    legacy_staged, legacy_backups = _legacy(out)
    backups = [p for p in (backup_folder(out),) if os.path.lexists(p)] + legacy_backups[::-1]
    if not os.path.lexists(out) and backups:
        os.rename(backups.pop(0), out)
    for leftover in [staging_folder(out), *legacy_staged, *(p for p in backups if p == backup_folder(out))]:
        if os.path.lexists(leftover):
            _remove(leftover)
    return [
        f"{p}: warning: a backup left by an interrupted run of an earlier version of the generator; {out} was "
        "generated since, so it was left in place (delete it once you no longer need its files)"
        for p in legacy_backups
        if os.path.lexists(p)
    ]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def write_tree(files: dict[str, str], out: Path, old: dict[str, str] | None = None) -> tuple[int, int]:
    """Replace ``out`` with exactly ``files``; a failure or interruption at any point leaves the old ``out`` (see the
    module's documentation for a crash). ``old`` is what ``out`` holds when the caller has read it already (under
    the run's lock, so it cannot have changed; with ``exact``). Returns (files written or changed, files unchanged)."""
    out = out.resolve()
    old = read_tree(out, exact=True) if old is None else old
    staging = staging_folder(out)
    if os.path.lexists(staging):
        _remove(staging)
    os.mkdir(staging)
    try:
        _fill(staging, files, out, old)
        with uninterrupted(every_thread=True):
            _swap(staging, out)
        # the old tree, after an exchange (a failure here is only a leftover); inside the ``try``, so that a Ctrl-C
        # held back during the swap, which Python may raise a few instructions after it, still removes it
        shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        recover(out)
        raise
    changed = sum(1 for name, text in files.items() if _universal(old.get(name)) != text)
    return changed, len(files) - changed


def _fill(staging: Path, files: dict[str, str], out: Path, old: dict[str, str]) -> None:
    """Write ``files`` (relative POSIX paths) into ``staging``, linking those unchanged from ``out``."""
    made: set[str] = set()
    into, source_root = os.fspath(staging), os.fspath(out)
    for name in sorted(files):
        folder = name.rpartition("/")[0]
        if folder not in made:
            os.makedirs(f"{into}/{folder}", exist_ok=True)
            made.add(folder)
        text, source, target = files[name], f"{source_root}/{name}", f"{into}/{name}"
        if old.get(name) == text and _same_bytes(source, text) and _link(source, target):
            continue  # unchanged to the byte: the staging folder shares the file instead of writing it again
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


def _swap(staging: Path, out: Path) -> None:
    """Put the complete ``staging`` tree in the place of ``out``; afterwards ``staging`` holds the old one, if any."""
    if not os.path.lexists(out):
        os.rename(staging, out)
    elif not exchange(staging, out):
        backup = backup_folder(out)
        os.rename(out, backup)
        os.rename(staging, out)
        os.rename(backup, staging)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot."""
    if _LIBC is None:
        return False
    if _LIBC.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _CANNOT_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(second))


def _universal(text: str | None) -> str | None:
    """``text`` as a reader with universal newlines reads it: a changed line break alone is not a changed file."""
    return _universal_text(text) if text is not None else None


def _universal_text(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _same_bytes(path: str, text: str) -> bool:
    """Whether the file holds ``text`` to the byte, given that it was read (by :func:`read_tree`, ``exact``) as
    ``text``: only U+FFFD, which an invalid byte also reads as, leaves a doubt, and the file is then compared."""
    if "\ufffd" not in text:
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read() == text.encode("utf-8")
    except OSError:
        return False


def _link(source: str, target: str) -> bool:
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
