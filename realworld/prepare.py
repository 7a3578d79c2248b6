"""``python -m realworld.prepare DOCUMENT FOLDER``: what the harness reads from a document itself, before it generates.

Run in a process of its own (with the step's deadline, see :mod:`realworld.process`): its OpenAPI version and
operation count, the parameter examples the smoke calls take (``FOLDER/examples.json``), and the document Prism is to
serve: the document itself, or, when a ``$ref`` in it does not resolve (Prism refuses the whole document over one), a
copy with each such reference emptied (``FOLDER/mock.json``), whose pointers are reported. Prints JSON. A value JSON
has no type for (a YAML date) is written as its text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import documents


def main(argv: list[str]) -> int:
    path, folder = Path(argv[0]), Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    spec = documents.load(path)
    examples = folder / "examples.json"
    examples.write_text(json.dumps(documents.parameter_examples(spec), default=str), encoding="utf-8")
    mockable, fixes = documents.without_broken_refs(spec)
    mock = path
    if fixes:
        mock = folder / "mock.json"
        mock.write_text(json.dumps(mockable, default=str), encoding="utf-8")  # YAML dates as text
    facts = {
        "openapi": str(spec.get("openapi") or spec.get("swagger") or "?"),
        "operations": len(documents.operations(spec)),
        "examples": str(examples),
        "mock": str(mock),
        "mock_fixes": fixes,
    }
    print(json.dumps(facts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
