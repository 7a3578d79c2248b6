"""Whether the generator may write into an output folder, and one run at a time.

The output folder is the generator's alone: every run replaces all of it. So a run writes only into a folder that is
absent, empty, or holds a previous generation, which the marker file :data:`MARKER` (written with every generation)
says; anything else needs ``--force``. Some folders are never replaced, even with ``--force``: one that is, or holds,
the spec's or config's folder, the working directory, the generator's own checkout, the home folder or a
repository (a folder with ``.git``); the root of a file system; and a mount point, which cannot be replaced as a
whole. Concurrent runs into one folder are serialised by a lock file beside it (:func:`lock_file`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import GenerationError, Problem
from generator.output.cache import ROOT

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: runs are not serialised
    fcntl = None

MARKER = ".sdk-generator"
"""The file every generation writes into the output folder: the folder holds a previous generation."""
MARKER_TEXT = (
    "This folder is written by the SDK generator (`python -m generator generate`), which replaces all of it on every\n"
    "run: it writes here only while this file is present. Do not keep other files in this folder.\n"
)


def with_marker(files: dict[str, str]) -> dict[str, str]:
    """The files of a generation as written to the output folder: ``files`` and the marker."""
    return {**files, MARKER: MARKER_TEXT}


def _refuse(out: Path, message: str, hint: str) -> GenerationError:
    return GenerationError([Problem(str(out), "", message, hint)])


def check_not_protected(out: Path, keep: Iterable[Path]) -> None:
    """Refuse, even with ``--force``, an ``out`` whose replacement would destroy what it must not: the folders of
    ``keep`` (the spec's and config's folders) and the others named in the module's documentation."""
    target = out.resolve()
    kept = [Path(p).resolve() for p in keep] + [Path.cwd().resolve(), ROOT]
    try:
        kept.append(Path.home().resolve())
    except (RuntimeError, KeyError):  # no home folder known
        pass
    for folder in kept:
        if folder.is_relative_to(target):
            what = "is" if folder == target else "holds"
            raise _refuse(
                out, f"the output folder {what} {folder}, which the generator never replaces", "choose another --out"
            )
    if target.parent == target or (target.is_dir() and os.path.ismount(target)):
        raise _refuse(
            out,
            "the output folder is a mount point or a file system's root, which cannot be replaced as a whole",
            "generate into a folder inside it",
        )
    if (target / ".git").exists():
        raise _refuse(out, "the output folder is a repository (it holds .git)", "choose another --out")


def check_owned(out: Path, *, force: bool) -> None:
    """Refuse an ``out`` that is not absent, empty, or a previous generation, unless ``force``."""
    if force or not os.path.lexists(out):
        return
    if not out.is_dir():
        raise _refuse(
            out,
            "the output path is a file, not a folder",
            "remove it or choose another --out; --force replaces it with the generated folder",
        )
    if (out / MARKER).is_file() or not any(out.iterdir()):
        return
    raise _refuse(
        out,
        f"the output folder holds files the generator did not write (it has no {MARKER} marker), and generating "
        "would replace all of them",
        "choose an empty or new folder; --force replaces the folder and everything in it",
    )


def lock_file(out: Path) -> Path:
    """The lock of ``out``: a file beside it (``.<name>.sdkgen-lock``), so that runs into sibling folders do not
    wait for each other; it exists while a run holds it (or after a run was killed, until the next one ends)."""
    out = out.resolve()
    return out.parent / f".{out.name}.sdkgen-lock"


@contextmanager
def locked(out: Path, on_wait: Callable[[], None], *, create: bool = True) -> Iterator[None]:
    """Hold the lock of ``out`` (:func:`lock_file`; ``create`` makes the folder that holds it when it is missing);
    ``on_wait`` is called when another run holds it, before waiting for that run. The lock is released when its
    holder exits, however it exits. Where the lock file cannot be created (a read-only folder, which no run can
    write into), the folder that holds ``out`` is locked instead."""
    parent = out.resolve().parent
    if create:
        parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None or not parent.is_dir():
        yield
        return
    path = lock_file(out)
    handle = _hold(path, on_wait)
    try:
        yield
    finally:
        if handle.file:
            with suppress(OSError):
                os.unlink(path)  # while held: a run waiting on this file sees it gone, and locks a new one
        os.close(handle.fd)


@dataclass(frozen=True)
class _Held:
    fd: int
    file: bool
    """A lock file (else the folder that holds it)."""


def _hold(path: Path, on_wait: Callable[[], None]) -> _Held:
    """Lock ``path`` (created if missing), waiting for another holder; a file removed by its last holder while this
    run waited is created anew, so that two runs never hold two files of the same name."""
    assert fcntl is not None
    waited = False
    while True:
        try:
            fd, file = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644), True
        except OSError:
            fd, file = os.open(path.parent, os.O_RDONLY), False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not waited:
                on_wait()
                waited = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        if not file or _same_file(fd, path):
            return _Held(fd, file)
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
