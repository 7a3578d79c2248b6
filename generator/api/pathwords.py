"""The words placement (:mod:`generator.api.placement`) reads of a path and an operationId, without what a machine
wrote into them.

A path's segments name resources, but not all of them: the servers' base path, an ``api`` prefix, a version
(``/v1``, ``/1.0``) or a number (``/api/0``: a number names nothing) are not resources, and a file extension
(``/posts.json``, ``/info.0.json``) is the format asked for, not a name. A path that starts with a version other
than the one most paths start with (or none) may go in a namespace named after it (:func:`path_segments`; placement
decides whether it does).

Many documents' operationIds are generated, and carry more than a name: the path and the HTTP method a framework
appended (FastAPI's ``get_voice_v1_voices__voice_id__get``) or put first (``post-/crm/v4/usage/{userId}_request``), a
module prefix (``agents_api_v1_agents_delete_alias``), path parameters (``getEntityTypeByIdTags`` on
``/{entity_type}/{id}/tags``), version words (``listSchedulesV3``), the HTTP method (``projects_patch``), or a random
tail (``classify_6VmVochwUWo``). No one types any of it, so none of it may reach a method name: placement
(:mod:`generator.api.placement`) reads only the words :func:`operation_words` keeps. A parameter named after a
qualifier (``getHookByToken``) stays: ``by_token`` says how the thing is found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.core.naming import identifier, singular, words
from generator.inputs.vocabulary import HTTP_METHODS

VERSION = re.compile(r"v\d+(?:[._]\d+)*(?:(?:alpha|beta|preview|rc)\d*)?|\d+(?:\.\d+)+|\d{4}-\d{2}-\d{2}", re.I)
"""A version segment or word: ``v1``, ``v1beta2``, ``1.0``, ``2024-01-01``."""
QUALIFIERS = frozenset({"by", "from", "with", "for", "of", "in", "to"})
"""Words that say how a thing is found (``by-code``, ``from-token``), not what it is."""
_API_PREFIXES = frozenset({"api", "rest"})
_EXTENSION = re.compile(r"(?:\.(?:\d+|json|xml|ya?ml|csv|txt|html?|png|jpe?g|gif|svg|pdf|zip|rss|atom))+$", re.I)
"""A segment's file extension, with the numbers before it (``info.0.json``)."""
_HTTP = frozenset(HTTP_METHODS)
_VERBS = frozenset({"get", "delete"})
"""HTTP methods that are also verbs of operationIds (``getStore``, ``stores_delete``)."""
_MODULE_END = frozenset({"api", "apis"})
_TOKEN = re.compile(r"[^0-9A-Za-z]+")
_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_VOWEL = re.compile(r"[aeiouy]", re.I)


def operation_words(operation_id: str, http: str, path: str) -> list[str]:
    """The words of ``operation_id`` that name what the operation does, in order (see the module's docstring)."""
    parts = words(" ".join(t for t in _TOKEN.split(operation_id) if not random_looking(t)))
    path = path.partition("?")[0]
    parts = _without_echo(parts, words(path))
    parts = _without_module(parts)
    literal = {singular(w) for segment in re.split(r"\{[^}]*\}", path) for w in words(segment)}
    for param in re.findall(r"\{([^}]*)\}", path):
        if not {singular(w) for w in words(param)} <= literal:
            parts = _without_run(parts, words(param))
    return [w for w in parts if (w != http or w in _VERBS) and not VERSION.fullmatch(w)]


def random_looking(token: str) -> bool:
    """Whether one alphanumeric run of an operationId is a generated token (``6VmVochwUWo``): many short pieces,
    at least two of them a number, a single letter, or letters without a vowel."""
    pieces = _PIECE.findall(token)
    odd = [p for p in pieces if p.isdigit() or len(p) == 1 or not _VOWEL.search(p)]
    return len(pieces) >= 4 and len(token) <= 3 * len(pieces) and len(odd) >= 2


def _without_echo(parts: list[str], path_words: list[str]) -> list[str]:
    """``parts`` without an HTTP method and the path's words, written before (``post-/stores/{id}``) or after
    (``..._stores__id__post``) the name."""
    echo = len(path_words) + 1
    if path_words and parts[:1] and parts[0] in _HTTP and parts[1:echo] == path_words:
        return parts[echo:]
    if path_words and parts[-1:] and parts[-1] in _HTTP and parts[-echo:-1] == path_words:
        return parts[:-echo]
    return parts


def _without_module(parts: list[str]) -> list[str]:
    """``parts`` without a module prefix: the words up to ``api`` and the version or ``routes`` after it
    (``agents_api_v1_agents_delete_alias``, ``jobs_api_routes_batch_get_batch_jobs``)."""
    for i, word in enumerate(parts[:-2]):
        if word in _MODULE_END and (VERSION.fullmatch(parts[i + 1]) or parts[i + 1] == "routes"):
            return parts[i + 2 :]
    return parts


def _without_run(parts: list[str], param: list[str]) -> list[str]:
    """``parts`` without the runs of a path parameter's words, but where a qualifier comes first (``by_token``)."""
    size = len(param)
    kept: list[str] = []
    i = 0
    while i < len(parts):
        if size and parts[i : i + size] == param and not (kept and kept[-1] in QUALIFIERS):
            i += size
            continue
        kept.append(parts[i])
        i += 1
    return kept


# -- paths ----------------------------------------------------------------------------------------------------------
def split(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def path_segments(paths: Iterable[str], base_paths: Iterable[str]) -> list[tuple[list[str], str]]:
    """For each path: the segments that can name resources, and the namespace of the version it starts with where
    that is not the document's main one (``""``: none)."""
    bases = sorted({tuple(split(b)) for b in base_paths} - {()}, key=len, reverse=True)
    raw = [split(path.partition("?")[0]) for path in paths]
    shared_prefix = bool(raw) and all(r[:1] and r[0].lower() in _API_PREFIXES for r in raw)
    found = [_strip(r, bases, shared_prefix) for r in raw]
    counts = Counter(version for _, version in found)
    main = max(counts, key=lambda v: (counts[v], v), default="")
    return [(segments, _namespace(version) if version not in ("", main) else "") for segments, version in found]


def clashing_versions(names: list[tuple[tuple[str, ...], str]], versions: list[str]) -> set[str]:
    """The versions (namespaces from :func:`path_segments`) that would give a method, placed without them, the
    ``(resource path, name)`` a method of another version has: they go in their namespace (``/v3/schedules`` beside
    ``/schedules`` is ``v3.schedules``, as stripe-python's ``client.v2``); a version that only adds operations
    does not."""
    claims: dict[tuple[tuple[str, ...], str], set[str]] = {}
    for name, version in zip(names, versions, strict=True):
        claims.setdefault(name, set()).add(version)
    return {v for found in claims.values() if len(found) > 1 for v in found if v}


def _strip(raw: list[str], bases: list[tuple[str, ...]], shared_prefix: bool) -> tuple[list[str], str]:
    """The segments that can name resources, and the version the path starts with (``""``: none; a version further
    in, as in ``/beta/credit/v1/get``, is a detail of that one operation)."""
    for base in bases:
        if tuple(raw[: len(base)]) == base:
            raw = raw[len(base) :]
            break
    if raw[:1] and raw[0].lower() in _API_PREFIXES and (shared_prefix or _is_version(raw[1] if raw[1:] else "")):
        raw = raw[1:]
    return [s for s in raw if not _is_version(s)], raw[0].lower() if raw[:1] and _is_version(raw[0]) else ""


def _is_version(segment: str) -> bool:
    return bool(VERSION.fullmatch(segment)) or segment.isdigit()


def _namespace(version: str) -> str:
    """``v2`` -> ``v2``; ``1.0`` -> ``v1_0``."""
    return identifier("_".join(words(version if version[:1].isalpha() else f"v{version}")), fallback="version")


def segment_words(segment: str) -> list[str]:
    """A literal segment's words, without its file extension."""
    return words(_EXTENSION.sub("", segment) or segment)


def qualifying_parameter(raw: list[str]) -> list[str]:
    """The words of the path's last parameter, where that is not the item's own (``/files/{id}/{version}``:
    ``version``), else none: what tells the operation apart from the item's own (``retrieve_by_version``)."""
    params = [i for i, s in enumerate(raw) if "{" in s]
    if not params or (params[-1] > 0 and "{" not in raw[params[-1] - 1]):
        return []
    return words(re.findall(r"\{([^}]*)\}", raw[params[-1]])[-1])


def lists_by_summary(summary: str) -> bool:
    """Whether an operation's summary says it lists (``List the jobs``): all placement reads of a summary."""
    return summary.strip().lower().startswith(("list ", "lists "))
