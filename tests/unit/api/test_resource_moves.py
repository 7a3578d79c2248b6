"""The config's ``resources`` option moves a whole resource subtree in one line (``threads: beta.threads``): every
operation placed under it, at any depth, moves with it; the longest prefix wins; ``operations`` entries stay where
they say; an entry that moves nothing is a warning at its pointer, and a malformed one an error."""

from __future__ import annotations

from typing import Any

import pytest

from generator.api import parser
from generator.api.config import parse_config
from generator.core.errors import GenerationError
from generator.inputs.document import Document

OK = {"200": {"description": "ok"}}


def _doc(*paths: str) -> Document:
    ops: dict[str, Any] = {}
    for path in paths:
        op_id = "op" + "".join(p.strip("{}").title() for p in path.split("/"))
        ops[path] = {"get": {"operationId": op_id, "responses": OK}}
    return Document({"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": ops}, "openapi.yaml")


def _dotted(doc: Document, config: dict[str, Any]) -> tuple[set[str], list[tuple[str, str]]]:
    result = parser.parse(doc, parse_config(config, "sdk.yaml", doc))
    names = {
        ".".join((*r.path, op.method_name)) for top in result.api.resources for r in top.walk() for op in r.operations
    }
    warned = [(p.pointer, p.message) for p in result.problems.warnings if p.file == "sdk.yaml"]
    return names, warned


DOC = _doc(
    "/threads",
    "/threads/{thread_id}",
    "/threads/{thread_id}/runs",
    "/organization/users",
    "/organization/users/{user_id}",
    "/projects",
    "/models",
)


def test_without_the_option_nothing_moves() -> None:
    names, _ = _dotted(DOC, {})
    assert {"threads.list", "threads.runs.list", "organization.users.list", "projects.list", "models.list"} <= names


def test_a_subtree_moves_in_one_line_and_the_longest_prefix_wins() -> None:
    moves = {"threads": "beta.threads", "organization": "admin.organization", "projects": "admin.organization.projects"}
    names, warned = _dotted(DOC, {"resources": moves})
    assert {"beta.threads.list", "beta.threads.retrieve", "beta.threads.runs.list"} <= names
    assert {"admin.organization.users.list", "admin.organization.projects.list", "models.list"} <= names
    assert not {n for n in names if n.startswith(("threads.", "organization.", "projects."))}
    assert warned == []


def test_a_deeper_entry_beats_a_shorter_one() -> None:
    names, _ = _dotted(DOC, {"resources": {"threads": "beta.threads", "threads.runs": "runs"}})
    assert {"beta.threads.list", "runs.list"} <= names


def test_an_operations_entry_is_not_moved() -> None:
    config = {"resources": {"threads": "beta.threads"}, "operations": {"opThreadsThread_IdRuns": "runs.all"}}
    names, _ = _dotted(DOC, config)
    assert "runs.all" in names and "beta.threads.list" in names


def test_an_entry_that_moves_nothing_is_a_warning_at_its_pointer() -> None:
    _, warned = _dotted(DOC, {"resources": {"thread": "beta.thread"}})
    assert warned == [("/resources/thread", "no resource 'thread' to move (the generator places none there)")]


@pytest.mark.parametrize("entry", [{"a b": "c"}, {"threads": "Beta.Threads"}, {"threads": ""}, {"threads": 3}])
def test_a_malformed_entry_is_an_error_at_the_option(entry: dict[str, Any]) -> None:
    with pytest.raises(GenerationError) as caught:
        parse_config({"resources": entry}, "sdk.yaml")
    (problem,) = caught.value.problems
    assert problem.pointer == "/resources" and "does not map a resource path to a resource path" in problem.message
