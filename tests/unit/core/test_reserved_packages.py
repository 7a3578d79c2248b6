"""Package names that cannot work: a package named like a module of the standard library or of the SDK's
dependencies is shadowed by it, or shadows it (a document titled ``typing`` gave a package that installed and could
not be imported; one titled ``httpx``, one pip refused, as it depended on itself)."""

from __future__ import annotations

import importlib.metadata

import pytest
from packaging.requirements import Requirement

from generator.api.config import parse_config
from generator.api.parser import parse
from generator.core.errors import GenerationError
from generator.core.reserved import INDIRECT_DEPENDENCIES, dependencies, normalised, package_clash
from generator.inputs.document import Document


def _parsed(title: str, config: dict[str, str] | None = None) -> tuple[str, str, list[str]]:
    root = {"openapi": "3.1.0", "info": {"title": title, "version": "1"}, "paths": {}}
    result = parse(Document(root, "openapi.yaml"), parse_config(config, "sdk.yaml"))
    settings = result.api.settings
    return str(settings.package_name), str(settings.distribution_name), [str(p) for p in result.problems.warnings]


@pytest.mark.parametrize(
    ("title", "package"), [("typing", "typing_sdk"), ("httpx", "httpx_sdk"), ("Pydantic API", "pydantic_sdk")]
)
def test_a_title_that_names_a_reserved_module_gets_another_package_with_a_warning(title: str, package: str) -> None:
    found, distribution, warnings = _parsed(title)
    assert (found, distribution) == (package, package.replace("_", "-"))
    (warning,) = warnings
    assert warning.startswith("openapi.yaml#/info/title: warning: the title gives the package name") and package in (
        warning
    )


def test_a_title_that_names_nothing_reserved_is_the_package() -> None:
    assert _parsed("Acme Cloud API") == ("acme_cloud", "acme-cloud", [])


@pytest.mark.parametrize(
    ("option", "value"), [("package_name", "typing"), ("package_name", "anyio"), ("distribution_name", "httpx")]
)
def test_a_reserved_name_in_the_config_is_an_error_at_its_option(option: str, value: str) -> None:
    with pytest.raises(GenerationError) as raised:
        parse_config({option: value}, "sdk.yaml")
    assert [p.pointer for p in raised.value.problems] == [f"/{option}"]


def _requirements(distribution: str) -> set[str]:
    found: set[str] = set()
    for text in importlib.metadata.requires(distribution) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.add(normalised(requirement.name))
    return found


def test_the_indirect_dependencies_are_what_the_dependencies_import() -> None:
    """What the SDK's runtime dependencies pull in, as installed here (the test extra's pytest aside)."""
    todo, seen = sorted(dependencies() - {"pytest"}), set[str]()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_requirements(name))
    modules = {name.replace("-", "_") for name in seen - dependencies()}
    assert modules <= INDIRECT_DEPENDENCIES, modules - INDIRECT_DEPENDENCIES
    assert all(package_clash(module) for module in modules | {"typing", "sys", "httpx_sse"})
