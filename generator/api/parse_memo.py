"""The parse of a document taken from the cache when only its operations' summaries and descriptions changed.

Parsing reads those two texts of an operation in two places only: the operation's own ``summary`` and
``description`` in the IR, and whether placement takes a GET for a list (:func:`~generator.api.pathwords.lists_by_summary`).
So the IR of a document is that of any document of the same shape (:attr:`~generator.inputs.document.Document.shape`:
the document less those texts) whose summaries place every operation alike, with each operation's texts read from
the document again. The parse of a shape is kept (a pickle: the cache is the user's own, and every entry's digest
is checked) under that shape, the placement's reading of each summary, the config, the options and the generator's
fingerprint; that key is the API's shape too (:mod:`generator.api.shape`), since the IR less its texts is a function of
it. A document not read in blocks, a parse with problems, or an entry that does not load, is parsed as without a cache.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import pickle
from collections.abc import Sequence

from generator.api.ir import Operation
from generator.api.parser import ParseResult, operations_of, parse
from generator.api.pathwords import lists_by_summary
from generator.api.settings import SdkConfig
from generator.api.shape import api_shape
from generator.core.errors import GenerationError
from generator.inputs.document import Document
from generator.inputs.vocabulary import as_mapping, text_of
from generator.output.cache import Cache, digest, generator_fingerprint

KIND = "parsed"


def parse_cached(
    doc: Document, config: SdkConfig, cache: Cache | None, *, keep_going: bool = False, skip: Sequence[str] = ()
) -> tuple[ParseResult, str | None]:
    """:func:`~generator.api.parser.parse`, from ``cache`` when it can be; with the API's shape (``None`` without a
    cache, or when it cannot be taken)."""
    if cache is None:
        return parse(doc, config, keep_going=keep_going, skip=skip), None
    key = _key(doc, config, keep_going, skip)
    stored = _stored(cache.get_bytes(KIND, key), doc) if key is not None else None
    if stored is not None:
        return stored, key
    result = parse(doc, config, keep_going=keep_going, skip=skip)
    if key is None or result.problems.items or result.skipped:
        return result, api_shape(result.api)
    cache.put_bytes(KIND, key, pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    return result, key


def _key(doc: Document, config: SdkConfig, keep_going: bool, skip: Sequence[str]) -> str | None:
    if doc.shape is None:
        return None
    try:
        settings = pickle.dumps(config, pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - any failure means: parsed as without a cache
        return None
    lists = [(at, lists_by_summary(endpoint.summary)) for endpoint, _, _, at in operations_of(doc)]
    options = json.dumps([doc.name, keep_going, list(skip), lists])
    return digest(generator_fingerprint(), KIND, doc.shape, settings, options)


def _stored(data: bytes | None, doc: Document) -> ParseResult | None:
    """The parse an entry holds, with the operations' texts of ``doc``; ``None`` for anything else."""
    if data is None:
        return None
    enabled = gc.isenabled()
    gc.disable()  # a million objects at once: collections on the way would walk them again and again
    try:
        result = pickle.loads(data)  # noqa: S301 - our own entry, its digest checked
    except Exception:  # noqa: BLE001 - any failure means: parsed again
        return None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(result, ParseResult):
        return None
    try:
        for resource in result.api.walk():
            resource.operations = [_with_texts(op, doc) for op in resource.operations]
    except (GenerationError, KeyError):
        return None
    return result


def _with_texts(op: Operation, doc: Document) -> Operation:
    node = as_mapping(doc.at(op.pointer))
    return dataclasses.replace(op, summary=text_of(node, "summary"), description=text_of(node))
