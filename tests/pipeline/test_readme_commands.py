"""The commands README.md shows work as typed from the repository root: Make targets that exist, and the generator
through the .venv's Python (a bare ``python -m generator`` needs an activated venv, which the README never asks
for); `--help` shows each option's default."""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT, run_generator

SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for block in SHELL_BLOCK.findall(readme) for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def test_readme_shows_commands_that_run_from_a_fresh_shell() -> None:
    commands = _commands()
    assert commands
    for command in commands:
        assert command.startswith(("make ", ".venv/bin/python -m ")), command


@pytest.mark.parametrize("command", sorted({c.split()[1] for c in _commands() if c.startswith("make ")}))
def test_each_make_target_exists(command: str) -> None:
    assert re.search(rf"^{re.escape(command)}:", (ROOT / "Makefile").read_text(), re.MULTILINE), command


@pytest.mark.parametrize(
    "subcommand", sorted({c.split()[3] for c in _commands() if c.startswith(".venv/bin/python -m generator ")})
)
def test_each_generator_subcommand_exists(subcommand: str) -> None:
    result = run_generator(subcommand, "--help")
    assert result.returncode == 0, result.stderr


def test_generate_help_shows_the_defaults() -> None:
    text = " ".join(run_generator("generate", "--help").stdout.split())
    assert "(default: spec/openapi.yaml)" in text and "(default: generated)" in text
    assert "(default: sdk.yaml beside the spec, if any)" in text
