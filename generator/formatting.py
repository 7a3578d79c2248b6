"""Formatting of the generated Python: import clean-up by ruff, then black. Both are pinned."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import black

LINE_LENGTH = 120
MODE = black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY311})
PARALLEL_THRESHOLD = 64
"""Below this many files, worker processes cost more than they save."""


def format_source(source: str) -> str:
    try:
        return black.format_file_contents(source, fast=False, mode=MODE)
    except black.NothingChanged:
        return source


def _ruff_fix(files: dict[str, str]) -> dict[str, str]:
    """Drop unused imports and sort imports (``ruff check --fix-only --select F401,I``)."""
    with tempfile.TemporaryDirectory(prefix="sdkgen-ruff-") as tmp:
        root = Path(tmp)
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "ruff",
                "check",
                "--isolated",
                "--fix-only",
                "--exit-zero",
                "--quiet",
                "--select",
                "F401,I",
                "--line-length",
                str(LINE_LENGTH),
                "--target-version",
                "py311",
                ".",
            ],
            cwd=root,
            check=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        return {name: (root / name).read_text(encoding="utf-8") for name in files}


_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def format_markdown(text: str) -> str:
    """Black-format every fenced ``python`` block of a Markdown document."""
    return _PYTHON_BLOCK.sub(lambda m: "```python\n" + format_source(m.group(1)) + "```", text)


def format_files(files: dict[str, str], progress: Callable[[int, int], None] | None = None) -> dict[str, str]:
    """Format every ``.py`` file once, and the Python blocks of ``.md`` files; other files pass through unchanged.

    ``progress(done, total)`` is told.
    """
    files = {k: format_markdown(v) if k.endswith(".md") else v for k, v in files.items()}
    python = {k: v for k, v in files.items() if k.endswith(".py") and v.strip()}
    python = _ruff_fix(python)
    names = sorted(python)
    formatted: list[str] = []
    if len(names) >= PARALLEL_THRESHOLD:
        with ProcessPoolExecutor() as pool:
            for text in pool.map(format_source, (python[n] for n in names), chunksize=8):
                formatted.append(text)
                if progress:
                    progress(len(formatted), len(names))
    else:
        for n in names:
            formatted.append(format_source(python[n]))
            if progress:
                progress(len(formatted), len(names))
    return {**files, **dict(zip(names, formatted, strict=True))}
