"""A build collects garbage less often than Python's default (a tenth of a warm run was spent in collections)."""

from __future__ import annotations

import gc

from generator import pipeline


def test_a_build_raises_the_young_generations_threshold_and_restores_it() -> None:
    before = gc.get_threshold()
    with pipeline._collecting_less():  # pyright: ignore[reportPrivateUsage]
        assert gc.get_threshold() == (max(before[0], pipeline.YOUNG_OBJECTS), *before[1:])
    assert gc.get_threshold() == before
