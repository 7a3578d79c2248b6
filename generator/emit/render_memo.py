"""Rendered files taken from the cache when everything their templates read is unchanged.

Every template may read the whole API (``api`` is one of its variables), so what a file's template reads is taken at
the level of the API: its shape (:mod:`generator.api.shape`: the IR less the operations' summaries and descriptions,
and the generator's fingerprint), the package's version and those texts. The texts are read by two kinds of file only
(:func:`doc_files`): the module of the operation's resource (the method's docstring) and ``api.md`` (a line per
method); the version by two files only (:func:`version_files`). So a run whose API has the shape of an earlier one
takes every other file from that run's entry, and each of those from an entry under the shape and what that file
reads (:func:`reads`); only those that miss are rendered. An entry that is damaged, of another form, or does not list
the files this API has is a miss: everything is rendered, as without a cache. Edits that change the shape (anything
but those texts and the version) render everything.
"""

from __future__ import annotations

import marshal
import pickle
from collections.abc import Callable
from typing import Any, cast

from generator.api.ir import Api, Operation, Resource
from generator.api.shape import api_shape, texts_digest
from generator.output.cache import Cache, digest
from generator.request.param_modules import MethodTypes

KIND = "render"
DOCS_FILE = "api.md"
"""The one file besides the resource modules that shows the operations' summaries."""


def resource_target(api: Api, resource: Resource) -> str:
    """The module file of ``resource``, relative to the output folder."""
    return f"src/{api.package_name}/{resource.module.replace('.', '/')}.py"


def doc_files(api: Api) -> dict[str, list[Operation]]:
    """The files that read operations' summaries and descriptions, each with the operations whose texts it reads."""
    files: dict[str, list[Operation]] = {DOCS_FILE: api.operations}
    files.update({resource_target(api, r): r.operations for r in api.walk()})
    return files


def version_files(api: Api) -> dict[str, str]:
    """The files that show the package's version (``api.package_version``), each with its template: no other
    template reads it."""
    return {
        "pyproject.toml": "package/pyproject.toml.j2",
        f"src/{api.package_name}/_version.py": "package/src/_version.py.j2",
    }


def reads(api: Api) -> dict[str, str]:
    """The files that read what the shape leaves out, each with the digest of what it reads: operations' texts, or
    the package's version."""
    found = {target: texts_digest(ops) for target, ops in doc_files(api).items()}
    found.update({target: digest("version", api.package_version) for target in version_files(api)})
    return found


class RenderMemo:
    """The rendered files of APIs of one shape, in ``cache``."""

    def __init__(self, cache: Cache, api: str, texts: dict[str, str]) -> None:
        self.cache, self.api = cache, api
        """The API's shape (:mod:`generator.api.shape`)."""
        self.shape = digest(api, KIND)
        """The key of what the templates of the other files read."""
        self.texts = texts
        """The files that read what the shape leaves out, each with the digest of what it reads (:func:`reads`)."""
        self.done: set[str] = set()
        """Those of them :meth:`formatted` found formatted: they need not be rendered."""

    def method_types(self, compute: Callable[[], MethodTypes]) -> MethodTypes:
        """What the methods read of the request types (a function of the API's shape): from the cache, else
        ``compute()``, then kept. An entry that does not load as one is a miss."""
        key = digest(self.api, "method types")
        stored = self.cache.get_bytes(KIND, key)
        try:
            found = pickle.loads(stored) if stored is not None else None  # noqa: S301 - our own entry
        except Exception:  # noqa: BLE001 - any failure means: computed again
            found = None
        if isinstance(found, MethodTypes):
            return found
        found = compute()
        self.cache.put_bytes(KIND, key, pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
        return found

    def _key(self, target: str) -> str:
        return digest(self.shape, target, self.texts[target])

    def replay(self, render: Callable[[str], str]) -> dict[str, str] | None:
        """Every file, from an earlier run of this shape; ``render(target)`` gives a file that reads texts no run
        cached. ``None`` when there is no usable entry of this shape."""
        stored = self._listing(self.shape)
        if stored is None:
            return None
        return {target: self.text_file(target, render) if text is None else text for target, text in stored}

    def text_file(self, target: str, render: Callable[[str], str]) -> str:
        """The file ``target``, one of :attr:`texts`: from the cache, else ``render(target)``."""
        text = self.cache.get(KIND, self._key(target))
        if text is None:
            text = render(target)
            self.cache.put(KIND, self._key(target), text)
        return text

    def formatted(self) -> list[tuple[str, str | None]] | None:
        """Every file in order, each formatted as an earlier run of this shape formatted it; of those that read what
        the shape leaves out, the ones no run formatted with what they read now are ``None`` (they are rendered and
        formatted now). ``None`` when no run kept them."""
        listed = self._listing(digest(self.shape, "formatted"))
        if listed is None:
            return None
        found: list[tuple[str, str | None]] = []
        for target, text in listed:
            if text is None:
                text = self.cache.get(KIND, self._formatted_key(target))
                if text is not None:
                    self.done.add(target)
            found.append((target, text))
        return found

    def _formatted_key(self, target: str) -> str:
        return digest(self.shape, "formatted", target, self.texts[target])

    def _listing(self, key: str) -> list[tuple[str, str | None]] | None:
        """An entry listing every file in order with its text, ``None`` for those of :attr:`texts`."""
        data = self.cache.get_bytes(KIND, key)
        try:
            value: Any = marshal.loads(data) if data is not None else None
        except (ValueError, EOFError, TypeError):
            return None
        if not isinstance(value, list):
            return None
        entries = cast(list[Any], value)
        for entry in entries:
            if not isinstance(entry, tuple) or len(cast(tuple[Any, ...], entry)) != 2:
                return None
            target, text = cast(tuple[Any, Any], entry)
            if not isinstance(target, str) or not (text is None or isinstance(text, str)):
                return None
        listed = cast(list[tuple[str, str | None]], entries)
        return listed if {target for target, text in listed if text is None} == set(self.texts) else None

    def keep(self, files: dict[str, str]) -> None:
        """Remember ``files``, rendered for this shape and these texts."""
        if set(self.texts) <= set(files):
            self._list(self.shape, files)
            for target in self.texts:
                self.cache.put(KIND, self._key(target), files[target])

    def keep_formatted(self, files: dict[str, str]) -> None:
        """Remember ``files`` as formatted: their order and the text of the others, and each of :attr:`texts` under
        what it reads."""
        if set(self.texts) <= set(files):
            self._list(digest(self.shape, "formatted"), files)
            for target in self.texts:
                self.cache.put(KIND, self._formatted_key(target), files[target])

    def _list(self, key: str, files: dict[str, str]) -> None:
        listed = [(target, None if target in self.texts else text) for target, text in files.items()]
        self.cache.put_bytes(KIND, key, marshal.dumps(listed))


def open_memo(api: Api, cache: Cache | None, shape: str | None = None) -> RenderMemo | None:
    """The memo of ``api``'s files in ``cache`` (``None`` without a cache, or when the shape cannot be taken).
    ``shape`` is :func:`~generator.api.shape.api_shape` of ``api`` as parsed, when the caller took it already: the
    package's version, set since, is read by the files :func:`reads` lists."""
    if cache is None:
        return None
    shape = shape or api_shape(api)
    if shape is None:
        return None
    return RenderMemo(cache, shape, reads(api))
