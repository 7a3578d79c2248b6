"""The output folder is replaced atomically; files unchanged to the byte are shared with the old folder, not rewritten."""

from __future__ import annotations

from pathlib import Path

from generator.writer import read_tree, write_tree


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


def test_a_file_that_is_gone_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree({"a.py": "a\n", "old.py": "old\n"}, out)
    write_tree({"a.py": "a\n"}, out)
    assert read_tree(out) == {"a.py": "a\n"}
