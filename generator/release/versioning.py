"""Semantic versions of the generated package, and the changelog entries that explain each bump."""

from __future__ import annotations

import re
from itertools import groupby

from generator.api.settings import VERSION, SdkConfig
from generator.core.text import code_span, printable
from generator.release.diff import Change, bump_for

# The policies (config ``version_policy``):
# ``semver``: breaking -> major, additions -> minor, anything else -> patch, at every version.
# ``semver-zero``: the same from 1.0.0 on; while the major version is 0, breaking -> minor and the rest -> patch.

CHANGELOG_HEADER = """# Changelog

Written by the generator, newest first. Each entry lists what changed for users of this package, found by comparing
the OpenAPI document with the one the previous release was generated from. `make generate` keeps the Unreleased
section in step with the spec (recomputed from the last release on every run, so nothing is counted twice and an
undone change disappears); `make release` gives it its version.
"""

UNRELEASED = "Unreleased"
DEV_SUFFIX = ".dev0"
"""The package version while changes are unreleased: the pending version as a PEP 440 development release."""

SECTIONS = (("breaking", "Breaking changes"), ("addition", "Additions"), ("other", "Other changes"))


def parse_version(text: str) -> tuple[int, int, int] | None:
    match = VERSION.match(text)
    if match is None:
        return None
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def bump(version: str, part: str, policy: str = "semver") -> str:
    """``version`` with ``part`` (``major``, ``minor`` or ``patch``) raised under ``policy``."""
    parsed = parse_version(version)
    if parsed is None:
        raise ValueError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    major, minor, patch = parsed
    if policy == "semver-zero" and major == 0:
        part = {"major": "minor", "minor": "patch"}.get(part, part)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def release_part(changes: list[Change], api_changed: bool) -> str:
    """The one rule for what a release raises: ``none`` for an unchanged API; otherwise the most severe change picks
    ``major``, ``minor`` or ``patch``, and an API whose interface did not change (descriptions, examples, settings
    users never type) is a patch. ``generate``, ``release`` and ``diff`` all read it."""
    return bump_for(changes) if api_changed else "none"


def next_version(recorded: str, changes: list[Change], api_changed: bool, config: SdkConfig) -> str:
    """The version after ``recorded``: :func:`release_part` raised under the config's policy (an unchanged API keeps
    ``recorded``). The config's ``version`` is a floor."""
    part = release_part(changes, api_changed)
    candidate = bump(recorded, part, config.version_policy) if part != "none" else recorded
    return later(candidate, config.version)


def later(a: str, b: str) -> str:
    """The higher of two versions."""
    return a if (parse_version(a) or (0, 0, 0)) >= (parse_version(b) or (0, 0, 0)) else b


def entry(
    version: str,
    changes: list[Change],
    api_version: str,
    old_api_version: str,
    api_changed: bool = True,
    *,
    unreleased: bool = False,
) -> str:
    """The changelog entry of one release, in Markdown; an ``unreleased`` one is headed Unreleased and names the
    version the release will take."""
    lines = [f"## {UNRELEASED if unreleased else version}", ""]
    api = f"API version {api_version}" + (f" (was {old_api_version})" if old_api_version != api_version else "")
    if unreleased:
        api = f"Next version: {version} (`make release` stamps it). {api}"
    if not api_changed:
        lines.append(f"{api}. The version was raised in the config; the API did not change.")
    elif not changes:
        lines.append(f"{api}. No change to the package's interface: descriptions, examples or settings changed.")
    else:
        lines.append(f"{api}.")
    for impact, title in SECTIONS:
        selected = [c for c in changes if c.impact == impact]
        if not selected:
            continue
        lines += ["", f"### {title}", ""]
        for group, members in groupby(selected, key=lambda c: c.group):
            for change in members:
                note = f"; {printable(change.note)}" if change.note else ""
                where = code_span(f"{group}.{change.location}")
                lines.append(f"- {where}: {printable(change.message)}{note} (`{change.rule}`)")
    return "\n".join(lines) + "\n"


def first_entry(version: str, api_version: str, operations: int) -> str:
    return f"## {version}\n\nFirst generation, from API version {api_version}: {operations} operations.\n"


def released_entries(changelog: str | None) -> list[str]:
    """The entries of released versions in ``changelog``, newest first: every section but the header and
    Unreleased."""
    sections = re.split(r"(?m)^(?=## )", changelog or "")[1:]
    return [s.rstrip("\n") + "\n" for s in sections if s.split("\n", 1)[0].strip() != f"## {UNRELEASED}"]


def changelog(old: str | None, *new_entries: str) -> str:
    """The changelog: the header, ``new_entries``, then the released entries of ``old`` (its Unreleased section is
    always recomputed, never kept)."""
    return "\n".join([CHANGELOG_HEADER, *new_entries, *released_entries(old)])
