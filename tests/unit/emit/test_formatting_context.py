"""A file is formatted the same whether it is formatted with its whole package or alone (the rest taken from the
cache): ruff tells first-party imports by the modules it finds, so it must find all of them every time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core.errors import GenerationError
from generator.emit import formatting
from generator.emit.formatting import format_files
from generator.output import processes
from generator.output.cache import Cache

PACKAGE = {
    "src/shop/__init__.py": "from .client import Client\n",
    "src/shop/client.py": "class Client: ...\n",
    "src/shop/pagination.py": "class Page: ...\n",
}
TEST = "import pytest\nfrom shop.pagination import Page\nfrom shop import Client\n\nX = (pytest, Page, Client)\n"


def test_one_changed_file_sorts_its_imports_as_the_whole_package_does(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    format_files({**PACKAGE, "tests/test_shop.py": TEST}, cache)  # every file formatted, then cached
    changed = TEST.replace("X =", "Y =")
    alone = format_files({**PACKAGE, "tests/test_shop.py": changed}, cache)["tests/test_shop.py"]
    whole = format_files({**PACKAGE, "tests/test_shop.py": changed})["tests/test_shop.py"]
    assert alone == whole
    assert "import pytest\n\nfrom shop import Client\nfrom shop.pagination import Page\n" in whole


def test_a_module_that_does_not_compile_is_an_error_and_never_cached(tmp_path: Path) -> None:
    """black's parser accepts what Python's compiler rejects (``return`` outside a function); such a module is a
    generator bug, reported every time: a warm run must not take it from the cache as checked."""
    cache = Cache(tmp_path)
    broken = {**PACKAGE, "src/shop/broken.py": "return 1\n"}
    for _ in range(2):
        with pytest.raises(GenerationError, match=r"src/shop/broken.py: error: the generated code does not compile"):
            format_files(broken, cache)


def test_markdown_blocks_are_formatted_once_then_taken_from_the_cache(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    doc = {"api.md": "# Shop\n\n```python\nx = {  'a':1 }\n```\n"}
    assert format_files(doc, cache)["api.md"] == '# Shop\n\n```python\nx = {"a": 1}\n```\n'
    entries = sorted(p.read_text() for p in (tmp_path / "format").rglob("*") if p.is_file())
    assert len(entries) == 1 and entries[0].endswith('\nx = {"a": 1}\n')  # the block, formatted
    assert format_files(doc, cache)["api.md"] == '# Shop\n\n```python\nx = {"a": 1}\n```\n'


def test_files_formatted_in_parallel_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small files travel together (tasks of about ``TASK_SIZE`` characters), large ones alone, and the caller
    formats some itself: every text comes back formatted, at its place."""
    monkeypatch.setattr(formatting, "TASK_SIZE", 60)
    sources = [f"x{i}=({i},)\n" * (1 + i % 7) for i in range(40)]
    with processes.pool(1) as workers:
        done = formatting._in_parallel(workers, sources, None)
    assert done == [formatting.format_source(source) for source in sources]
    assert done[3] == "x3 = (3,)\n" * 4


def test_scratch_folders_of_runs_that_are_gone_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed while ruff worked leaves its scratch folder: in a folder in memory, the next run removes it."""
    monkeypatch.setattr(formatting, "MEMORY_FOLDER", tmp_path)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = tmp_path / f"{formatting.SCRATCH_PREFIX}{ended.stdout.strip()}-abc123-"
    mine = tmp_path / f"{formatting.SCRATCH_PREFIX}{os.getpid()}-def456-"
    other = tmp_path / "sdkgen-other"
    for folder in (gone, mine, other):
        (folder / "src").mkdir(parents=True)
    assert formatting._scratch(1000) in (str(tmp_path), None)
    assert not gone.exists() and mine.exists() and other.exists()
