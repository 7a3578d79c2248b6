"""The real-world harness itself (``make realworld``): which document of a folder it runs, a step that hangs killed with
its whole process group and reported, and a report whose rows are in name order whatever order the documents finished
in, with room for further columns."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from realworld import documents, process, run
from realworld.report import Result, Run, write_report
from realworld.surface import Surface


def test_the_entry_document_is_the_main_line_of_source_txt(tmp_path: Path) -> None:
    nested = tmp_path / "many" / "specification"
    nested.mkdir(parents=True)
    (nested / "api.yaml").write_text("openapi: 3.0.0\n")
    (nested / "models.yaml").write_text("a: 1\n")
    (tmp_path / "many" / "SOURCE.txt").write_text("repository: x\nmain: specification/api.yaml\n")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "b.json").write_text("{}")
    (tmp_path / "plain" / "a.yaml").write_text("openapi: 3.0.0\n")
    (tmp_path / "empty").mkdir()
    (tmp_path / "README.md").write_text("not a folder")
    found = documents.discover(tmp_path)
    assert [(d.name, d.path.relative_to(tmp_path).as_posix()) for d in found] == [
        ("many", "many/specification/api.yaml"),
        ("plain", "plain/a.yaml"),  # no SOURCE.txt: the first document at the top, by name
    ]


def test_a_document_split_into_files_is_read_as_one(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: 'pet.yaml'}\n"
    )
    (tmp_path / "pet.yaml").write_text("type: object\nproperties: {name: {type: string}}\n")
    doc = documents.load(tmp_path / "api.yaml")
    assert documents.without_broken_refs(doc)[1] == []  # Prism is served the original; nothing to empty
    assert doc["components"]["schemas"]["Pet"]["properties"] == {"name": {"type": "string"}}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_step_that_hangs_is_killed_with_its_whole_process_group(tmp_path: Path) -> None:
    child = tmp_path / "child.pid"
    script = f"import subprocess, time; p = subprocess.Popen(['sleep', '60']); open({str(child)!r}, 'w').write(str(p.pid)); time.sleep(60)"
    started = time.monotonic()
    with pytest.raises(process.TimedOut, match="timed out after 2 s"):
        process.run([sys.executable, "-c", script], timeout=2)
    assert time.monotonic() - started < 20
    pid = int(child.read_text())
    time.sleep(0.2)
    assert not _alive(pid) or Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"  # killed (a zombie at most)


def test_a_timed_out_or_crashed_step_is_reported_and_the_document_goes_on() -> None:
    result = Result("doc", "doc/api.yaml")
    with run.step(result, "pyright"):
        raise process.TimedOut(30)
    with run.step(result, "ruff"):
        raise RuntimeError("ruff: no such file")
    with run.step(result, "import"):
        result.modules = 3
    assert result.timeouts == {"pyright": 30} and result.crashes == {"ruff": "RuntimeError: ruff: no such file"}
    assert result.modules == 3
    assert "pyright timed out (30 s); ruff crashed" in result.notes()
    assert not result.clean


def _result(name: str, **extra: str) -> Result:
    result = Result(name, f"{name}/openapi.yaml", openapi="3.0.0", spec_operations=2, generation="strict")
    result.surface = Surface(lists=3, paginated={"cursor": 1}, whole=["GET /a"], unpaged=["GET /b"])
    result.extra = dict(extra)
    return result


def test_rows_are_in_name_order_with_the_extra_columns(tmp_path: Path) -> None:
    report = tmp_path / "real-world.md"
    finished = [_result("zeta"), _result("alpha", names="2 machine-made"), _result("mid")]
    finished[2].timeouts["pyright"] = 600
    write_report(report, finished, Run(12.0, 2, keep_going=True, prism_errors=False))
    text = report.read_text()
    header = next(line for line in text.splitlines() if line.startswith("| spec | OpenAPI"))
    assert header.endswith("| smoke calls passed | names | seconds | notes |")
    rows = [line for line in text.splitlines() if line.startswith("| [")]
    assert [row.split("]")[0] for row in rows] == ["| [alpha", "| [mid", "| [zeta"]
    assert "| 2 machine-made |" in rows[0] and "| — |" in rows[2]
    assert "| timed out |" in rows[1]
    surface_rows = [line for line in text.splitlines() if line.startswith("| alpha |")]
    assert surface_rows == ["| alpha | 3 | 1: 1 cursor | 1 | 1 | 0 | 0 | 0 |"]
    assert "1/3" in rows[0]  # lists paged / lists
