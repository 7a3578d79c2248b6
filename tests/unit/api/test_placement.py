"""Placement: every operation's resource path and method name, from the document alone, for the whole API at once."""

from __future__ import annotations

import keyword
import random
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.api.placement import MAX_NAME, Endpoint, Placement, base_path, place
from generator.core.reserved import RESOURCE_ATTRIBUTES
from realworld import names as realworld_names
from tests.support import SPEC

Row = tuple[str, str] | tuple[str, str, str | None] | tuple[str, str, str | None, tuple[str, ...], str]


def endpoint(row: Row) -> Endpoint:
    method, path, *rest = row
    operation_id = rest[0] if rest else None
    tags = rest[1] if len(rest) > 1 else ()
    summary = rest[2] if len(rest) > 2 else ""
    return Endpoint(path=path, method=method, operation_id=operation_id, tags=tags, summary=summary)


def dotted(*rows: Row, bases: tuple[str, ...] = ()) -> dict[str, str]:
    """``{"METHOD /path": "resource.path.method"}`` for the rows, placed together."""
    placed = place([endpoint(r) for r in rows], bases)
    return {f"{method.upper()} {path}": p.dotted for (method, path), p in placed.items()}


def test_crud_conventions_on_a_collection_and_its_items() -> None:
    assert dotted(
        ("get", "/stores"),
        ("post", "/stores"),
        ("get", "/stores/{store_id}"),
        ("patch", "/stores/{store_id}"),
        ("delete", "/stores/{store_id}"),
        ("post", "/shelves/{shelf_id}"),
        ("put", "/crates/{crate_id}"),
    ) == {
        "GET /stores": "stores.list",
        "POST /stores": "stores.create",
        "GET /stores/{store_id}": "stores.retrieve",
        "PATCH /stores/{store_id}": "stores.update",
        "DELETE /stores/{store_id}": "stores.delete",
        "POST /shelves/{shelf_id}": "shelves.update",
        "PUT /crates/{crate_id}": "crates.update",
    }


def test_resources_nest_under_their_parent() -> None:
    assert dotted(
        ("get", "/stores/{store_id}/orders"),
        ("get", "/stores/{store_id}/orders/{order_id}/lines/{line_id}"),
        ("get", "/stores/{store_id}/orders/{order_id}/lines/{line_id}/notes"),
        ("post", "/stores/{store_id}/orders/{order_id}/lines/{line_id}/notes"),
    ) == {
        "GET /stores/{store_id}/orders": "stores.orders.list",
        "GET /stores/{store_id}/orders/{order_id}/lines/{line_id}": "stores.orders.lines.retrieve",
        "GET /stores/{store_id}/orders/{order_id}/lines/{line_id}/notes": "stores.orders.lines.notes.list",
        "POST /stores/{store_id}/orders/{order_id}/lines/{line_id}/notes": "stores.orders.lines.notes.create",
    }


@pytest.mark.parametrize(
    ("prefix", "bases"),
    [
        ("/v1", ()),
        ("/v2", ()),
        ("/api/v3", ()),
        ("/v1beta2", ()),
        ("/1.0", ()),
        ("/api", ()),  # every path starts with it
        ("/base/path", ("/base/path",)),
        ("", ("https://example.com/v1",)),
    ],
)
def test_version_prefixes_and_base_paths_are_not_resources(prefix: str, bases: tuple[str, ...]) -> None:
    found = dotted(
        ("get", f"{prefix}/stores"),
        ("get", f"{prefix}/stores/{{store_id}}"),
        ("post", f"{prefix}/orders"),
        bases=tuple(base_path(b) for b in bases),
    )
    assert sorted(found.values()) == ["orders.create", "stores.list", "stores.retrieve"]


def test_a_document_of_versioned_untagged_paths_gets_one_resource_per_noun() -> None:
    found = dotted(
        ("get", "/v1/customers/{customer_id}/subscriptions/{subscription_id}/discount"),
        ("delete", "/v1/customers/{customer_id}/subscriptions/{subscription_id}/discount"),
        ("get", "/v1/customers"),
        ("post", "/v1/invoices/{invoice}/pay"),
    )
    assert found == {
        "GET /v1/customers/{customer_id}/subscriptions/{subscription_id}/discount": (
            "customers.subscriptions.discount.retrieve"
        ),
        "DELETE /v1/customers/{customer_id}/subscriptions/{subscription_id}/discount": (
            "customers.subscriptions.discount.delete"
        ),
        "GET /v1/customers": "customers.list",
        "POST /v1/invoices/{invoice}/pay": "invoices.pay",
    }


def test_action_sub_paths_become_methods_of_their_parent() -> None:
    assert dotted(
        ("post", "/jobs/{job_id}/cancel", "cancelJob"),
        ("get", "/batches/{batch_id}/results"),
        ("post", "/stores/{store_id}/close"),
        ("post", "/stores/search", "searchStores"),
        ("post", "/stores/bulk-delete", "bulkDeleteStores"),
        ("post", "/pets/{pet_id}/uploadImage", "uploadFile"),
        ("get", "/users/login", "loginUser"),
    ) == {
        "POST /jobs/{job_id}/cancel": "jobs.cancel",
        "GET /batches/{batch_id}/results": "batches.results",
        "POST /stores/{store_id}/close": "stores.close",
        "POST /stores/search": "stores.search",
        "POST /stores/bulk-delete": "stores.bulk_delete",
        "POST /pets/{pet_id}/uploadImage": "pets.upload_image",
        "GET /users/login": "users.login",
    }


@pytest.mark.parametrize(
    ("operation_id", "summary", "expected"),
    [
        ("listStoreOrders", "", "stores.orders.list"),  # the operationId says the orders are the store's own
        ("getOrdersForStore", "", "stores.orders.list"),
        ("listOrders", "", "stores.list_orders"),  # a listing the store offers
        ("getOrders", "", "stores.list_orders"),
        (None, "List the orders", "stores.list_orders"),
        (None, "", "stores.orders"),  # the path says nothing more: an action sub-path
    ],
)
def test_a_listing_under_an_item_is_a_sub_resource_when_the_operation_id_makes_it_the_parents(
    operation_id: str | None, summary: str, expected: str
) -> None:
    found = dotted(("get", "/stores/{store_id}"), ("get", "/stores/{store_id}/orders", operation_id, (), summary))
    assert found["GET /stores/{store_id}/orders"] == expected


def test_noun_leaves_are_resources_and_verb_leaves_actions() -> None:
    assert dotted(
        ("post", "/media/speech", "createSpeech"),
        ("post", "/media/transcriptions", "createTranscription"),
        ("post", "/media/transcode", "transcodeMedia"),
        ("post", "/uploads/{upload_id}/parts", "addUploadPart"),
        ("post", "/uploads/{upload_id}/complete", "completeUpload"),
        ("post", "/uploads/{upload_id}/remix", "createUploadRemix"),
        ("get", "/reports/usage/storage", "usage-storage"),
    ) == {
        "POST /media/speech": "media.speech.create",
        "POST /media/transcriptions": "media.transcriptions.create",
        "POST /media/transcode": "media.transcode",
        "POST /uploads/{upload_id}/parts": "uploads.parts.create",
        "POST /uploads/{upload_id}/complete": "uploads.complete",
        "POST /uploads/{upload_id}/remix": "uploads.remix",
        "GET /reports/usage/storage": "reports.usage.storage",
    }


def test_singletons_are_retrieved_updated_and_deleted() -> None:
    assert dotted(
        ("get", "/account"),
        ("patch", "/account"),
        ("get", "/stores/{store_id}/settings", "getStoreSettings"),
        ("post", "/stores/{store_id}/settings", "updateStoreSettings"),
        ("get", "/stores/{store_id}/spend_limit"),
        ("post", "/stores/{store_id}/spend_limit"),
        ("delete", "/stores/{store_id}/spend_limit"),
        ("get", "/stores/{store_id}/members", "listMembers"),
        ("post", "/stores/{store_id}/members", "addMember"),
    ) == {
        "GET /account": "account.retrieve",
        "PATCH /account": "account.update",
        "GET /stores/{store_id}/settings": "stores.settings.retrieve",
        "POST /stores/{store_id}/settings": "stores.settings.update",
        "GET /stores/{store_id}/spend_limit": "stores.spend_limit.retrieve",
        "POST /stores/{store_id}/spend_limit": "stores.spend_limit.update",
        "DELETE /stores/{store_id}/spend_limit": "stores.spend_limit.delete",
        "GET /stores/{store_id}/members": "stores.members.list",
        "POST /stores/{store_id}/members": "stores.members.create",
    }


def test_the_operation_id_names_what_the_convention_would_misname() -> None:
    assert dotted(
        ("post", "/events", "searchEvents"),  # a read sent as POST
        ("post", "/runs/{run_id}", "cancelRun"),  # POST on an item is only weakly an update
        ("post", "/tasks/{task_id}", "modifyTask"),
        ("put", "/teams/{team_id}/members/{user_id}", "addTeamMember"),
        ("put", "/lobbies", "createOrJoinLobby"),
        ("post", "/catalog/object", "upsertCatalogObject"),
        ("get", "/catalog/object/{object_id}", "getCatalogObject"),
    ) == {
        "POST /events": "events.search",
        "POST /runs/{run_id}": "runs.cancel",
        "POST /tasks/{task_id}": "tasks.update",
        "PUT /teams/{team_id}/members/{user_id}": "teams.members.add",
        "PUT /lobbies": "lobbies.create_or_join",
        "POST /catalog/object": "catalog.object.upsert",
        "GET /catalog/object/{object_id}": "catalog.object.retrieve",
    }


def test_a_contested_name_goes_to_the_operation_whose_id_agrees_and_the_other_says_what_differs() -> None:
    rows: list[Row] = [
        ("post", "/payments/cancel", "cancelPaymentByIdempotencyKey"),
        ("post", "/payments/{payment_id}/cancel", "cancelPayment"),
        ("get", "/hooks/{hook_id}", "getHook"),
        ("get", "/hooks/{hook_id}/{token}", "getHookByToken"),
        ("put", "/pets", "updatePet"),
        ("post", "/pets/{pet_id}", "updatePetWithForm"),
    ]
    expected = {
        "POST /payments/cancel": "payments.cancel_by_idempotency_key",
        "POST /payments/{payment_id}/cancel": "payments.cancel",
        "GET /hooks/{hook_id}": "hooks.retrieve",
        "GET /hooks/{hook_id}/{token}": "hooks.retrieve_by_token",
        "PUT /pets": "pets.update",
        "POST /pets/{pet_id}": "pets.update_with_form",
    }
    assert dotted(*rows) == expected
    assert dotted(*reversed(rows)) == expected  # who wins does not depend on the order


def test_without_any_hint_a_collision_is_told_apart_by_the_last_parameter_and_put_replaces() -> None:
    found = dotted(
        ("get", "/files/{file_id}"),
        ("get", "/files/{file_id}/{version}"),
        ("get", "/files/{file_id}/{version}/{part}"),
        ("post", "/files/{file_id}"),
        ("put", "/files/{file_id}"),
    )
    assert found == {
        "GET /files/{file_id}": "files.retrieve",
        "GET /files/{file_id}/{version}": "files.retrieve_by_version",
        "GET /files/{file_id}/{version}/{part}": "files.retrieve_by_part",
        "POST /files/{file_id}": "files.update",
        "PUT /files/{file_id}": "files.replace",
    }


def test_a_method_never_takes_a_sub_resources_name() -> None:
    found = dotted(
        ("get", "/stores/{store_id}/report"),
        ("get", "/stores/report/{report_id}"),
        ("get", "/stores/{store_id}/with_raw_response"),
    )
    assert found["GET /stores/report/{report_id}"] == "stores.report.retrieve"
    assert found["GET /stores/{store_id}/report"] == "stores.retrieve_report"
    assert not found["GET /stores/{store_id}/with_raw_response"].endswith(".with_raw_response")


def test_a_fixed_query_string_is_a_namespace() -> None:
    assert dotted(
        ("post", "/stores", "createStore"),
        ("post", "/stores?preview=true", "preview_createStore"),
        ("get", "/stores/{store_id}?preview=true", "preview_getStore"),
        ("get", "/stores?mode=archived", "listArchivedStores"),
    ) == {
        "POST /stores": "stores.create",
        "POST /stores?preview=true": "preview.stores.create",
        "GET /stores/{store_id}?preview=true": "preview.stores.retrieve",
        "GET /stores?mode=archived": "mode_archived.stores.list",
    }


def test_lookup_segments_qualify_the_method() -> None:
    assert dotted(
        ("get", "/accounts/{account_id}"),
        ("get", "/accounts/by-external-id/{external_id}"),
        ("post", "/cards/from-token", "retrieveCardFromToken"),
        ("post", "/cards/from-nonce", "getCardFromNonce"),
    ) == {
        "GET /accounts/{account_id}": "accounts.retrieve",
        "GET /accounts/by-external-id/{external_id}": "accounts.retrieve_by_external_id",
        "POST /cards/from-token": "cards.retrieve_from_token",
        "POST /cards/from-nonce": "cards.retrieve_from_nonce",
    }


def test_tags_name_the_resource_where_the_path_has_no_noun() -> None:
    assert dotted(
        ("get", "/{item_id}", None, ("Items",)),
        ("get", "/"),
        ("post", "/validate", "validateThing", ("Utility tools",)),
        ("get", "/search", "search", ("V2 Search",)),
    ) == {
        "GET /{item_id}": "items.retrieve",
        "GET /": "default.retrieve",
        "POST /validate": "utility_tools.validate",
        "GET /search": "search.search",
    }


def test_an_operation_id_made_of_the_method_and_path_is_no_hint() -> None:
    found = dotted(
        ("post", "/orders/cancel", "post-orders-cancel"),
        ("post", "/payments/{paymentId}/refunds", "post-payments-paymentId-refunds"),
        ("post", "/payments/details", "post-payments-details"),
    )
    assert found == {
        "POST /orders/cancel": "orders.cancel",
        "POST /payments/{paymentId}/refunds": "payments.refunds.create",
        "POST /payments/details": "payments.details.create",
    }


def test_custom_method_suffixes_and_keywords() -> None:
    assert dotted(
        ("post", "/stores/{store_id}:archive"),
        ("post", "/stores/{store_id}/import"),
        ("get", "/class/{class_id}"),
    ) == {
        "POST /stores/{store_id}:archive": "stores.archive",
        "POST /stores/{store_id}/import": "stores.import_",
        "GET /class/{class_id}": "class_.retrieve",
    }


def test_long_names_are_cut_at_a_word_boundary() -> None:
    segment = "replace_every_single_line_item_of_the_order_with_the_given_ones_and_notify"
    operation_id = "thisOperationIdentifierGoesOnAndOnForMoreThanFortyCharactersAtLeast"
    found = place(
        [
            Endpoint(f"/orders/{{order_id}}/{segment}", "post"),
            Endpoint("/orders/{order_id}", "post", operation_id),
        ]
    )
    for placement in found.values():
        assert len(placement.method) <= MAX_NAME
    assert found[("post", f"/orders/{{order_id}}/{segment}")].method == "replace_every_single_line_item"
    assert found[("post", "/orders/{order_id}")].method == "this_operation_identifier_goes"


# -- for any document ---------------------------------------------------------------------------------------------
NOUNS = ["stores", "orders", "items", "account", "settings", "users", "me", "status", "search", "export"]
LITERALS = st.sampled_from([*NOUNS, "v1", "v2", "api", "1.0", "cancel", "bulk-delete", "by-code", "@me", "class"])
SEGMENTS = st.lists(st.one_of(LITERALS, st.sampled_from(["{id}", "{other_id}"])), min_size=0, max_size=5)
WORDS = st.sampled_from(["list", "get", "create", "update", "delete", "cancel", "store", "order", "for", "by", "v1"])
OPERATION_IDS = st.one_of(st.none(), st.lists(WORDS, min_size=1, max_size=5).map("_".join))
ENDPOINTS = st.lists(
    st.tuples(
        st.sampled_from(["get", "post", "put", "patch", "delete", "head"]),
        SEGMENTS.map(lambda s: "/" + "/".join(s)),
        OPERATION_IDS,
        st.lists(st.sampled_from(["Stores", "V1 Orders", "Misc"]), max_size=2).map(tuple),
    ),
    max_size=25,
    unique_by=lambda e: (e[0], e[1]),
)
VERSION_LIKE = re.compile(r"v\d+(_\d+)*|\d+(\.\d+)*")


@settings(max_examples=200, deadline=None)
@given(ENDPOINTS)
def test_any_document_gets_unique_short_identifiers_and_versions_only_as_namespaces(rows: list[Row]) -> None:
    endpoints = [endpoint(r) for r in rows]
    found = place(endpoints)
    assert list(found) == [e.key for e in endpoints]
    assert place(endpoints) == found
    seen: set[tuple[tuple[str, ...], str]] = set()
    resources = {p.resource_path[: i + 1] for p in found.values() for i in range(len(p.resource_path))}
    for placement in found.values():
        assert placement.resource_path, placement
        for name in (*placement.resource_path, placement.method):
            assert name.isidentifier() and not keyword.iskeyword(name) and len(name) <= MAX_NAME, name
        assert not any(VERSION_LIKE.fullmatch(part) for part in placement.resource_path[1:]), placement
        assert placement.method not in RESOURCE_ATTRIBUTES
        assert (*placement.resource_path, placement.method) not in resources, placement
        assert (placement.resource_path, placement.method) not in seen, placement
        seen.add((placement.resource_path, placement.method))


@settings(max_examples=50, deadline=None)
@given(ENDPOINTS, st.randoms(use_true_random=False))
def test_resources_do_not_depend_on_the_documents_order(rows: list[Row], rng: random.Random) -> None:
    endpoints = [endpoint(r) for r in rows]
    shuffled = endpoints[:]
    rng.shuffle(shuffled)
    found, again = place(endpoints), place(shuffled)
    assert {k: p.resource_path for k, p in found.items()} == {k: p.resource_path for k, p in again.items()}


# -- the seed API and the real documents --------------------------------------------------------------------------
def test_the_seed_api_needs_no_operations_map() -> None:
    """The seed's six methods, a contract, keep their places from the paths alone (the spec may add more)."""
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    found = realworld_names.placements(doc)
    assert {
        "fine_tuning.jobs.cancel",
        "fine_tuning.jobs.checkpoints.list",
        "fine_tuning.jobs.create",
        "fine_tuning.jobs.list",
        "fine_tuning.jobs.list_events",
        "fine_tuning.jobs.retrieve",
    } <= {p.dotted for p in found.values()}
    assert found[("post", "/fine_tuning/jobs")] == Placement(("fine_tuning", "jobs"), "create")
