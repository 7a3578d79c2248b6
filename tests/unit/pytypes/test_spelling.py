"""Type objects spelled in a module that imports some models under another name."""

from __future__ import annotations

import pytest

from generator.pytypes.kinds import ListOf, LiteralType, MapOf, Nullable, ObjectType, PyType, Ref, UnionType, renamed
from generator.request.methods import _import_names

NAMES = {"Timeout": "TimeoutModel", "Stream": "StreamModel"}


@pytest.mark.parametrize(
    ("type_", "spelled"),
    [
        (Ref("Timeout"), "TimeoutModel"),
        (Ref("Job"), "Job"),
        (ListOf(Ref("Stream")), "list[StreamModel]"),
        (MapOf(Nullable(Ref("Timeout"))), "dict[str, TimeoutModel | None]"),
        (UnionType((Ref("Timeout"), Ref("Job"), LiteralType(("Timeout",)))), "TimeoutModel | Job | Literal['Timeout']"),
        (ObjectType(name="Stream"), "StreamModel"),
        (ObjectType(additional=ListOf(Ref("Timeout"))), "dict[str, list[TimeoutModel]]"),
    ],
)
def test_only_the_named_types_are_respelled(type_: PyType, spelled: str) -> None:
    assert renamed(type_, NAMES).annotation == spelled
    assert renamed(type_, {}) is type_


def test_a_model_named_like_an_import_gets_a_name_no_other_import_has() -> None:
    assert _import_names(["Job", "Body", "BodyModel", "Page"], {"Page"}) == {"Body": "BodyModel2", "Page": "PageModel"}
