"""Load an OpenAPI document: read its file, bring in the files its ``$ref`` s name, and normalise it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from generator.core.errors import GenerationError, Problem
from generator.inputs.bundle import bundle
from generator.inputs.document import JSON, Document
from generator.inputs.reading import check_nesting, read_file
from generator.inputs.vocabulary import normalise

Reader = Callable[[Path, str], Any]


def load_document(path: Path, display_name: str | None = None, *, read: Reader = read_file) -> Document:
    """Load and minimally validate an OpenAPI 3.x document; ``read`` reads the file (as :func:`read_file` does)."""
    name = display_name or str(path)
    root = read(path, name)
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
    check_nesting(root, name)
    bundled = bundle(root, path, name)
    try:
        normalised = normalise(bundled.root)
    except RecursionError:  # only files the document references can still nest this deep
        raise GenerationError(
            [Problem(name, "", "the document nests too deeply to read", "flatten it, for example with $ref")]
        ) from None
    return Document(normalised, name, bundled.unfollowed, bundled.sources)
