"""An API's *shape*: the digest of its IR with the operations' summaries and descriptions left out.

The stages after parsing that read no operation's summary or description (the change report's comparison, and every
rendered file but those :mod:`generator.emit.render_memo` lists) give the same result for two APIs of one shape, so
their results are cached under it. The IR is plain data: its pickle is a faithful copy, so equal bytes are an equal
API (unequal bytes for an equal API are only a miss). The generator's fingerprint is part of the digest. A parse
taken from the cache has the key it was kept under as its shape instead (:mod:`generator.api.parse_memo`): the IR
less its texts is a function of that key.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterable

from generator.api.ir import Api, Operation, Resource
from generator.output.cache import digest, generator_fingerprint


def api_shape(api: Api) -> str | None:
    """The digest of ``api`` less its operations' texts; ``None`` when the IR cannot be pickled."""
    fields = {f.name: getattr(api, f.name) for f in dataclasses.fields(api) if f.name != "resources"}
    try:
        data = pickle.dumps((fields, [_without_texts(r) for r in api.resources]), protocol=5)
    except Exception:  # noqa: BLE001 - any failure means: no shape, so nothing is taken from a cache by it
        return None
    return digest(generator_fingerprint(), "shape", data)


def _without_texts(resource: Resource) -> Resource:
    operations = [dataclasses.replace(op, summary="", description="") for op in resource.operations]
    return dataclasses.replace(resource, operations=operations, children=[_without_texts(c) for c in resource.children])


def texts_digest(operations: Iterable[Operation]) -> str:
    """The digest of what the shape leaves out of ``operations``: their summaries and descriptions."""
    return digest(*(part for op in operations for part in (op.pointer, op.summary, op.description)))
