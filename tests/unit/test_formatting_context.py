"""A file is formatted the same whether it is formatted with its whole package or alone (the rest taken from the
cache): ruff tells first-party imports by the modules it finds, so it must find all of them every time."""

from __future__ import annotations

from pathlib import Path

from generator.cache import Cache
from generator.formatting import format_files

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
