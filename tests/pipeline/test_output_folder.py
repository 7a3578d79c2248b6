"""The output folder is the generator's alone: what it refuses to replace, how it fails, and one run at a time.

Every refusal and every OS error is one line and exit 2, with the folder as it was; Ctrl-C is one line and exit 130;
black's worker processes die with the generator; concurrent runs into one folder wait for each other.
"""

from __future__ import annotations

import errno
import fcntl
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import cli
from generator.output import processes, writer
from generator.output.folder import MARKER, lock_file
from generator.output.writer import read_tree
from tests.support import ROOT, run_generator

HEADER = "openapi: 3.1.0\ninfo: {title: Things, version: '1'}\n"
THING = "{type: object, properties: {id: {type: string}}}"
SPEC = HEADER + (
    "paths:\n  /things:\n    get:\n      operationId: listThings\n"
    f"      responses: {{'200': {{description: ok, content: {{application/json: {{schema: {THING}}}}}}}}}\n"
)


@pytest.fixture
def spec(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small spec in a folder of its own, and a cache shared by the module's runs (formatting is the slow part)."""
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "output-folder-cache"))
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "openapi.yaml").write_text(SPEC)
    return folder / "openapi.yaml"


def _generate(spec: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(out), *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def _only_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 2 and lines[1].startswith("generation failed: 1 problem(s)"), stderr
    return lines[0]


def test_a_folder_the_generator_did_not_write_needs_force(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes\n")
    code, err = _generate(spec, out, capsys)
    assert code == 2
    assert "holds files the generator did not write" in _only_line(err) and "--force" in err
    assert read_tree(out) == {"notes.txt": "my notes\n"}

    code, err = _generate(spec, out, capsys, "--force")
    assert code == 0, err
    assert not (out / "notes.txt").exists() and (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "spec"]


def test_another_apis_sdk_is_replaced_only_with_force(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``generate`` without ``--out`` writes the default folder: another spec's run must not replace that SDK and
    compare its history with an unrelated API. A package renamed by the config (the same title) is a breaking
    change of the same SDK, not another API."""
    out = tmp_path / "out"
    assert _generate(spec, out, capsys) == (0, "")
    before = read_tree(out)
    other = spec.parent / "other.yaml"
    other.write_text(SPEC.replace("title: Things", "title: Pets").replace("listThings", "listPets"))
    code, err = _generate(other, out, capsys)
    assert code == 2
    assert f"{out}: error: the folder holds the SDK of another API ('Things', package things)" in _only_line(err)
    assert "--force" in err and read_tree(out) == before
    assert _generate(other, out, capsys, "--force")[0] == 0
    assert (out / "src" / "pets").is_dir() and not (out / "src" / "things").exists()
    assert "## 0.1.0" in (out / "CHANGELOG.md").read_text()  # a new history: the first release

    (spec.parent / "sdk.yaml").write_text("package_name: pets_client\n")
    renamed = spec.parent / "renamed.yaml"
    renamed.write_text(SPEC.replace("title: Things", "title: Pets"))
    assert _generate(renamed, out, capsys)[0] == 0


def test_absent_empty_and_previously_generated_folders_are_written(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "absent" / "deeper", tmp_path / "empty"):
        assert _generate(spec, out, capsys) == (0, "")
        assert (out / MARKER).is_file() and (out / "api-snapshot.json").is_file()
        assert _generate(spec, out, capsys) == (0, "")  # a previous generation: its marker says so


def test_a_file_is_not_replaced_without_force(spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.write_text("a file\n")
    code, err = _generate(spec, out, capsys)
    assert code == 2 and "is a file, not a folder" in _only_line(err) and "--force" in err
    assert out.read_text() == "a file\n"
    assert _generate(spec, out, capsys, "--force")[0] == 0
    assert (out / MARKER).is_file()


@pytest.mark.parametrize("where", ["repository", "spec folder", "above the spec folder", "generator checkout"])
def test_folders_that_are_never_replaced_even_with_force(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    (repository / "README.md").write_text("mine\n")
    out = {
        "repository": repository,
        "spec folder": spec.parent,
        "above the spec folder": tmp_path,
        "generator checkout": ROOT,
    }[where]
    before = read_tree(out) if out != ROOT else None
    code, err = _generate(spec, out, capsys, "--force")
    assert code == 2
    assert "never replaces" in _only_line(err) or "is a repository" in err
    if before is not None:
        assert read_tree(out) == before
    assert spec.read_text() == SPEC


def test_the_working_directory_is_never_replaced(spec: Path) -> None:
    result = run_generator("generate", "--spec", spec, "--out", ".", "--force", cwd=spec.parent)
    assert result.returncode == 2, result.stderr
    assert "never replaces" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in spec.parent.iterdir()) == ["openapi.yaml"]


@pytest.mark.skipif(not os.path.ismount("/dev/shm"), reason="needs /dev/shm as a mount point")
def test_a_mount_point_is_refused_in_one_line(spec: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _generate(spec, Path("/dev/shm"), capsys, "--force")
    assert code == 2 and "mount point" in _only_line(err)


def test_an_os_error_while_writing_is_one_line_and_exit_2(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"

    def full_disk(staging: Path, destination: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(destination))

    monkeypatch.setattr(writer, "_swap", full_disk)
    exit_code, err = _generate(spec, out, capsys)
    assert exit_code == 2
    assert err.splitlines() == [
        f"generation failed: [Errno 28] No space left on device: '{out}'; {out} was not changed"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec"]  # the staging folder was removed


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (errno.EACCES, "Permission denied"),
        (errno.EROFS, "Read-only file system"),
        (errno.EBUSY, "Device or resource busy"),
        (errno.EFBIG, "File too large"),
    ],
)
def test_os_errors_are_one_line_and_exit_2(
    spec: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    text: str,
) -> None:
    out = tmp_path / "out"

    def failing(folder: Path) -> list[str]:
        raise OSError(code, text, str(folder))

    monkeypatch.setattr(cli, "recover", failing)
    assert _generate(spec, out, capsys) == (
        2,
        f"generation failed: [Errno {code}] {text}: '{out}'; {out} was not changed\n",
    )


def test_a_real_file_size_limit_is_one_line_and_exit_2(spec: Path, tmp_path: Path) -> None:
    """RLIMIT_FSIZE: without the generator's care the kernel kills it with SIGXFSZ; with it, the write fails."""
    out = tmp_path / "out"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))

    command = [sys.executable, "-m", "generator", "generate", "--quiet", "--spec", str(spec), "--out", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, preexec_fn=limit, check=False)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "File too large" in result.stderr, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec"]


def test_a_real_os_error_is_one_line_and_exit_2(spec: Path) -> None:
    result = run_generator("generate", "--spec", spec, "--out", "/proc/sdkgen-cannot-write-here")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("generation failed: [Errno"), result.stderr


# -- processes: Ctrl-C, a killed parent, concurrent runs -------------------------------------------------------------

WIDE = HEADER + "paths: {}\ncomponents:\n  schemas:\n" + "".join(f"    Thing{i}: {THING}\n" for i in range(200))
"""Enough models that black formats them in worker processes."""


def _children(pid: int) -> set[int]:
    try:
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _outlive(workers: set[int], seconds: float = 5) -> set[int]:
    """The workers still running after ``seconds``: they are killed as their parent dies, which takes a moment."""
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    return {pid for pid in workers if _alive(pid)}


def _start_with_workers(spec: Path, out: Path) -> tuple[subprocess.Popen[str], set[int]]:
    """A cold generation of :data:`WIDE`, once black's worker processes run."""
    spec.write_text(WIDE)
    env = {**os.environ, "SDKGEN_CACHE_DIR": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--quiet", "--spec", str(spec), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    deadline, workers = time.monotonic() + 120, set[int]()
    while time.monotonic() < deadline and process.poll() is None:
        workers = {pid for pid in _children(process.pid) if _alive(pid)}  # not the zombies of a finished pool
        if len(workers) >= 2:
            break
        time.sleep(0.02)
    assert len(workers) >= 2, "black's worker processes never started"
    return process, workers


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task").is_dir(), reason="needs Linux /proc")
def test_ctrl_c_is_one_line_exit_130_and_stops_the_workers(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    process, workers = _start_with_workers(spec, out)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal does: the whole foreground process group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.splitlines() == [f"interrupted by SIGINT; {out} was not changed"]
    assert not _outlive(workers)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec"]


def _signal_state() -> tuple[bool, object]:
    """In a worker: whether Ctrl-C is held back, and its handler."""
    return signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.getsignal(signal.SIGINT)


def _recording_die_with(parent: int | None) -> None:
    Path(os.environ["SDKGEN_TEST_MASK_FILE"]).write_text(
        str(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []))
    )
    _original_die_with(parent)


_original_die_with = processes.die_with


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the race is between fork and the initializer")
def test_a_worker_holds_ctrl_c_back_until_it_ignores_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C that reaches a worker before its initializer ran would print the worker's traceback (seen in CI)."""
    monkeypatch.setenv("SDKGEN_TEST_MASK_FILE", str(tmp_path / "mask"))
    monkeypatch.setattr(processes, "die_with", _recording_die_with)
    with processes.pool(1) as workers:
        held, handler = workers.apply_async(_signal_state).get()
    assert (tmp_path / "mask").read_text() == "True"  # from fork until the initializer: held back
    assert (held, handler) == (False, signal.SIG_IGN)  # afterwards: delivered, and ignored
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # the parent's mask is as it was


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task").is_dir(), reason="needs Linux /proc")
def test_workers_die_with_a_killed_generator_and_release_the_callers_pipes(spec: Path, tmp_path: Path) -> None:
    process, workers = _start_with_workers(spec, tmp_path / "out")
    process.kill()
    started = time.monotonic()
    process.communicate(timeout=30)  # returns once no process holds the pipes: the workers are gone too
    assert time.monotonic() - started < 10
    assert not _outlive(workers, 10)


def _held(lock: Path) -> bool:
    try:
        handle = os.open(lock, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(handle)
    return False


def test_concurrent_runs_wait_for_each_other_and_keep_the_history(spec: Path, tmp_path: Path) -> None:
    """The second run starts while the first holds the folder: it waits, then sees the first one's history."""
    out = tmp_path / "out"
    env = {**os.environ, "SDKGEN_CACHE_DIR": ""}
    command = [sys.executable, "-m", "generator", "generate", "--quiet", "--spec", str(spec), "--out", str(out)]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while not _held(lock_file(out)) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.poll() is None, "the first run ended before the second could start"
    other = tmp_path / "other"
    other.mkdir()
    (other / "openapi.yaml").write_text(
        SPEC + "  /more:\n    get: {operationId: more, responses: {'204': {description: x}}}\n"
    )
    second = run_generator("generate", "--quiet", "--spec", other / "openapi.yaml", "--out", out)  # warm cache
    first.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert f"waiting for the other run of the generator writing {out}" in second.stderr
    assert '"version": "0.1.0"' in (out / "api-snapshot.json").read_text()  # the first run's release, kept
    changelog = (out / "CHANGELOG.md").read_text()
    assert changelog.count("\n## ") == 2 and changelog.index("## Unreleased") < changelog.index("## 0.1.0")
    assert 'version = "0.2.0.dev0"' in (out / "pyproject.toml").read_text()  # the second run's operation, pending
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "out", "spec"]
