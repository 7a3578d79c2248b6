"""Untrusted documents, checked before anything is generated: a path key that is not a URL path template is refused
at its pointer, and a problem line shows spec text as inert escapes, never as terminal control sequences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.core.errors import GenerationError
from generator.inputs.document import Document
from generator.inputs.loader import load_document
from generator.inputs.validate import validate

BREAKOUT = "/things`\n\n```python\nopen('/tmp/x','w').write('pwned')\n```\n"
TERMINAL = "/things\x1b]0;owned\x07\x1b[31m"


def _document(paths: dict[str, Any]) -> Document:
    root = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}
    return Document(root, "openapi.yaml")


def _ok() -> dict[str, Any]:
    return {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok"}}}}


def _problems(path: str) -> list[str]:
    with pytest.raises(GenerationError) as raised:
        validate(_document({path: _ok()}))
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize(
    "path",
    [BREAKOUT, TERMINAL, "/things/{id} ", "/a b", "/a\\b", '/a"b', "/\u202ethings", "/caf\u00e9", "/a%zz", "/{a\nb}",
     "/{a`b}", "/{\u202e}"],
)  # fmt: skip
def test_a_path_key_that_is_not_a_url_path_template_is_refused_at_its_pointer(path: str) -> None:
    (line,) = _problems(path)
    assert line.startswith("openapi.yaml#/paths/") and "is not a URL path template" in line
    assert line.isprintable() and "\x1b" not in line and "\n" not in line


@pytest.mark.parametrize(
    "path",
    ["/v1/things/{thing_id}", "/a-b.c_d~e/{x}:cancel", "/files/{path+}", "/responses?beta=true", "/v1/c#stream",
     "/<upload_url>", "/%7Euser/@me/$count;v=1/(a)*,!&'=", "/{ünïcödé}/{中文}/{a'b\"c}"],
)  # fmt: skip
def test_the_path_keys_real_documents_use_are_accepted(path: str) -> None:
    assert not validate(_document({path: _ok()})).errors


def test_a_problem_line_shows_control_characters_as_escapes() -> None:
    """Every problem line is one printable line, whatever spec text its pointer or message quotes."""
    root = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}
    root["components"] = {"schemas": {"Thing\x1b]0;owned\x07\x1b[31m\nfake: error: line": {"required": "name"}}}
    with pytest.raises(GenerationError) as raised:
        validate(Document(root, "openapi.yaml"))
    for problem in raised.value.problems:
        assert str(problem).isprintable(), str(problem)


def test_a_string_alias_bomb_is_refused_at_the_place_it_expands(tmp_path: Path) -> None:
    """1 MiB of text behind three levels of ten aliases: 1,111 nodes, under the node bound, but 1 GiB of text once
    expanded (the snapshot's JSON, every stage's walk): refused by its size, at the schema that holds it."""
    text = "x" * 2**20
    spec = tmp_path / "bomb.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Bomb, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        f"    A: {{description: &a '{text}'}}\n"
        + "".join(
            f"    {name}: &{name.lower()} {{{', '.join(f'd{i}: *{inner}' for i in range(10))}}}\n"
            for name, inner in (("B", "a"), ("C", "b"), ("D", "c"))
        )
    )
    with pytest.raises(GenerationError) as raised:
        validate(load_document(spec, "bomb.yaml"))
    (problem,) = raised.value.problems
    assert problem.pointer == "/components/schemas/D" and "expands to more than 64 MiB of text" in problem.message
