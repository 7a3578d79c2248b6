"""Example arguments for the generated tests and docs: a Python expression per argument.

A value comes from the spec when it has one (what the parser recorded for the argument: its own example, its schema's,
a request body example's field, a default or the first enum value); otherwise it is made up from the argument's type
(required fields only, the formats' canonical values). Either way it is written as the plain data users pass
(``{"n_epochs": 3}``, ``[...]``), when it fits the argument's type as a type checker reads it
(:func:`generator.request.typefacts.fits`): a value that does not is replaced by the made-up one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.api.ir import Operation, Param
from generator.pytypes.kinds import FileType, ListOf, LiteralType, ObjectType, Ref, UnionType
from generator.pytypes.registry import Registry
from generator.request.typefacts import fits

_KINDS = {"integer": "number", "number": "number", "boolean": "bool", "string": "str"}


@dataclass(frozen=True)
class Argument:
    """One argument of an example call: ``name=source`` (or just ``source`` when positional)."""

    name: str
    source: str
    positional: bool


@dataclass(frozen=True)
class ExampleCall:
    """The arguments of one operation's example calls."""

    required: tuple[Argument, ...]
    """Only the required arguments."""
    every: tuple[Argument, ...]
    """Every argument the method takes."""

    def with_empty(self, name: str) -> tuple[Argument, ...]:
        """The required arguments with the path parameter ``name`` set to the empty string."""
        return tuple(Argument(a.name, '""', a.positional) if a.name == name else a for a in self.required)


class Examples:
    """Example values for the operations of one API; deterministic for a given spec."""

    def __init__(self, types: Registry) -> None:
        self._types = types

    def call(self, op: Operation) -> ExampleCall:
        every: list[Argument] = []
        for param in (*op.positional_params, *op.keyword_params):
            if param.is_file and isinstance(param.type, ListOf) and not param.required:
                # A list of files is sent as repeated parts, as OpenAPI says; Prism reads only a single part back,
                # so the mock cannot check it. The fixture tests check these requests against a local server.
                continue
            every.append(Argument(param.name, self.argument(param), param.location == "path"))
        required = {p.name for p in op.params if p.required}
        return ExampleCall(tuple(a for a in every if a.name in required), tuple(every))

    def argument(self, param: Param) -> str:
        """The Python source of an example value for ``param``."""
        if param.is_file or isinstance(param.type, FileType):  # a file part (or a list of them), or a whole body
            content = repr(f"example content of {param.wire_name or 'the body'}".encode())
            return f"[{content}]" if isinstance(param.type, ListOf) else content
        candidates = [param.example] if param.has_example else []
        candidates.append(param.type.made_up(self._types, 0))
        return repr(next((v for v in candidates if fits(v, param.type, self._types)), candidates[-1]))

    def dumped_model(self, param: Param) -> tuple[str, str] | None:
        """``(Model.model_validate({...}), Model)`` for an argument whose type is a model, of its example value; the
        docs show it dumped, the other way to pass an object."""
        inner = param.type.non_null()
        if not isinstance(inner, Ref) or not isinstance(self._types.definition(inner.name), ObjectType):
            return None
        candidates = [param.example] if param.has_example else []
        for value in [*candidates, inner.made_up(self._types, 0)]:
            source = inner.python(value, self._types, set())
            if source is not None:
                return source, inner.name
        return None

    def invalid(self, op: Operation) -> tuple[str, str] | None:
        """A request the spec forbids: ``(extra_query|extra_body, dict source)`` giving one argument the wrong type.

        A query parameter or body field typed only as numbers or booleans gets a word; a body field typed only as
        text gets a number. ``None`` when the operation has no such argument.
        """
        # Form fields are all text on the wire, so only query parameters and JSON fields can have a wrong type.
        body = op.body.params if op.body is not None and op.body.kind == "json" else ()
        for param in (*op.query_params, *body):
            if not param.wire_name:
                continue
            kinds = _kinds(param)
            keyword = "extra_query" if param.location == "query" else "extra_body"
            if kinds and kinds <= {"number", "bool"}:
                return keyword, repr({param.wire_name: "not-a-number"})
            if kinds == {"str"} and param.location == "body":
                return keyword, repr({param.wire_name: 12345})
        return None


def _kinds(param: Param) -> set[str]:
    """``number``, ``bool``, ``str`` (or ``other``) for each member of a scalar argument's type."""
    inner = param.type.non_null()
    members = inner.members if isinstance(inner, UnionType) else (inner,)
    found: set[str] = set()
    for member in members:
        kinds = member.non_null().kinds
        literal = isinstance(member.non_null(), LiteralType) and kinds != {"string"}
        if len(kinds) != 1 or literal or member.refs or isinstance(member, ListOf):
            found.add("other")
        else:
            found.add(_KINDS.get(next(iter(kinds)), "other"))
    return found
