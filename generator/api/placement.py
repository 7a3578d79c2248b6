"""Where each operation goes in the SDK: its resource path and its method name, decided for the whole API at once.

The rules are a careful SDK designer's, applied to the document alone:

- Resources are the path's noun segments, nested under their parent: ``/stores/{store_id}/orders`` is
  ``stores.orders``. The servers' base path, version and number segments (``/v1``, ``/api/v3``, ``/1.0``,
  ``/api/0``) and file extensions (``/stores.json``) are not resources (:mod:`generator.api.pathwords`), nor is a
  segment that says how a thing is found (``/stores/by-code/{code}`` is ``stores.retrieve_by_code``,
  ``POST /stores/from-token`` named ``getStoreFromToken`` is ``stores.retrieve_from_token``). A version other than the
  document's main one whose methods would take another version's names is a namespace (``v2.stores``). A fixed query
  string in a path key (``/stores?preview=true``) puts the operation in a namespace named after it
  (``preview.stores``). Where the path names nothing, the first tag does.
- Methods follow the HTTP verb and the path's shape: ``list`` and ``create`` on a collection; ``retrieve``,
  ``update`` (``replace`` for a PUT beside a PATCH) and ``delete`` on an item, and on a singleton (a path without
  items whose name is singular, or whose operationIds say it is updated, not added to).
- A last segment that is not a resource is an action: a method of its parent named after it
  (``POST /stores/{id}/close`` is ``stores.close``, ``GET /stores/{id}/report`` is ``stores.report``). A listing under
  an item is a sub-resource when the operationId names it as the parent's own (``listStoreOrders``,
  ``getOrdersForStore``: ``stores.orders.list``), else a method of the parent (``listOrders``: ``stores.list_orders``).
- The operationId and tags are hints where the path says nothing (only the words of the operationId a person would
  have written: :func:`~generator.api.pathwords.operation_words`): whether a last segment is a verb (the
  operationId starts with it) or a noun (the operationId names it), and which name an operation takes when the
  convention and its operationId disagree (``POST /stores/search`` named ``searchStores`` is ``stores.search``).
- Two operations of one resource never share a name, nor does a method take a sub-resource's name: the one whose
  operationId agrees with the convention keeps it, the others take what their operationId says beyond the resource's
  words, then their whole operationId, then (a read) ``list_``/``retrieve_`` and the name, the name qualified by the
  path's last parameter (``retrieve_by_version``), ``replace`` for a PUT; the HTTP method is never part of a name.
- Names are identifiers of at most :data:`MAX_NAME` characters, cut at a word boundary.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlsplit

from generator.api.pathwords import (
    QUALIFIERS,
    VERSION,
    clashing_versions,
    lists_by_summary,
    operation_words,
    path_segments,
    qualifying_parameter,
    segment_words,
)
from generator.core.naming import identifier, is_plural, join_words, singular, words
from generator.core.reserved import RESOURCE_ATTRIBUTES

MAX_NAME = 40
"""The longest method or resource name placement hands out."""

Key = tuple[str, str]
"""An endpoint's key: its HTTP method in lower case, and its path as the document writes it."""

PARAM = "{}"
_VERBS = {
    "read": "get list retrieve fetch read find search query lookup show view describe",
    "create": "create add insert new upload register",
    "update": "update modify edit patch set change replace upsert",
    "delete": "delete remove destroy unset erase",
}
_VERB_KIND = {verb: kind for kind, verbs in _VERBS.items() for verb in verbs.split()}
_SPELLED = {"get": "retrieve", "fetch": "retrieve", "read": "retrieve"}
"""Verbs an operationId may use, as the conventions spell them."""
_KIND_OF = {
    "list": "read",
    "retrieve": "read",
    "create": "create",
    "update": "update",
    "replace": "update",
    "delete": "delete",
}
_WRITE_KIND = {"put": "update", "patch": "update", "delete": "delete"}
_FILLER = frozenset({"a", "an", "the", "and", "or", "to", "for", "from", "in", "of", "by", "on", "with", "at"})
_OWNED_BY = frozenset({"for", "of"})
_ARTICLES = frozenset({"a", "an", "the", "my", "your", "our", "its", "their"})
_GLUED = 12
"""An operationId of one word longer than this is several words run together (``Getstorereport``)."""
_TRUE = frozenset({"", "true", "1", "yes"})


# How an operation on one thing (an item or a singleton) and on a collection is named: (name, weak). A weak
# convention gives way to what the operationId says (``POST /stores/{id}`` named ``closeStore`` is ``close``).
_ONE = {
    "get": ("retrieve", False),
    "put": ("update", False),
    "patch": ("update", False),
    "post": ("update", True),
    "delete": ("delete", False),
}
_MANY = {
    "get": ("list", False),
    "post": ("create", False),
    "put": ("update", True),
    "patch": ("update", True),
    "delete": ("delete", True),
}


@dataclass(frozen=True)
class Endpoint:
    """What placement reads of one operation of the document."""

    path: str
    """The path template as the document writes it: ``/v1/stores/{store_id}/orders``."""
    method: str
    """The HTTP method, in any case."""
    operation_id: str | None = None
    tags: tuple[str, ...] = ()
    summary: str = ""

    @property
    def key(self) -> Key:
        return (self.method.lower(), self.path)


@dataclass(frozen=True)
class Placement:
    resource_path: tuple[str, ...]
    """Attribute names from the client down: ``("stores", "orders")``."""
    method: str

    @property
    def dotted(self) -> str:
        return ".".join((*self.resource_path, self.method))


def base_path(server_url: str) -> str:
    """The path part of a server URL, which the operations' paths are relative to: ``https://h/api/v3`` -> ``/api/v3``."""
    return urlsplit(server_url).path.rstrip("/")


def place(
    endpoints: Iterable[Endpoint], base_paths: Iterable[str] = (), reserved: Iterable[str] = RESOURCE_ATTRIBUTES
) -> dict[Key, Placement]:
    """The placement of every endpoint, keyed by :attr:`Endpoint.key`, in the order given.

    ``base_paths`` are the paths of the document's server URLs (:func:`base_path`); ``reserved`` names no method may
    take. Every endpoint of the document goes in one call: where one goes depends on the others."""
    endpoints = list(endpoints)
    found = list(zip(endpoints, path_segments([e.path for e in endpoints], base_paths), strict=True))
    proposals = _proposals([_route(i, e, r, "") for i, (e, (r, _)) in enumerate(found)])
    clashing = clashing_versions([(p.resource, p.name) for p in proposals], [v for _, (_, v) in found])
    if clashing:
        proposals = _proposals([_route(i, e, r, v if v in clashing else "") for i, (e, (r, v)) in enumerate(found)])
    return _resolve(proposals, frozenset(reserved))


def _proposals(routes: list[_Route]) -> list[_Proposal]:
    tree = _Tree(routes)
    return [_propose(r, tree) for r in routes]


# -- reading the document -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Route:
    index: int
    key: Key
    http: str
    namespace: tuple[str, ...]
    segments: tuple[str, ...]
    """Literal segments as identifiers and parameters as PARAM, without base path and version segments."""
    action: str | None
    """The verb of a last segment written ``name:verb``."""
    op: tuple[str, ...]
    """The operationId's words when it says more than the path does, else empty."""
    tags: tuple[str, ...]
    summary: str
    by: tuple[str, ...]
    """The words of the path's last parameter, where that is not the item's own (``/files/{id}/{version}``)."""

    @property
    def glued(self) -> bool:
        return len(self.op) == 1 and len(self.op[0]) > _GLUED

    @property
    def verb(self) -> str:
        """The operationId's first word; of a glued one, the known verb it starts with."""
        if not self.op:
            return ""
        if self.glued:
            return next((v for v in sorted(_VERB_KIND, key=len, reverse=True) if self.op[0].startswith(v)), "")
        return self.op[0]

    @property
    def kind(self) -> str | None:
        """Whether the operationId reads, creates, updates or deletes (``None``: another verb, or none)."""
        return _VERB_KIND.get(self.verb)

    def starts_with(self, word: str) -> bool:
        """Whether the operationId's verb is ``word``: the path's last segment is what the operation does."""
        return bool(self.op) and (self.op[0] == word or (self.glued and len(word) > 2 and self.op[0].startswith(word)))


def _route(index: int, endpoint: Endpoint, raw: list[str], version: str) -> _Route:
    """``version``: the namespace of a path whose version is not the document's main one (``v2``), else ``""``."""
    query = endpoint.path.partition("?")[2]
    namespace = tuple(
        _identifier(words(k if v.lower() in _TRUE else f"{k} {v}"), "variant")
        for k, v in parse_qsl(query, keep_blank_values=True)
    )
    if version:
        namespace = (version, *namespace)
    action = None
    if raw and ":" in raw[-1].rpartition("}")[2]:
        head, _, verb = raw[-1].rpartition(":")
        raw = [*raw[:-1], head] if head else raw[:-1]
        action = _identifier(words(verb), "call")
    segments = tuple(PARAM if "{" in s else _identifier(segment_words(s), "resource") for s in raw)
    return _Route(
        index=index,
        key=endpoint.key,
        http=endpoint.method.lower(),
        namespace=namespace,
        segments=segments,
        action=action,
        op=_op_words(endpoint, namespace),
        tags=endpoint.tags,
        summary=endpoint.summary.strip().lower(),
        by=tuple(qualifying_parameter(raw)),
    )


def _op_words(endpoint: Endpoint, namespace: tuple[str, ...]) -> tuple[str, ...]:
    """The operationId's words (:func:`~generator.api.opid.operation_words`) without its namespace and
    ``deprecated`` prefixes; empty when it says nothing but the HTTP method and the path (``post-stores-storeId``)."""
    parts = operation_words(endpoint.operation_id or "", endpoint.method.lower(), endpoint.path)
    prefixes = {w for name in namespace for w in name.split("_")} | {"deprecated"}
    while parts and parts[0] in prefixes:
        parts = parts[1:]
    return tuple(parts)


class _Tree:
    """The document's paths as a tree of segments: what follows each prefix, and which routes each path has."""

    def __init__(self, routes: Sequence[_Route]) -> None:
        self.children: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
        self.routes: defaultdict[tuple[str, ...], list[_Route]] = defaultdict(list)
        for route in routes:
            for depth in range(len(route.segments)):
                self.children[route.segments[:depth]].add(route.segments[depth])
            if route.action is None:
                self.routes[route.segments].append(route)

    def has_items(self, prefix: tuple[str, ...]) -> bool:
        return PARAM in self.children[prefix]

    def is_leaf(self, prefix: tuple[str, ...]) -> bool:
        """Nothing below it and a single HTTP method on it: a last segment that may be an action."""
        return not self.children[prefix] and len({r.http for r in self.routes[prefix]}) == 1

    def is_singleton(self, prefix: tuple[str, ...]) -> bool:
        """One thing without items, read or deleted: singular, or its writes are updates."""
        routes = self.routes[prefix]
        if self.has_items(prefix) or not any(r.http in ("get", "delete") for r in routes):
            return False
        written = any(r.http in ("post", "put", "patch") and r.kind == "update" for r in routes)
        return written or not is_plural(_words(prefix[-1])[-1])


# -- one operation --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Proposal:
    route: _Route
    resource: tuple[str, ...]
    name: str
    derived: str | None
    """What the operationId calls the operation beyond the resource's words."""

    @property
    def rank(self) -> tuple[bool, bool, int]:
        """Who keeps a name several operations want: first one whose operationId says exactly it (all its other
        words are the resource's), then one whose operationId agrees with it, then the first in the document."""
        derived, name = self.derived, self.name
        agrees = derived is None or derived == name or _VERB_KIND.get(derived) == _KIND_OF.get(name, "")
        said = _said(self.resource)
        exact = agrees and all(singular(w) in said for w in self.route.op[1:])
        return (not exact, not agrees, self.route.index)


def _propose(route: _Route, tree: _Tree) -> _Proposal:
    segments = route.segments
    if route.action is not None:
        return _proposal(route, _resource(route, segments), route.action)
    literal = max((i for i, s in enumerate(segments) if s != PARAM), default=-1)
    if literal < 0:  # no noun in the path: the tag's resource
        return _crud(route, _resource(route, ()), *_convention(route, tree, _ONE), [])
    if literal < len(segments) - 1:  # an item
        prefix = segments[: literal + 1]
        qualifier = _words(prefix[-1]) if _is_lookup(segments, literal) else []
        resource = _resource(route, prefix[:-1] if qualifier else prefix)
        name, weak = _convention(route, tree, _ONE)
        return _crud(route, resource, name, weak, qualifier)
    kind = "resource" if not tree.is_leaf(segments) else _leaf_kind(route, segments)
    if kind == "resource":
        singleton = tree.is_singleton(segments)
        name, weak = _convention(route, tree, _ONE if singleton else _MANY)
        if singleton and route.verb == "list" and name == "retrieve":
            name = "list"
        return _crud(route, _resource(route, segments), name, weak, [])
    resource = _resource(route, segments[:-1], fallback=segments[-1])
    last = _words(segments[-1])
    if kind == "qualified":
        return _crud(route, resource, *_convention(route, tree, _ONE), last)
    last = _unsaid(last, resource)
    return _proposal(route, resource, _identifier(["list", *last] if kind == "list" else last, "call"))


def _convention(route: _Route, tree: _Tree, table: dict[str, tuple[str, bool]]) -> tuple[str, bool]:
    """The convention's name for the route's HTTP method; beside a PATCH, which updates, a PUT replaces."""
    if route.http == "put" and any(r.http == "patch" for r in tree.routes[route.segments]):
        return "replace", True
    return table.get(route.http, (route.http, True))


def _leaf_kind(route: _Route, segments: tuple[str, ...]) -> Literal["resource", "action", "list", "qualified"]:
    """Whether a last segment with one operation and nothing below it is a resource, an action, a listing, or
    a qualifier of its parent's convention (``/stores/from-code``: ``stores.retrieve_from_code``)."""
    last, parent = _words(segments[-1]), segments[:-1]
    if route.starts_with(last[0]):
        return "action"
    if last[0] in QUALIFIERS and any(s != PARAM for s in parent):
        return "qualified"
    if all(s == PARAM for s in parent):
        return "resource"
    if route.http in _WRITE_KIND:
        return "resource" if not route.op or route.kind == _WRITE_KIND[route.http] else "action"
    if parent[-1] == PARAM:
        if route.http == "get":
            if _owned(route, parent, last):
                return "resource"
            lists = route.verb == "list" or lists_by_summary(route.summary)
            lists = lists or (route.kind == "read" and is_plural(last[-1]))
            return "list" if lists else "action"
        return "resource" if is_plural(last[-1]) else "action"
    if route.op:
        return "resource" if route.kind is not None and (is_plural(last[-1]) or _names(route, last)) else "action"
    return "resource" if is_plural(last[-1]) else "action"


def _owned(route: _Route, parent: tuple[str, ...], child: list[str]) -> bool:
    """Whether the operationId names the child as the parent's own: ``listStoreOrders``, ``getOrdersForStore``."""
    owner = singular(_words(next(s for s in reversed(parent) if s != PARAM))[-1])
    op = [singular(w) for w in route.op]
    wanted = [singular(w) for w in child]
    for i in range(len(op) - len(wanted) + 1):
        if op[i : i + len(wanted)] == wanted:
            after = op[i + len(wanted) :]
            if op[i - 1 : i] == [owner] or (after[:1] and after[0] in _OWNED_BY and owner in after):
                return True
    return False


def _names(route: _Route, part: list[str]) -> bool:
    """Whether the operationId names the segment (its words in a row, singular or plural)."""
    op = [singular(w) for w in route.op]
    wanted = [singular(w) for w in part]
    if route.glued:
        return "".join(wanted) in route.op[0] or "".join(part) in route.op[0]
    return any(op[i : i + len(wanted)] == wanted for i in range(len(op) - len(wanted) + 1))


def _crud(route: _Route, resource: tuple[str, ...], name: str, weak: bool, qualifier: list[str]) -> _Proposal:
    """The convention's name, unless the operationId says otherwise: another kind of verb, or any verb where the
    convention is weak."""
    derived = _derived(route, resource)
    kind = route.kind or (_VERB_KIND.get(_words(derived)[0]) if derived else None)
    if derived and (kind not in (None, _KIND_OF.get(name)) or (kind is None and weak)):
        name = derived
    parts = _words(name)
    parts[0] = _SPELLED.get(parts[0], parts[0])
    if qualifier and not {w for w in qualifier if w not in _FILLER} <= set(parts):
        parts += qualifier
    return _proposal(route, resource, _identifier(parts, "call"))


def _proposal(route: _Route, resource: tuple[str, ...], name: str) -> _Proposal:
    return _Proposal(route, resource, name, _derived(route, resource))


def _derived(route: _Route, resource: tuple[str, ...]) -> str | None:
    """The operationId less the resource's words (singular or plural) and the filler words around what is left."""
    if not route.op or route.glued:
        return None
    said = _said(resource)
    kept = [w for w in route.op if singular(w) not in said]
    while kept and kept[0] in _FILLER:
        kept = kept[1:]
    while kept and kept[-1] in _FILLER:
        kept = kept[:-1]
    kept = [w for w in kept if w not in _ARTICLES]
    return _identifier(kept, "call") if kept else None


def _unsaid(parts: list[str], resource: tuple[str, ...]) -> list[str]:
    """A segment's words less the leading ones its resource already says (``payouts`` + ``payout-entries``:
    ``entries``)."""
    said = _said(resource)
    start = next((i for i, w in enumerate(parts) if singular(w) not in said), len(parts))
    return parts[start:] or parts


def _said(resource: tuple[str, ...]) -> set[str]:
    """The words a resource path says, singular."""
    return {singular(w) for name in resource for w in _words(name)}


def _resource(route: _Route, prefix: tuple[str, ...], fallback: str = "") -> tuple[str, ...]:
    """The resource path of a path prefix: its literal segments but ``by-<key>`` lookups; where the path names
    none, the first tag (or ``fallback``)."""
    names = [s for i, s in enumerate(prefix) if s != PARAM and not _is_lookup(prefix, i)]
    if not names:
        tag = [w for t in route.tags[:1] for w in words(t) if not VERSION.fullmatch(w)]
        names = [_identifier(tag, "resource") if tag else fallback or "default"]
    return (*route.namespace, *names)


def _is_lookup(prefix: tuple[str, ...], i: int) -> bool:
    """``by-<key>`` before a parameter: how an item is found, not a resource."""
    return _words(prefix[i])[0] in QUALIFIERS and prefix[i + 1 : i + 2] == (PARAM,)


# -- the whole API --------------------------------------------------------------------------------------------------
def _resolve(proposals: list[_Proposal], reserved: frozenset[str]) -> dict[Key, Placement]:
    """Unique names within each resource, never a sub-resource's; a contested name goes to the canonical claimant."""
    children: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    groups: defaultdict[tuple[str, ...], list[_Proposal]] = defaultdict(list)
    for proposal in proposals:
        groups[proposal.resource].append(proposal)
        for depth in range(len(proposal.resource)):
            children[proposal.resource[:depth]].add(proposal.resource[depth])
    names: dict[int, str] = {}
    for resource, group in groups.items():
        taken = set(reserved) | children[resource]
        for proposal in sorted(group, key=lambda p: p.rank):
            if proposal.name not in taken:
                taken.add(proposal.name)
                names[proposal.route.index] = proposal.name
        for proposal in group:
            if proposal.route.index not in names:
                names[proposal.route.index] = _first_free(proposal, taken)
    return {p.route.key: Placement(p.resource, names[p.route.index]) for p in proposals}


def _alternatives(proposal: _Proposal) -> list[str]:
    """Names for an operation that lost its name: what its operationId says beyond the resource (its verb spelled
    like the convention's: ``get_by_token`` -> ``retrieve_by_token``; not a bare spelling of the name it lost), the
    name qualified by the path's last parameter where that is not the item's own (``/files/{id}/{version}``:
    ``retrieve_by_version``), its whole operationId; a read named by a noun said as one (``list_recipients``); a PUT's
    update, ``replace``."""
    found: list[str] = []
    route, name = proposal.route, _words(proposal.name)
    if proposal.derived:
        first, *rest = _words(proposal.derived)
        if rest and _VERB_KIND.get(first) == _KIND_OF.get(proposal.name, ""):
            first = proposal.name
        found += [_identifier([first, *rest], "call")] if rest or _SPELLED.get(first, first) != proposal.name else []
    if route.by:
        found.append(_identifier([*name, "by", *route.by], "call"))
    if route.op:
        found.append(_identifier(list(route.op), "call"))
    if route.http == "get" and name[0] not in _VERB_KIND and name[0] not in _KIND_OF:
        found.append(_identifier(["list" if is_plural(name[-1]) else "retrieve", *name], "call"))
    if route.http == "put" and name[0] == "update":
        found.append(_identifier(["replace", *name[1:]], "call"))
    return found


def _first_free(proposal: _Proposal, taken: set[str]) -> str:
    """The first free alternative; failing all, the name numbered (``_2``, ``_3``...)."""
    numbered = (_identifier([*_words(proposal.name), str(n)], "call") for n in itertools.count(2))
    name = next(c for c in itertools.chain(_alternatives(proposal), numbered) if c not in taken)
    taken.add(name)
    return name


# -- names ----------------------------------------------------------------------------------------------------------
def _words(name: str) -> list[str]:
    return [w for w in name.split("_") if w]


def _identifier(parts: list[str], fallback: str) -> str:
    """A snake_case identifier of whole words, at most MAX_NAME characters even with a keyword's trailing ``_``;
    a name that had to be cut does not end in a filler word (``..._of_the``)."""
    limit = MAX_NAME
    while True:
        joined = join_words(parts, "_", limit)
        kept = joined.split("_")
        while len(joined) < len("_".join(parts)) and len(kept) > 1 and kept[-1] in _FILLER:
            kept.pop()
        name = identifier("_".join(kept), fallback=fallback)
        if len(name) <= MAX_NAME:
            return name
        limit -= len(name) - MAX_NAME
