"""datamodel-code-generator's modules moved into the packages of ``types`` their types are placed in
(:mod:`generator.api.type_packages`), with every import between them written for the new places, and each class that is
public under another name (:attr:`NamedType.public`) defined under that name.

datamodel-code-generator writes one flat folder whose modules import each other as ``from .module import Name``; each is
rewritten to import from the module's new place (``from ..beta.threads.message_object import Message as
MessageObject``: the rest of the module keeps spelling the type by its name). The shared modules of types that refer
to each other in a cycle (``_internal.py``) stay in ``types``.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Mapping
from functools import partial

from generator.pytypes.registry import NamedType
from generator.request.param_modules import IndexEntry

_IMPORT = re.compile(r"^from \.(\w+) import (\([^)]*\)|[^\n]+)$", re.MULTILINE)


def place_modules(files: Mapping[str, str], models: list[NamedType]) -> dict[str, str]:
    """``{file name: source}`` of the flat folder -> ``{path inside types: source}`` (unchanged when every type is
    in ``types`` under its own name)."""
    if not any(m.package or m.public for m in models):
        return dict(files)
    by_module = {m.module: m for m in models}
    by_name = {m.name: m for m in models}
    placed: dict[str, str] = {}
    for file, text in files.items():
        named = by_module.get(file.removesuffix(".py"))
        package = named.package if named is not None else ()
        if named is not None and named.public:
            text = renamed(text, named.name, named.public)
        text = _IMPORT.sub(partial(_import, here=package, modules=by_module, names=by_name), text)
        placed["/".join((*package, file))] = text
    return placed


def _import(
    found: re.Match[str], *, here: tuple[str, ...], modules: Mapping[str, NamedType], names: Mapping[str, NamedType]
) -> str:
    """One ``from .module import ...`` of datamodel-code-generator's, from the module's place in ``here``."""
    module = found.group(1)
    target = modules.get(module)
    package = target.package if target is not None else ()
    common = 0
    while common < min(len(here), len(package)) and here[common] == package[common]:
        common += 1
    source = "." * (len(here) - common + 1) + ".".join((*package[common:], module))
    clauses = []
    for name in (n.strip() for n in found.group(2).strip("()").split(",")):
        if name:
            named = names.get(name)
            public = named.class_name if named is not None else name
            clauses.append(name if public == name else f"{public} as {name}")
    return f"from {source} import {', '.join(clauses)}"


def renamed(source: str, old: str, new: str) -> str:
    """``source`` with the name ``old`` (and the string ``"old"``, a type alias's own name) written ``new``: its
    tokens only, never inside other strings or comments."""
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if (token.type == tokenize.NAME and token.string == old) or (
            token.type == tokenize.STRING and token.string in (f'"{old}"', f"'{old}'")
        ):
            quote = token.string[0] if token.type == tokenize.STRING else ""
            edits.append((token.start[0] - 1, token.start[1], token.end[1], f"{quote}{new}{quote}"))
    for row, start, end, text in reversed(edits):
        lines[row] = lines[row][:start] + text + lines[row][end:]
    return "".join(lines)


def model_entries(models: list[NamedType]) -> dict[tuple[str, ...], list[IndexEntry]]:
    """Per folder of ``types`` (``()`` for ``types`` itself, and every folder above one that holds types), the named
    types its ``__init__`` exports, by the names users import them by."""
    found: dict[tuple[str, ...], list[IndexEntry]] = {(): []}
    for m in models:
        for size in range(len(m.package)):
            found.setdefault(m.package[:size], [])
        found.setdefault(m.package, []).append(IndexEntry(m.class_name, m.module))
    return found
