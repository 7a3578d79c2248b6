"""Names: valid identifiers, never keywords, deterministic collision handling."""

from __future__ import annotations

import keyword

import pytest

from generator.naming import Namespace, class_name, identifier, pascal_case, snake_case


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
