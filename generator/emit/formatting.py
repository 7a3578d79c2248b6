"""Formatting of the generated Python: import clean-up and a first layout by ruff, then black. All are pinned.

The output is black's: black runs last on every file, without its safety checks (equivalent AST, stable result):
every file is compile-checked after, and the committed output golden-tested. ruff runs first because black costs the
least on input that is already in its style: a file black leaves unchanged is formatted once, while a file black
changes is formatted twice. ruff's formatter, which follows black's style, puts almost every file in that state in a
fraction of black's time.

A file's formatted text depends on its name, its text and fixed settings only, never on which other files are
formatted in the same run: that is what lets formatted files be cached under a digest of those (see :mod:`.cache`),
so that a run formats only the files whose text changed and still writes what a run without the cache writes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import black
from ruff import find_ruff_bin

from generator.core.errors import GenerationError, Problem
from generator.output import processes
from generator.output.cache import Cache, digest, source_digest, tool_versions
from generator.output.processes import Workers

LINE_LENGTH = 120
MODE = black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY311})
PARALLEL_THRESHOLD = 64
"""Below this many files, worker processes cost more than they save."""
TASK_SIZE = 16_000
"""Characters of Python a worker is sent at a time (about 20 ms of black), as one file or several small ones."""
RUFF_OPTIONS = ["--isolated", "--no-cache", "--quiet", "--line-length", str(LINE_LENGTH), "--target-version", "py311"]
"""ruff's settings: no configuration file but these; no cache (the files are formatted once, in a folder then
removed)."""
SCRATCH_PREFIX = "sdkgen-ruff-"
MEMORY_FOLDER = Path("/dev/shm")  # noqa: S108 - a folder of our own is made in it, private to this user
"""Where ruff's files go when it has room for them: a folder in memory. Creating the 2,600 files of a large SDK there
takes 0.03 s; on this project's disk, 0.5 s."""


def format_source(source: str) -> str:
    """Black, without its second pass (the AST comparison and the re-format); every file is compile-checked after
    and the committed output golden-tested, which is what that pass would protect."""
    try:
        return black.format_file_contents(source, fast=True, mode=MODE)
    except black.NothingChanged:
        return source


def first_party(names: Iterable[str]) -> list[str]:
    """The top-level modules of a package tree (``src/<name>`` and the root's folders and modules): the imports that
    ruff sorts as first-party. Taken from the names alone, so that it is a setting, the same for every file."""
    found: set[str] = set()
    for name in names:
        parts = name.split("/")
        inner = parts[1:] if parts[0] == "src" and len(parts) > 1 else []
        for path in (parts, inner) if inner else (parts,):
            found.add(path[0].removesuffix(".py") if len(path) == 1 else path[0])
    return sorted(module for module in found if module.isidentifier())


def _scratch(size: int) -> str | None:
    """The folder for a scratch folder of about ``size`` characters: :data:`MEMORY_FOLDER` when it has room for
    several times that, else the system's (``None``). Scratch folders there that a killed run left behind (their
    process is gone) are removed first: they would hold memory until the machine restarts."""
    try:
        stats = os.statvfs(MEMORY_FOLDER)
    except (OSError, AttributeError):  # no such folder; no statvfs (Windows)
        return None
    if not os.access(MEMORY_FOLDER, os.W_OK):
        return None
    for left in MEMORY_FOLDER.glob(f"{SCRATCH_PREFIX}*-"):
        if left.is_dir() and not left.is_symlink() and not _alive(left.name.removeprefix(SCRATCH_PREFIX)[:-1]):
            shutil.rmtree(left, ignore_errors=True)
    free = stats.f_bavail * stats.f_frsize
    return str(MEMORY_FOLDER) if free > 8 * size + 64 * 2**20 else None


def _alive(pid: str) -> bool:
    """Whether process ``pid`` is running (``True`` when that cannot be told: another user's, or not a pid)."""
    try:
        os.kill(int(pid.partition("-")[0]), 0)
    except ProcessLookupError:
        return False
    except (OSError, ValueError):
        return True
    return True


def _ruff(files: dict[str, str], only: list[str], known: list[str]) -> dict[str, str]:
    """Drop unused imports, sort imports (``ruff check --fix-only --select F401,I``), then ``ruff format``.

    Each file's result depends on its name, its text and the settings alone, never on the other files: ruff is told
    which modules are first-party (``known``) instead of finding out from the folder it runs in, which holds only
    the files being formatted.
    """
    settings = [f"lint.isort.known-first-party = {json.dumps(known)}", "lint.isort.detect-same-package = false"]
    settings.append("src = []")
    options = [*RUFF_OPTIONS, *(arg for setting in settings for arg in ("--config", setting))]
    scratch = _scratch(sum(map(len, files.values())))
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", suffix="-", dir=scratch) as tmp:
        root = Path(tmp)
        for name in only:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(files[name], encoding="utf-8")
        ruff = [find_ruff_bin()]  # not ``python -m ruff``: that starts an interpreter only to run this binary
        env = {**os.environ, "NO_COLOR": "1"}
        fix = ["check", "--fix-only", "--exit-zero", "--select", "F401,I"]
        for command in ([*ruff, *fix, *options, "--", *only], [*ruff, "format", *options, "--", *only]):
            subprocess.run(command, cwd=root, check=True, env=env, stdin=subprocess.DEVNULL, **processes.short_child())
        return {name: (root / name).read_text(encoding="utf-8") for name in only}


_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _black(sources: list[str], progress: Callable[[int, int], None] | None, workers: Workers | None) -> list[str]:
    """Black over ``sources``: in ``workers`` when given and there are enough sources to be worth it."""
    if workers is None or len(sources) < PARALLEL_THRESHOLD:
        return _collect(map(format_source, sources), len(sources), progress)
    return _in_parallel(workers, sources, progress)


def format_sources(sources: list[str]) -> list[str]:
    """:func:`format_source` over each of ``sources``: one task of a worker."""
    return [format_source(source) for source in sources]


def _in_parallel(workers: Workers, sources: list[str], progress: Callable[[int, int], None] | None) -> list[str]:
    """The largest files first, so that no process is left with a long file at the end; small files go together
    into tasks of about :data:`TASK_SIZE` characters (each task costs a round trip between processes)."""
    order = sorted(range(len(sources)), key=lambda i: -len(sources[i]))
    tasks: list[list[int]] = []
    room = 0  # what the last task can still take
    for index in order:
        if tasks and len(sources[index]) <= room:
            tasks[-1].append(index)
        else:
            tasks.append([index])
            room = TASK_SIZE
        room -= len(sources[index])
    formatted: dict[int, str] = {}
    for task, texts in zip(tasks, workers.imap(format_sources, [[sources[i] for i in t] for t in tasks]), strict=True):
        formatted.update(zip(task, texts, strict=True))
        if progress:
            progress(len(formatted), len(sources))
    return [formatted[i] for i in range(len(sources))]


def _collect(results: Iterable[str], total: int, progress: Callable[[int, int], None] | None) -> list[str]:
    formatted: list[str] = []
    for text in results:
        formatted.append(text)
        if progress:
            progress(len(formatted), total)
    return formatted


def _format_key() -> str:
    """What a formatted file depends on besides its text: this module and the formatters' versions."""
    return digest(source_digest(Path(__file__)), tool_versions())


def format_files(
    files: dict[str, str],
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    workers: Workers | None = None,
    known: list[str] | None = None,
) -> dict[str, str]:
    """Format every ``.py`` file once (or take it from ``cache``), and the Python blocks of ``.md`` files; other files
    pass through unchanged. Every freshly formatted module must compile (see :func:`compile_check`) before it is
    cached, so a cached module is one that compiled.

    ``progress(done, total)`` is told as black finishes files; black runs in ``workers`` when given. ``known`` are
    the first-party modules (default: those of ``files``); a tree formatted in parts passes those of the whole tree.
    """
    key = _format_key()
    done = {name: _markdown(key, text, cache) for name, text in files.items() if name.endswith(".md")}
    python = {name: text for name, text in files.items() if name.endswith(".py") and text.strip()}
    known = first_party(python) if known is None else known
    formatter = digest(key, *known)
    keys = {name: digest(formatter, name, text) for name, text in python.items()}
    for name in python:
        cached = cache.get("format", keys[name]) if cache is not None else None
        if cached is not None:
            done[name] = cached
    todo = sorted(name for name in python if name not in done)
    if todo:
        prepared = _ruff(python, todo, known)
        fresh = dict(zip(todo, _black([prepared[name] for name in todo], progress, workers), strict=True))
        compile_check(fresh)
        done.update(fresh)
        for name, text in fresh.items():
            if cache is not None:
                cache.put("format", keys[name], text)
    return {**files, **done}


def _markdown(key: str, text: str, cache: Cache | None) -> str:
    """Black over every fenced ``python`` block of a Markdown document, each block taken from ``cache`` when it was
    formatted before."""

    def block(code: str) -> str:
        entry = digest(key, "python block", code)
        done = cache.get("format", entry) if cache is not None else None
        if done is None:
            done = format_source(code)
            if cache is not None:
                cache.put("format", entry, done)
        return done

    return _PYTHON_BLOCK.sub(lambda m: "```python\n" + block(m.group(1)) + "```", text)


def compile_check(files: dict[str, str]) -> None:
    """Every generated module must compile; if one does not, that is a generator bug, and nothing is written."""
    problems: list[Problem] = []
    for name in sorted(files):
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
