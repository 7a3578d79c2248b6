"""Worker failures must end a run: within seconds, with one line, and with no process left behind.

Each case runs ``generate`` on the fine-tuning spec in a subprocess of its own session, with one worker function
replaced by a faulty one before the workers are forked: datamodel-code-generator's (``models``) or black's
(``format``). The faults: an exception that cannot be unpickled in the parent (datamodel-code-generator's
``SchemaParseError`` is one), an exception that cannot be pickled at all, a worker that kills itself with SIGKILL,
one that hangs (the run's ``SDKGEN_WORKER_TIMEOUT`` is 3 s), and one that hangs while the run and its workers are sent SIGTERM. Each
must end the run within :data:`DEADLINE` seconds, exit 2 (143 for SIGTERM) with one problem line and the summary,
and leave no process of its session alive.

``python -m tests.pipeline.worker_faults`` (``make fuzz``) runs every case and exits 1 when one fails;
``tests/pipeline/test_worker_faults.py`` runs one in ``make test``, ``tests/unit/test_processes.py`` the pool alone.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support import ROOT, SPEC

DEADLINE = 10.0
FAULTS = ("unpicklable", "unsendable", "killed", "hang", "sigterm")
PLACES = {
    "models": ("generator.emit.models", "generate_quietly"),
    "format": ("generator.emit.formatting", "format_source"),
}


class Unpicklable(Exception):
    """Like datamodel-code-generator's ``SchemaParseError``: pickles, but its ``__init__`` wants two arguments."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(f"{message}: {detail}")


_ORIGINAL: list[Any] = []


def faulty(*args: Any) -> Any:
    """The faulty worker function: what it does is ``SDKGEN_TEST_FAULT`` (in the generator's own process, where
    black formats the Markdown files' code blocks, it is the original)."""
    if os.getpid() == int(os.environ["SDKGEN_TEST_PARENT"]):
        return _ORIGINAL[0](*args)
    fault = os.environ["SDKGEN_TEST_FAULT"]
    if fault == "unpicklable":
        raise Unpicklable("the schema is not valid", "type: [[string, null], null]")
    if fault == "unsendable":
        raise ValueError("holds a lock", threading.Lock())
    if fault == "killed":
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(3600)  # hang, sigterm
    return None


def _run(place: str, argv: list[str]) -> int:
    """In the subprocess: the generator, with the worker function at ``place`` replaced by :func:`faulty`."""
    module_name, attribute = PLACES[place]
    module = __import__(module_name, fromlist=[attribute])
    _ORIGINAL.append(getattr(module, attribute))
    setattr(module, attribute, faulty)
    os.environ["SDKGEN_TEST_PARENT"] = str(os.getpid())
    if place == "format":
        module.PARALLEL_THRESHOLD = 1  # black in the workers even for the few files the fine-tuning spec has
    from generator import cli  # noqa: PLC0415

    return cli.main(argv)


@dataclass(frozen=True)
class Outcome:
    fault: str
    place: str
    code: int | None
    seconds: float
    lines: list[str]
    leftovers: list[int]

    @property
    def problems(self) -> list[str]:
        expected = 143 if self.fault == "sigterm" else 2
        found: list[str] = []
        if self.code != expected:
            found.append(f"exit {self.code}, not {expected}")
        if self.seconds > DEADLINE:
            found.append(f"took {self.seconds:.1f} s")
        if not 1 <= len(self.lines) <= 2 or any("Traceback" in line for line in self.lines):
            found.append(f"{len(self.lines)} lines of stderr: {self.lines[:6]}")
        if self.leftovers:
            found.append(f"processes left: {self.leftovers}")
        return found


def _session(sid: int) -> list[int]:
    """The live processes of session ``sid``."""
    alive: list[int] = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


def run_case(fault: str, place: str) -> Outcome:
    """One generation with ``fault`` at ``place``, in a session of its own."""
    with tempfile.TemporaryDirectory(prefix="sdkgen-faults-") as tmp:
        env = {**os.environ, "SDKGEN_TEST_FAULT": fault, "SDKGEN_WORKER_TIMEOUT": "3", "SDKGEN_CACHE_DIR": ""}
        argv = ["generate", "--quiet", "--spec", str(SPEC), "--out", str(Path(tmp) / "out")]
        command = [sys.executable, "-m", "tests.pipeline.worker_faults", "--run", place, *argv]
        started = time.monotonic()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            start_new_session=True,
        )  # fmt: skip
        if fault == "sigterm":
            time.sleep(2.5)  # within the hang, before the timeout
            os.killpg(process.pid, signal.SIGTERM)  # as `timeout` and service managers do: workers too
        try:
            _, stderr = process.communicate(timeout=DEADLINE * 3)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            _, stderr = process.communicate()
        seconds = time.monotonic() - started
        time.sleep(0.2)  # a worker killed with its parent takes a moment to be reaped
        leftovers = _session(process.pid)
        for pid in leftovers:
            os.kill(pid, signal.SIGKILL)
    return Outcome(fault, place, process.returncode, seconds, stderr.splitlines(), leftovers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.pipeline.worker_faults", description=__doc__.split("\n")[0])
    parser.add_argument("--run", choices=sorted(PLACES), help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.run:
        return _run(args.run, rest)
    failed = 0
    for place in PLACES:
        for fault in FAULTS:
            outcome = run_case(fault, place)
            verdict = "; ".join(outcome.problems) or "ok"
            failed += bool(outcome.problems)
            print(f"{place:7} {fault:12} {outcome.seconds:4.1f} s exit {outcome.code}: {verdict}")
            print(f"    {outcome.lines[0] if outcome.lines else ''}")
    print(f"{len(PLACES) * len(FAULTS)} worker faults, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
