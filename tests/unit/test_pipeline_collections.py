"""What exists when a build has parsed the document is left alone by the garbage collector until the build ends (a
tenth of a warm run was spent walking it)."""

from __future__ import annotations

import gc

from generator import pipeline


def test_the_objects_of_a_build_are_frozen_inside_and_thawed_after() -> None:
    kept = [object() for _ in range(10)]
    with pipeline._collecting_less():  # pyright: ignore[reportPrivateUsage]
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0
