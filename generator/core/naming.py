"""Every name the generator writes goes through here: identifiers are valid, never keywords, and never collide."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")

BUILTIN_NAMES = frozenset(dir(builtins))
MAX_LENGTH = 64
"""Names are cut to this length, at a word boundary: they become file names, and a 100 KB identifier helps no one."""


def _ascii_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words: list[str] = []
    for chunk in _NON_WORD.split(text):
        words.extend(w for w in _WORD_BOUNDARY.split(chunk) if w)
    return words


_OPERATOR = re.compile(r"^(<=|>=|!=|<|>)(?=\w)|(?<=\w)(<=|>=|!=|<|>)$")
_COMPARING = re.compile(r"[<>!]")
_OPERATOR_WORDS = {"<": "before", ">": "after", "<=": "on or before", ">=": "on or after", "!=": "not"}
"""Comparison operators as the words people say: a filter parameter ``DateSent<`` is ``date_sent_before``."""


def words(text: str) -> list[str]:
    """The lower-case words of ``text``: ``listOrderEvents`` -> ``["list", "order", "events"]``. A comparison
    operator at either end (``DateSent<``, ``>=Amount``; only one, so ``Page<User>`` is not read so) is spelled
    out (:data:`_OPERATOR_WORDS`), or ``DateSent<`` and ``DateSent>`` would both be ``date_sent``."""
    found = _OPERATOR.search(text)
    if found and len(_COMPARING.findall(text)) == len(_COMPARING.findall(found.group())):
        text = _OPERATOR.sub(f" {_OPERATOR_WORDS[found.group()]} ", text)
    return [w.lower() for w in _ascii_words(text)]


def join_words(parts: list[str], separator: str = "_", limit: int = MAX_LENGTH) -> str:
    """``parts`` joined, as many whole words as fit in ``limit``; a first word longer than that is cut."""
    joined = ""
    for part in parts:
        candidate = f"{joined}{separator}{part}" if joined else part
        if len(candidate) > limit:
            return joined or part[:limit]
        joined = candidate
    return joined


def snake_case(text: str, limit: int = MAX_LENGTH) -> str:
    """``listOrderEvents`` -> ``list_order_events``; ``HTTPServer`` -> ``http_server``."""
    return join_words(words(text), "_", limit)


def pascal_case(text: str, limit: int = MAX_LENGTH) -> str:
    """``store.orders`` -> ``StoreOrders``; keeps inner capitals (``ApiKey`` stays ``ApiKey``)."""
    return join_words([w[:1].upper() + w[1:] for w in _ascii_words(text)], "", limit)


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
    """A valid PascalCase class name for ``text`` (``None`` becomes ``NoneModel``)."""
    name = pascal_case(text) or fallback
    if name[0].isdigit():
        name = f"{fallback}{name}"
    if keyword.iskeyword(name):
        name += fallback
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


def package_from_title(title: str) -> str:
    """``AcmeCloud API`` -> ``acmecloud``; ``Acme Web API`` -> ``acme_web``: the title's words, each kept whole."""
    text = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii"))
    parts = [w.lower() for w in _NON_WORD.split(text) if w]
    while parts and parts[-1] in ("api", "apis"):
        parts.pop()
    return identifier("_".join(parts), fallback="api")


def singular(word: str) -> str:
    """An English plural's singular, by the common rules: ``entries`` -> ``entry``, ``batches`` -> ``batch``,
    ``statuses`` -> ``status``, ``responses`` -> ``response``, ``aliases`` -> ``alias``; ``status``, ``analysis``,
    ``address`` and ``alias`` stay."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zzes", "ches", "shes", "tuses", "nuses", "ruses", "buses", "iases")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ias")) and len(word) > 2:
        return word[:-1]
    return word


def is_plural(word: str) -> bool:
    return singular(word) != word
