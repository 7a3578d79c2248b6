"""How a generated method is spelled (generator/request/methods.py): the deprecation marker."""

from __future__ import annotations

from generator.api.ir import Operation, Resource
from generator.request.methods import deprecation


def test_a_deprecated_operation_names_its_method_in_the_marker() -> None:
    op = Operation("archiveBox", "archive", "post", "/boxes/{box_id}/archive", "#/paths/x/post", deprecated=True)
    resource = Resource("boxes", ("store", "boxes"), "Boxes", [op])
    assert deprecation(resource, op) == "`client.store.boxes.archive()` is deprecated."
    assert deprecation(resource, Operation("getBox", "retrieve", "get", "/boxes", "#/paths/y/get")) is None
