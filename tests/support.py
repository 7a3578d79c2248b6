"""What the tests share besides fixtures: the project's paths, a free loopback port, and the generator's CLI.

Fixtures live in ``conftest.py`` files (this folder's for every test, each subfolder's for its own); plain helpers
live here, so a test module imports them by name instead of copying them.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
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
