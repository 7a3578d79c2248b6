"""The config's ``parameters``: a parameter as the SDK takes it, in every operation that has it.

``anthropic-beta: {name: betas, list: true}`` makes the header parameter ``anthropic-beta``, a string in the
document, the argument ``betas: list[str]``, sent as ``a,b`` (the ``simple`` style of headers and paths; a query
parameter is joined the same way). ``name`` alone renames the argument; the name on the wire stays. An entry that
names no parameter of the document, or asks a list of a parameter that is not a string, is an error at
``sdk.yaml#/parameters/NAME``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from generator.api.ir import QueryStyle
from generator.core.errors import Problem, pointer
from generator.pytypes.kinds import ListOf, PyType, Scalar


class ParameterOptions:
    """The ``parameters`` entries, applied parameter by parameter; what was used, and the problems found."""

    def __init__(self, entries: Mapping[str, Mapping[str, Any]], source: str) -> None:
        self.entries = entries
        self.source = source
        self.seen: set[str] = set()
        """The wire names of every parameter met, for the suggestion of an entry that names none."""
        self.problems: list[Problem] = []

    def name(self, wire: str) -> str:
        """The argument name the config gives the parameter ``wire``, or ``wire`` itself."""
        self.seen.add(wire)
        name = self.entries.get(wire, {}).get("name")
        return name if isinstance(name, str) else wire

    def typed(
        self, wire: str, where: str, type_: PyType, resolved: PyType, style: QueryStyle
    ) -> tuple[PyType, QueryStyle]:
        """The argument's type and style: ``list[str]`` joined by commas where the entry says ``list: true``."""
        if not self.entries.get(wire, {}).get("list"):
            return type_, style
        if not (isinstance(resolved, Scalar) and resolved.annotation == "str"):
            self.problems.append(
                Problem(
                    self.source,
                    pointer("parameters", wire, "list"),
                    f"the {where} parameter {wire!r} is {resolved.annotation}, not a string the API reads as a "
                    "comma-separated list",
                    "remove list: true",
                )
            )
            return type_, style
        return ListOf(Scalar("str")), "form_csv" if where == "query" else style

    def unused(self) -> list[Problem]:
        """An entry that names no parameter of the document: an error at it, with the closest name."""
        found = list(self.problems)
        for wire in sorted(set(self.entries) - self.seen):
            close = difflib.get_close_matches(wire, sorted(self.seen), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "name a path, query, header or cookie parameter"
            found.append(
                Problem(self.source, pointer("parameters", wire), f"no operation has a parameter {wire!r}", hint)
            )
        return found
