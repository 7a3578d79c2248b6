"""The config's options are the fields of ``SdkConfig``: the keys ``sdk.yaml`` may hold, the types of their values
and their checks all come from the field, and ``resolve`` fills in what the document decides."""

from __future__ import annotations

from dataclasses import dataclass, fields

import pytest

from generator.api import config
from generator.api.config import parse_config
from generator.api.settings import SdkConfig, option
from generator.core.errors import GenerationError


def test_the_known_keys_are_the_fields() -> None:
    assert set(config._TOP_KEYS) == {f.name for f in fields(SdkConfig)} - {"source"}
    assert config._TOP_KEYS["timeout"] == (int, float)
    assert config._TOP_KEYS["request_id_header"] == (str, type(None))
    assert config._TOP_KEYS["pagination"] == (list,)


def test_a_new_field_is_a_new_option_with_its_types_and_check() -> None:
    @dataclass(frozen=True)
    class Toy:
        retries: int = option(2, check=lambda v: "must not be negative" if v < 0 else None)
        header: str | None = option("x-id")

    assert config._keys(Toy) == {"retries": (int,), "header": (str, type(None))}
    (retries,) = [f for f in fields(Toy) if f.name == "retries"]
    assert retries.metadata["check"](-1) == "must not be negative"


def test_each_option_runs_its_own_check_at_its_pointer() -> None:
    with pytest.raises(GenerationError) as caught:
        parse_config({"client_class": "not an identifier", "api_key_env": "A-B", "max_retries": -1}, "sdk.yaml")
    found = {(p.pointer, p.message) for p in caught.value.problems}
    assert found == {
        ("/client_class", "'not an identifier' is not a Python identifier"),
        ("/api_key_env", "'A-B' is not an environment variable name"),
        ("/max_retries", "max_retries must not be negative"),
    }


def test_null_is_the_default_for_an_option_without_one() -> None:
    assert parse_config({"package_name": None, "idempotency_header": None}, "sdk.yaml") == SdkConfig(source="sdk.yaml")


def test_resolve_fills_what_the_document_decides_and_keeps_what_the_config_says() -> None:
    resolved = SdkConfig().resolve("Pet Store API", "Pets.", "https://pets.example/v1", "x-request-id")
    assert (resolved.package_name, resolved.distribution_name) == ("pet_store", "pet-store")
    assert (resolved.api_key_env, resolved.base_url_env, resolved.log_env) == (
        "PET_STORE_API_KEY",
        "PET_STORE_BASE_URL",
        "PET_STORE_LOG",
    )
    assert (resolved.username_env, resolved.password_env) == ("PET_STORE_USERNAME", "PET_STORE_PASSWORD")
    assert (resolved.description, resolved.base_url) == ("Pets.", "https://pets.example/v1")
    told = SdkConfig(package_name="pets", env_prefix="PS", base_url="https://other.example").resolve("T", "", "x", None)
    assert (told.package_name, told.api_key_env, told.base_url) == ("pets", "PS_API_KEY", "https://other.example")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"base_url": {"header": "X-Base"}}, "client_headers: 'base_url' is an argument the client has already"),
        ({"org": {"env": "ORG"}}, "client_headers: 'org' needs a header (and may name an env)"),
        ({"org": {"header": "Bad Header"}}, "client_headers: 'org' needs a header (and may name an env)"),
        (
            {"org": {"header": "X-Org", "env": "A-B"}},
            "client_headers: 'org': 'A-B' is not an environment variable name",
        ),
        ({"class": {"header": "X-Org"}}, "client_headers: 'class' is not an argument name"),
    ],
)
def test_client_headers_are_checked_at_the_option(entry: dict[str, object], message: str) -> None:
    with pytest.raises(GenerationError) as caught:
        parse_config({"client_headers": entry}, "sdk.yaml")
    assert [(p.pointer, p.message) for p in caught.value.problems] == [("/client_headers", message)]
