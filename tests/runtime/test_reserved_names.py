"""The names a resource must not take, because the clients and resources already use them, are all listed in
``generator/core/reserved.py`` (the generator renames a resource that would shadow one); so are the runtime names a
resource module imports (a model of the same name is imported there under another name)."""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from generator.core.reserved import CLIENT_ATTRIBUTES, RESOURCE_ATTRIBUTES, RESOURCE_MODULE_IMPORTS
from tests.support import FIXTURES, GENERATED

PACKAGES = [GENERATED, *sorted(p / "expected" for p in FIXTURES.iterdir() if (p / "expected").is_dir())]


@pytest.fixture(params=PACKAGES, ids=lambda p: p.parent.name if p.name == "expected" else p.name)
def package(request: pytest.FixtureRequest) -> Iterator[ModuleType]:
    src = Path(request.param) / "src"
    (name,) = [p.name for p in src.iterdir() if p.is_dir()]
    sys.path.insert(0, str(src))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(src))


def _own_names(cls: type) -> set[str]:
    """Every attribute a client class and its bases define, but its resources (and Python's own)."""
    names: set[str] = set()
    for klass in cls.__mro__[:-1]:
        for name, value in vars(klass).items():
            resource = isinstance(value, cached_property) and name not in (
                "with_raw_response",
                "with_streaming_response",
            )
            if not (name.startswith("__") and name.endswith("__")) and not resource:
                names.add(name)
    return names


def test_every_client_attribute_is_reserved(package: ModuleType) -> None:
    client_module = importlib.import_module(f"{package.__name__}._client")
    classes = (getattr(client_module, name) for name in client_module.__all__)
    for cls in (c for c in classes if not issubclass(c, httpx.Client | httpx.AsyncClient)):  # DefaultHttpxClient
        arguments = cls.__init__.__code__.co_varnames
        kwargs = (
            {"api_key": "sk-test"} if "api_key" in arguments else {"username": "u"} if "username" in arguments else {}
        )
        instance = cls(base_url="http://localhost", **kwargs)
        names = _own_names(cls) | set(vars(instance))
        assert names - CLIENT_ATTRIBUTES == set()


def test_every_resource_attribute_is_reserved(package: ModuleType) -> None:
    resource = importlib.import_module(f"{package.__name__}._resource")
    for cls in (resource.SyncAPIResource, resource.AsyncAPIResource):
        assert _own_names(cls) | set(vars(cls(object()))) <= RESOURCE_ATTRIBUTES


def test_every_page_attribute_is_reserved() -> None:
    """Every public attribute of every style's runtime page class is in ``PAGE_ATTRIBUTES``, and each style's own
    attributes are among its runtime class's (the styles are read from their one list, so a new one is checked)."""
    from generator.api.pagination.styles import PAGE_ATTRIBUTES, STYLES
    from tests.runtime.conftest import runtime_module

    pagination = runtime_module("_pagination")
    public: set[str] = set()
    for style in STYLES:
        own: set[str] = set()
        for klass in getattr(pagination, style.runtime_class).__mro__:
            own |= {name for name in vars(klass) if not name.startswith("_")}
            own |= {name for name in getattr(klass, "__annotations__", {}) if not name.startswith("_")}
        assert set(style.runtime_attributes) <= own, style.name
        public |= own
    for cls in (pagination.SyncPage, pagination.AsyncPage):
        public |= {name for klass in cls.__mro__ for name in vars(klass) if not name.startswith("_")}
    assert public - PAGE_ATTRIBUTES == set()


def _runtime_imports(module: Path) -> set[str]:
    """The names a resource module imports from the runtime and the standard library (not its models, params modules,
    page classes or sub-resources)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            last = (node.module or "").rsplit(".", 1)[-1]
            if node.level == 0 or node.module is None or last.startswith("_"):
                names |= {alias.name for alias in node.names}
    return names


@pytest.mark.parametrize("root", PACKAGES, ids=lambda p: p.parent.name if p.name == "expected" else p.name)
def test_every_runtime_name_a_resource_module_imports_is_reserved(root: Path) -> None:
    modules = sorted((root / "src").glob("*/resources/**/*.py"))
    assert modules
    for module in modules:
        assert _runtime_imports(module) - RESOURCE_MODULE_IMPORTS == set(), module
