"""``python -m realworld.names``: how close the zero-config SDK's names come to what users of the official SDKs type.

For the OpenAI document: the share of the endpoints that openai-python documents (``../shared/reference/
openai-surface.tsv``: verb, path, dotted name) which :func:`generator.api.placement.place` puts at the same dotted name,
a leading ``beta.`` or ``admin.`` of the official name aside (only a hand-written config adds those), with the misses.
For every document of ``../shared/specs``: the longest method name and any version-like resource (``v1``).
The reference is a yardstick only: the generator never reads it. Prints a Markdown section; ``--tree NAME`` prints a
document's whole placement instead, one ``METHOD path -> dotted name`` a line.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.api import parser
from generator.api.placement import Placement
from generator.inputs.document import Document

from . import documents

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPECS = SHARED / "specs"
REFERENCE = SHARED / "reference" / "openai-surface.tsv"
MEASURED = "openai"
NAMESPACES = ("beta.", "admin.")
VERSION_LIKE = re.compile(r"^(v\d+.*|\d+(\.\d+)*|api)$", re.IGNORECASE)


@dataclass
class Surface:
    """The official names met and missed; an endpoint with two official names counts once, met by either."""

    total: int = 0
    same: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list[tuple[str, str, str, str]])
    """``(VERB, path, official name(s), ours)`` for each endpoint placed elsewhere."""

    @property
    def share(self) -> float:
        return self.same / self.total if self.total else 0.0


@dataclass(frozen=True)
class Shape:
    """What one document's placement looks like."""

    name: str
    operations: int
    resources: int
    longest: str
    version_like: tuple[str, ...]


def placements(doc: dict[str, Any]) -> dict[tuple[str, str], Placement]:
    """Where the generator puts every operation of ``doc`` with no config (the parser's own placement)."""
    return parser.placements(Document(doc, "document"))


def reference(path: Path) -> dict[tuple[str, str], list[str]]:
    """``{(verb, path): [official dotted names]}`` from the tab-separated reference (``#`` lines are comments)."""
    table: dict[tuple[str, str], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            verb, route, name = line.split("\t")[:3]
            table.setdefault((verb.lower(), route), []).append(name)
    return table


def compare(placed: dict[tuple[str, str], Placement], official: dict[tuple[str, str], list[str]]) -> Surface:
    surface = Surface()
    for (verb, route), names in official.items():
        surface.total += 1
        accepted = set(names) | {n.removeprefix(p) for n in names for p in NAMESPACES if n.startswith(p)}
        ours = placed[(verb, route)].dotted if (verb, route) in placed else "(not in the document)"
        if ours in accepted:
            surface.same += 1
        else:
            surface.misses.append((verb.upper(), route, " / ".join(names), ours))
    return surface


def shape(name: str, placed: dict[tuple[str, str], Placement]) -> Shape:
    resources = {p.resource_path[: i + 1] for p in placed.values() for i in range(len(p.resource_path))}
    longest = max((p.method for p in placed.values()), key=len, default="")
    version_like = sorted({".".join(r) for r in resources if VERSION_LIKE.match(r[-1])})
    return Shape(name, len(placed), len(resources), longest, tuple(version_like))


def read_documents(specs: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for document in documents.discover(specs):
        yield document.name, documents.load(document.path)


def report(specs: Path, tsv: Path) -> str:
    """The Markdown section."""
    lines = ["## Names", ""]
    shapes: list[Shape] = []
    for name, doc in read_documents(specs):
        placed = placements(doc)
        shapes.append(shape(name, placed))
        if name == MEASURED and tsv.exists():
            lines += _surface_lines(compare(placed, reference(tsv)))
    lines += [
        "| document | operations | resources | longest method name | version-like resources |",
        "|---|---:|---:|---|---|",
    ]
    for s in shapes:
        version_like = ", ".join(f"`{v}`" for v in s.version_like) or "none"
        lines.append(
            f"| {s.name} | {s.operations} | {s.resources} | `{s.longest}` ({len(s.longest)}) | {version_like} |"
        )
    return "\n".join(lines) + "\n"


def _surface_lines(surface: Surface) -> list[str]:
    lines = [
        f"Zero-config placement of the OpenAI document against openai-python's documented surface: "
        f"**{surface.same} of {surface.total} endpoints ({surface.share:.0%})** at the same dotted name "
        f"(a leading `beta.`/`admin.` of the official name aside).",
        "",
        f"Misses ({len(surface.misses)}):",
        "",
        "| endpoint | official | ours |",
        "|---|---|---|",
    ]
    lines += [f"| `{verb} {route}` | `{official}` | `{ours}` |" for verb, route, official, ours in surface.misses]
    return [*lines, ""]


def tree(specs: Path, name: str) -> str:
    doc = documents.load(next(d.path for d in documents.discover(specs) if d.name == name))
    placed = placements(doc)
    return "\n".join(f"{verb.upper():7} {route} -> {p.dotted}" for (verb, route), p in placed.items()) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m realworld.names", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--specs", type=Path, default=SPECS, help="folder of document folders")
    parser.add_argument("--reference", type=Path, default=REFERENCE, help="the official surface (TSV)")
    parser.add_argument("--tree", metavar="NAME", help="print one document's placement instead")
    args = parser.parse_args(argv)
    if not args.specs.is_dir():
        print(f"skipped: {args.specs} is absent (the real-world documents live in ../shared/specs)")
        return 0
    sys.stdout.write(tree(args.specs, args.tree) if args.tree else report(args.specs, args.reference))
    return 0


if __name__ == "__main__":
    sys.exit(main())
