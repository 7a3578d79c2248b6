"""The params modules of :mod:`generator.request.params` as the templates write them: annotations spelled for the module they
appear in, with the imports they need, and each TypedDict in the syntax its keys allow.

A name is written bare in its own module and imported elsewhere; a resource module imports a method's params module
and writes ``order_create_params.Shipping``, as its methods' names would otherwise collide. A TypedDict whose
keys are not all plain identifiers (``foo-bar``, ``from``, or a name its annotations use, like ``str``) is written
in the functional syntax, its annotations as strings, so nothing is evaluated before it is defined. Twin modules
that import each other in a cycle import the name that closes it only for type checkers.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from generator.api.ir import Operation, Param
from generator.core.text import docstring
from generator.request.params import UNCHECKED, Ann, Definition, Location, Name, ParamsModule, RequestTypes, Subscripted

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
"""A string literal as ``repr`` writes it (inside ``Literal[...]``): its words are not names."""


def relative(here: Location, target: Location) -> str:
    """The relative import of module ``target`` from module ``here``: ``..x_param``, ``...._types``."""
    package = here[:-1]
    common = 0
    while common < min(len(package), len(target)) and package[common] == target[common]:
        common += 1
    return "." * (len(package) - common + 1) + ".".join(target[common:])


@dataclass
class Spelling:
    """Writes annotations in module ``here``, collecting what it imports. Names of the ``qualified`` modules are
    written with their module (``order_create_params.Line``)."""

    here: Location
    qualified: frozenset[Location] = frozenset()
    external: dict[str, set[str]] = field(default_factory=dict[str, set[str]])
    internal: dict[Location, set[str]] = field(default_factory=dict[Location, set[str]])
    """Imported names by module; a qualified module is imported from its package, under its own name."""

    def __call__(self, ann: Ann) -> str:
        if ann.literal:
            self.external.setdefault("typing", set()).add("Literal")
        return " | ".join(self._piece(p) for p in ann.pieces)

    def _piece(self, piece: str | Name | Subscripted) -> str:
        if isinstance(piece, str):
            return piece
        if isinstance(piece, Subscripted):
            if piece.outer == "Iterable":
                self.external.setdefault("collections.abc", set()).add("Iterable")
            return f"{piece.outer}[{', '.join(self(a) for a in piece.args)}]"
        if piece.module == self.here:
            return piece.name
        if piece.module in self.qualified:
            self.internal.setdefault(piece.module[:-1], set()).add(piece.module[-1])
            return f"{piece.module[-1]}.{piece.name}"
        self.internal.setdefault(piece.module, set()).add(piece.name)
        return piece.name

    def local(self, keep: Callable[[Location], bool]) -> list[tuple[str, list[str]]]:
        """``(from, names)`` of the imports from this package's modules that ``keep`` selects."""
        return [(relative(self.here, m), sorted(n)) for m, n in sorted(self.internal.items()) if keep(m)]


@dataclass(frozen=True)
class KeyView:
    key: str
    """The key as the class syntax writes it (an identifier), or as a string literal for the functional syntax."""
    annotation: str
    doc: str


@dataclass(frozen=True)
class DefinitionView:
    name: str
    doc: str
    keys: tuple[KeyView, ...] = ()
    functional: bool = False
    alias: str | None = None
    """The aliased annotation, as a string literal."""


@dataclass(frozen=True)
class ModuleView:
    file: str
    """The path inside the package, e.g. ``types/store/order_create_params.py``."""
    doc: str
    imports: list[tuple[str, list[str]]]
    deferred: list[tuple[str, list[str]]]
    definitions: list[DefinitionView]
    """In the order they are defined: each after those it needs."""
    exported: list[str]
    """``__all__``: the method's (or twin's) class first, then the others from the outside in."""


@dataclass(frozen=True)
class IndexEntry:
    """A class a ``types`` (sub)package exports lazily, and the module it is defined in."""

    name: str
    module: str


def module_views(request: RequestTypes) -> list[ModuleView]:
    deferred = _cycle_imports(request)
    return [_module_view(m, deferred.get(m.location, frozenset())) for m in request.modules]


def _module_view(module: ParamsModule, deferred: frozenset[Location]) -> ModuleView:
    """The module's definitions, each after those it needs (the annotations are evaluated when the module runs, so
    ``__required_keys__`` is right); a name not defined yet, or imported only for type checkers, is quoted."""
    spell = Spelling(module.location)
    ready: set[Name] = set()
    strings: set[Name] = set()
    """The aliases written as strings (they name what is not defined yet): an annotation naming one is a string too."""
    definitions: list[DefinitionView] = []
    for definition in _ordered(module):
        waiting = {n for n in _names(definition) if n.module == module.location and n not in ready}
        later = waiting | {n for n in _names(definition) if n.module in deferred} | strings
        definitions.append(_definition_view(definition, spell, later))
        ready.add(Name(module.location, definition.name))
        if definition.alias is not None and _names_of(definition.alias) & later:
            strings.add(Name(module.location, definition.name))
    typing = spell.external.setdefault("typing", set())
    typing |= {"TypeAlias"} if any(d.alias is not None for d in module.definitions) else set()
    typing |= {"TypedDict"} if any(d.alias is None for d in module.definitions) else set()
    typing |= {"Required"} if any(k.required for d in module.definitions for k in d.keys) else set()
    typing |= {"TYPE_CHECKING"} if any(m in deferred for m in spell.internal) else set()
    standard = [(source, sorted(names)) for source, names in sorted(spell.external.items())]
    return ModuleView(
        "/".join(module.location) + ".py",
        docstring(module.description),
        standard + spell.local(lambda m: m not in deferred),
        spell.local(lambda m: m in deferred),
        definitions,
        [module.main] * (module.main is not None) + [d.name for d in module.definitions if d.name != module.main],
    )


def _ordered(module: ParamsModule) -> list[Definition]:
    """The definitions, each after the ones it names (in their own order where they name each other). Where a class
    and an alias name each other, the class comes first, its annotation a string: an alias written as a string is a
    ``str`` at run time, and ``Alias | UncheckedDict`` would raise a TypeError on import."""
    position = {d.name: i for i, d in enumerate(module.definitions)}
    needs = {
        d.name: {n.name for n in _names(d) if n.module == module.location and n.name in position}
        for d in module.definitions
    }
    done: set[str] = set()
    order: list[Definition] = []

    def visit(definition: Definition) -> None:
        done.add(definition.name)
        for name in sorted(needs[definition.name] - done, key=position.__getitem__):
            later = definition.alias is None and module.definitions[position[name]].alias is not None
            if name not in done and not (later and _reaches(needs, name, definition.name)):
                visit(module.definitions[position[name]])
        order.append(definition)

    for definition in module.definitions:
        if definition.name not in done:
            visit(definition)
    return order


def _reaches(needs: dict[str, set[str]], start: str, goal: str) -> bool:
    """Whether the definition ``start`` names ``goal``, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(needs.get(name, ()))
    return False


def _names(definition: Definition) -> set[Name]:
    anns = [k.annotation for k in definition.keys] + ([definition.alias] if definition.alias is not None else [])
    found: set[Name] = set()
    while anns:
        ann = anns.pop()
        for piece in ann.pieces:
            if isinstance(piece, Name):
                found.add(piece)
            elif isinstance(piece, Subscripted):
                anns.extend(piece.args)
    return found


def _definition_view(definition: Definition, spell: Spelling, later: set[Name]) -> DefinitionView:
    """``later`` holds the names not defined when ``definition`` runs: an annotation naming one is a string."""
    doc = docstring(definition.description, 4)
    if definition.alias is not None:
        return DefinitionView(definition.name, doc, alias=_written(definition.alias, spell(definition.alias), later))
    texts = [spell(k.annotation) for k in definition.keys]
    used_names = {n for text in texts for n in _IDENTIFIER.findall(_STRING.sub("", text))} | {definition.name}
    functional = not all(_plain_key(k.wire, used_names) for k in definition.keys)
    keys = tuple(
        KeyView(
            repr(k.wire) if functional else k.wire,
            _required(_written(k.annotation, text, later), k.required),
            docstring(k.description, 4),
        )
        for k, text in zip(definition.keys, texts, strict=True)
    )
    return DefinitionView(definition.name, doc, keys, functional)


def _written(ann: Ann, text: str, later: set[Name]) -> str:
    return repr(text) if _names_of(ann) & later else text


def _names_of(ann: Ann) -> set[Name]:
    return _names(Definition("", alias=ann))


def _required(annotation: str, required: bool) -> str:
    return f"Required[{annotation}]" if required else annotation


def _plain_key(key: str, used_names: set[str]) -> bool:
    """A key the class syntax can declare: an identifier, not a keyword, not mangled (``__x``), and not a name the
    class's annotations use (a field ``str`` would shadow the type ``str`` for the fields after it)."""
    return key.isidentifier() and not keyword.iskeyword(key) and not key.startswith("__") and key not in used_names


def _cycle_imports(request: RequestTypes) -> dict[Location, frozenset[Location]]:
    """For each module, the modules it imports only for type checkers: the imports that close a cycle."""
    edges: dict[Location, list[Location]] = {}
    for module in request.modules:
        spell = Spelling(module.location)
        for definition in module.definitions:
            for ann in [k.annotation for k in definition.keys] + ([definition.alias] if definition.alias else []):
                spell(ann)
        edges[module.location] = sorted(m for m in spell.internal if m != UNCHECKED and m[0] == "types")
    deferred: dict[Location, set[Location]] = {}
    done: set[Location] = set()
    for start in edges:
        _visit(start, edges, [], done, deferred)
    return {k: frozenset(v) for k, v in deferred.items()}


def _visit(
    node: Location,
    edges: dict[Location, list[Location]],
    stack: list[Location],
    done: set[Location],
    deferred: dict[Location, set[Location]],
) -> None:
    if node in done:
        return
    stack.append(node)
    for target in edges.get(node, []):
        if target in stack:
            deferred.setdefault(node, set()).add(target)
        else:
            _visit(target, edges, stack, done, deferred)
    stack.pop()
    done.add(node)


def index_entries(request: RequestTypes) -> dict[Location, list[IndexEntry]]:
    """Per folder of ``types`` (``()`` for ``types`` itself), the params classes its ``__init__`` exports."""
    found: dict[Location, list[IndexEntry]] = {}
    for module in request.modules:
        folder = module.location[1:-1]
        for sub in range(len(folder)):
            found.setdefault(folder[:sub], [])
        if module.main is not None:
            found.setdefault(folder, []).append(IndexEntry(module.main, module.location[-1]))
    return found


@dataclass(frozen=True)
class MethodTypes:
    """What the resource modules and the docs read of :class:`~generator.request.params.RequestTypes`: each
    argument's annotation, each method's params class, and the params classes ``types`` itself exports. Like
    ``RequestTypes``, a function of the API's shape (no operation's summary or description is read), so
    :mod:`generator.emit.render_memo` keeps it by shape, for the runs that render only the files showing those texts."""

    arguments: dict[tuple[str, str], Ann]
    """By operation pointer and argument name."""
    classes: dict[str, tuple[Location, str | None]]
    """By operation pointer, for the methods with a params module: its location and its main class."""
    exported: tuple[IndexEntry, ...]
    """The params classes the ``types`` package's own index exports."""

    def annotation(self, op: Operation, param: Param) -> Ann:
        return self.arguments[(op.pointer, param.name)]

    @cached_property
    def qualified(self) -> frozenset[Location]:
        """The methods' params modules: a resource module imports each under its own name."""
        return frozenset(location for location, _ in self.classes.values())


def method_types(request: RequestTypes) -> MethodTypes:
    """What :class:`MethodTypes` holds, read from ``request``."""
    classes = {pointer: (m.location, m.main) for pointer, m in request.method_modules.items()}
    return MethodTypes(request.arguments(), classes, tuple(index_entries(request).get((), [])))
