"""Which package of ``types`` each named type is written in: the config's ``type_packages``.

``flat`` (the default) writes every type in ``types``. ``resource`` files them as the official SDKs do: each type in
the package of the methods that use it (in what they return or take, however deep inside). A method's package is
where its params module is, its resource's path without the resource itself (``client.store.orders.create`` ->
``types/store``, beside ``order_create_params``); a type used by several methods goes to the deepest package that
holds all of theirs. So the types of one resource subtree sit in that subtree's package, and a type used across
top-level resources stays in ``types``. A ``types`` entry's key may pin a type's package (``beta.threads.Run``); the
types it holds then count that package among their users.

Kept in ``types`` whatever the rule: a type whose module could take a params module's name (``…_params``,
``…_param``) or a folder's, and one under a top-level folder that a module of ``types`` has the name of (the params
modules' folder is renamed then). A public name (:attr:`NamedType.public`, another type's name) is given up, and the
type keeps its own, where its package has another type of that name, where the type refers to a type of that name,
where it is part of a reference cycle (those share one module), and where a method takes it (the request side's
TypedDicts import types by their names).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from generator.api.ir import Resource
from generator.core.errors import Problem, pointer
from generator.pytypes.component_names import SCHEMA_POINTER, first_rule
from generator.pytypes.kinds import ObjectType, Ref
from generator.pytypes.registry import NamedType, Registry, mentioned

Package = tuple[str, ...]


def place_types(
    resources: list[Resource], types: Registry, pins: Mapping[str, Package], wished: Mapping[str, str]
) -> None:
    """Give every named type of ``types`` its package, and the public names ``wished`` that can be had."""
    users, requested = _users(resources, types)
    for name, package in pins.items():
        for reached in types.closure([Ref(name)]):
            users.setdefault(reached, set()).add(package)
    folders = {r.path[:size] for top in resources for r in top.walk() for size in range(1, len(r.path))}
    top_modules = {m.module.lower() for m in types}
    for named in list(types):
        package = pins.get(named.name) or _deepest_common(users.get(named.name, set()))
        if not _fits(named.module, package, folders, top_modules):
            package = ()
        types.add(replace(named, package=package, public=named.public or wished.get(named.name, "")))
    _public_names(types, requested)


def _users(resources: list[Resource], types: Registry) -> tuple[dict[str, set[Package]], set[str]]:
    """The packages of the methods that use each named type, and the types some method takes."""
    users: dict[str, set[Package]] = {}
    requested: set[str] = set()
    for top in resources:
        for resource in top.walk():
            for op in resource.operations:
                taken = types.closure([p.type for p in op.params])
                returned = [t for t in (op.response, op.item, op.stream.item if op.stream else None) if t is not None]
                requested |= taken
                for name in taken | types.closure(returned):
                    users.setdefault(name, set()).add(resource.path[:-1])
    return users, requested


def _deepest_common(packages: Iterable[Package]) -> Package:
    found: Package | None = None
    for package in packages:
        if found is None:
            found = package
            continue
        size = 0
        while size < min(len(found), len(package)) and found[size] == package[size]:
            size += 1
        found = found[:size]
    return found or ()


def _fits(module: str, package: Package, folders: set[Package], top_modules: set[str]) -> bool:
    """Whether a module may be written in ``package``: no params module or folder there can take its name, and the
    params modules' folders have the package's names."""
    if not package:
        return True
    clashes = module.endswith(("_params", "_param")) or (*package, module) in folders
    return not clashes and package[0].lower() not in top_modules


def _public_names(types: Registry, requested: set[str]) -> None:
    """Drop each public name that its package, its own references, a cycle or a request (whose TypedDicts import
    types by their names) make impossible, until none is left."""
    changed = True
    while changed:
        changed = False
        taken: dict[tuple[Package, str], int] = {}
        for named in types:
            key = (named.package, named.class_name.lower())
            taken[key] = taken.get(key, 0) + 1
        for named in list(types):
            if named.public and (named.name in requested or not _can_be_public(named, types, taken)):
                types.add(replace(named, public=""))
                changed = True


def _can_be_public(named: NamedType, types: Registry, taken: Mapping[tuple[Package, str], int]) -> bool:
    refs = mentioned(named.definition)
    if isinstance(named.definition, ObjectType):
        refs |= set(named.definition.bases)
    refs.discard(named.name)  # a class that holds itself is one module still
    unique = taken[(named.package, named.public.lower())] == 1
    return unique and named.public not in refs and named.name not in types.closure([Ref(r) for r in refs])


def wished_names(components: Mapping[str, str], given: Mapping[str, str], rules: Mapping[str, str]) -> dict[str, str]:
    """``{class name: public name}`` of the schemas whose ``type_names`` rule gave a name another type has (so they
    kept their own): the name they may have in a package of their own."""
    named = {target.removeprefix(SCHEMA_POINTER) for target in given.values()}
    wished: dict[str, str] = {}
    for schema, name in components.items():
        new = first_rule(schema, rules) if schema not in named else None
        if new is not None and new.isidentifier() and new != name:
            wished[name] = new
    return wished


def type_pins(given: Mapping[str, str], components: Mapping[str, str], resources: list[Resource]) -> dict[str, Package]:
    """The packages the config's ``types`` keys pin (``beta.threads.Run``), by the class name each entry gave."""
    methods = {".".join((*r.path, op.method_name)): op for top in resources for r in top.walk() for op in r.operations}
    pins: dict[str, Package] = {}
    for key, target in given.items():
        package, _, _ = key.rpartition(".")
        if not package:
            continue
        if target.startswith(SCHEMA_POINTER):
            name = components.get(target.removeprefix(SCHEMA_POINTER))
        else:
            op = methods.get(target)
            named = (op.item if op is not None and op.page is not None else op.response) if op is not None else None
            name = named.name if isinstance(named, Ref) else None
        if name is not None:
            pins[name] = tuple(package.split("."))
    return pins


def unused_pins(given: Mapping[str, str], source: str) -> list[Problem]:
    """With every type in ``types``, a key's package pins nothing: a warning at each such key."""
    return [
        Problem(
            source,
            pointer("types", key),
            f"{key!r} names a package, and every type is in the types package",
            "set type_packages: resource, or write the class name alone",
            warning=True,
        )
        for key in given
        if "." in key
    ]
