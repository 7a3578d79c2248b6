"""The class names a config gives component schemas: one name for one schema (``types`` entries whose value is a
schema's pointer), and renaming rules for many (``type_names``: a pattern of schema names and the name it gives,
``(.+)Object: \\1``).

A rule never takes a name another schema has or was given: that schema keeps its own name instead, so a rule is
safe on any document (with types in packages, that name is its public name where its package has no other type of
that name: :mod:`generator.api.type_packages`). A name given to one schema must not be another's own name, unless that one
is renamed too. A ``types`` key may name the package before the class (``beta.threads.Run``): the class is the last
name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from generator.core.errors import Problem, pointer
from generator.core.naming import class_name

SCHEMA_POINTER = "#/components/schemas/"

SENT_SHAPES = {r"(.+)Param": r"\1"}
"""The naming rule after the config's ``type_names``: a schema named ``...Param`` describes what is sent, so its model
(what is read back) drops the word and leaves it to its request-side twin (``CustomToolParam`` -> the model
``CustomTool`` and the TypedDict ``CustomToolParam``, as the official SDKs name such pairs), unless another schema
has the name (then the model keeps its own)."""


def component_names(
    schemas: Iterable[str], given: Mapping[str, str], rules: Mapping[str, str], source: str
) -> tuple[dict[str, str], list[Problem]]:
    """``{schema name: class name}`` for the schemas the config names (``given``: class name -> schema pointer;
    ``rules``: pattern -> replacement, tried in order, the first that matches the whole schema name decides), and
    the problems of the config's entries, at their pointers into ``source``."""
    schemas = list(schemas)
    own = {class_name(s): s for s in schemas}
    names, problems = _given(own, given, source)
    taken = set(own) | set(names.values())
    for schema in schemas:
        if schema in names:
            continue
        new = first_rule(schema, rules)
        if new is not None and new.isidentifier() and new not in taken:
            names[schema] = new
            taken.add(new)
    return names, problems


def first_rule(schema: str, rules: Mapping[str, str]) -> str | None:
    """The name the first rule whose pattern matches the whole schema name gives it."""
    for pattern, replacement in rules.items():
        match = re.fullmatch(pattern, schema)
        if match is not None:
            return match.expand(replacement)
    return None


def _given(own: Mapping[str, str], given: Mapping[str, str], source: str) -> tuple[dict[str, str], list[Problem]]:
    names: dict[str, str] = {}
    problems: list[Problem] = []
    schemas = set(own.values())
    keys: dict[str, str] = {}
    for key, target in given.items():
        if not target.startswith("#"):
            continue  # a method's response: :mod:`generator.api.named_responses`
        schema = target.removeprefix(SCHEMA_POINTER)
        if not target.startswith(SCHEMA_POINTER) or schema not in schemas:
            problems.append(Problem(source, pointer("types", key), f"{target!r} is not a schema of the document", _HOW))
        else:
            names[schema], keys[schema] = key.rpartition(".")[2], key
    for schema, name in names.items():
        other = own.get(name)
        if other is not None and other != schema and other not in names:
            problems.append(
                Problem(
                    source,
                    pointer("types", keys[schema]),
                    f"{name!r} is the name of the schema {SCHEMA_POINTER}{other}",
                    "give that schema another name too, or choose a free one",
                )
            )
    return names, problems


_HOW = f"write a component schema's pointer: '{SCHEMA_POINTER}Name'"
