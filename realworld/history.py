"""``make history REPO=... SPEC_PATH=... [COUNT=60]``: the change report of every commit of an OpenAPI document.

Takes any git repository and the path of an OpenAPI document in it, and compares each of the last ``COUNT`` commits
that touched the document with its parent (its first parent, for a merge), exactly as ``generator diff OLD NEW``
would. The result is a Markdown table, newest first: the commit, the first line of its message, the version bump the
report gives and a summary of the changes, so that a maintainer can read a release's worth of changes at a glance and
see where the report disagrees with what a commit says it did.

Each version of the document is read and parsed once: consecutive commits share a version (a commit's new document is
the next one's old), so a run of N commits parses N + 1 documents, not 2N. The commits are cut into ``--jobs``
contiguous runs, one per worker process (only the document at each cut is parsed twice). A version that does not
parse is a row that says so, and the run goes on.

Each commit's row is kept in the generator's cache (``.generator-cache/``, under the generator's fingerprint, so a
change to the generator computes it again): a later run computes only the commits it has not seen (``--no-cache``
computes them all).

Each side uses the default config (every option at its default), or ``--config``: the same config for every commit.
A document that ``$ref`` s other files of the repository is not supported: only the one file is read at each commit.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.api.config import parse_config
from generator.core.errors import GenerationError
from generator.inputs.loader import load_document
from generator.inputs.reading import read_file
from generator.inputs.validate import validate
from generator.output.cache import Cache, digest, generator_fingerprint, open_cache
from generator.release.diff import IMPACTS, Change, Side, compare
from generator.release.versioning import release_part

NO_BLOB = "0" * 40
"""What ``git log --raw`` says of the side where the file does not exist."""
SHOWN = 2
"""Changes named per impact in a row's summary; the rest are counted."""
WORDS = {"breaking": ("breaking", "breaking"), "addition": ("addition", "additions"), "other": ("other", "other")}


@dataclass(frozen=True)
class Commit:
    """One commit that touched the document: its blob before (``None`` when it was added) and after (``None`` when
    it was deleted)."""

    sha: str
    subject: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    sha: str
    subject: str
    bump: str
    """``major``, ``minor``, ``patch``, ``none``, or what happened instead: ``added``, ``deleted``, ``error``."""
    summary: str


def git(repo: Path, *args: str) -> str:
    """A git command's output in ``repo``; a failure is a :class:`SystemExit` naming the command and git's words."""
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"history: git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def commits(repo: Path, spec_path: str, count: int) -> list[Commit]:
    """The last ``count`` commits that changed ``spec_path``, newest first, with the document's blob before and
    after each (a merge is read against its first parent)."""
    log = git(
        repo,
        "log",
        f"-n{count}",
        "--format=%x01%H%x00%s",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--diff-merges=first-parent",
        "--",
        spec_path,
    )
    found: list[Commit] = []
    for record in log.split("\x01")[1:]:
        head, *lines = record.strip("\n").split("\n")
        sha, subject = head.split("\x00", 1)
        raw = next((line for line in lines if line.startswith(":")), None)
        if raw is None:
            continue  # a merge that took one side's document unchanged
        old, new = raw.split()[2:4]
        found.append(Commit(sha, subject, None if old == NO_BLOB else old, None if new == NO_BLOB else new))
    return found


@dataclass
class Parsed:
    """One version of the document: its data (to tell a change of text alone from none) and its API."""

    root: object
    side: Side


class Reader:
    """Reads and parses versions of the document by blob, keeping the last one (the next commit's old side)."""

    def __init__(self, repo: Path, spec_path: str, config: Path | None, scratch: Path) -> None:
        self.repo, self.path, self.config = repo, spec_path, config
        self.file = scratch / PurePosixPath(spec_path).name  # the same name: YAML or JSON is read by its suffix
        self.last: tuple[str, Parsed | GenerationError] | None = None

    def parse(self, blob: str, name: str) -> Parsed:
        """The version ``blob``, its problems named ``name``; :class:`GenerationError` when the generator would
        refuse it (with ``--keep-going``: what that skips is skipped here too). A refusal is kept like a parse."""
        if self.last is None or self.last[0] != blob:
            self.last = (blob, self._read(blob, name))
        found = self.last[1]
        if isinstance(found, GenerationError):
            raise found
        return found

    def _read(self, blob: str, name: str) -> Parsed | GenerationError:
        self.file.write_bytes(git_bytes(self.repo, "cat-file", "blob", blob))
        try:
            doc = load_document(self.file, name)
            validate(doc, keep_going=True)
            raw = read_file(self.config) if self.config is not None else None
            config = parse_config(raw, str(self.config or ""), doc)
            return Parsed(doc.root, Side.parse(doc, config, keep_going=True))
        except GenerationError as exc:
            return exc


def git_bytes(repo: Path, *args: str) -> bytes:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"history: git {' '.join(args)} failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def row(reader: Reader, commit: Commit) -> Row:
    """The row of one commit: its report's bump and summary, or why there is none."""
    short = commit.sha[:10]
    if commit.old is None or commit.new is None:
        what = "added" if commit.old is None else "deleted"
        return Row(short, commit.subject, what, f"the document was {what}")
    try:
        new = reader.parse(commit.new, f"{short}:{reader.path}")  # newest first: the previous commit's old side
    except GenerationError as exc:
        return Row(short, commit.subject, "error", f"this version does not parse: {exc.problems[0]}")
    try:
        old = reader.parse(commit.old, f"{short}^:{reader.path}")
    except GenerationError as exc:
        return Row(short, commit.subject, "error", f"the parent's version does not parse: {exc.problems[0]}")
    changes = compare(old.side, new.side)
    api_changed = old.root != new.root
    return Row(short, commit.subject, release_part(changes, api_changed), summary(changes, api_changed))


def summary(changes: list[Change], api_changed: bool) -> str:
    """The changes of one commit in a line: per impact, a count and the first few, named as the report names them."""
    if not changes:
        return "descriptions, examples or settings only" if api_changed else "no change to the document's data"
    parts: list[str] = []
    for impact in IMPACTS:
        selected = [c for c in changes if c.impact == impact]
        if not selected:
            continue
        named = "; ".join(f"`{c.group}.{c.location}` {c.message}" for c in selected[:SHOWN])
        more = f"; +{len(selected) - SHOWN} more" if len(selected) > SHOWN else ""
        parts.append(f"{len(selected)} {WORDS[impact][len(selected) != 1]}: {named}{more}")
    return " · ".join(parts)


def run_chunk(repo: Path, spec_path: str, config: Path | None, chunk: list[Commit]) -> list[Row]:
    """The rows of consecutive commits, in one process (a worker's whole share)."""
    with tempfile.TemporaryDirectory(prefix="history-") as scratch:
        reader = Reader(repo, spec_path, config, Path(scratch))
        return [row(reader, commit) for commit in chunk]


def chunks(items: list[Commit], parts: int) -> Iterator[list[Commit]]:
    """``items`` cut into ``parts`` contiguous runs of nearly equal length (none empty)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    start = 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        yield items[start:end]
        start = end


def history(
    repo: Path, spec_path: str, count: int, *, config: Path | None = None, jobs: int = 2, cache: Cache | None = None
) -> list[Row]:
    """The rows of the last ``count`` commits of ``spec_path`` in ``repo``, newest first. A ``cache`` keeps each
    commit's row under the generator's fingerprint, so a later run computes only the commits it has not seen."""
    found = commits(repo, spec_path, count)
    settings = config.read_bytes() if config is not None else b""
    keys = {c.sha: digest(generator_fingerprint(), c.sha, spec_path, c.old or "", c.new or "", settings) for c in found}
    known: dict[str, Row] = {}
    for commit in found:
        stored = cache.get_json("history", keys[commit.sha]) if cache is not None else None
        if isinstance(stored, list) and len(stored) == 2:
            known[commit.sha] = Row(commit.sha[:10], commit.subject, str(stored[0]), str(stored[1]))
    todo = [c for c in found if c.sha not in known]
    for commit, computed in zip(todo, _compute(repo, spec_path, config, todo, jobs), strict=True):
        known[commit.sha] = computed
        if cache is not None:
            cache.put_json("history", keys[commit.sha], [computed.bump, computed.summary])
    return [known[c.sha] for c in found]


def _compute(repo: Path, spec_path: str, config: Path | None, todo: list[Commit], jobs: int) -> list[Row]:
    """The rows of ``todo``, its commits cut into contiguous runs, one per worker process."""
    runs = list(chunks(todo, jobs))
    if len(runs) <= 1:
        return [r for run in runs for r in run_chunk(repo, spec_path, config, run)]
    with ProcessPoolExecutor(max_workers=len(runs)) as pool:
        futures = [pool.submit(run_chunk, repo, spec_path, config, run) for run in runs]
        return [r for future in futures for r in future.result()]


def cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table: one line, no column break."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def table(rows: list[Row], title: str, seconds: float) -> str:
    """The Markdown report: a heading, the count of each bump, and the table."""
    counts = {b: sum(1 for r in rows if r.bump == b) for b in dict.fromkeys(r.bump for r in rows)}
    lines = [
        f"# API history: {title}",
        "",
        f"{len(rows)} commits, newest first, each compared with its parent by the change report "
        f"(`make history`, {seconds:.0f} s). Bumps: " + (", ".join(f"{b} {n}" for b, n in counts.items()) or "none"),
        "",
        "| commit | message | bump | changes |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{r.sha}` | {cell(r.subject)} | {r.bump} | {cell(r.summary)} |" for r in rows]
    return "\n".join(lines) + "\n"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m realworld.history", description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path, help="a git repository (any folder inside its work tree)")
    parser.add_argument("spec_path", help="the OpenAPI document's path in the repository")
    parser.add_argument("--count", type=int, default=60, help="how many commits that touched it (default 60)")
    parser.add_argument("--config", type=Path, default=None, help="an sdk.yaml for every version (default: none)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--out", type=Path, default=None, help="write the table here (default: standard output)")
    parser.add_argument("--no-cache", action="store_true", help="compute every row again (not from the cache)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    started = time.perf_counter()
    top = Path(git(args.repo, "rev-parse", "--show-toplevel").strip())
    cache = open_cache(not args.no_cache)
    rows = history(top, args.spec_path, args.count, config=args.config, jobs=args.jobs, cache=cache)
    if not rows:
        print(
            f"history: no commit of {top} changes {args.spec_path} (a path from the repository's top)", file=sys.stderr
        )
        return 2
    seconds = time.perf_counter() - started
    text = table(rows, f"{top.name}:{args.spec_path}", seconds)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}: {len(rows)} commits in {seconds:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
