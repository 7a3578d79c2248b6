"""``python -m realworld.official``: how close an SDK generated from the OpenAI document, with a config, comes to
the official openai-python's surface as ``../shared/reference/openai-surface.tsv`` lists it.

For each endpoint of the reference (verb, path, dotted name, return type, the package the type is imported from):
whether the SDK has the endpoint at that dotted name, whether the method returns a type of that name (the item type
of a page: ``SyncCursorPage[Assistant]`` is met by a page of ``Assistant``; a binary result by the SDK's binary
response), and whether that type is importable from that package. The reference is a yardstick only: the generator
never reads it.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.api import parser
from generator.api.ir import Api, Operation
from generator.api.settings import SdkConfig
from generator.core.errors import GenerationError
from generator.pipeline import read_api
from generator.pytypes.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DOCUMENT = SHARED / "specs" / "openai" / "openapi.yaml"
REFERENCE = SHARED / "reference" / "openai-surface.tsv"
CONFIG = ROOT / "examples" / "openai" / "sdk.yaml"
BINARY = "HttpxBinaryResponseContent"
_CONTAINER = re.compile(r"^\w+\[(\w+)\]$")


@dataclass(frozen=True)
class Official:
    verb: str
    path: str
    dotted: str
    returns: str
    package: str


@dataclass
class Match:
    """Endpoints of the reference (one with two official names counts once, met by either) and what each met."""

    total: int = 0
    names: int = 0
    types: int = 0
    packages: int = 0
    misses: list[str] = field(default_factory=list[str])

    def share(self, count: int) -> str:
        return f"{count}/{self.total} ({100 * count / self.total:.1f}%)" if self.total else "0/0"


def reference(path: Path = REFERENCE) -> dict[tuple[str, str], list[Official]]:
    """The official endpoints by ``(verb, path)`` from the tab-separated reference (``#`` lines are comments)."""
    table: dict[tuple[str, str], list[Official]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            verb, route, dotted, returns, package = (line.split("\t") + [""] * 5)[:5]
            table.setdefault((verb.lower(), route), []).append(Official(verb.lower(), route, dotted, returns, package))
    return table


def returned(op: Operation, types: Registry | None = None) -> str:
    """The name of what a method returns, as the reference spells it: a page's item type (a named type by the name
    users import it by), ``None``, or :data:`BINARY` for bytes."""
    if op.response_kind == "binary":
        return BINARY
    found = op.item if op.page is not None and op.item is not None else op.response
    if found is None:
        return "None"
    named = types.named.get(found.annotation) if types is not None else None
    return named.class_name if named is not None else found.annotation


def _package(api: Api, op: Operation) -> str:
    """The package the SDK's method's named return type is imported from (``openai.types.beta.threads``); ``""`` for
    anything else."""
    found = op.item if op.page is not None and op.item is not None else op.response
    named = api.types.named.get(found.annotation) if found is not None and op.response_kind == "json" else None
    return ".".join((api.package_name, "types", *named.package)) if named is not None else ""


def _official_type(returns: str) -> str:
    found = _CONTAINER.match(returns)
    return found.group(1) if found else returns


def measure(api: Api, table: dict[tuple[str, str], list[Official]]) -> Match:
    ops = {
        (op.http_method.lower(), op.path): (".".join((*r.path, op.method_name)), op)
        for r in api.walk()
        for op in r.operations
    }
    match = Match()
    for key, officials in sorted(table.items()):
        match.total += 1
        dotted, op = ops.get(key, ("(not in the document)", None))
        ours = returned(op, api.types) if op is not None else "-"
        package = _package(api, op) if op is not None else ""
        met = [o for o in officials if o.dotted == dotted]
        typed = [o for o in officials if _official_type(o.returns) == ours]
        packaged = [o for o in typed if o.package == package]
        match.names += bool(met)
        match.types += bool(typed)
        match.packages += bool(packaged)
        if not met or not packaged:
            names = " / ".join(f"{o.dotted} -> {o.package or '-'}.{o.returns}" for o in officials)
            match.misses.append(
                f"{key[0].upper()} {key[1]}: official {names}; ours {dotted} -> {package or '-'}.{ours}"
            )
    return match


def parse_with(config: Path | None, document: Path = DOCUMENT) -> Api:
    doc, sdk_config, _, _ = read_api(document, config)
    return parser.parse(doc, sdk_config if config is not None else SdkConfig(), keep_going=True).api


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="python -m realworld.official", description=(__doc__ or "").split("\n")[0])
    args.add_argument("--config", type=Path, default=CONFIG, help="the sdk.yaml (default: examples/openai/sdk.yaml)")
    args.add_argument("--zero-config", action="store_true", help="measure the SDK with no config instead")
    args.add_argument("--misses", action="store_true", help="list every endpoint that misses its name or type")
    options = args.parse_args(argv)
    if not DOCUMENT.exists() or not REFERENCE.exists():
        print(f"needs {DOCUMENT} and {REFERENCE}", file=sys.stderr)
        return 2
    try:
        api = parse_with(None if options.zero_config else options.config)
    except GenerationError as exc:
        print("\n".join(map(str, exc.problems)), file=sys.stderr)
        return 1
    match = measure(api, reference())
    print(f"- dotted names: {match.share(match.names)}")
    print(f"- return type names: {match.share(match.types)}")
    print(f"- return type names imported from the official package: {match.share(match.packages)}")
    if options.misses:
        print("\n".join(f"  - {miss}" for miss in match.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
