"""``make history``: the change report of each commit of a document, on a small git history built here."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.core.errors import GenerationError
from generator.output.cache import Cache
from realworld.history import Parsed, Reader, Row, chunks, commits, history, main, table

JSON = dict[str, Any]
SPEC = "api/openapi.json"

BASE: JSON = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "description": "All pets.",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "kind": {"type": "string", "enum": ["cat", "dog"]},
                    "tag": {"type": "string"},
                },
            }
        }
    },
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(repo), *args], check=True, capture_output=True
    )


def _commit(repo: Path, data: JSON | str, message: str) -> None:
    path = repo / SPEC
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven commits: the document added, a README (not the document), a new enum value in a response, a clarified
    description, a field removed, a version that does not parse, and its fix; then the same data reformatted."""
    repo = tmp_path_factory.mktemp("repo")
    _git(repo, "init", "-q")
    doc = copy.deepcopy(BASE)
    _commit(repo, doc, "Add the pets API")
    (repo / "README.md").write_text("pets\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Add a README")
    doc["components"]["schemas"]["Pet"]["properties"]["kind"]["enum"].append("bird")
    _commit(repo, doc, "Add bird to the pet kinds")
    doc["paths"]["/pets"]["get"]["description"] = "All pets, newest first."
    _commit(repo, doc, "Clarify the order of listPets\n\nA longer body.")
    del doc["components"]["schemas"]["Pet"]["properties"]["tag"]
    _commit(repo, doc, "Remove the deprecated tag field")
    _commit(repo, '{"openapi": "3.1.0", "info": ', "Break the document")
    _commit(repo, doc, "Fix the document")
    _commit(repo, json.dumps(doc), "Reformat | compact")
    return repo


EXPECTED = [  # newest first: (message, bump)
    ("Reformat | compact", "none"),
    ("Fix the document", "error"),
    ("Break the document", "error"),
    ("Remove the deprecated tag field", "major"),
    ("Clarify the order of listPets", "patch"),
    ("Add bird to the pet kinds", "minor"),
    ("Add the pets API", "added"),
]


def test_each_commit_of_the_document_gets_its_report(repo: Path) -> None:
    rows = history(repo, SPEC, 60, jobs=1)
    assert [(r.subject, r.bump) for r in rows] == EXPECTED
    by_subject = {r.subject: r for r in rows}
    assert by_subject["Remove the deprecated tag field"].summary == "1 breaking: `pets.types.Pet.tag` field removed"
    assert (
        by_subject["Add bird to the pet kinds"].summary == "1 addition: `pets.types.Pet.kind` enum value 'bird' added"
    )
    assert by_subject["Clarify the order of listPets"].summary == "descriptions, examples or settings only"
    assert by_subject["Reformat | compact"].summary == "no change to the document's data"
    assert "does not parse" in by_subject["Break the document"].summary


def test_workers_share_the_commits_and_agree(repo: Path) -> None:
    assert history(repo, SPEC, 60, jobs=3) == history(repo, SPEC, 60, jobs=1)
    assert [r.subject for r in history(repo, SPEC, 2, jobs=2)] == [s for s, _ in EXPECTED[:2]]
    assert [len(c) for c in chunks(commits(repo, SPEC, 60), 3)] == [3, 2, 2]


def test_the_table_is_markdown_with_one_row_per_commit(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "history.md"
    assert main([str(repo), SPEC, "--count", "3", "--jobs", "1", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == 3 and rows[0].startswith("| `") and "| Reformat \\| compact | none |" in rows[0]
    assert "Bumps: none 1, error 2" in text


def test_a_cell_stays_in_its_column() -> None:
    text = table([Row("abc", "a | b\nc", "patch", "x|y")], "t", 1.0)
    assert text.splitlines()[-1] == "| `abc` | a \\| b c | patch | x\\|y |"


def test_each_version_is_parsed_once(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Six commits with both sides: their six new versions and the oldest one's parent, 7 reads instead of 12 (the
    fixed version equals an older one, which is read again: only consecutive commits share a parse)."""
    read: list[str] = []
    original = Reader._read

    def counted(self: Reader, blob: str, name: str) -> Parsed | GenerationError:
        read.append(blob)
        return original(self, blob, name)

    monkeypatch.setattr(Reader, "_read", counted)
    history(repo, SPEC, 60, jobs=1)
    assert len(read) == 7 and len(set(read)) == 6


def test_a_path_no_commit_touches_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(repo), "api/missing.yaml"]) == 2
    assert "no commit of" in capsys.readouterr().err


def test_a_second_run_takes_every_row_from_the_cache(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path / "cache")
    first = history(repo, SPEC, 60, jobs=1, cache=cache)
    read: list[str] = []
    monkeypatch.setattr(Reader, "_read", lambda self, blob, name: read.append(blob))  # type: ignore[func-returns-value]
    assert history(repo, SPEC, 60, jobs=1, cache=cache) == first and read == []
