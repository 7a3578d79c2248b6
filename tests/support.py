"""What the tests share besides fixtures: the project's paths, a free loopback port, and the generator's CLI.

Fixtures live in ``conftest.py`` files (this folder's for every test, each subfolder's for its own); plain helpers
live here, so a test module imports them by name instead of copying them.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "spec" / "sdk.yaml"
GENERATED = ROOT / "generated"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
needs_prism = pytest.mark.skipif(not PRISM.exists(), reason="run `make test` to install Prism")
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"
needs_pyright = pytest.mark.skipif(not PYRIGHT.exists(), reason="node_modules not installed (run `make test`)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_generator(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in a subprocess, as a user types it; output captured, exit code not checked."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@cache
def generated_test_utils(package: Path = GENERATED) -> ModuleType:
    """A generated package's ``tests/utils.py`` (``assert_matches_type``), loaded as a module of its own (the
    package's tests are a package named ``tests`` too)."""
    spec = importlib.util.spec_from_file_location(f"{package.name}_test_utils", package / "tests" / "utils.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_into(folder: Path, document: object, config: str | None = None) -> Path:
    """``document`` written to ``folder/openapi.json`` (a string as it is, to ``openapi.yaml``), with ``config`` as
    ``folder/sdk.yaml`` when given, and generated in this process into ``folder/out``."""
    from generator.pipeline import build  # noqa: PLC0415 - only the tests that generate pay for the import

    spec = folder / ("openapi.yaml" if isinstance(document, str) else "openapi.json")
    spec.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    settings = folder / "sdk.yaml" if config is not None else None
    if settings is not None:
        settings.write_text(config or "", encoding="utf-8")
    out = folder / "out"
    for name, text in build(spec, settings, out).files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return out


@contextmanager
def imported(out: Path, package: str) -> Iterator[ModuleType]:
    """The generated ``package`` of ``out`` imported, and forgotten again afterwards."""
    sys.path.insert(0, str(out / "src"))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out / "src"))
        for name in [m for m in sys.modules if m == package or m.startswith(f"{package}.")]:
            del sys.modules[name]


def pyright_errors(folder: Path) -> list[dict[str, object]]:
    """The errors pyright reports in ``folder``, with ``folder``'s own ``pyproject`` settings (``-p``: a stray
    ``pyrightconfig.json`` in a parent folder, such as ``/tmp``, must not decide what is checked)."""
    done = subprocess.run(
        [PYRIGHT, "--pythonpath", ROOT / ".venv" / "bin" / "python", "--outputjson", "-p", folder],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    return [d for d in json.loads(done.stdout)["generalDiagnostics"] if d["severity"] == "error"]


@contextmanager
def serving_prism(spec: Path) -> Iterator[str]:
    """Prism mocking ``spec`` on a free port of 127.0.0.1 (``--errors``: a request the spec forbids fails), until
    the block ends; stopped by its process group id."""
    import httpx  # noqa: PLC0415 - only the tests that mock pay for the import

    port = free_port()
    process = subprocess.Popen(
        [str(PRISM), "mock", "--errors", "-h", "127.0.0.1", "-p", str(port), str(spec)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Prism did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
