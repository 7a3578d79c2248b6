"""The steps of ``make realworld`` for one document, each one command with a deadline (:func:`realworld.process.run`).

Each returns what it found, or raises :class:`~realworld.process.TimedOut` (the command's process group killed); the
caller (:mod:`realworld.run`) records either in the document's :class:`~realworld.report.Result`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .process import Finished, run

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)  # the interpreter running the harness: `make realworld` runs it from .venv
RUFF = PYTHON.with_name("ruff")
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"
SUMMARY = re.compile(r"generated .*: (\d+) operations(?: \((\d+) skipped\))?, (\d+) models")
SKIPPED = re.compile(r"; skipped ([A-Z]+ \S+)")
PROBLEM = re.compile(r": (?:error|warning): ")


def keep_going_supported() -> bool:
    """Whether the generator's CLI has ``--keep-going`` (skip an unsupported operation with a warning)."""
    help_text = run([PYTHON, "-m", "generator", "generate", "--help"], timeout=120, cwd=ROOT).stdout
    return "--keep-going" in help_text


@dataclass
class Generated:
    """One run of ``generate``: whether it wrote the SDK, its problem lines, and what its summary counts."""

    ok: bool
    seconds: float
    problems: list[str] = field(default_factory=list[str])
    """Every error or warning line, the document's folder left out of its file names."""
    skipped: dict[str, str] = field(default_factory=dict[str, str])
    """``"METHOD /path"`` of each operation skipped, with the first warning that says why."""
    skipped_count: int = 0
    operations: int = 0
    models: int = 0


def generate(spec: Path, out: Path, *, keep_going: bool, timeout: float) -> Generated:
    """Generate the SDK with no config and no cache (a cold generation's seconds)."""
    command: list[str | Path] = [PYTHON, "-m", "generator", "generate", "--quiet", "--no-cache", "--spec", spec]
    command += ["--out", out, *(["--keep-going"] if keep_going else [])]
    done = run(command, timeout=timeout, cwd=ROOT)
    stderr = done.stderr.replace(f"{spec.parent}/", "")  # name the file as the document's folder does
    lines = [line for line in stderr.splitlines() if line.strip()]
    found = Generated(done.returncode == 0, done.seconds, [line for line in lines if PROBLEM.search(line)])
    if not found.ok and not found.problems:
        found.problems = lines[-5:] or [f"exit {done.returncode} with no message"]
    for line in found.problems:
        skipped = SKIPPED.search(line)
        if skipped:
            found.skipped.setdefault(skipped[1], line)
    summary = SUMMARY.search(done.stdout)
    if summary:
        found.operations, found.models = int(summary[1]), int(summary[3])
        found.skipped_count = int(summary[2] or 0)
    return found


def python_json(python: Path, module: str, *arguments: str | Path, cwd: Path, timeout: float) -> Any:
    """What ``python -m module arguments`` prints as JSON (the harness's own modules importable); a crash raises
    :class:`RuntimeError` with the last lines of its error output."""
    done = run([python, "-m", module, *arguments], timeout=timeout, cwd=cwd, env=_env())
    if done.returncode:
        raise RuntimeError(_last_words(done))
    return json.loads(done.stdout)


def _last_words(done: Finished) -> str:
    return " ".join((done.stderr or done.stdout).strip()[-400:].split()) or f"exit {done.returncode}"


def _env(*paths: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = ":".join(str(p) for p in (ROOT, *paths))
    return env


def fresh_venv(venv: Path, timeout: float) -> Path:
    """A new, empty virtual environment (an old one is removed): what a user installing the package starts from.

    Without pip: the harness's own pip installs into it (``pip --python``), which saves a copy per document."""
    shutil.rmtree(venv, ignore_errors=True)
    done = run([PYTHON, "-m", "venv", "--without-pip", venv], timeout=timeout)
    if done.returncode:
        raise RuntimeError(_last_words(done))
    return venv / "bin" / "python"


def package_name(out: Path) -> str:
    wheel = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]
    return Path(wheel["wheel"]["packages"][0]).name


_WHEELHOUSES: dict[str, Path] = {}
_WHEELHOUSE_LOCK = threading.Lock()


def wheelhouse(dependencies: list[str], scratch: Path, timeout: float) -> Path:
    """The wheels of ``dependencies`` and of what they need, fetched once per run for each distinct list (documents
    mostly declare the same one): each environment then installs from them with ``--no-index``, resolved as pip
    resolves the declared list, without asking the index again."""
    key = hashlib.sha256("\n".join(sorted(dependencies)).encode()).hexdigest()[:16]
    with _WHEELHOUSE_LOCK:
        if key not in _WHEELHOUSES:
            folder = scratch / "wheels" / key
            shutil.rmtree(folder, ignore_errors=True)
            command = [PYTHON, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "-w", folder]
            done = run([*command, *dependencies], timeout=timeout)
            if done.returncode:
                raise RuntimeError(f"pip wheel: {_last_words(done)}")
            _WHEELHOUSES[key] = folder
        return _WHEELHOUSES[key]


def install(python: Path, out: Path, scratch: Path, timeout: float) -> str:
    """Install the package's declared dependencies, then the package itself without them; '' or the pip error."""
    dependencies = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pip = [PYTHON, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check"]
    wheels = wheelhouse(dependencies, scratch, timeout)
    for command in ([*pip, "--no-index", "--find-links", wheels, *dependencies], [*pip, "--no-deps", out]):
        done = run(command, timeout=timeout)
        if done.returncode:
            return (done.stderr or done.stdout).strip().splitlines()[-1]
    return ""


def check_imports(python: Path, package: str, cwd: Path, *paths: Path, timeout: float = 600) -> dict[str, Any]:
    """What :mod:`realworld.imports` finds: every module imported, every model's validator built."""
    done = run([python, "-m", "realworld.imports", package], timeout=timeout, cwd=cwd, env=_env(*paths))
    if done.returncode:
        failed = [[package, _last_words(done)]]
        return {"modules": 0, "failures": failed, "models": 0, "model_failures": []}
    return json.loads(done.stdout)


@dataclass
class Pyright:
    errors: int
    messages: list[str]
    """The first few, each ``file:line: message``."""
    seconds: float
    rules: dict[str, int]
    """Errors per rule, the most frequent first."""


def pyright_basic(python: Path, out: Path, config_dir: Path, timeout: float = 600) -> Pyright:
    """Pyright in basic mode over the package's ``src``."""
    config_dir.mkdir(parents=True, exist_ok=True)
    config = config_dir / f"{out.name}.json"
    include = Path(os.path.relpath(out / "src", config_dir)).as_posix()
    settings = {
        "include": [include],
        "extraPaths": [include],  # the package imports itself by name, as when installed
        "typeCheckingMode": "basic",
        "pythonVersion": "3.11",
    }
    config.write_text(json.dumps(settings), encoding="utf-8")
    done = run([PYRIGHT, "-p", config, "--pythonpath", python, "--outputjson"], timeout=timeout, cwd=config_dir)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(_last_words(done)) from None
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    messages = []
    for d in errors[:5]:
        where = Path(d["file"]).relative_to(out / "src").as_posix() if d["file"].startswith(str(out)) else d["file"]
        messages.append(f"{where}:{d['range']['start']['line'] + 1}: {' '.join(d['message'].split())[:200]}")
    rules: dict[str, int] = {}
    for d in errors:
        rules[d.get("rule", "(no rule)")] = rules.get(d.get("rule", "(no rule)"), 0) + 1
    ranked = dict(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
    return Pyright(report["summary"]["errorCount"], messages, done.seconds, ranked)


def ruff_check(out: Path, timeout: float = 600) -> tuple[int, list[str]]:
    """Findings of ``ruff check`` with the package's own settings: their number and the first few."""
    done = run([RUFF, "check", "--no-cache", "--output-format", "json", "."], timeout=timeout, cwd=out)
    findings = json.loads(done.stdout or "[]")
    where = [Path(f["filename"]).relative_to(out).as_posix() for f in findings[:5]]
    return len(findings), [f"{w}:{f['code']}: {f['message']}" for w, f in zip(where, findings, strict=False)]


def smoke(
    python: Path,
    package: str,
    url: str,
    examples: Path,
    cwd: Path,
    *paths: Path,
    only: tuple[str, ...] = (),
    timeout: float = 600,
) -> dict[str, Any]:
    """One call per resource (or per resource in ``only``) against ``url``, by :mod:`realworld.smoke` in ``python``.

    ``{"calls": [...], "methods": N, "unsent": [[method, reason]]}``; a crashed run is one failed call.
    """
    command: list[str | Path] = [python, "-m", "realworld.smoke", package, url, examples, *only]
    done = run(command, timeout=timeout, cwd=cwd, env=_env(*paths))
    if done.returncode:
        failed = {"ok": False, "strict": False, "reason": _last_words(done), "strict_reason": "", "violations": []}
        return {"calls": [{"resource": "(all)", "method": "", "operation": "", **failed}], "methods": 0, "unsent": []}
    return json.loads(done.stdout)


def openai_checks(
    python: Path, package: str, url: str, cwd: Path, *paths: Path, timeout: float = 600
) -> list[dict[str, Any]]:
    """The results of :mod:`realworld.openai_e2e` run in ``python``."""
    done = run([python, "-m", "realworld.openai_e2e", package, url], timeout=timeout, cwd=cwd, env=_env(*paths))
    if done.returncode:
        return [{"check": "openai end to end", "ok": False, "reason": _last_words(done)}]
    return json.loads(done.stdout)
