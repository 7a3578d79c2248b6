"""datamodel-code-generator over the model document in batches (:mod:`generator.emit.model_batches`): the modules
are those of one run over the whole document, and each batch holds whole parts of the reference graph."""

from __future__ import annotations

from typing import Any

import pytest

from generator.emit import model_batches, models


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


SCHEMAS: dict[str, Any] = {
    "Node": _object(child=_ref("Leaf"), parent=_ref("Tree")),  # Node -> Tree -> Node: a cycle, shared module
    "Tree": _object(root=_ref("Node")),
    "Leaf": _object(to_json={"type": "string"}),  # shadows a model method: renamed to an alias
    "Alone": _object(to_json_={"type": "integer"}),  # the alias's name, taken in another part
    "Self": _object(next=_ref("Self")),  # refers to itself only: no cycle between modules
    "Pair": _object(a=_ref("Other")),
    "Other": {"type": "string", "enum": ["x", "y"]},
    "Ring": _object(b=_ref("Rung")),  # a second, independent cycle: numbered after the first
    "Rung": _object(c=_ref("Ring")),
}
DOCUMENT = {"openapi": "3.1.0", "info": {"title": "m", "version": "0"}, "paths": {}, "components": {"schemas": SCHEMAS}}


def _names(batch: dict[str, Any]) -> list[str]:
    return list(batch["components"]["schemas"])


def test_parts_stay_whole_and_every_cycle_is_in_the_first_batch() -> None:
    batches = [_names(batch) for batch in model_batches.batches(DOCUMENT, 1)]
    assert batches == [["Node", "Tree", "Leaf", "Ring", "Rung"], ["Alone"], ["Self"], ["Pair", "Other"]]
    assert [_names(batch) for batch in model_batches.batches(DOCUMENT, 3)] == [
        ["Node", "Tree", "Leaf", "Ring", "Rung"],
        ["Alone", "Self"],
        ["Pair", "Other"],
    ]


def test_the_modules_are_those_of_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = models._generate(DOCUMENT, "pkg", models._field_aliases(DOCUMENT))
    assert any(models.SHARED_MODULE.fullmatch(name) for name in whole)
    monkeypatch.setattr(model_batches, "BATCH_SIZE", 1)
    runs: list[list[str]] = []
    real = models._generate

    def counted(document: dict[str, Any], package: str, aliases: dict[str, str]) -> dict[str, str]:
        runs.append(_names(document))
        return real(document, package, aliases)

    monkeypatch.setattr(models, "_generate", counted)
    assert models.generate_quietly(DOCUMENT, "pkg") == whole
    assert len(runs) == 4  # in batches, not the whole document again


def test_two_batches_writing_one_module_fall_back_to_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    real = models._generate
    monkeypatch.setattr(model_batches, "BATCH_SIZE", 1)
    monkeypatch.setattr(
        models, "_generate", lambda d, p, a: {"same.py": "X = 1\n"} if len(_names(d)) < 9 else real(d, p, a)
    )
    assert models.generate_quietly(DOCUMENT, "pkg") == real(DOCUMENT, "pkg", models._field_aliases(DOCUMENT))
