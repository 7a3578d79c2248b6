"""Every name the generator writes goes through here: identifiers are valid, never keywords, and never collide."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")

BUILTIN_NAMES = frozenset(dir(builtins))


def _ascii_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words: list[str] = []
    for chunk in _NON_WORD.split(text):
        words.extend(w for w in _WORD_BOUNDARY.split(chunk) if w)
    return words


def snake_case(text: str) -> str:
    """``listOrderEvents`` -> ``list_order_events``; ``HTTPServer`` -> ``http_server``."""
    return "_".join(w.lower() for w in _ascii_words(text))


def pascal_case(text: str) -> str:
    """``store.orders`` -> ``StoreOrders``; keeps inner capitals (``ApiKey`` stays ``ApiKey``)."""
    return "".join(w[:1].upper() + w[1:] for w in _ascii_words(text))


def identifier(text: str, *, fallback: str = "value", avoid_builtins: bool = False) -> str:
    """A valid lower-case Python identifier for ``text``: never a keyword, never empty, never starting with a digit.

    Keywords (and, when asked, builtins) get a trailing underscore, as PEP 8 recommends.
    """
    name = snake_case(text) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or (avoid_builtins and name in BUILTIN_NAMES):
        name += "_"
    return name


def class_name(text: str, *, fallback: str = "Model") -> str:
    """A valid PascalCase class name for ``text``."""
    name = pascal_case(text) or fallback
    if name[0].isdigit():
        name = f"{fallback}{name}"
    return name


def constant_name(text: str) -> str:
    return identifier(text).upper()


class Namespace:
    """Hands out unique names within one scope; a name that is taken gets ``_2``, ``_3``... deterministically.

    Names are compared case-insensitively, so ``VLAN`` and ``Vlan`` cannot both be handed out (they would collide
    as module names on case-insensitive file systems).
    """

    def __init__(self, reserved: frozenset[str] | set[str] = frozenset()) -> None:
        self._taken: set[str] = {r.lower() for r in reserved}

    def claim(self, name: str) -> str:
        candidate, n = name, 1
        while candidate.lower() in self._taken:
            n += 1
            candidate = f"{name}{n}" if name[:1].isupper() else f"{name}_{n}"
        self._taken.add(candidate.lower())
        return candidate

    def __contains__(self, name: str) -> bool:
        return name.lower() in self._taken


_ARTICLES = frozenset({"a", "an", "the"})


def package_from_title(title: str) -> str:
    """``AcmeCloud API`` -> ``acmecloud``; ``Acme Web API`` -> ``acme_web``: the title's words, each kept whole."""
    text = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii"))
    words = [w.lower() for w in _NON_WORD.split(text) if w]
    while words and words[-1] in ("api", "apis"):
        words.pop()
    return identifier("_".join(words), fallback="api")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ses") or word.endswith("xes"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def method_from_operation(name: str, resource: str) -> str:
    """A method name without the words its resource already says: ``listPets`` on ``pets`` -> ``list``.

    The resource's words (singular or plural) and the articles around them are dropped; when nothing would remain,
    the full name is kept.
    """
    words = snake_case(name).split("_")
    resource_words = {_singular(w) for w in snake_case(resource).split("_") if w}
    kept = [w for w in words if _singular(w) not in resource_words]
    if len(kept) < len(words):
        kept = [w for w in kept if w not in _ARTICLES]
    return "_".join(kept) if kept else "_".join(words)
