"""What the pagination rules read: a list response's shape (where its items are, the fields beside them), the list
operation's query parameters, and the kinds of values the rules compare."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.api.ir import FieldPath, Param
from generator.pytypes.kinds import ListOf, ObjectType, Property, PyType, Scalar
from generator.pytypes.registry import Registry

ITEM_NAMES = ("data", "items", "results")
NOT_ITEMS = frozenset({"errors", "warnings"})
HAS_MORE = ("hasmore", "hasnextpage", "hasnext", "more")
AFTER_PARAMS = ("after", "startingafter")
URL_WORDS = ("url", "uri", "link", "href")
TOTAL_FIELDS = ("total", "totalcount", "totalresults", "totalitems", "totalsize", "count")
PAGE_COUNT_FIELDS = ("totalpages", "numpages", "pagecount", "pages", "lastpage")
LIMIT_PARAMS = ("limit", "pagesize", "perpage", "size", "maxresults", "count")
OFFSET_PARAMS = ("offset", "skip")
PAGE_PARAMS = ("page", "pagenumber", "pageno")
PAGING_PARAMS = frozenset({"offset", "page", "cursor", "pagetoken", "before", *AFTER_PARAMS, *LIMIT_PARAMS})

Path = tuple[str, ...]


def norm(name: str) -> str:
    """A name as the rules compare it: ``next_page_token``, ``nextPageToken`` and ``NextPageToken`` are one."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def field_path(path: Path) -> FieldPath:
    """How a page class names a field: its name, the names leading to it, or ``()`` for the body itself."""
    return path[0] if len(path) == 1 else path


@dataclass(frozen=True)
class ListShape:
    """A list response: where its items are (``()``: the body is the array), their type, the fields beside them."""

    items: Path
    item: PyType
    fields: tuple[tuple[Path, Property], ...] = ()
    """Every other field, and the fields of the objects among them (``meta.next_cursor``)."""

    def find(self, names: Sequence[str], fits: Callable[[PyType], bool]) -> Path | None:
        """The first field (top level first) named one of ``names`` (compared by :func:`norm`) whose type fits."""
        for wanted in names:
            for path, prop in sorted(self.fields, key=lambda f: len(f[0])):
                if norm(path[-1]) == wanted and fits(prop.type.non_null()):
                    return path
        return None


def list_shape(response: PyType | None, types: Registry) -> ListShape | None:
    """The list a response holds, or ``None`` when it is not one."""
    found = types.resolve(response.non_null()) if response is not None else None
    if isinstance(found, ListOf):
        return ListShape((), found.item)
    if not isinstance(found, ObjectType):
        return None
    arrays = [p for p in found.properties if list_of(p.type, types) and norm(p.wire) not in NOT_ITEMS]
    if len(arrays) > 1:
        arrays = [p for p in arrays if norm(p.wire) in ITEM_NAMES]
    if len(arrays) != 1:
        return None
    listed = list_of(arrays[0].type, types)
    assert listed is not None
    fields = tuple(f for f in object_fields(found, types) if f[0][0] != arrays[0].wire)
    return ListShape((arrays[0].wire,), listed.item, fields)


FIELD_DEPTH = 3
"""How deep the rules look for a paging field: ``paging.next.after``, ``links.pages.next``."""


def object_fields(
    found: ObjectType, types: Registry, depth: int = FIELD_DEPTH, at: Path = ()
) -> tuple[tuple[Path, Property], ...]:
    """The fields of an object, each followed by the fields of its own when it is an object (``depth`` levels)."""
    fields: list[tuple[Path, Property]] = []
    for prop in found.properties:
        fields.append(((*at, prop.wire), prop))
        inner = types.resolve(prop.type.non_null())
        if isinstance(inner, ObjectType) and depth > 1:
            fields += object_fields(inner, types, depth - 1, (*at, prop.wire))
    return tuple(fields)


def list_of(type_: PyType, types: Registry) -> ListOf | None:
    found = types.resolve(type_.non_null())
    return found if isinstance(found, ListOf) else None


def is_listing(shape: ListShape, query: Sequence[Param]) -> bool:
    """Whether a list shape is a listing: an array, items under a usual name, or a paging parameter beside them."""
    return (
        shape.items == ()
        or norm(shape.items[0]) in ITEM_NAMES
        or any(norm(p.wire_name) in PAGING_PARAMS for p in query)
    )


# -- the kinds of values -------------------------------------------------------------------------------------------


def kind(type_: PyType) -> str:
    inner = type_.non_null()
    return inner.kind if isinstance(inner, Scalar) else ""


def is_bool(type_: PyType) -> bool:
    return kind(type_) == "bool"


def is_int(type_: PyType) -> bool:
    return kind(type_) in ("int", "float")


def is_scalar(type_: PyType) -> bool:
    return kind(type_) in ("str", "int")


def says_url(path: Path, prop: Property) -> bool:
    """A string field that holds a URL: by its name, its format, its example or its description."""
    name = norm(path[-1])
    inner = prop.type.non_null()
    if kind(inner) != "str":
        return False
    if any(word in name for word in URL_WORDS):
        return True
    example = inner.example if isinstance(inner.example, str) else ""
    described = any(word in prop.description.lower() for word in ("url", "uri", "link"))
    told = isinstance(inner, Scalar) and inner.format in ("uri", "url", "uri-reference", "iri")
    return told or example.startswith(("http://", "https://", "/")) or described


@dataclass(frozen=True)
class Request:
    """The query parameters of a list operation, by :func:`norm` of their wire names."""

    params: dict[str, Param]

    def find(self, names: Sequence[str], fits: Callable[[PyType], bool] = lambda _: True) -> Param | None:
        for name in names:
            found = self.params.get(name)
            if found is not None and fits(found.type):
                return found
        return None

    def limit(self) -> str | None:
        found = self.find(LIMIT_PARAMS, is_int)
        return found.wire_name if found is not None else None
