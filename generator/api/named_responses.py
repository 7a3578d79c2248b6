"""Names the config gives to what methods return, where the document has none it likes:

- a ``types`` entry whose value is a method's dotted name (``ContainerCreateResponse: containers.create``);
- a ``response_names`` rule for a whole subtree (``containers: '{Resource}{Method}Response'``: ``containers.create``
  returns ``ContainerCreateResponse``, ``containers.files.list`` pages of ``FileListResponse``), where
  ``{Resource}`` is the singular of the method's resource and ``{Method}`` its name, in PascalCase.

Each makes a type alias of that name for the method's response (for a method that returns pages, for one item) and
annotates the method with it. Methods of one rule that return the same type share one alias; a rule never takes a
name another type has (that method keeps its type), while an entry that cannot be applied is an error at its pointer.
The longest subtree with a rule decides, and an entry beats every rule. With types in packages by resource
(``type_packages: resource``), methods share an alias only within one package (where their params are), and an alias
may have the name of a type of another package (:mod:`generator.api.type_packages` checks that none shares one).
An entry's key may name the package before the class (``chat.ChatCompletionStoreMessage``): the class is the last
name.
"""

from __future__ import annotations

from dataclasses import replace

from generator.api.ir import Operation, Resource
from generator.core.errors import Problem, pointer
from generator.core.naming import pascal_case, singular
from generator.pytypes.kinds import PyType, Ref
from generator.pytypes.mapper import TypeMapper

Methods = dict[str, tuple[Resource, int]]


class ResponseNames:
    """Applies ``types`` method entries and ``response_names`` rules to the placed resources."""

    def __init__(self, types: TypeMapper, source: str, *, by_package: bool = False) -> None:
        self.types = types
        self.source = source
        self.by_package = by_package
        self.problems: list[Problem] = []
        self._aliases: dict[tuple[str, tuple[str, ...]], tuple[Ref, PyType]] = {}

    def apply(self, resources: list[Resource], given: dict[str, str], rules: dict[str, str]) -> list[Problem]:
        methods: Methods = {
            ".".join((*r.path, op.method_name)): (r, i)
            for top in resources
            for r in top.walk()
            for i, op in enumerate(r.operations)
        }
        named = self._given(methods, given)
        for dotted, (resource, index) in methods.items():
            rule = _rule(resource.path, rules)
            if dotted in named or rule is None:
                continue
            op = resource.operations[index]
            name = rule.replace("{Resource}", pascal_case(singular(resource.path[-1])))
            renamed = self._named(op, name.replace("{Method}", pascal_case(op.method_name)), resource.path)
            if isinstance(renamed, Operation):
                resource.operations[index] = renamed
        return self.problems

    def _given(self, methods: Methods, given: dict[str, str]) -> set[str]:
        named: set[str] = set()
        for key, target in given.items():
            if target.startswith("#"):
                continue  # a schema's name: :mod:`generator.pytypes.component_names`
            at, name = pointer("types", key), key.rpartition(".")[2]
            if target not in methods:
                self.problems.append(Problem(self.source, at, f"no method {target!r}", _METHOD))
                continue
            resource, index = methods[target]
            renamed = self._named(resource.operations[index], name, resource.path)
            if isinstance(renamed, str):
                self.problems.append(Problem(self.source, at, renamed))
            else:
                resource.operations[index] = renamed
                named.add(target)
        return named

    def _named(self, op: Operation, name: str, path: tuple[str, ...]) -> Operation | str:
        """The operation of the resource at ``path`` annotated with the alias ``name``, or why it cannot be."""
        paged = op.page is not None and op.item is not None
        target = op.item if paged else op.response
        if target is None or op.response_kind != "json":
            return f"{op.method_name} returns no JSON to name"
        alias = self._alias(name, target, op, path[:-1] if self.by_package else ())
        if alias is None:
            return f"{name!r} is the name of another type"
        return replace(op, item=alias) if paged else replace(op, response=alias)

    def _alias(self, name: str, target: PyType, op: Operation, package: tuple[str, ...]) -> Ref | None:
        """The alias ``name`` of ``target``, shared by the methods whose params are in one ``package``."""
        if (name, package) in self._aliases:
            ref, aliased = self._aliases[(name, package)]
            return ref if aliased == target else None
        what = "one item of what ``{}`` pages through" if op.page is not None else "what ``{}`` returns"
        text = what.format(op.method_name)
        alias = self.types.alias(name, target, text[0].upper() + text[1:] + ".", elsewhere=self.by_package)
        if alias is not None:
            self._aliases[(name, package)] = (Ref(alias.name), target)
        return alias


def _rule(path: tuple[str, ...], rules: dict[str, str]) -> str | None:
    for size in range(len(path), 0, -1):
        rule = rules.get(".".join(path[:size]))
        if rule is not None:
            return rule
    return None


_METHOD = "write the method's dotted name as the SDK has it"
