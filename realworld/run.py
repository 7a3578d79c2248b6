"""``make realworld``: every document of ``../shared/specs`` through generate, install, import, pyright, ruff, smoke.

For each document: generate zero-config into ``.realworld/out/<name>`` (timed), install it with ``pip --no-deps`` into
one scratch virtual environment that holds exactly the dependencies its ``pyproject.toml`` declares, import every
module, run pyright in basic mode and ``ruff check``, and call one operation per resource against Prism serving the
document (``--errors``: a request the document does not allow is an error). For the OpenAI document, also the
end-to-end checks of :mod:`realworld.openai_e2e` (fine-tuning against Prism, a multipart upload and an SSE stream
against local servers). The results go to ``docs/real-world.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

from . import documents, names, prism, surface
from .report import Result, write_report

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT.parent / "shared" / "specs"
SCRATCH = ROOT / ".realworld"
REPORT = ROOT / "docs" / "real-world.md"
PYTHON = ROOT / ".venv" / "bin" / "python"
RUFF = ROOT / ".venv" / "bin" / "ruff"
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"
SUMMARY = re.compile(r"generated .*: (\d+) operations(?: \((\d+) skipped\))?, (\d+) models")
SKIPPED = re.compile(r"; skipped ([A-Z]+ \S+)")


def _run(command: list[str | Path], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, check=False, **kwargs)


def _log(message: str) -> None:
    print(message, flush=True)


def keep_going_supported() -> bool:
    """Whether the generator's CLI has ``--keep-going`` (skip an unsupported operation with a warning)."""
    return "--keep-going" in _run([PYTHON, "-m", "generator", "generate", "--help"], cwd=ROOT).stdout


def skipped_operations(stderr: str) -> dict[str, str]:
    """The operations ``--keep-going`` left out (``"METHOD /path"``), each with the first warning that says why."""
    skipped: dict[str, str] = {}
    for line in stderr.splitlines():
        found = SKIPPED.search(line)
        if found:
            skipped.setdefault(found[1], line)
    return skipped


def fresh_venv(venv: Path) -> Path:
    """A new, empty virtual environment (an old one is removed): what a user installing the package starts from."""
    shutil.rmtree(venv, ignore_errors=True)
    _run([sys.executable, "-m", "venv", venv]).check_returncode()
    return venv / "bin" / "python"


def package_name(out: Path) -> str:
    wheel = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]
    return Path(wheel["wheel"]["packages"][0]).name


def install(python: Path, out: Path) -> str:
    """Install the package's declared dependencies, then the package itself without them; '' or the pip error."""
    dependencies = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    for command in (
        [python, "-m", "pip", "install", "--quiet", *dependencies],
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", out],
    ):
        done = _run(command)
        if done.returncode:
            return (done.stderr or done.stdout).strip().splitlines()[-1]
    return ""


def check_imports(python: Path, package: str, cwd: Path, *paths: Path) -> dict[str, Any]:
    """What :mod:`realworld.imports` finds: every module imported, every model's validator built."""
    done = _run([python, "-m", "realworld.imports", package], cwd=cwd, env=_env(*paths))
    if done.returncode:
        failed = [[package, done.stderr.strip().splitlines()[-1]]]
        return {"modules": 0, "failures": failed, "models": 0, "model_failures": []}
    return json.loads(done.stdout)


def _env(*paths: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = ":".join(str(p) for p in (ROOT, *paths))
    return env


def pyright_basic(python: Path, out: Path, config_dir: Path) -> tuple[int, list[str], float, dict[str, int]]:
    """Error count, the first messages, seconds, and errors per rule of pyright in basic mode over ``src``."""
    config_dir.mkdir(parents=True, exist_ok=True)
    config = config_dir / f"{out.name}.json"
    include = Path("..") / out.relative_to(config_dir.parent) / "src"
    config.write_text(
        json.dumps(
            {
                "include": [include.as_posix()],
                "extraPaths": [include.as_posix()],  # the package imports itself by name, as when installed
                "typeCheckingMode": "basic",
                "pythonVersion": "3.11",
            }
        ),
        encoding="utf-8",
    )
    started = time.perf_counter()
    done = _run([PYRIGHT, "-p", config, "--pythonpath", python, "--outputjson"], cwd=config_dir)
    seconds = time.perf_counter() - started
    report = json.loads(done.stdout)
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    messages = []
    for d in errors[:5]:
        where = Path(d["file"]).relative_to(out / "src").as_posix() if d["file"].startswith(str(out)) else d["file"]
        messages.append(f"{where}:{d['range']['start']['line'] + 1}: {' '.join(d['message'].split())[:200]}")
    rules: dict[str, int] = {}
    for d in errors:
        rules[d.get("rule", "(no rule)")] = rules.get(d.get("rule", "(no rule)"), 0) + 1
    return (
        report["summary"]["errorCount"],
        messages,
        seconds,
        dict(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def ruff_check(out: Path) -> tuple[int, list[str]]:
    done = _run([RUFF, "check", "--no-cache", "--output-format", "json", "."], cwd=out)
    findings = json.loads(done.stdout or "[]")
    where = [Path(f["filename"]).relative_to(out).as_posix() for f in findings[:5]]
    return len(findings), [f"{w}:{f['code']}: {f['message']}" for w, f in zip(where, findings, strict=False)]


def smoke(
    python: Path, package: str, url: str, examples: Path, cwd: Path, *paths: Path, only: tuple[str, ...] = ()
) -> dict[str, Any]:
    """One call per resource (or per resource in ``only``) against ``url``, by :mod:`realworld.smoke` in ``python``.

    ``{"calls": [...], "methods": N, "unsent": [[method, reason]]}``; a crashed run is one failed call.
    """
    command = [python, "-m", "realworld.smoke", package, url, examples, *only]
    done = _run(command, cwd=cwd, env=_env(*paths), timeout=600)
    if done.returncode:
        reason = " ".join(done.stderr.strip()[-400:].split())
        failed = {"ok": False, "strict": False, "reason": reason, "strict_reason": "", "violations": []}
        return {"calls": [{"resource": "(all)", "method": "", "operation": "", **failed}], "methods": 0, "unsent": []}
    return json.loads(done.stdout)


def openai_checks(python: Path, package: str, url: str, cwd: Path, *paths: Path) -> list[dict[str, Any]]:
    """The results of :mod:`realworld.openai_e2e` run in ``python``."""
    done = _run([python, "-m", "realworld.openai_e2e", package, url], cwd=cwd, env=_env(*paths), timeout=600)
    if done.returncode:
        return [{"check": "openai end to end", "ok": False, "reason": done.stderr.strip()[-400:]}]
    return json.loads(done.stdout)


def run_document(doc: documents.Document, scratch: Path, keep_going: bool, prism_errors: bool) -> Result:
    spec = documents.load(doc.path)
    result = Result(
        name=doc.name,
        source=doc.path.relative_to(doc.path.parent.parent).as_posix(),
        openapi=str(spec.get("openapi") or spec.get("swagger") or "?"),
        spec_operations=len(documents.operations(spec)),
    )
    out = scratch / "out" / doc.name
    if not generate(doc, out, keep_going, result):
        return result
    result.package = package_name(out)
    _log(f"[{doc.name}] the SDK's surface")
    result.surface = surface.measure(doc.path)
    python = check_package(doc, out, scratch, result)
    if python is not None:
        smoke_document(doc, spec, python, scratch, prism_errors, result)
    return result


def generate(doc: documents.Document, out: Path, keep_going: bool, result: Result) -> bool:
    """Generate the SDK (timed, with no cache: a cold generation's seconds); whether it was generated."""
    command: list[str | Path] = [PYTHON, "-m", "generator", "generate", "--quiet", "--no-cache"]
    command += ["--spec", doc.path, "--out", out, *(["--keep-going"] if keep_going else [])]
    _log(f"[{doc.name}] generate")
    started = time.perf_counter()
    done = _run(command, cwd=ROOT)
    result.generation_seconds = time.perf_counter() - started
    stderr = done.stderr.replace(f"{doc.path.parent.parent}/", "")  # name documents as the report does
    result.skipped = skipped_operations(stderr)
    result.skipped_count = len(result.skipped)
    if done.returncode:
        result.generation_error = [line for line in stderr.splitlines() if line.strip()]
        return False
    summary = SUMMARY.search(done.stdout)
    if summary:
        result.operations, result.models = int(summary[1]), int(summary[3])
        result.skipped_count = int(summary[2] or 0)
    result.files = sum(1 for p in out.rglob("*") if p.is_file())
    return True


def check_package(doc: documents.Document, out: Path, scratch: Path, result: Result) -> Path | None:
    """Install into a fresh environment, import, build the models, pyright and ruff; the interpreter, unless the
    package did not install."""
    _log(f"[{doc.name}] install {result.package} into a fresh virtual environment")
    python = fresh_venv(scratch / "venv")
    result.install_error = install(python, out)
    if result.install_error:
        return None
    _log(f"[{doc.name}] import")
    imported = check_imports(python, result.package, scratch)
    result.modules, result.import_failures = imported["modules"], imported["failures"]
    result.models_built, result.model_failures = imported["models"], imported["model_failures"]
    _log(f"[{doc.name}] pyright (basic)")
    result.pyright_errors, result.pyright_messages, result.pyright_seconds, result.pyright_rules = pyright_basic(
        python, out, scratch / "pyright"
    )
    _log(f"[{doc.name}] ruff")
    result.ruff_errors, result.ruff_messages = ruff_check(out)
    return python


def smoke_document(
    doc: documents.Document, spec: dict[str, Any], python: Path, scratch: Path, prism_errors: bool, result: Result
) -> None:
    """The smoke calls (and the OpenAI end-to-end checks) against Prism serving the document."""
    package = result.package
    examples = scratch / "examples" / f"{doc.name}.json"
    examples.parent.mkdir(parents=True, exist_ok=True)
    examples.write_text(json.dumps(documents.parameter_examples(spec)), encoding="utf-8")
    mock_document = doc.path
    mockable, result.mock_fixes = documents.without_broken_refs(spec)
    if result.mock_fixes:
        mock_document = scratch / "mock" / f"{doc.name}.json"
        mock_document.parent.mkdir(parents=True, exist_ok=True)
        mock_document.write_text(json.dumps(mockable), encoding="utf-8")
    startup = prism.startup_seconds(mock_document)
    _log(f"[{doc.name}] smoke calls against Prism (up to {startup:.0f} s to start)")
    try:
        with prism.serve(mock_document, errors=prism_errors, startup_seconds=startup) as url:
            found = smoke(python, package, url, examples, scratch)
            result.smoke, result.methods, result.unsent = found["calls"], found["methods"], found["unsent"]
            if doc.name == "openai":
                _log(f"[{doc.name}] end-to-end checks")
                result.e2e = openai_checks(python, package, url, scratch)
        recheck = tuple(s["resource"] for s in result.smoke if s["ok"] and not s["strict"])
        if recheck and not prism_errors:
            _log(f"[{doc.name}] {len(recheck)} response(s) fail strict validation: ask Prism --errors about them")
            with prism.serve(mock_document, errors=True, startup_seconds=startup) as url:
                again = smoke(python, package, url, examples, scratch, only=recheck)["calls"]
                verdicts = {s["resource"]: s for s in again}
            for entry in result.smoke:
                if entry["resource"] in verdicts:
                    entry["violations"] = verdicts[entry["resource"]]["violations"]
    except RuntimeError as exc:
        result.prism_error = str(exc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m realworld", description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, default=SPECS, help="folder of document folders")
    parser.add_argument("--scratch", type=Path, default=SCRATCH, help="scratch folder (outputs, venv)")
    parser.add_argument("--report", type=Path, default=REPORT, help="the markdown table to write")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="only this document (repeatable); the report goes to the scratch folder",
    )
    parser.add_argument(
        "--prism-errors",
        action="store_true",
        help="run Prism with --errors (also fails calls whose mocked response breaks the document's own schema)",
    )
    args = parser.parse_args(argv)
    if not args.specs.is_dir():
        print(f"skipped: {args.specs} is absent (the real-world documents live in ../shared/specs)")
        return 0
    docs = [d for d in documents.discover(args.specs) if not args.only or d.name in args.only]
    started = time.perf_counter()
    scratch = args.scratch.resolve()
    keep_going = keep_going_supported()
    results = [run_document(doc, scratch, keep_going, args.prism_errors) for doc in docs]
    seconds = time.perf_counter() - started
    for result in results:
        _log(result.summary_line())
    report = scratch / "real-world.md" if args.only else args.report
    section = "" if args.only else names.report(args.specs, names.REFERENCE)
    write_report(report, results, seconds=seconds, keep_going=keep_going, prism_errors=args.prism_errors, names=section)
    _log(f"wrote {report.relative_to(ROOT) if report.is_relative_to(ROOT) else report}")
    _log(f"{len(results)} documents in {seconds:.0f}s")
    return 0 if all(r.clean for r in results) else 1
