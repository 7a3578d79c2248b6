"""Load an OpenAPI document: read its file, bring in the files its ``$ref`` s name, and normalise it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from generator.core.errors import GenerationError, Problem
from generator.inputs.bundle import Bundled, bundle
from generator.inputs.document import JSON, Document
from generator.inputs.reading import MAX_NESTING, Read, check_nesting, read_file
from generator.inputs.vocabulary import normalise

Reader = Callable[[Path, str], Any]


def load_document(path: Path, display_name: str | None = None, *, read: Reader = read_file) -> Document:
    """Load and minimally validate an OpenAPI 3.x document; ``read`` reads the file (as :func:`read_file` does), or
    returns a :class:`Read` when it knows its depth, references and form (the walks over the data that measure them
    are then left out)."""
    name = display_name or str(path)
    root = read(path, name)
    known = root if isinstance(root, Read) else None
    root = known.data if known is not None else root
    if not isinstance(root, dict):
        raise GenerationError([Problem(name, "", "the document is not a mapping", "an OpenAPI document is an object")])
    root = cast(JSON, root)
    version = root.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        found = "no 'openapi' field" if version is None else f"openapi: {version!r}"
        raise GenerationError(
            [
                Problem(
                    name,
                    "/openapi",
                    f"not an OpenAPI 3.x document ({found})",
                    "Swagger 2.0 documents can be converted with swagger2openapi",
                )
            ]
        )
    if known is None or known.height > MAX_NESTING:
        check_nesting(root, name)
    bundled = bundle(root, path, name) if known is None or known.external_refs else Bundled(root, {}, ())
    try:
        normalised = (
            bundled.root if known is not None and known.normal and bundled.root is root else normalise(bundled.root)
        )
    except RecursionError:  # only files the document references can still nest this deep
        raise GenerationError(
            [Problem(name, "", "the document nests too deeply to read", "flatten it, for example with $ref")]
        ) from None
    measured = known.size if known is not None and normalised is root else None
    whole = known is not None and normalised is root and not bundled.sources
    shape, content = (known.shape, known.content) if known is not None and whole else (None, None)
    return Document(normalised, name, bundled.unfollowed, bundled.sources, measured, shape, content)
