"""``make realworld``: every document of ``../shared/specs`` through generate, install, import, pyright, ruff, smoke.

For each document (its entry is the ``main:`` line of its folder's ``SOURCE.txt``): generate zero-config into
``.realworld/out/<name>`` as it is, and when that is refused, again with ``--keep-going`` (timed; the problems and what
was skipped are reported); install it with ``pip --no-deps`` into a fresh virtual environment that holds exactly the
dependencies its ``pyproject.toml`` declares; import every module; run pyright in basic mode and ``ruff check``; and
call one operation per resource against Prism serving the document. For the OpenAI document, also the end-to-end
checks of :mod:`realworld.openai_e2e`. Documents run ``--jobs`` at a time (2 by default: the machine's cores); every
step is one command with a deadline (``--timeout``) whose whole process group is killed when it passes, reported as
a timed-out step. The results go to ``docs/real-world.md``, one row per document in name order.
"""

from __future__ import annotations

import argparse
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.inputs.loader import load_document

from . import documents, names, prism, steps, surface
from .process import TimedOut, kill_all, run
from .report import STEPS, Result, Run, write_report
from .steps import PYTHON, ROOT

SPECS = ROOT.parent / "shared" / "specs"
SCRATCH = ROOT / ".realworld"
REPORT = ROOT / "docs" / "real-world.md"
JOBS = 2
TIMEOUT = 600.0


def machine_made_names(doc: documents.Document, out: Path, result: Result) -> None:
    """How many operations have a method or resource name a person would flag as machine-made
    (:func:`realworld.names.machine_made`), as the generator places them."""
    with step(result, "names"):
        _, shape = names.measure(doc.name, load_document(doc.path, doc.name))
        result.extra["machine-made names"] = str(len(shape.machine_made))


EXTRA_CHECKS: tuple[Callable[[documents.Document, Path, Result], None], ...] = (machine_made_names,)
"""Further checks of a generated SDK (the document, its output folder, the result): each fills cells of its own in
:attr:`Result.extra`, which the report shows as columns of the main table."""


def _log(message: str) -> None:
    print(message, flush=True)


@dataclass(frozen=True)
class Options:
    specs: Path
    scratch: Path
    keep_going: bool
    """Whether the generator has ``--keep-going``, for a second try at a document it refuses as it is."""
    prism_errors: bool
    timeout: float
    """Seconds each step of a document may take."""


@contextmanager
def step(result: Result, name: str, *, quiet: bool = False) -> Iterator[None]:
    """One step of a document (a key of :data:`~realworld.report.STEPS`), logged with its seconds; a timeout or a
    crash is recorded on the result instead of raised, so that the document's other steps, and the other documents,
    go on."""
    started = time.perf_counter()
    try:
        yield
    except TimedOut as exc:
        result.timeouts[name] = exc.seconds
        _log(f"[{result.name}] {STEPS[name]}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a failed step is a result to report, whatever the reason
        result.crashes[name] = " ".join(f"{type(exc).__name__}: {exc}".split())[-400:]
        _log(f"[{result.name}] {STEPS[name]} crashed: {result.crashes[name]}")
    else:
        if not quiet:
            _log(f"[{result.name}] {STEPS[name]}: {time.perf_counter() - started:.1f} s")


def run_document(doc: documents.Document, options: Options) -> Result:
    """Every step for one document; whatever happens, a result (the work folder and its environment removed)."""
    started = time.perf_counter()
    result = Result(name=doc.name, source=doc.path.relative_to(options.specs).as_posix())
    work = options.scratch / "work" / doc.name
    with step(result, "harness", quiet=True):
        _steps(doc, options, result, work)
    shutil.rmtree(work / "venv", ignore_errors=True)
    result.seconds = time.perf_counter() - started
    _log(f"[{doc.name}] done in {result.seconds:.0f} s: {result.notes()}")
    return result


def _steps(doc: documents.Document, options: Options, result: Result, work: Path) -> None:
    facts: dict[str, Any] | None = None
    with step(result, "prepare"):
        read: dict[str, Any] = steps.python_json(
            PYTHON, "realworld.prepare", doc.path, work, cwd=ROOT, timeout=options.timeout
        )
        result.openapi, result.spec_operations, facts = read["openapi"], read["operations"], read
    out = options.scratch / "out" / doc.name
    if not generate(doc, out, options, result):
        return
    result.package = steps.package_name(out)
    with step(result, "surface"):
        measured = steps.python_json(PYTHON, "realworld.surface", doc.path, cwd=ROOT, timeout=options.timeout)
        result.surface = surface.from_json(measured)
    for check in EXTRA_CHECKS:
        check(doc, out, result)
    python = check_package(out, work, options, result)
    if python is not None and facts is not None:
        smoke_document(doc, facts, python, work, options, result)


def generate(doc: documents.Document, out: Path, options: Options, result: Result) -> bool:
    """Generate as it is; when that is refused, again with ``--keep-going``. Whether an SDK was generated."""
    with step(result, "generate"):
        found = steps.generate(doc.path, out, keep_going=False, timeout=options.timeout)
        if not found.ok and options.keep_going:
            result.strict_problems = found.problems
            _log(f"[{doc.name}] generation refused ({len(found.problems)} problem(s)): again with --keep-going")
            found = steps.generate(doc.path, out, keep_going=True, timeout=options.timeout)
        result.generation_seconds = found.seconds
        result.generation = ("keep-going" if result.strict_problems else "strict") if found.ok else "failed"
        result.warnings, result.generation_error = (found.problems, []) if found.ok else ([], found.problems)
        result.skipped_count, result.operations, result.models = found.skipped_count, found.operations, found.models
    if result.failed("generate"):
        result.generation = "timed out" if "generate" in result.timeouts else "failed"
    if result.generated:
        result.files = sum(1 for p in out.rglob("*") if p.is_file())
    return result.generated


def check_package(out: Path, work: Path, options: Options, result: Result) -> Path | None:
    """Install into a fresh environment, import, build the models, pyright and ruff; the interpreter, unless the
    package did not install."""
    timeout = options.timeout
    python = work / "venv" / "bin" / "python"
    with step(result, "install"):
        python = steps.fresh_venv(work / "venv", timeout)
        result.install_error = steps.install(python, out, options.scratch, timeout)
    if result.failed("install") or result.install_error:
        return None
    with step(result, "import"):
        imported = steps.check_imports(python, result.package, work, timeout=timeout)
        result.modules, result.import_failures = imported["modules"], imported["failures"]
        result.models_built, result.model_failures = imported["models"], imported["model_failures"]
    with step(result, "pyright"):
        found = steps.pyright_basic(python, out, options.scratch / "pyright", timeout=timeout)
        result.pyright_errors, result.pyright_messages = found.errors, found.messages
        result.pyright_seconds, result.pyright_rules = found.seconds, found.rules
    with step(result, "ruff"):
        result.ruff_errors, result.ruff_messages = steps.ruff_check(out, timeout=timeout)
    return python


def smoke_document(
    doc: documents.Document, facts: dict[str, Any], python: Path, work: Path, options: Options, result: Result
) -> None:
    """The smoke calls (and the OpenAI end-to-end checks) against Prism serving the document; a document Prism does
    not load is reported so."""
    result.mock_fixes = facts["mock_fixes"]
    mock, examples, timeout = Path(facts["mock"]), Path(facts["examples"]), options.timeout
    startup = min(prism.startup_seconds(mock), timeout)
    _log(f"[{doc.name}] Prism (up to {startup:.0f} s to start)")
    try:
        with prism.serve(mock, errors=options.prism_errors, startup_seconds=startup) as url:
            with step(result, "smoke"):
                found = steps.smoke(python, result.package, url, examples, work, timeout=timeout)
                result.smoke, result.methods, result.unsent = found["calls"], found["methods"], found["unsent"]
            if doc.name == "openai":
                with step(result, "e2e"):
                    result.e2e = steps.openai_checks(python, result.package, url, work, timeout=timeout)
    except prism.PrismError as exc:
        result.prism_error = str(exc)
        return
    recheck = tuple(s["resource"] for s in result.smoke if s["ok"] and not s["strict"])
    if recheck and not options.prism_errors:
        _log(f"[{doc.name}] {len(recheck)} response(s) fail strict validation: ask Prism --errors about them")
        try:
            with prism.serve(mock, errors=True, startup_seconds=startup) as url, step(result, "recheck"):
                again = steps.smoke(python, result.package, url, examples, work, only=recheck, timeout=timeout)
                verdicts = {s["resource"]: s for s in again["calls"]}
                for entry in result.smoke:
                    if entry["resource"] in verdicts:
                        entry["violations"] = verdicts[entry["resource"]]["violations"]
        except prism.PrismError as exc:
            result.crashes["recheck"] = str(exc)


def largest_first(docs: list[documents.Document], specs: Path) -> list[documents.Document]:
    """The documents, the largest folder first: the longest runs start early, so that two at a time end together
    rather than with one long document alone at the end (the report sorts its rows by name)."""
    size = {d.name: sum(f.stat().st_size for f in (specs / d.name).rglob("*") if f.is_file()) for d in docs}
    return sorted(docs, key=lambda d: (-size[d.name], d.name))


def names_section(specs: Path, timeout: float) -> str:
    """The section of :mod:`realworld.names`, or why there is none."""
    _log("names (python -m realworld.names)")
    try:
        done = run([PYTHON, "-m", "realworld.names", "--specs", specs], timeout=timeout, cwd=ROOT)
    except TimedOut as exc:
        return f"## Names\n\n`python -m realworld.names` {exc}.\n"
    if done.returncode:
        return f"## Names\n\n`python -m realworld.names` failed: `{' '.join(done.stderr.split()[-40:])}`\n"
    return done.stdout


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m realworld", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--specs", type=Path, default=SPECS, help="folder of document folders")
    parser.add_argument("--scratch", type=Path, default=SCRATCH, help="scratch folder (outputs, environments)")
    parser.add_argument("--report", type=Path, default=REPORT, help="the markdown report to write")
    parser.add_argument(
        "--only", action="append", default=[], help="only this document (repeatable); the report goes to the scratch"
    )
    parser.add_argument("--jobs", type=int, default=JOBS, help=f"documents run at a time (default {JOBS})")
    parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        help=f"seconds each step of a document may take (default {TIMEOUT:.0f})",
    )
    parser.add_argument(
        "--prism-errors",
        action="store_true",
        help="run Prism with --errors (also fails calls whose mocked response breaks the document's own schema)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if not args.specs.is_dir():
        print(f"skipped: {args.specs} is absent (the real-world documents live in ../shared/specs)")
        return 0
    specs = args.specs.resolve()
    found = documents.discover(specs)
    unknown = sorted(set(args.only) - {d.name for d in found})
    if unknown:
        print(f"no such document in {specs}: {', '.join(unknown)}")
        return 2
    docs = [d for d in found if not args.only or d.name in args.only]
    started = time.perf_counter()
    options = Options(specs, args.scratch.resolve(), steps.keep_going_supported(), args.prism_errors, args.timeout)
    pool = ThreadPoolExecutor(max_workers=max(1, args.jobs))
    try:
        results = list(pool.map(lambda doc: run_document(doc, options), largest_first(docs, specs)))
    except BaseException:  # Ctrl-C: every step's process group killed, no more started, no document waited for
        kill_all()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    results.sort(key=lambda r: r.name)
    section = "" if args.only else names_section(specs, args.timeout)
    seconds = time.perf_counter() - started
    for result in results:
        _log(result.summary_line())
    report = options.scratch / "real-world.md" if args.only else args.report
    write_report(report, results, Run(seconds, args.jobs, options.keep_going, args.prism_errors), names=section)
    _log(f"wrote {report.relative_to(ROOT) if report.is_relative_to(ROOT) else report}")
    _log(f"{len(results)} documents in {seconds:.0f}s, {args.jobs} at a time")
    return 0 if all(r.clean for r in results) else 1
