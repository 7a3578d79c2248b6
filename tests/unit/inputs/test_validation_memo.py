"""Validation from the cache (:func:`generator.inputs.validate.validate` with a cache): a document found without
problems is not checked again while only operations' summaries or descriptions change; anything else, a document
with problems, or a damaged entry, is checked as in a cold run."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.errors import GenerationError
from generator.inputs import incremental, loader, validate
from generator.inputs.document import Document
from generator.output.cache import Cache

SPEC = """openapi: 3.1.0
info:
  title: T
  version: "1"
paths:
  /things:
    get:
      operationId: listThings
      summary: List things
      description: Every thing.
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Thing"
components:
  schemas:
    Thing:
      type: object
      description: A thing.
      properties:
        name:
          type: string
"""


def _load(tmp_path: Path, text: str, cache: Cache) -> Document:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    return loader.load_document(spec, "openapi.yaml", read=lambda path, name: incremental.read_known(path, name, cache))


def _outcome(doc: Document, cache: Cache | None, keep_going: bool = False) -> list[str]:
    try:
        return [str(p) for p in validate.validate(doc, keep_going=keep_going, cache=cache).items]
    except GenerationError as exc:
        return [str(p) for p in exc.problems]


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents checked (by name), as they are checked."""
    done: list[str] = []
    real = validate._problems

    def counted(doc: Document, keep_going: bool) -> validate.Problems:
        done.append(doc.name)
        return real(doc, keep_going)

    monkeypatch.setattr(validate, "_problems", counted)
    return done


def test_a_summary_or_description_edit_is_not_checked_again(tmp_path: Path, checks: list[str]) -> None:
    cache = Cache(tmp_path / "cache")
    assert _outcome(_load(tmp_path, SPEC, cache), cache) == []
    for text in (SPEC.replace("List things", "List the things"), SPEC.replace("Every thing.", "All of them.")):
        doc = _load(tmp_path, text, cache)
        assert _outcome(doc, cache) == _outcome(doc, None) == []
    assert len(checks) == 3  # the first document, then each edit cold; never the edits with the cache


@pytest.mark.parametrize(
    "edit",
    [
        ("summary: List things", "summary: {$ref: '#/components/schemas/Nope'}"),  # a text no more
        ("description: A thing.", "description: [not, text]"),  # a schema's description is checked
        ("type: string", "type: strin"),
        ('$ref: "#/components/schemas/Thing"', '$ref: "#/components/schemas/Nope"'),
    ],
)
@pytest.mark.parametrize("keep_going", [False, True])
def test_other_edits_are_checked_and_problems_are_a_cold_runs(
    tmp_path: Path, edit: tuple[str, str], keep_going: bool
) -> None:
    cache = Cache(tmp_path / "cache")
    assert _outcome(_load(tmp_path, SPEC, cache), cache, keep_going) == []
    text = SPEC.replace(*edit)
    cold = _outcome(_load(tmp_path, text, cache), None, keep_going)
    assert cold  # each edit is a problem
    for _ in range(2):
        assert _outcome(_load(tmp_path, text, cache), cache, keep_going) == cold


def test_a_damaged_entry_is_checked_again(tmp_path: Path, checks: list[str]) -> None:
    cache = Cache(tmp_path / "cache")
    _outcome(_load(tmp_path, SPEC, cache), cache)
    (entry,) = (path for path in (tmp_path / "cache" / "valid").rglob("*") if path.is_file())
    for damaged in ("not a checked entry", None):
        if damaged is None:
            cache.put("valid", entry.name, "problems")  # well-formed, but not the verdict it keeps
        else:
            entry.write_text(damaged, encoding="utf-8")
        _outcome(_load(tmp_path, SPEC, cache), cache)
    assert len(checks) == 3
