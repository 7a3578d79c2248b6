"""The output folder is replaced atomically: files unchanged to the byte are shared with the old folder, a failure or
an interruption at any point leaves the old folder, what a crash leaves is recovered, and modes follow the umask."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.output import writer
from generator.output.writer import backup_folder, read_tree, recover, staging_folder, write_tree

OLD = {"a.py": "a = 1\n", "pkg/b.py": "b = 2\n", "api-snapshot.json": '{"version": "0.4.0"}\n'}
NEW = {"a.py": "a = 1\n", "pkg/b.py": "b = 3\n", "api-snapshot.json": '{"version": "0.5.0"}\n', "c.md": "c\n"}


def test_unchanged_files_are_kept_and_changed_ones_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert write_tree({"a.py": "a = 1\n", "pkg/b.py": "b = 2\n", "c.md": "c\n"}, out) == (3, 0)
    inodes = {name: (out / name).stat().st_ino for name in ("a.py", "pkg/b.py", "c.md")}
    (out / "c.md").write_bytes(b"c\r\n")  # the same text to a reader with universal newlines, not the same bytes
    assert write_tree({"a.py": "a = 1\n", "pkg/b.py": "b = 3\n", "c.md": "c\n"}, out) == (1, 2)
    assert (out / "a.py").stat().st_ino == inodes["a.py"]  # shared with the old folder
    assert (out / "pkg/b.py").read_text() == "b = 3\n"
    assert (out / "c.md").read_bytes() == b"c\n"  # rewritten, although its text compared equal
    assert read_tree(out) == {"a.py": "a = 1\n", "pkg/b.py": "b = 3\n", "c.md": "c\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging or backup folder left behind


def test_the_tree_is_read_as_os_walk_and_open_read_it(tmp_path: Path) -> None:
    """Links to files are read, links to folders are not followed, caches are left out, names are sorted; line breaks
    are kept with ``exact`` and read as ``\\n`` without; an invalid byte reads as U+FFFD."""
    out = tmp_path / "out"
    (out / "pkg" / "__pycache__").mkdir(parents=True)
    (out / "x.egg-info").mkdir()
    (out / "pkg" / "__pycache__" / "m.pyc").write_bytes(b"\0")
    (out / "x.egg-info" / "PKG-INFO").write_text("x\n")
    (out / "pkg" / "b.py").write_bytes(b"b\r\nc\rd\n\xff")
    (out / "a.md").write_text("a\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "f.py").write_text("f\n")
    (out / "linked.py").symlink_to(tmp_path / "elsewhere" / "f.py")
    (out / "linked").symlink_to(tmp_path / "elsewhere")
    (out / "dangling.py").symlink_to(tmp_path / "gone.py")
    assert read_tree(out, exact=True) == {"a.md": "a\n", "linked.py": "f\n", "pkg/b.py": "b\r\nc\rd\n\ufffd"}
    assert list(read_tree(out)) == ["a.md", "linked.py", "pkg/b.py"]
    assert read_tree(out)["pkg/b.py"] == "b\nc\nd\n\ufffd"
    assert read_tree(tmp_path / "missing") == {}


def test_a_file_that_is_gone_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree({"a.py": "a\n", "old.py": "old\n"}, out)
    write_tree({"a.py": "a\n"}, out)
    assert read_tree(out) == {"a.py": "a\n"}


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.parametrize(("mask", "folder", "file"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_folders_and_files_get_the_modes_of_the_umask(
    tmp_path: Path, umask: None, mask: int, folder: int, file: int
) -> None:
    os.umask(mask)
    out = tmp_path / "out"
    write_tree(OLD, out)
    write_tree(NEW, out)  # the second run swaps a staging folder in: it must not be mkdtemp's 0700
    for path in [out, *out.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (folder if path.is_dir() else file), path


def test_the_swap_is_one_atomic_exchange_of_the_two_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The output folder is never missing: the new tree takes its place in one step, with no rename of the old."""
    out = tmp_path / "out"
    write_tree(OLD, out)
    renames: list[tuple[str, str]] = []
    real_rename = os.rename
    monkeypatch.setattr(os, "rename", lambda a, b: renames.append((str(a), str(b))) or real_rename(a, b))
    write_tree(NEW, out)
    assert renames == []
    assert read_tree(out) == NEW


@pytest.mark.parametrize("failing_write", [1, 3])
def test_a_failure_while_writing_leaves_the_old_folder_and_no_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_write: int
) -> None:
    out = tmp_path / "out"
    write_tree(OLD, out)
    writes = 0
    real_open = open

    def full_disk(path: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        nonlocal writes
        if "w" in mode:
            writes += 1
            if writes == failing_write:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_tree(NEW, out)
    monkeypatch.undo()
    assert read_tree(out) == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_interruption_during_the_swap_waits_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C arriving during the swap is delivered after it: the folder is whole, old or new, never in between."""
    out = tmp_path / "out"
    write_tree(OLD, out)
    real_exchange = writer.exchange

    def interrupted_exchange(first: Path, second: Path) -> bool:
        os.kill(os.getpid(), 2)  # SIGINT, blocked during the swap
        return real_exchange(first, second)

    monkeypatch.setattr(writer, "exchange", interrupted_exchange)
    with pytest.raises(KeyboardInterrupt):
        write_tree(NEW, out)
    assert read_tree(out) == NEW  # the swap finished before the interrupt was raised
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_without_an_atomic_exchange_the_old_folder_is_moved_aside_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_tree(OLD, out)
    monkeypatch.setattr(writer, "exchange", lambda first, second: False)
    assert write_tree(NEW, out) == (3, 1)
    assert read_tree(out) == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _folder(path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text)


def test_recovery_puts_back_an_output_folder_a_crash_moved_aside(tmp_path: Path) -> None:
    """A crash between the two renames of the fallback leaves no output folder: the next run restores the old one
    (with its history) and removes the half-written staging folder."""
    out = tmp_path / "out"
    _folder(backup_folder(out), OLD)
    _folder(staging_folder(out), {"a.py": "half"})
    assert recover(out) == []
    assert read_tree(out) == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_recovery_removes_what_a_crash_after_the_swap_left(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _folder(out, NEW)
    _folder(staging_folder(out), OLD)  # the old tree, after the exchange
    _folder(backup_folder(out), OLD)
    assert recover(out) == []
    assert read_tree(out) == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_recovery_of_what_earlier_versions_of_the_generator_left(tmp_path: Path) -> None:
    """The writer before this one renamed the old folder to ``.out.old-PID``: a kill there lost the output folder."""
    out = tmp_path / "out"
    _folder(tmp_path / ".out.old-4242", OLD)
    _folder(tmp_path / ".out.new-abc123", {"a.py": "half"})
    assert recover(out) == []
    assert read_tree(out) == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

    _folder(tmp_path / ".out.old-777", {"api-snapshot.json": "an older history"})
    notes = recover(out)  # the output folder exists: the backup may hold a history worth keeping
    assert len(notes) == 1 and ".out.old-777" in notes[0]
    assert (tmp_path / ".out.old-777").is_dir()


def test_unrelated_neighbours_are_never_touched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in (".out.old-x", ".out.newer", ".other.sdkgen-new", "out2"):
        (tmp_path / name).mkdir()
    write_tree(OLD, out)
    recover(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.sdkgen-new",
        ".out.newer",
        ".out.old-x",
        "out",
        "out2",
    ]


def test_an_exact_read_keeps_line_breaks_and_an_invalid_byte_is_compared_to_the_byte(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree({"a.md": "a\n", "b.md": "b\ufffd\n"}, out)
    (out / "a.md").write_bytes(b"a\r\n")
    (out / "b.md").write_bytes(b"b\xff\n")  # reads as the same text, U+FFFD, with errors replaced
    assert read_tree(out, exact=True) == {"a.md": "a\r\n", "b.md": "b\ufffd\n"}
    write_tree({"a.md": "a\n", "b.md": "b\ufffd\n"}, out)
    assert (out / "a.md").read_bytes() == b"a\n" and (out / "b.md").read_bytes() == "b\ufffd\n".encode()
