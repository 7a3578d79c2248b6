"""``python -m realworld.names``: how close the zero-config SDK's names come to what users of the official SDKs type.

For the OpenAI document: the share of the endpoints that openai-python documents (``../shared/reference/
openai-surface.tsv``: verb, path, dotted name) which :func:`generator.api.placement.place` puts at the same dotted name,
a leading ``beta.`` or ``admin.`` of the official name aside (only a hand-written config adds those), with the misses.
For every document of ``../shared/specs`` (loaded as the generator loads it, at SOURCE.txt's ``main:``): the longest
method name, any version-like resource below the top (``stores.v1``), and the names a person would flag as
machine-made (:func:`machine_made`).
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
from generator.api.placement import Endpoint, Placement
from generator.core.naming import singular, words
from generator.inputs.document import Document
from generator.inputs.loader import load_document

from . import documents, official

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPECS = SHARED / "specs"
REFERENCE = SHARED / "reference" / "openai-surface.tsv"
MEASURED = "openai"
NAMESPACES = ("beta.", "admin.")
VERSION_LIKE = re.compile(r"^(v\d+.*|\d+(\.\d+)*|api)$", re.IGNORECASE)
HTTP_WORDS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "trace"})
ALONE = frozenset({"post", "put", "patch", "head", "options", "trace"})
"""HTTP methods no one names a method after on their own (``get`` and ``delete`` are ordinary verbs)."""
TRAILING = re.compile(r"v?\d+|json|xml")
"""Last words that say a name was made from a file name or a version, or numbered to tell it apart."""
FILLER = frozenset({"a", "an", "the", "and", "or", "to", "for", "from", "in", "of", "by", "on", "with", "at"})
QUALIFIERS = frozenset({"by", "from", "with", "for", "of", "in", "to", "per"})
SHORT = frozenset(
    "a an as at by do go id if in is it me my no of on or to up us we ai db ip os ui id io tv pr qr ok".split()
)
"""Words of one or two letters people write; any other short word in a run is a fragment of a generated token."""
VOWELS = re.compile(r"[aeiouy]")


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
    """Version-like resources below the top (a version namespace, ``v2.voices`` beside ``voices``, is not one)."""
    machine_made: tuple[tuple[str, str, str], ...] = ()
    """:func:`flagged`'s finds."""


def placements(doc: dict[str, Any]) -> dict[tuple[str, str], Placement]:
    """Where the generator puts every operation of ``doc`` with no config (the parser's own placement)."""
    return parser.placements(Document(doc, "document"))


def reference(path: Path) -> dict[tuple[str, str], list[str]]:
    """``{(verb, path): [official dotted names]}`` from the tab-separated reference (read by
    :func:`realworld.official.reference`)."""
    return {key: [row.dotted for row in rows] for key, rows in official.reference(path).items()}


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


def shape(name: str, placed: dict[tuple[str, str], Placement], endpoints: list[Endpoint] | None = None) -> Shape:
    resources = {p.resource_path[: i + 1] for p in placed.values() for i in range(len(p.resource_path))}
    longest = max((p.method for p in placed.values()), key=len, default="")
    version_like = sorted({".".join(r) for r in resources if r[1:] and VERSION_LIKE.match(r[-1])})
    found = tuple(flagged(placed, endpoints or []))
    return Shape(name, len(placed), len(resources), longest, tuple(version_like), found)


def measure(name: str, doc: Document) -> tuple[dict[tuple[str, str], Placement], Shape]:
    """A loaded document's placement and its shape."""
    found = parser.operations_of(doc)
    placed = parser.placements(doc, found)
    return placed, shape(name, placed, [endpoint for endpoint, *_ in found])


def machine_made(name: str, endpoint: Endpoint) -> str | None:
    """Why a person would flag ``name`` (a method or resource name of ``endpoint``) as machine-made, else ``None``:
    an HTTP method word in it, a path parameter's name in it, a trailing number, version or ``json``, a repeated
    word, or a random-looking token. What the path itself spells is the API's own name, never flagged
    (``speech_to_speech``, ``load_15``, ``create_post`` beside ``/posts``)."""
    parts = name.rstrip("_").split("_")
    path = endpoint.path.partition("?")[0]
    segments = [words(s.partition(".")[0]) for s in re.split(r"\{[^}]*\}|/", path)]
    literal = {singular(w) for s in segments for w in s}
    for i, part in enumerate(parts):
        if part in HTTP_WORDS and (i > 0 or (len(parts) == 1 and part in ALONE)) and singular(part) not in literal:
            return f"the HTTP method {part!r}"
    for param in re.findall(r"\{([^}]*)\}", path):
        wanted = words(param)
        if wanted and not {singular(w) for w in wanted} <= literal:
            at = [i for i in range(len(parts)) if parts[i : i + len(wanted)] == wanted]
            if any(not QUALIFIERS & set(parts[:i]) for i in at):
                return f"the path parameter {param!r}"
    if len(parts) > 1 and TRAILING.fullmatch(parts[-1]) and not any(s[1:] and s[-1] == parts[-1] for s in segments):
        return f"the trailing {parts[-1]!r}"
    repeated = [
        p for p in parts if p not in FILLER and parts.count(p) > 1 and not any(s.count(p) > 1 for s in segments)
    ]
    if repeated:
        return f"the repeated {repeated[0]!r}"
    for i in range(len(parts) - 3):
        window = parts[i : i + 4]
        odd = [p for p in window if p not in SHORT and (p.isdigit() or len(p) == 1 or not VOWELS.search(p))]
        if len("".join(window)) <= 12 and len(odd) >= 2:
            return f"the random-looking {'_'.join(window)!r}"
    return None


def flagged(placed: dict[tuple[str, str], Placement], endpoints: list[Endpoint]) -> list[tuple[str, str, str]]:
    """``(METHOD path, dotted name, why)`` for each operation with a machine-made method or resource name."""
    found = []
    for endpoint in endpoints:
        placement = placed[endpoint.key]
        for name in (*placement.resource_path, placement.method):
            why = machine_made(name, endpoint)
            if why:
                found.append((f"{endpoint.method.upper()} {endpoint.path}", placement.dotted, why))
                break
    return found


def entry_documents(specs: Path) -> Iterator[tuple[str, Document]]:
    """Every document of ``specs`` as the generator loads it (its files joined), entered where SOURCE.txt's
    ``main:`` line says, else at the folder's first YAML or JSON file."""
    for folder in sorted(p for p in specs.iterdir() if p.is_dir()):
        source = folder / "SOURCE.txt"
        lines = source.read_text(encoding="utf-8").splitlines() if source.exists() else []
        main = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("main:")), None)
        found = [folder / main] if main else sorted(p for p in folder.iterdir() if p.suffix in documents.SUFFIXES)
        if found:
            yield folder.name, load_document(found[0], folder.name)


def report(specs: Path, tsv: Path) -> str:
    """The Markdown section."""
    lines = ["## Names", ""]
    shapes: list[Shape] = []
    for name, doc in entry_documents(specs):
        placed, found = measure(name, doc)
        shapes.append(found)
        if name == MEASURED and tsv.exists():
            lines += _surface_lines(compare(placed, reference(tsv)))
    lines += [
        "| document | operations | resources | longest method name | version-like resources | machine-made names |",
        "|---|---:|---:|---|---|---:|",
    ]
    for s in shapes:
        version_like = ", ".join(f"`{v}`" for v in s.version_like) or "none"
        lines.append(
            f"| {s.name} | {s.operations} | {s.resources} | `{s.longest}` ({len(s.longest)}) | {version_like} "
            f"| {len(s.machine_made)} |"
        )
    flagged_lines = [
        f"- {s.name}: `{where}` -> `{dotted}` ({why})" for s in shapes for where, dotted, why in s.machine_made
    ]
    if flagged_lines:
        lines += ["", "Names a person would flag as machine-made (`realworld.names.machine_made`):", "", *flagged_lines]
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
