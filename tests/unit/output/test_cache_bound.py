"""The cache has a size bound: past it, the entries used longest ago are removed (a read counts as a use), at most
once an hour; what is left still reads back, and a removed entry is a miss."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.output.cache import DEFAULT_LIMIT_MB, LIMIT_ENV, Cache, size_limit


def _filled(root: Path, count: int) -> Cache:
    cache = Cache(root)
    for n in range(count):
        key = f"{n:064x}"
        cache.put("format", key, "x" * 1000)
        os.utime(cache._path("format", key), (1_000_000 + n, 1_000_000 + n))  # written in order, long ago
    return cache


def _size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and p.name != ".pruned")


def test_the_entries_used_longest_ago_go_first(tmp_path: Path) -> None:
    cache = _filled(tmp_path, 10)
    assert cache.get("format", f"{0:064x}") == "x" * 1000  # the oldest, used now
    entry = _size(tmp_path) // 10
    removed = cache.prune(6 * entry, every=0)
    assert removed == 6 and _size(tmp_path) <= 6 * entry * 3 // 4
    kept = [n for n in range(10) if cache.get("format", f"{n:064x}") is not None]
    assert kept == [0, 7, 8, 9]


def test_under_the_bound_nothing_goes_and_the_check_waits_its_turn(tmp_path: Path) -> None:
    cache = _filled(tmp_path, 10)
    assert cache.prune(100 * _size(tmp_path), every=0) == 0
    assert cache.prune(1, every=3600) == 0  # checked a moment ago: not again within the hour
    assert all(cache.get("format", f"{n:064x}") == "x" * 1000 for n in range(10))
    assert cache.prune(1, every=0) == 10 and _size(tmp_path) == 0


def test_the_bound_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIMIT_ENV, "1.5")
    assert size_limit() == int(1.5 * 1024 * 1024)
    for wrong in ("", "lots", "0", "-3"):
        monkeypatch.setenv(LIMIT_ENV, wrong)
        assert size_limit() == DEFAULT_LIMIT_MB * 1024 * 1024
