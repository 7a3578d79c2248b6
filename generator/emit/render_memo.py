"""Rendered files taken from the cache when everything their templates read is unchanged.

Every template may read the whole API (``api`` is one of its variables), so what a file's template reads is taken at
the level of the API: its *shape* is the IR with the operations' summaries and descriptions left out (a pickle of
plain data; equal bytes are an equal API), with the generator's fingerprint (its code, templates and tools). Those
two texts are read by two kinds of file only (:func:`doc_files`): the module of the operation's resource (the
method's docstring) and ``api.md`` (a line per method). So a run whose API has the shape of an earlier one takes
every other file from that run's entry, and each of the two kinds from an entry under the shape and the texts that
file reads; only those that miss are rendered. An entry that is damaged, of another form, or does not list the files
this API has is a miss: everything is rendered, as without a cache. Edits that change the shape (anything but those
texts) render everything.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
from collections.abc import Callable, Iterable
from typing import Any, cast

from generator.api.ir import Api, Operation, Resource
from generator.output.cache import Cache, digest, generator_fingerprint

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


def texts_digest(operations: Iterable[Operation]) -> str:
    """The digest of what the shape leaves out of ``operations``: their summaries and descriptions."""
    return digest(*(part for op in operations for part in (op.pointer, op.summary, op.description)))


def api_shape(api: Api) -> str | None:
    """The digest of everything rendering reads but the operations' texts; ``None`` when the IR cannot be pickled."""
    fields = {f.name: getattr(api, f.name) for f in dataclasses.fields(api) if f.name != "resources"}
    try:
        data = pickle.dumps((fields, [_without_texts(r) for r in api.resources]), protocol=5)
    except Exception:  # noqa: BLE001 - any failure means: no memo, render as without a cache
        return None
    return digest(generator_fingerprint(), KIND, data)


def _without_texts(resource: Resource) -> Resource:
    operations = [dataclasses.replace(op, summary="", description="") for op in resource.operations]
    return dataclasses.replace(resource, operations=operations, children=[_without_texts(c) for c in resource.children])


class RenderMemo:
    """The rendered files of APIs of one shape, in ``cache``."""

    def __init__(self, cache: Cache, shape: str, texts: dict[str, str]) -> None:
        self.cache, self.shape = cache, shape
        self.texts = texts
        """The files that read operations' texts, each with the digest of the texts it reads."""

    def _key(self, target: str) -> str:
        return digest(self.shape, target, self.texts[target])

    def replay(self, render: Callable[[str], str]) -> dict[str, str] | None:
        """Every file, from an earlier run of this shape; ``render(target)`` gives a file that reads texts no run
        cached. ``None`` when there is no usable entry of this shape."""
        stored = self._stored()
        if stored is None or {target for target, text in stored if text is None} != set(self.texts):
            return None
        files: dict[str, str] = {}
        for target, text in stored:
            if text is None:
                text = self.cache.get(KIND, self._key(target))
                if text is None:
                    text = render(target)
                    self.cache.put(KIND, self._key(target), text)
            files[target] = text
        return files

    def _stored(self) -> list[tuple[str, str | None]] | None:
        text = self.cache.get(KIND, self.shape)
        try:
            value: Any = json.loads(text) if text is not None else None
        except ValueError:
            return None
        if not isinstance(value, list):
            return None
        entries: list[tuple[str, str | None]] = []
        for entry in cast(list[Any], value):
            if not isinstance(entry, list) or len(cast(list[Any], entry)) != 2:
                return None
            target, text = cast(list[Any], entry)
            if not isinstance(target, str) or not (text is None or isinstance(text, str)):
                return None
            entries.append((target, text))
        return entries

    def keep(self, files: dict[str, str]) -> None:
        """Remember ``files``, rendered for this shape and these texts."""
        if not set(self.texts) <= set(files):
            return
        listed = [[target, None if target in self.texts else text] for target, text in files.items()]
        self.cache.put(KIND, self.shape, json.dumps(listed, ensure_ascii=False, separators=(",", ":")))
        for target in self.texts:
            self.cache.put(KIND, self._key(target), files[target])


def open_memo(api: Api, cache: Cache | None) -> RenderMemo | None:
    """The memo of ``api``'s shape in ``cache`` (``None`` without a cache, or when the shape cannot be taken)."""
    if cache is None:
        return None
    shape = api_shape(api)
    if shape is None:
        return None
    return RenderMemo(cache, shape, {target: texts_digest(ops) for target, ops in doc_files(api).items()})
