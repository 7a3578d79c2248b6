"""``python -m generator generate|check``."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from . import report
from .cache import last_run, open_cache, record_run, run_inputs
from .diff import compare_documents
from .errors import GenerationError
from .progress import progress_for
from .versioning import next_version
from .writer import diff_tree, read_tree, write_tree

if TYPE_CHECKING:
    from .release import Release

EXIT_OK, EXIT_STALE, EXIT_BAD_INPUT = 0, 1, 2


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Generate a Python SDK from OpenAPI.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("generate", "write the SDK into the output folder"),
        ("check", "exit 1 with a diff when the output folder is not what generate would write"),
    ):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("--spec", type=Path, default=Path("spec/openapi.yaml"), help="the OpenAPI document")
        command.add_argument(
            "--config", type=Path, default=None, help="the SDK config (default: sdk.yaml beside the spec, if any)"
        )
        command.add_argument("--out", type=Path, default=Path("generated"), help="the output folder")
        command.add_argument("--quiet", action="store_true", help="print only problems and the summary")
        command.add_argument("--debug", action="store_true", help="show tracebacks")
        command.add_argument(
            "--keep-going",
            action="store_true",
            help="skip operations the generator cannot handle (with a warning) instead of failing",
        )
        command.add_argument("--no-cache", action="store_true", help="neither use nor fill the generator's cache")
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
    from .pipeline import read_api  # noqa: PLC0415 - see main()

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
        print(f"diff failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("run again with --debug for the traceback", file=sys.stderr)
        return EXIT_BAD_INPUT
    new_version = None
    if old_version is not None:
        api_changed = old_doc.root != new_doc.root or old_recorded != new_recorded
        new_version = next_version(old_version, changes, api_changed, new_config)
    render = report.as_json if args.json else report.text
    sys.stdout.write(render(changes, old_doc.name, new_doc.name, old_version, new_version))
    if args.fail_on_breaking and any(c.breaking for c in changes):
        return EXIT_STALE
    return EXIT_OK


def _print_release(release: Release, spec: Path, out: Path, quiet: bool) -> None:
    from .release import SNAPSHOT  # noqa: PLC0415 - see main()

    """What ``generate`` tells about the version: the API change report when the API changed."""
    if not release.bumped:
        return
    if quiet:
        print(f"{spec}: {report.bump_line(release.changes, release.previous, release.version)}")
        return
    sys.stdout.write(report.text(release.changes, f"{out / SNAPSHOT}", str(spec), release.previous, release.version))


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.command == "diff":
        return _diff(args)
    config = args.config
    if config is None and (args.spec.parent / "sdk.yaml").is_file():
        config = args.spec.parent / "sdk.yaml"
    started = time.perf_counter()
    cache = open_cache(not args.no_cache)
    inputs = None
    if cache is not None and args.command == "generate":
        try:
            inputs = run_inputs(args.spec, config, f"generate keep_going={args.keep_going}")
        except OSError:
            inputs = None  # the build below reports the unreadable file
        stamp = last_run(cache, inputs, args.out, read_tree(args.out)) if inputs is not None else None
        if stamp is not None:
            for warning in stamp.get("warnings", []):
                print(warning, file=sys.stderr)
            seconds = time.perf_counter() - started
            print(f"{stamp.get('summary')}; up to date, inputs unchanged since the last run, {seconds:.1f}s")
            return EXIT_OK
    # The tools the build loads (datamodel-code-generator, black) take longer than a run with nothing to do.
    from .pipeline import build_with_history  # noqa: PLC0415

    progress = progress_for(sys.stderr, args.quiet)
    try:
        result, release = build_with_history(
            args.spec, config, args.out, keep_going=args.keep_going, progress=progress, cache=cache
        )
    except GenerationError as exc:
        progress.finish()
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"generation failed: {len(exc.problems)} problem(s); {args.out} was not changed", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - report, never a raw traceback unless asked
        progress.finish()
        if args.debug:
            traceback.print_exc()
        print(f"generation failed: {type(exc).__name__}: {exc}; {args.out} was not changed", file=sys.stderr)
        print("run again with --debug for the traceback", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command == "generate":
        progress.stage("writing")
    changed, unchanged = write_tree(result.files, args.out) if args.command == "generate" else (0, 0)
    progress.finish()
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    seconds = time.perf_counter() - started
    if args.command == "check":
        diffs = diff_tree(result.files, args.out)
        for diff in diffs:
            sys.stdout.write(diff)
        if diffs:
            print(f"{len(diffs)} file(s) in {args.out} differ from the generator's output; run `make generate`")
            return EXIT_STALE
        print(f"{args.out} is up to date ({len(result.files)} files, {seconds:.1f}s)")
        return EXIT_OK
    _print_release(release, args.spec, args.out, args.quiet)
    for note in result.notes:
        print(note)
    seconds = time.perf_counter() - started
    summary = (
        f"generated {args.out}: {result.operations} operations"
        + (f" ({result.skipped} skipped)" if result.skipped else "")
        + f", {result.models} models"
    )
    print(f"{summary}, {changed} files written, {unchanged} unchanged, {seconds:.1f}s")
    if cache is not None and inputs is not None:
        record_run(cache, inputs, args.out, result.files, summary, [str(w) for w in result.warnings], result.sources)
    return EXIT_OK
