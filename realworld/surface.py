"""What a zero-config SDK makes of a document's operations, read from the generator's own model of the API.

Per document: the list endpoints (a GET whose response is an array, or an object around one), each either
paginated (by style), returned whole (it takes no paging parameter: the API answers with the whole list) or not paged
(it takes a paging parameter, yet no rule of :mod:`generator.api.pagination` was certain of its style: a miss, or a
case for the config's ``pagination:``); the operations whose response the SDK types only as ``object`` or ``dict[str, object]``
(untyped); the arguments renamed because a method's own option has their name; and the operations sent to a server
of their own. The document is parsed as ``generate --keep-going`` parses it.

``python -m realworld.surface DOCUMENT`` prints it as JSON (the harness runs it in a process of its own, with a
deadline: the parse is the generator's, and a generator bug may hang).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.api.ir import Operation
from generator.api.pagination.shapes import PAGING_PARAMS, norm
from generator.api.parser import parse
from generator.pipeline import read_inputs

UNTYPED = ("object", "dict[str, object]", "list[object]", "list[dict[str, object]]")


@dataclass
class Surface:
    lists: int = 0
    paginated: dict[str, int] = field(default_factory=dict[str, int])
    """Paginated list endpoints by style (``cursor``, ``next_token``, ``next_url``, ``offset``, ``page``)."""
    untyped: list[str] = field(default_factory=list[str])
    """``METHOD /path`` of each operation whose JSON response is untyped."""
    untyped_lists: int = 0
    whole: list[str] = field(default_factory=list[str])
    """``METHOD /path`` of each list endpoint returned whole: it takes no paging parameter."""
    unpaged: list[str] = field(default_factory=list[str])
    """``METHOD /path`` of each list endpoint not paged although it takes a paging parameter (no rule was certain: a
    config entry can name one)."""
    renamed: list[str] = field(default_factory=list[str])
    """``METHOD /path: name in the spec -> argument`` for each renamed argument."""
    own_server: list[str] = field(default_factory=list[str])
    """``METHOD /path -> server`` for each operation with a server of its own."""

    @property
    def paginated_total(self) -> int:
        return sum(self.paginated.values())

    def styles(self) -> str:
        """``46 cursor, 15 next_token`` (or ``none``)."""
        return ", ".join(f"{n} {style}" for style, n in sorted(self.paginated.items())) or "none"


def returns_untyped(op: Operation) -> bool:
    """Whether what a JSON operation returns (a page's item, for a paginated one) says nothing of its fields."""
    returned = op.item if op.page is not None else op.response
    return (
        op.response_kind == "json" and returned is not None and returned.annotation.removesuffix(" | None") in UNTYPED
    )


def takes_paging_parameter(op: Operation) -> bool:
    """Whether a query parameter has a paging name (``limit``, ``page``, ``cursor``, ``after``...: the names the
    generator's pagination rules know, compared as they compare them)."""
    return any(norm(p.wire_name) in PAGING_PARAMS for p in op.query_params)


def measure(spec: Path) -> Surface:
    inputs = read_inputs(spec, None, keep_going=True)  # as `generate --keep-going` reads it
    skip = [p.pointer for p in inputs.warnings if p.pointer.startswith("/paths/")]
    api = parse(inputs.doc, inputs.config, keep_going=True, skip=skip).api
    surface = Surface()
    styles: Counter[str] = Counter()
    for op in api.operations:
        where = f"{op.http_method.upper()} {op.path}"
        surface.lists += op.listing
        if op.page is not None and op.page.style != "single":
            styles[op.page.style] += 1
        elif op.listing:  # one page (or, under an API-wide config scheme, the response as it is)
            (surface.unpaged if takes_paging_parameter(op) else surface.whole).append(where)
        if returns_untyped(op):
            surface.untyped.append(where)
            surface.untyped_lists += op.listing
        surface.renamed += [f"{where}: {wire} -> {name}" for wire, name in op.renamed]
        if op.server is not None:
            surface.own_server.append(f"{where} -> {op.server}")
    surface.paginated = dict(styles)
    return surface


def from_json(data: dict[str, object]) -> Surface:
    """The surface that ``python -m realworld.surface`` printed."""
    return Surface(**data)  # type: ignore[arg-type]


if __name__ == "__main__":
    print(json.dumps(asdict(measure(Path(sys.argv[1])))))
