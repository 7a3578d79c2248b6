"""Lay out a list of API changes: readable text grouped by where users meet them, or JSON for tools."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

from generator.core.text import printable
from generator.release.diff import IMPACTS, Change
from generator.release.versioning import parse_version, release_part

LABELS = {"breaking": "BREAKING", "addition": "added", "other": "changed"}
REPORT_FORMAT = 1


def summary(changes: list[Change]) -> dict[str, int]:
    return {impact: sum(1 for c in changes if c.impact == impact) for impact in IMPACTS}


def _counts(changes: list[Change]) -> str:
    counts = summary(changes)
    words = {"breaking": ("breaking change", "breaking changes"), "addition": ("addition", "additions")}
    words["other"] = ("other change", "other changes")
    return ", ".join(f"{counts[i]} {words[i][counts[i] != 1]}" for i in IMPACTS)


def bump_name(
    changes: list[Change],
    old_version: str | None = None,
    new_version: str | None = None,
    api_changed: bool | None = None,
) -> str:
    """``major``, ``minor``, ``patch`` or ``none``: read from the two versions when known, else by the version rule
    (:func:`~generator.release.versioning.release_part`) from the changes and whether the API changed at all (when
    not told: whether anything was reported)."""
    old, new = parse_version(old_version or ""), parse_version(new_version or "")
    if old is not None and new is not None:
        return next((part for part, a, b in zip(("major", "minor", "patch"), old, new, strict=True) if a != b), "none")
    return release_part(changes, bool(changes) if api_changed is None else api_changed)


def bump_line(
    changes: list[Change],
    old_version: str | None = None,
    new_version: str | None = None,
    api_changed: bool | None = None,
) -> str:
    bump = bump_name(changes, old_version, new_version, api_changed)
    versions = f" ({old_version} -> {new_version})" if old_version and new_version else ""
    return f"{_counts(changes)}; version bump: {bump}{versions}"


def text(
    changes: list[Change],
    old: str,
    new: str,
    old_version: str | None = None,
    new_version: str | None = None,
    api_changed: bool | None = None,
) -> str:
    """The report as plain text: a header, one block per group, a summary line."""
    lines = [f"API changes from {old} to {new}", ""]
    if not changes:
        why = ": descriptions, examples or settings changed" if api_changed else ""
        lines += [f"No changes to the SDK's interface{why}.", ""]
    for group, members in groupby(changes, key=lambda c: c.group):
        lines.append(group)
        for change in members:
            line = f"  {LABELS[change.impact]:<8}  {printable(change.location)}: {printable(change.message)}"
            if change.direction and change.group.endswith(".types"):
                line += f" (in {change.direction}s)"
            line += f"  [{change.rule}]"
            lines.append(line)
            if change.note:
                lines.append(f"            {printable(change.note)}")
        lines.append("")
    lines.append(bump_line(changes, old_version, new_version, api_changed))
    return "\n".join(lines) + "\n"


def as_json(
    changes: list[Change],
    old: str,
    new: str,
    old_version: str | None = None,
    new_version: str | None = None,
    api_changed: bool | None = None,
) -> str:
    """The report as JSON (``format`` 1): the inputs, counts, the version bump, and every change."""
    data: dict[str, Any] = {
        "format": REPORT_FORMAT,
        "old": old,
        "new": new,
        "summary": {**summary(changes), "bump": bump_name(changes, old_version, new_version, api_changed)},
        "old_version": old_version,
        "new_version": new_version,
        "changes": [c.as_json() for c in changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
