"""Example values for the generated tests and docs: taken from the spec, made up when it has none, shaped by type."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.api.config import load_config
from generator.api.ir import Api, Operation
from generator.api.parser import parse
from generator.inputs.loader import load_document
from generator.request.examples import Examples
from tests.support import CONFIG, FIXTURES, SPEC


def _load(spec: Path, config: Path | None) -> tuple[Api, Examples]:
    api = parse(load_document(spec), load_config(config)).api
    return api, Examples(api.types)


@pytest.fixture(scope="module")
def zoo() -> tuple[Api, Examples]:
    return _load(FIXTURES / "zoo" / "openapi.yaml", None)


@pytest.fixture(scope="module")
def bookshelf() -> tuple[Api, Examples]:
    folder = FIXTURES / "bookshelf"
    return _load(folder / "openapi.yaml", folder / "sdk.yaml")


@pytest.fixture(scope="module")
def main_api() -> tuple[Api, Examples]:
    return _load(SPEC, CONFIG)


def _op(api: Api, operation_id: str) -> Operation:
    return next(op for op in api.operations if op.operation_id == operation_id)


def test_an_object_argument_is_plain_data_that_fits_a_member_of_its_union(zoo: tuple[Api, Examples]) -> None:
    api, examples = zoo
    op = _op(api, "createAnimal")
    assert examples.call(op).required[0].source == "{'kind': 'cat', 'name': 'string'}"
    body = dataclasses.replace(op.body.params[0], example={"kind": "dog", "name": "Rex"})
    assert examples.argument(body) == "{'kind': 'dog', 'name': 'Rex'}"
    # A dict literal must fit a TypedDict exactly: an unknown key or a missing required one is not used.
    for wrong in ({"kind": "dog", "name": "Rex", "colour": "brown"}, {"kind": "dog"}, {"kind": "cow", "name": "x"}):
        assert examples.argument(dataclasses.replace(body, example=wrong)) == "{'kind': 'cat', 'name': 'string'}"


def test_made_up_values_follow_formats_enums_and_defaults(bookshelf: tuple[Api, Examples]) -> None:
    api, examples = bookshelf
    every = {a.name: a.source for a in examples.call(_op(api, "createBook")).every}
    assert every == {
        "title": "'string'",
        "author": "'string'",
        "genre": "'fiction'",
        "published": "'2024-01-01'",
        "tags": "['string']",
    }
    listing = {a.name: a.source for a in examples.call(_op(api, "listBooks")).every}
    assert listing["offset"] == "0" and listing["limit"] == "10"  # the spec's defaults
    get_book = examples.call(_op(api, "getBook"))
    assert [(a.source, a.positional) for a in get_book.required] == [("1", True)]


def test_the_spec_examples_are_used_as_plain_data(main_api: tuple[Api, Examples]) -> None:
    """An argument the spec gives an example for shows that example, as plain data (a dict for an object)."""
    api, examples = main_api
    op = next(op for op in api.operations if op.http_method == "post" and op.body)
    call = examples.call(op)
    every = {a.name: a for a in call.every}
    given = [p for p in op.params if p.has_example and p.name in every]
    assert any(isinstance(p.example, dict) for p in given)
    for param in given:
        assert every[param.name].source == repr(param.example)
    assert [a.name for a in call.required] == [p.name for p in call.every if p.name in {"model", "training_file"}]


def test_an_example_that_does_not_fit_the_type_is_replaced(bookshelf: tuple[Api, Examples]) -> None:
    api, examples = bookshelf
    op = _op(api, "listBooks")
    limit = next(p for p in op.query_params if p.name == "limit")
    assert examples.argument(dataclasses.replace(limit, example="ten")) == "10"


def test_an_invalid_request_gives_one_argument_the_wrong_type(
    zoo: tuple[Api, Examples], bookshelf: tuple[Api, Examples]
) -> None:
    api, examples = bookshelf
    assert examples.invalid(_op(api, "listBooks")) == ("extra_query", "{'offset': 'not-a-number'}")
    assert examples.invalid(_op(api, "createBook")) == ("extra_body", "{'title': 12345}")
    zoo_api, zoo_examples = zoo
    assert zoo_examples.invalid(_op(zoo_api, "createAnimal")) is None  # a whole-body argument has no field to spoil
    assert zoo_examples.invalid(_op(zoo_api, "getEnclosure")) == ("extra_query", "{'depth': 'not-a-number'}")
