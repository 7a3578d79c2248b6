"""One lock per output folder: runs into sibling folders do not wait for each other (they waited on one lock, and
the message named the other run's folder as the one being written)."""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

import pytest

from generator.output.folder import lock_file, locked


class Waited(Exception):
    pass


def _refuse_to_wait() -> None:
    raise Waited


def test_sibling_output_folders_have_locks_of_their_own(tmp_path: Path) -> None:
    with locked(tmp_path / "a", _refuse_to_wait):
        with locked(tmp_path / "b", _refuse_to_wait):  # would wait for the run writing a
            pass
        with pytest.raises(Waited), locked(tmp_path / "a", _refuse_to_wait):
            pass
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no lock file is left once released


def _held(path: Path) -> bool:
    handle = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(handle)
    return False


def test_a_run_that_waited_on_a_removed_lock_file_holds_a_new_one(tmp_path: Path) -> None:
    """The holder removes the lock file as it releases it; the run that waited on it then locks a file that no
    longer has a name, which a third run could not see: it must lock the file made anew instead."""
    out, waiting, seen = tmp_path / "out", threading.Event(), list[bool]()

    def second() -> None:
        with locked(out, waiting.set):
            seen.append(lock_file(out).exists() and _held(lock_file(out)))

    with locked(out, _refuse_to_wait):
        thread = threading.Thread(target=second)
        thread.start()
        assert waiting.wait(10)
    thread.join(10)
    assert seen == [True]
