"""Names: valid identifiers, never keywords, deterministic collision handling."""

from __future__ import annotations

import keyword

import pytest

from generator.core.naming import (
    MAX_LENGTH,
    Namespace,
    class_name,
    identifier,
    is_plural,
    join_words,
    pascal_case,
    singular,
    snake_case,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("listPaginatedOrders", "list_paginated_orders"),
        ("HTTPServer", "http_server"),
        ("getHTTPResponseCode", "get_http_response_code"),
        ("isbn-13", "isbn_13"),
        ("X-Trace-Id", "x_trace_id"),
        ("already_snake", "already_snake"),
        ("  spaced  out ", "spaced_out"),
        ("Crème brûlée", "creme_brulee"),
        ("", ""),
    ],
)
def test_snake_case(text: str, expected: str) -> None:
    assert snake_case(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("store.orders", "StoreOrders"), ("pet-store", "PetStore"), ("ApiKey", "ApiKey"), ("vlan", "Vlan")],
)
def test_pascal_case(text: str, expected: str) -> None:
    assert pascal_case(text) == expected


@pytest.mark.parametrize("word", sorted(set(keyword.kwlist) | set(keyword.softkwlist)))
def test_keywords_never_come_out_as_keywords(word: str) -> None:
    name = identifier(word)
    assert name.isidentifier() and not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
    if word.islower() and word != "_":
        assert name == word + "_"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("123abc", "value_123abc"), ("", "value"), ("!!!", "value"), ("class", "class_"), ("None", "none")],
)
def test_identifier_edge_cases(text: str, expected: str) -> None:
    assert identifier(text) == expected


def test_builtins_are_kept_unless_asked() -> None:
    assert identifier("list") == "list"
    assert identifier("list", avoid_builtins=True) == "list_"
    assert identifier("id", avoid_builtins=True) == "id_"


def test_class_names_never_start_with_a_digit() -> None:
    assert class_name("3dModel") == "Model3dModel"
    assert class_name("") == "Model"


def test_namespace_resolves_collisions_deterministically() -> None:
    names = Namespace({"self"})
    assert names.claim("self") == "self_2"
    assert names.claim("order") == "order"
    assert names.claim("order") == "order_2"
    assert names.claim("order") == "order_3"


def test_namespace_is_case_insensitive_so_files_never_clash() -> None:
    names = Namespace()
    assert names.claim("VLAN") == "VLAN"
    assert names.claim("Vlan") == "Vlan2"
    assert "vlan" in names


def test_words_are_lower_case_and_split_at_case_changes() -> None:
    assert words("listOrderEvents") == ["list", "order", "events"]
    assert words("V1RetrieveOrder") == ["v1", "retrieve", "order"]
    assert words("post-payments-{paymentId}") == ["post", "payments", "payment", "id"]


LONG = "createAnOrderForEveryCustomerInTheRegionAndNotifyThemByEmailAndTextMessageImmediately"


def test_long_names_are_cut_at_a_word_boundary_never_mid_word() -> None:
    snake = snake_case(LONG)
    assert len(snake) <= MAX_LENGTH
    assert snake == "create_an_order_for_every_customer_in_the_region_and_notify_them"
    assert all(w in words(LONG) for w in snake.split("_"))
    pascal, capitalised = pascal_case(LONG), LONG[0].upper() + LONG[1:]
    assert len(pascal) <= MAX_LENGTH and capitalised.startswith(pascal) and capitalised[len(pascal)].isupper()
    assert snake_case(LONG, limit=20) == "create_an_order_for"


def test_join_words_keeps_whole_words_and_cuts_only_a_first_word_too_long_to_fit() -> None:
    assert join_words(["alpha", "beta", "gamma"], "_", 10) == "alpha_beta"
    assert join_words(["alpha", "beta", "gamma"], "_", 9) == "alpha"
    assert join_words(["supercalifragilistic"], "_", 5) == "super"
    assert join_words([], "_", 5) == ""


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("orders", "order"),
        ("entries", "entry"),
        ("batches", "batch"),
        ("boxes", "box"),
        ("addresses", "address"),
        ("statuses", "status"),
        ("responses", "response"),
        ("causes", "cause"),
        ("aliases", "alias"),
        ("databases", "database"),
    ],
)
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one
    assert is_plural(plural) and not is_plural(one)


@pytest.mark.parametrize("word", ["status", "analysis", "address", "alias", "speech", "data", "me", "us"])
def test_singular_words_stay(word: str) -> None:
    assert singular(word) == word
