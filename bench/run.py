"""``make bench``: this generator and its SDK against the peers, side by side in one run, on this machine.

Measures (medians of several runs; ratios are what to read, since absolute times drift on shared machines):
1. cold generation of the whole OpenAI document, against openapi-python-client on the same document (wall, peak
   memory of the whole process tree, files and lines written);
2. warm generation: a run with nothing changed (``make generate`` and the OpenAI SDK), and a run after one
   operation's description changed;
3. import time of the SDK generated from the OpenAI document against the official ``openai`` SDK, and the time
   from import to the first response;
4. time per call (sync and async) of the generated fine-tuning client, the official client and bare httpx against
   a loopback server, and iterating 10,000 items over 100 pages;
and, as the floor of generation, black alone over the generated OpenAI SDK (serial and in parallel).

The peers are installed into ``bench/.venvs`` (git-ignored) at the pinned versions below. Writes ``bench/results.md``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VENVS = BENCH / ".venvs"
PYTHON = ROOT / ".venv" / "bin" / "python"
SPEC = ROOT.parent / "shared" / "specs" / "openai" / "openapi.yaml"
PEERS = {
    "opc": ["openapi-python-client==0.29.1"],
    "openai": ["openai==3.57.0", "httpx==0.28.1", "pydantic==2.14.4"],
}
"""Pinned: the bench compares against these releases (the latest when the bench was written)."""
OURS_HTTPX, THEIRS_HTTPX = "httpx in our venv", "httpx in the official venv"
TARGETS = {"cold": 1.3, "memory": 2.0, "import": 0.25, "overhead": 0.3, "one_change": 1.0}
"""Ratios to the peers (issues 6, 12, 16 and 24), and seconds for one changed summary (issue 24)."""


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def venv(name: str) -> Path:
    """The peer's venv, created and installed on first use."""
    python = VENVS / name / "bin" / "python"
    stamp = VENVS / name / ".installed"
    if not stamp.is_file() or stamp.read_text() != " ".join(PEERS[name]):
        log(f"installing {' '.join(PEERS[name])} into {python.parent.parent}")
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENVS / name)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PEERS[name]], check=True
        )
        stamp.write_text(" ".join(PEERS[name]))
    return python


def _tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def cpu_seconds() -> float:
    """User and system time of this process's finished children and theirs (each waits for its own): the difference
    around :func:`timed` is the CPU time of the command's whole process tree, which a busy machine does not inflate
    the way it does wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], **kwargs: object) -> tuple[float, int, str]:
    """Run ``command``; return (wall seconds, peak resident memory of its process tree, stdout)."""
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)  # type: ignore[call-overload]
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:6])}... failed ({process.returncode}):\n{err[-3000:]}")
    return elapsed, peak, out


def count_tree(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    lines = sum(p.read_bytes().count(b"\n") for p in files if p.suffix == ".py")
    return len(files), lines


def median(values: list[float]) -> float:
    return statistics.median(values)


def ours_generate(spec: Path, out: Path, *extra: str) -> list[str]:
    return [
        str(PYTHON),
        "-m",
        "generator",
        "generate",
        "--quiet",
        "--keep-going",
        "--spec",
        str(spec),
        "--out",
        str(out),
        *extra,
    ]


def bench_generation(work: Path, runs: int, results: dict[str, object]) -> None:
    opc = venv("opc").parent / "openapi-python-client"
    ours_out, theirs_out = work / "ours", work / "theirs"
    ours_times, ours_peaks, theirs_times, theirs_peaks, ours_cpu, theirs_cpu = [], [], [], [], [], []
    summary = ""
    for run in range(runs):  # interleaved, so that drift in the machine's load hits both alike
        log(f"cold generation {run + 1}/{runs}: ours")
        shutil.rmtree(ours_out, ignore_errors=True)  # cold: nothing from the last run to compare with or reuse
        before = cpu_seconds()
        seconds, peak, summary = timed(ours_generate(SPEC, ours_out, "--no-cache"), cwd=ROOT)
        ours_cpu.append(cpu_seconds() - before)
        ours_times.append(seconds)
        ours_peaks.append(peak)
        log(f"  ours {seconds:.1f}s; openapi-python-client")
        shutil.rmtree(theirs_out, ignore_errors=True)
        before = cpu_seconds()
        seconds, peak, _ = timed(
            [str(opc), "generate", "--path", str(SPEC), "--output-path", str(theirs_out), "--overwrite"], cwd=work
        )
        theirs_cpu.append(cpu_seconds() - before)
        theirs_times.append(seconds)
        theirs_peaks.append(peak)
        log(f"  theirs {seconds:.1f}s")
    results["cold"] = {
        "ours": (median(ours_times), max(ours_peaks), *count_tree(ours_out), ours_times),
        "theirs": (median(theirs_times), max(theirs_peaks), *count_tree(theirs_out), theirs_times),
        "summary": summary.strip(),
        "cpu": (median(ours_cpu), median(theirs_cpu)),
    }

    bench_warm(work, runs, results)

    log("black alone over our OpenAI SDK (the floor of formatting)")
    script = (
        "import sys, time, black\n"
        "from pathlib import Path\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from generator.emit.formatting import format_source\n"
        "sources = [p.read_text() for p in sorted(Path(sys.argv[1]).rglob('*.py'))]\n"
        "t = time.perf_counter(); [format_source(s) for s in sources]; serial = time.perf_counter() - t\n"
        "t = time.perf_counter()\n"
        "with ProcessPoolExecutor() as pool: list(pool.map(format_source, sources, chunksize=8))\n"
        "print(serial, time.perf_counter() - t)\n"
    )
    serial, parallel = map(
        float,
        subprocess.run(
            [str(PYTHON), "-c", script, str(ours_out)], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout.split(),
    )
    results["black"] = {"serial": serial, "parallel": parallel}


def bench_warm(work: Path, runs: int, results: dict[str, object], *, make: bool = True) -> None:
    """The edit loop: a run that fills the cache, runs with nothing changed, runs with one operation's summary
    changed (each a new process, as a maintainer's ``make generate``), and ``make generate`` with nothing changed."""
    ours_out = work / "ours"
    cache = work / "cache"
    env = {**os.environ, "SDKGEN_CACHE_DIR": str(cache)}
    log("warm generation: filling the cache")
    fill, _, _ = timed(ours_generate(SPEC, ours_out), cwd=ROOT, env=env)
    noop = [timed(ours_generate(SPEC, ours_out), cwd=ROOT, env=env)[0] for _ in range(runs)]
    edited = work / "edited" / "openapi.yaml"
    edited.parent.mkdir(exist_ok=True)
    text = SPEC.read_text(encoding="utf-8")
    marker = "summary: Retrieve fine-tuning job"
    if marker not in text:
        marker = "summary: "
    one_change, one_change_cpu = [], []
    for run in range(runs):
        edited.write_text(text.replace(marker, f"{marker} (edit {run})", 1), encoding="utf-8")
        before = cpu_seconds()
        one_change.append(timed(ours_generate(edited, ours_out), cwd=ROOT, env=env)[0])
        one_change_cpu.append(cpu_seconds() - before)
        log(f"  one summary changed: {one_change[-1]:.2f} s wall, {one_change_cpu[-1]:.2f} s CPU")
    make_noop = []
    if make:
        subprocess.run(["make", "-s", "generate"], cwd=ROOT, check=True, capture_output=True)
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(["make", "-s", "generate"], cwd=ROOT, check=True, capture_output=True)
            make_noop.append(time.perf_counter() - started)
    results["warm"] = {
        "fill": fill,
        "noop": median(noop),
        "one_change": median(one_change),
        "one_change_cpu": median(one_change_cpu),
        "one_change_all": list(zip(one_change, one_change_cpu, strict=True)),
        "make_noop": median(make_noop) if make_noop else float("nan"),
    }


def bench_imports(work: Path, runs: int, results: dict[str, object]) -> None:
    official = venv("openai")
    ours_src = work / "ours" / "src"
    code = "import time; t = time.perf_counter(); import openai; print(time.perf_counter() - t)"
    ours_env = {**os.environ, "PYTHONPATH": str(ours_src)}
    ours, theirs = [], []
    log(f"import time, {runs} fresh processes each")
    for _ in range(runs):
        ours.append(
            float(
                subprocess.run(
                    [str(PYTHON), "-c", code], env=ours_env, check=True, capture_output=True, text=True
                ).stdout
            )
        )
        theirs.append(
            float(subprocess.run([str(official), "-c", code], check=True, capture_output=True, text=True).stdout)
        )
    results["import"] = {"ours": median(ours), "theirs": median(theirs)}


def bench_runtime(work: Path, runs: int, calls: int, results: dict[str, object]) -> None:
    official = venv("openai")
    port_file = work / "port"
    server = subprocess.Popen([sys.executable, str(BENCH / "server.py"), str(port_file)])
    try:
        for _ in range(200):
            if port_file.is_file() and port_file.read_text():
                break
            time.sleep(0.05)
        base_url = f"http://127.0.0.1:{port_file.read_text()}"
        workload = str(BENCH / "workload.py")
        ours_env = {**os.environ, "PYTHONPATH": str(work / "ours" / "src")}

        def measure(python: Path, client: str, task: str, n: int = calls, env: dict[str, str] | None = None) -> float:
            values = []
            for _ in range(runs):
                out = subprocess.run(
                    [str(python), workload, client, task, base_url, str(n)],
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                values.append(float(out))
            return median(values)

        log("time to first request")
        results["first"] = {
            "ours": measure(PYTHON, "ours-openai", "first", env=ours_env),
            "theirs": measure(official, "official", "first"),
        }
        runtime: dict[str, dict[str, float]] = {}
        for task in ("sync", "async", "pages"):
            log(f"per-request: {task}")
            runtime[task] = {
                "ours": measure(PYTHON, "ours", task),
                OURS_HTTPX: measure(PYTHON, "httpx", task),
                "theirs": measure(official, "official", task),
                THEIRS_HTTPX: measure(official, "httpx", task),
            }
        results["runtime"] = runtime
    finally:
        server.kill()
        server.wait()


def _version(python: Path, package: str) -> str:
    code = f"from importlib.metadata import version; print(version({package!r}))"
    return subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def verdict(ratio: float, target: float) -> str:
    return f"**{ratio:.2f}×** (target ≤ {target}×: {'met' if ratio <= target else 'missed'})"


def report(results: dict[str, object], runs: int, import_runs: int, calls: int) -> str:
    cold = results["cold"]
    (o_t, o_mem, o_files, o_lines, o_all), (t_t, t_mem, t_files, t_lines, t_all) = cold["ours"], cold["theirs"]
    warm, black_floor, imports, first, runtime = (
        results["warm"],
        results["black"],
        results["import"],
        results["first"],
        results["runtime"],
    )
    mib = 1024 * 1024
    generated = [line for line in str(cold["summary"]).splitlines() if line.startswith("generated ")]
    document_summary = re.sub(r"^generated \S+: ", "", generated[-1] if generated else "")  # no scratch folder path
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {datetime.date.today().isoformat()}: {os.cpu_count()} cores "
        f"(`nproc` {len(os.sched_getaffinity(0))}), load average before the run {results['load']}, Python {platform.python_version()}, "
        f"{platform.machine()}. Peers: openapi-python-client {_version(venv('opc'), 'openapi-python-client')}, "
        f"openai {_version(venv('openai'), 'openai')}; both runtimes on httpx {_version(venv('openai'), 'httpx')}. "
        f"Document: `{SPEC.relative_to(ROOT.parent)}` ({document_summary}).",
        "",
        f"Medians: generation of {runs} interleaved runs each, imports of {import_runs} fresh processes each, "
        f"per-call times of {runs} processes × {calls} calls. Ratios are ours ÷ theirs, measured in the same run.",
        "",
        "## 1. Cold generation (no cache)",
        "",
        "| | wall (median) | all runs | peak memory (process tree) | files | Python lines |",
        "|---|---|---|---|---|---|",
        f"| this generator | {o_t:.1f} s | {', '.join(f'{v:.1f}' for v in o_all)} | {o_mem / mib:.0f} MiB | {o_files:,} | {o_lines:,} |",
        f"| openapi-python-client | {t_t:.1f} s | {', '.join(f'{v:.1f}' for v in t_all)} | {t_mem / mib:.0f} MiB | {t_files:,} | {t_lines:,} |",
        "",
        f"Ours ÷ theirs: {verdict(o_t / t_t, TARGETS['cold'])}. CPU time of the process tree (user + system, "
        f"median): ours {cold['cpu'][0]:.1f} s, theirs {cold['cpu'][1]:.1f} s ({cold['cpu'][0] / cold['cpu'][1]:.2f}×). "
        f"Peak memory (the highest of the runs, sampled every 20 ms), ours ÷ theirs: "
        f"{verdict(o_mem / t_mem, TARGETS['memory'])}.",
        "",
        f"Black alone over our generated SDK (already formatted, so one pass per file, as in a run): "
        f"{black_floor['serial']:.1f} s serial, {black_floor['parallel']:.1f} s on {os.cpu_count()} worker processes.",
        "",
        "## 2. Warm generation",
        "",
        "| run | wall (median) | vs cold |",
        "|---|---|---|",
        f"| `make generate`, nothing changed (the SDK and the test fixtures) | {warm['make_noop']:.2f} s | target ≤ 1 s: {'met' if warm['make_noop'] <= 1 else 'missed'} |",
        f"| OpenAI SDK, nothing changed | {warm['noop']:.2f} s | {warm['noop'] / o_t:.3f}× |",
        f"| OpenAI SDK, one operation's summary changed | {warm['one_change']:.2f} s | {warm['one_change'] / o_t:.2f}× "
        f"(target ≤ {TARGETS['one_change']} s: {'met' if warm['one_change'] <= TARGETS['one_change'] else 'missed'}; "
        f"CPU {warm['one_change_cpu']:.2f} s) |",
        f"| OpenAI SDK, first run filling an empty cache | {warm['fill']:.1f} s | {warm['fill'] / o_t:.2f}× |",
        "",
        "## 3. Import",
        "",
        "| | `import` (median) | import, construct, first response |",
        "|---|---|---|",
        f"| SDK generated from the OpenAI document | {imports['ours'] * 1000:.0f} ms | {first['ours'] * 1000:.0f} ms |",
        f"| official `openai` | {imports['theirs'] * 1000:.0f} ms | {first['theirs'] * 1000:.0f} ms |",
        "",
        f"Import, ours ÷ theirs: {verdict(imports['ours'] / imports['theirs'], TARGETS['import'])}; "
        f"first response: {first['ours'] / first['theirs']:.2f}×.",
        "",
        "## 4. Per-request overhead (loopback server, canned fine-tuning job)",
        "",
        "| | ours | bare httpx (our venv) | official | bare httpx (its venv) | overhead ours | overhead official | ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for task, label, scale, unit in (
        ("sync", "retrieve, sync", 1e6, "µs"),
        ("async", "retrieve, async", 1e6, "µs"),
        ("pages", "10,000 items / 100 pages", 1e3, "ms"),
    ):
        row = runtime[task]
        ours_over = row["ours"] - row[OURS_HTTPX]
        theirs_over = row["theirs"] - row[THEIRS_HTTPX]
        ratio = ours_over / theirs_over if theirs_over > 0 else float("nan")
        target = verdict(ratio, TARGETS["overhead"]) if task != "pages" else f"{ratio:.2f}×"
        lines.append(
            f"| {label} | {row['ours'] * scale:.0f} {unit} | {row[OURS_HTTPX] * scale:.0f} {unit} | "
            f"{row['theirs'] * scale:.0f} {unit} | {row[THEIRS_HTTPX] * scale:.0f} {unit} | "
            f"{ours_over * scale:.0f} {unit} | {theirs_over * scale:.0f} {unit} | {target} |"
        )
    lines += [
        "",
        "Overhead = the client's time per call less bare httpx's, in the same venv.",
        "",
        "What the numbers mean, the profile behind them, and what would close a missed target: [NOTES.md](NOTES.md).",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each generation and runtime measurement")
    parser.add_argument("--import-runs", type=int, default=15)
    parser.add_argument("--calls", type=int, default=1000, help="calls per runtime measurement")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    parser.add_argument(
        "--only",
        choices=("warm",),
        help="only the edit loop (one summary changed): print its times, leave results.md as it is",
    )
    args = parser.parse_args()
    if not SPEC.is_file():
        print(f"bench: {SPEC} is missing (the shared specs); nothing to measure", file=sys.stderr)
        return 2
    results: dict[str, object] = {"load": " ".join(Path("/proc/loadavg").read_text().split()[:3])}
    if args.only == "warm":
        with tempfile.TemporaryDirectory(prefix="sdkgen-bench-") as tmp:
            bench_warm(Path(tmp), args.runs, results, make=False)
        warm = cast(dict[str, Any], results["warm"])
        every = ", ".join(f"{wall:.2f} s ({cpu:.2f} s CPU)" for wall, cpu in warm["one_change_all"])
        print(f"load {results['load']}; nothing changed {warm['noop']:.2f} s; one summary changed: {every}")
        return 0
    with tempfile.TemporaryDirectory(prefix="sdkgen-bench-") as tmp:
        work = Path(tmp)
        bench_generation(work, args.runs, results)
        bench_imports(work, args.import_runs, results)
        bench_runtime(work, args.runs, args.calls, results)
    text = report(results, args.runs, args.import_runs, args.calls)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
