"""``python -m generator generate|check|release|diff``."""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.errors import GenerationError
from generator.core.text import printable
from generator.inputs.bundle import refs_allowed_under
from generator.output.cache import last_run, open_cache, record_run, run_inputs, size_limit
from generator.output.folder import check_not_protected, check_owned, locked, with_marker
from generator.output.progress import Progress, progress_for
from generator.output.writer import diff_tree, read_tree, recover, write_tree

if TYPE_CHECKING:
    from generator.release.history import Release

EXIT_OK, EXIT_STALE, EXIT_BAD_INPUT = 0, 1, 2


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Generate a Python SDK from OpenAPI.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("generate", "write the SDK into the output folder, with the changes since the last release as Unreleased"),
        ("check", "exit 1 with a diff when the output folder is not what generate would write"),
        ("release", "generate, and release the unreleased changes: stamp their version and record the API"),
    ):
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument(
            "--spec", type=Path, default=Path("spec/openapi.yaml"), help="the OpenAPI document (default: %(default)s)"
        )
        command.add_argument(
            "--config", type=Path, default=None, help="the SDK config (default: sdk.yaml beside the spec, if any)"
        )
        command.add_argument(
            "--out", type=Path, default=Path("generated"), help="the output folder (default: %(default)s)"
        )
        command.add_argument("--quiet", action="store_true", help="print only problems and the summary")
        command.add_argument("--debug", action="store_true", help="show tracebacks")
        command.add_argument(
            "--keep-going",
            action="store_true",
            help="skip operations the generator cannot handle (with a warning) instead of failing",
        )
        command.add_argument("--no-cache", action="store_true", help="neither use nor fill the generator's cache")
        command.add_argument(
            "--force",
            action="store_true",
            help="replace the output folder even if it holds files the generator did not write, or another API's SDK",
        )
        command.add_argument(
            "--ref-root",
            type=Path,
            action="append",
            default=[],
            metavar="DIR",
            help="let $refs name files below DIR too (by default, only below the spec's folder)",
        )
    _diff_arguments(sub)
    return parser.parse_args(argv)


def _diff_arguments(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = sub.add_parser("diff", help="report the API changes between two specs, classified for SDK users")
    command.add_argument("old", type=Path, help="the old spec, or an output folder (its recorded spec)")
    command.add_argument("new", type=Path, help="the new spec, or an output folder")
    command.add_argument(
        "--old-config", type=Path, default=None, help="the old spec's config (default: sdk.yaml beside it)"
    )
    command.add_argument(
        "--new-config", type=Path, default=None, help="the new spec's config (default: sdk.yaml beside it)"
    )
    command.add_argument("--json", action="store_true", help="print the report as JSON")
    command.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when any change is breaking")
    command.add_argument("--debug", action="store_true", help="show tracebacks")


def _diff(args: argparse.Namespace) -> int:
    """``diff OLD NEW``: exit 0, 1 for breaking changes with ``--fail-on-breaking``, 2 for bad input."""
    from generator.pipeline import read_api  # noqa: PLC0415
    from generator.release import report  # noqa: PLC0415 - see main()
    from generator.release.diff import compare_documents  # noqa: PLC0415
    from generator.release.history import differs  # noqa: PLC0415
    from generator.release.versioning import next_version  # noqa: PLC0415

    try:
        old_doc, old_config, old_recorded, old_version = read_api(args.old, args.old_config)
        new_doc, new_config, new_recorded, _ = read_api(args.new, args.new_config)
        changes = compare_documents(old_doc, old_config, new_doc, new_config)  # both sides' problems at once
    except GenerationError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"diff failed: {len(exc.problems)} problem(s)", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - report, never a raw traceback unless asked
        if args.debug:
            traceback.print_exc()
        print(printable(f"diff failed: {type(exc).__name__}: {exc}"), file=sys.stderr)
        print("run again with --debug for the traceback", file=sys.stderr)
        return EXIT_BAD_INPUT
    api_changed = differs(old_doc.root, old_recorded, new_doc.root, new_recorded)
    new_version = next_version(old_version, changes, api_changed, new_config) if old_version is not None else None
    render = report.as_json if args.json else report.text
    sys.stdout.write(render(changes, old_doc.name, new_doc.name, old_version, new_version, api_changed))
    if args.fail_on_breaking and any(c.breaking for c in changes):
        return EXIT_STALE
    return EXIT_OK


def _print_release(release: Release, command: str, quiet: bool) -> None:
    """What a run tells about versions: the changes since the last release when there are any (the report of
    ``diff OUT SPEC``), and whether they are released."""
    from generator.release import report  # noqa: PLC0415 - see main()

    if not release.unreleased:
        if command == "release":
            print(f"nothing to release: the spec is the API of release {release.version}")
        return
    old, new = release.names
    if quiet:
        print(f"{new}: {report.bump_line(release.changes, release.released, release.version)}")
    else:
        sys.stdout.write(report.text(release.changes, old, new, release.released, release.version, release.api_changed))
    if release.stamped:
        print(f"released {release.version}")
    else:
        print(f"unreleased: the package is {release.package_version} until `make release` stamps {release.version}")


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM: the run stops, cleans up, and exits 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals() -> Iterator[None]:
    """While the run works: SIGINT and SIGTERM raise :class:`Interrupted`; a file-size limit makes a write fail with
    an error instead of killing the process (SIGXFSZ ignored). The previous handlers are put back afterwards."""

    def stop(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    wanted = {signal.SIGINT: stop, signal.SIGTERM: stop, getattr(signal, "SIGXFSZ", None): signal.SIG_IGN}
    previous = {sig: signal.signal(sig, handler) for sig, handler in wanted.items() if sig is not None}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@dataclass
class _Run:
    args: argparse.Namespace
    progress: Progress
    started: float = field(default_factory=time.perf_counter)
    written: bool = False
    """The output folder was replaced by this run."""


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.command == "diff":
        return _diff(args)
    run = _Run(args, progress_for(sys.stderr, args.quiet))
    where = f"{args.out} was not changed"
    try:
        with _signals(), refs_allowed_under(*args.ref_root):
            return _run(run)
    except Interrupted as stop:
        where = f"{args.out} holds the new generation" if run.written else where
        return _fail(run, [], f"interrupted by {signal.Signals(stop.signum).name}; {where}", 128 + stop.signum)
    except GenerationError as exc:
        return _fail(run, [str(p) for p in exc.problems], f"generation failed: {len(exc.problems)} problem(s); {where}")
    except OSError as exc:  # one line, whatever the system said: permissions, space, a busy mount, a size limit
        return _fail(run, [], printable(f"generation failed: {exc}; {where}"))
    except Exception as exc:  # noqa: BLE001 - report, never a raw traceback unless asked
        if args.debug:
            traceback.print_exc()
        first = next(iter(str(exc).splitlines()), "")  # one line, whatever a tool put in its message
        message = printable(f"generation failed: {type(exc).__name__}: {first}; {where}")
        return _fail(run, [message], "run again with --debug for the traceback")


def _fail(run: _Run, lines: list[str], last: str, code: int = EXIT_BAD_INPUT) -> int:
    run.progress.finish()
    for line in [*lines, last]:
        print(line, file=sys.stderr)
    return code


def _run(run: _Run) -> int:
    """``generate`` or ``check``, holding the output folder's lock, after undoing what a crashed run left."""
    args = run.args
    config = args.config
    if config is None and (args.spec.parent / "sdk.yaml").is_file():
        config = args.spec.parent / "sdk.yaml"
    writes = args.command in ("generate", "release")
    if writes:
        check_not_protected(args.out, [args.spec.parent, *([config.parent] if config is not None else [])])
    with locked(
        args.out,
        lambda: print(f"waiting for the other run of the generator writing {args.out}", file=sys.stderr),
        create=writes,
    ):
        for note in recover(args.out):
            print(note, file=sys.stderr)
        if not writes:
            return _check(run, config)
        check_owned(args.out, force=args.force)
        return _generate(run, config)


def _check(run: _Run, config: Path | None) -> int:
    """Exit 1 with a diff per stale, missing or extra file. Never uses the cache: its verdict is a cold run's."""
    from generator.pipeline import build  # noqa: PLC0415 - see _generate()

    args = run.args
    result = build(args.spec, config, args.out, keep_going=args.keep_going, progress=run.progress)
    run.progress.finish()
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    diffs = diff_tree(with_marker(result.files), args.out)
    for diff in diffs:
        sys.stdout.write(diff)
    if diffs:
        print(f"{len(diffs)} file(s) in {args.out} differ from the generator's output; run `make generate`")
        return EXIT_STALE
    print(f"{args.out} is up to date ({len(result.files) + 1} files, {time.perf_counter() - run.started:.1f}s)")
    return EXIT_OK


def _generate(run: _Run, config: Path | None) -> int:
    args = run.args
    cache = open_cache(not args.no_cache)
    inputs, current = None, None
    if cache is not None and args.command == "generate":
        try:
            inputs = run_inputs(args.spec, config, f"generate keep_going={args.keep_going}")
        except OSError:
            inputs = None  # the build below reports the unreadable file
        stamp = None
        if inputs is not None:
            current = read_tree(args.out, exact=True)  # read once: the writer compares the new tree with it too
            stamp = last_run(cache, inputs, args.out, current)
        if stamp is not None:
            for warning in stamp.get("warnings", []):
                print(warning, file=sys.stderr)
            seconds = time.perf_counter() - run.started
            print(f"{stamp.get('summary')}; up to date, inputs unchanged since the last run, {seconds:.1f}s")
            return EXIT_OK
    # The tools the build loads (datamodel-code-generator, black) take longer than a run with nothing to do.
    from generator.pipeline import build  # noqa: PLC0415

    options = {"keep_going": args.keep_going, "stamp": args.command == "release", "force": args.force}
    result = build(args.spec, config, args.out, progress=run.progress, cache=cache, **options)
    run.progress.stage("writing")
    files = with_marker(result.files)
    changed, unchanged = write_tree(files, args.out, current)
    run.written = True
    run.progress.finish()
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    _print_release(result.release, args.command, args.quiet)
    for note in result.notes:
        print(note)
    summary = (
        f"generated {args.out}: {result.operations} operations"
        + (f" ({result.skipped} skipped)" if result.skipped else "")
        + f", {result.models} models"
    )
    seconds = time.perf_counter() - run.started
    print(f"{summary}, {changed} files written, {unchanged} unchanged, {seconds:.1f}s")
    if cache is not None and inputs is not None:
        record_run(cache, inputs, args.out, files, summary, [str(w) for w in result.warnings], result.sources)
    if cache is not None:
        cache.prune(size_limit())
    return EXIT_OK
