"""Lenient construction (the default): every value shaped by its annotation as far as it fits, like the official
SDKs' ``construct_type``: ISO strings become dates and datetimes, dicts nested models, unions their best member, and
nothing a server sends makes construction raise. Tested on the runtime's own ``BaseModel``."""

from __future__ import annotations

import datetime
import enum
import uuid
from typing import Annotated, Any, Literal

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.runtime.conftest import runtime_module

models = runtime_module("_models")


class Owner(models.BaseModel):
    name: str
    since: datetime.date | None = None


class Cat(models.BaseModel):
    kind: Literal["cat"]
    lives: int


class Dog(models.BaseModel):
    kind: Literal["dog"]
    good: bool


class Color(enum.Enum):
    RED = "red"


class Pet(models.BaseModel):
    id: uuid.UUID
    created: datetime.datetime
    born: datetime.date | None = None
    owner: Owner | None = None
    owners: list[Owner] = []
    by_name: dict[str, Owner] = {}
    animal: Cat | Dog | None = None
    tagged: Annotated[Cat | Dog, pydantic.Field(discriminator="kind")] | None = None
    label: str | datetime.datetime | None = None
    weight: float | None = None
    color: Color | None = None
    aware: pydantic.AwareDatetime | None = None
    parent: Pet | None = None


PET = {
    "id": "12345678-1234-5678-1234-567812345678",
    "created": "2024-05-01T12:30:00Z",
    "born": "2020-02-29",
    "owner": {"name": "Ann", "since": "2021-01-01"},
    "owners": [{"name": "Bo"}, {"name": "Cy", "since": "2022-03-04"}],
    "by_name": {"d": {"name": "Di"}},
    "animal": {"kind": "dog", "good": True},
    "tagged": {"kind": "cat", "lives": 9},
    "label": "2024-01-01",
    "weight": 3,
    "color": "red",
    "aware": "2024-05-01T12:30:00+02:00",
    "parent": {"id": "12345678-1234-5678-1234-567812345678", "created": "2019-01-01T00:00:00Z"},
    "brand_new_field": {"kept": True},
}


def test_values_are_shaped_by_their_annotation() -> None:
    pet = Pet.construct_from(PET)
    assert pet.id == uuid.UUID(PET["id"])
    assert pet.created == datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    assert pet.born == datetime.date(2020, 2, 29)
    assert isinstance(pet.owner, Owner) and pet.owner.since == datetime.date(2021, 1, 1)
    assert [type(o) for o in pet.owners] == [Owner, Owner] and pet.owners[1].since == datetime.date(2022, 3, 4)
    assert isinstance(pet.by_name["d"], Owner)
    assert isinstance(pet.animal, Dog) and isinstance(pet.tagged, Cat) and pet.tagged.lives == 9
    assert pet.label == "2024-01-01"  # a str member takes a string as it is
    assert pet.weight == 3.0 and isinstance(pet.weight, float)
    assert pet.color is Color.RED
    assert pet.aware is not None and pet.aware.utcoffset() == datetime.timedelta(hours=2)
    assert isinstance(pet.parent, Pet) and pet.parent.created.year == 2019
    assert pet.model_extra == {"brand_new_field": {"kept": True}}
    assert pet.model_fields_set == set(PET) - {"brand_new_field"}


def test_values_that_fit_nothing_are_kept_as_they_came() -> None:
    odd = {
        "id": "not-a-uuid",
        "created": {"nested": "thing"},
        "born": "yesterday",
        "owner": "Ann",
        "owners": {"not": "a list"},
        "animal": {"kind": "fish", "fins": 2},
        "color": "purple",
        "weight": "heavy",
        "parent": [1, 2],
    }
    pet = Pet.construct_from(odd)
    assert pet.id == "not-a-uuid" and pet.created == {"nested": "thing"} and pet.born == "yesterday"
    assert pet.owner == "Ann" and pet.owners == {"not": "a list"}
    assert pet.color == "purple" and pet.weight == "heavy" and pet.parent == [1, 2]
    assert isinstance(pet.animal, models.BaseModel)  # the member that fits best, unknown tag and field kept


def test_a_union_takes_the_member_whose_fields_fit_best() -> None:
    assert isinstance(models.construct_type(Cat | Dog, {"kind": "dog", "good": "yes"}), Dog)
    assert isinstance(models.construct_type(Cat | Dog, {"kind": "cat", "lives": "nine"}), Cat)
    assert models.construct_type(datetime.date | None, "2024-02-03") == datetime.date(2024, 2, 3)
    assert models.construct_type(list[Owner] | None, [{"name": "x"}])[0].name == "x"
    assert models.construct_type(int | str, 5) == 5 and models.construct_type(float, 2) == 2.0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(st.sampled_from([*PET, "other"]), json_values, max_size=12))
def test_construction_never_raises(data: dict[str, Any]) -> None:
    pet = Pet.construct_from(data)
    assert set(pet.model_fields_set) | set(pet.model_extra or {}) == set(data)


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_any_value_for_any_annotation_never_raises(value: object) -> None:
    for annotation in (Pet, list[Pet], dict[str, Pet], Cat | Dog | None, datetime.datetime, Color, uuid.UUID):
        models.construct_type(annotation, value)


def test_a_required_field_the_response_lacks_reads_as_none_and_stays_unset() -> None:
    pet = Pet.construct_from({"created": "2024-05-01T12:30:00Z", "owner": {}})
    assert pet.id is None and pet.owner is not None and pet.owner.name is None  # no AttributeError
    assert pet.owners == [] and pet.born is None  # defaults as declared
    assert pet.to_dict() == {"created": "2024-05-01T12:30:00Z", "owner": {}}
    assert pet.model_fields_set == {"created", "owner"}


class Named(models.BaseModel):
    display_name: str = pydantic.Field(alias="displayName")
    nickname: str | None = None
    when: datetime.date | None = None


def test_to_dict_and_to_json_take_the_dump_options() -> None:
    named = Named.construct_from({"displayName": "Ann", "nickname": None, "when": "2024-01-02"})
    assert named.to_dict() == {"displayName": "Ann", "nickname": None, "when": "2024-01-02"}
    assert named.to_dict(exclude_none=True, use_api_names=False, mode="python") == {
        "display_name": "Ann",
        "when": datetime.date(2024, 1, 2),
    }
    assert Named.construct_from({"displayName": "Ann"}).to_dict(exclude_unset=False) == {
        "displayName": "Ann",
        "nickname": None,
        "when": None,
    }
    assert named.to_json(indent=None, exclude_none=True) == '{"displayName":"Ann","when":"2024-01-02"}'
    assert named.to_json(indent=None, exclude_defaults=True, use_api_names=False) == (
        '{"display_name":"Ann","when":"2024-01-02"}'
    )
