"""Names nobody would type: each rule that keeps what a machine wrote into a document out of the SDK's names, on a
minimal ``paths:`` document cut down from a real one, and the check that flags such names
(:func:`realworld.names.machine_made`)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from generator.api.parser import operations_of, parse
from generator.api.pathwords import operation_words, random_looking
from generator.api.placement import Endpoint
from generator.api.settings import SdkConfig
from generator.core.naming import identifier
from generator.inputs.document import Document
from realworld import names as realworld_names


def _document(paths: str) -> Document:
    spec: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": yaml.safe_load(paths)}
    return Document(json.loads(json.dumps(spec)), "openapi.json")


def placed(paths: str) -> dict[str, str]:
    """``{"METHOD /path": "dotted.name"}`` of a document of these paths, each checked to be a name people type."""
    doc = _document(paths)
    found = operations_of(doc)
    placements = realworld_names.placements(doc.root)
    flagged = realworld_names.flagged(placements, [endpoint for endpoint, *_ in found])
    assert not flagged, flagged
    return {f"{method.upper()} {path}": p.dotted for (method, path), p in placements.items()}


def test_a_number_segment_is_no_resource() -> None:  # sentry: /api/0/... was resource_0
    assert (
        placed("""
        /api/0/organizations/: {get: {operationId: listOrganizations}}
        /api/0/organizations/{organization_id_or_slug}/: {get: {operationId: getOrganization}}
        /api/0/organizations/{organization_id_or_slug}/stats/2/: {get: {}}
        """)
        == {
            "GET /api/0/organizations/": "organizations.list",
            "GET /api/0/organizations/{organization_id_or_slug}/": "organizations.retrieve",
            "GET /api/0/organizations/{organization_id_or_slug}/stats/2/": "organizations.stats",
        }
    )


def test_a_file_extension_is_no_part_of_a_name() -> None:  # discourse, typesense, xkcd: posts_json, info_0_json
    assert (
        placed("""
        /posts.json: {get: {operationId: listPosts}, post: {operationId: createTopicPostPM}}
        /posts/{id}.json: {get: {operationId: getPost}}
        /posts/{id}/locked.json: {put: {operationId: lockPost}}
        /info.0.json: {get: {}}
        /{comicId}/info.0.json: {get: {}}
        """)
        == {
            "GET /posts.json": "posts.list",
            "POST /posts.json": "posts.create",
            "GET /posts/{id}.json": "posts.retrieve",
            "PUT /posts/{id}/locked.json": "posts.locked",
            "GET /info.0.json": "info.retrieve",
            "GET /{comicId}/info.0.json": "info.retrieve_by_comic_id",
        }
    )


def test_http_methods_are_never_part_of_a_name() -> None:  # retrieve_get, update_put, projects.patch, actions_post
    assert (
        placed("""
        /projects/{project_id}: {put: {operationId: projects_update}, patch: {operationId: projects_patch}}
        /guilds/{guild_id}/templates/{code}: {put: {operationId: sync_guild_template}, patch: {operationId: update_guild_template}}
        /droplets/{droplet_id}/actions: {post: {operationId: dropletActions_post}}
        /files/{file_id}: {get: {}, post: {}, put: {}}
        /files/{file_id}/{version}: {get: {}}
        /badges/recipients: {get: {}}
        /badges/{ids}/recipients: {get: {}}
        /priority_thresholds: {put: {operationId: putPriorityThresholds}}
        """)
        == {
            "PUT /projects/{project_id}": "projects.replace",
            "PATCH /projects/{project_id}": "projects.update",
            "PUT /guilds/{guild_id}/templates/{code}": "guilds.templates.sync",  # the operationId's own verb
            "PATCH /guilds/{guild_id}/templates/{code}": "guilds.templates.update",
            "POST /droplets/{droplet_id}/actions": "droplets.actions.create",
            "GET /files/{file_id}": "files.retrieve",
            "POST /files/{file_id}": "files.update",
            "PUT /files/{file_id}": "files.replace",
            "GET /files/{file_id}/{version}": "files.retrieve_by_version",
            "GET /badges/recipients": "badges.recipients.list",
            "GET /badges/{ids}/recipients": "badges.list_recipients",
            "PUT /priority_thresholds": "priority_thresholds.update",
        }
    )


def test_a_post_on_an_item_is_its_update() -> None:  # stripe's PostCustomersCustomer was customers.post
    assert (
        placed("""
        /v1/customers: {get: {operationId: GetCustomers}, post: {operationId: PostCustomers}}
        /v1/customers/{customer}: {get: {operationId: GetCustomersCustomer}, post: {operationId: PostCustomersCustomer}}
        """)
        == {
            "GET /v1/customers": "customers.list",
            "POST /v1/customers": "customers.create",
            "GET /v1/customers/{customer}": "customers.retrieve",
            "POST /v1/customers/{customer}": "customers.update",
        }
    )


def test_path_and_method_written_into_an_operation_id_are_not_read() -> None:  # elevenlabs, mistral, hubspot
    assert (
        placed("""
        /v1/text-to-speech/{voice_id}/stream:
          post: {operationId: Text_to_speech_streaming_v1_text_to_speech__voice_id__stream_post}
        /v1/voices/add/{public_user_id}/{voice_id}:
          post: {operationId: Add_shared_voice_v1_voices_add__public_user_id___voice_id__post}
        /v1/workflows/executions/terminate:
          post: {operationId: batch_terminate_workflow_executions_v1_workflows_executions_terminate_post}
        /v1/agents/{agent_id}/aliases:
          put: {operationId: agents_api_v1_agents_create_or_update_alias}
          delete: {operationId: agents_api_v1_agents_delete_alias}
        /v1/usage/report/{userId}: {post: {operationId: "post-/v1/usage/report/{userId}_request"}}
        /{entity_type}/{id}/tags: {get: {operationId: getEntityTypeByIdTags}}
        /tags: {get: {operationId: listTags}}
        """)
        == {
            "POST /v1/text-to-speech/{voice_id}/stream": "text_to_speech.stream",
            "POST /v1/voices/add/{public_user_id}/{voice_id}": "voices.add.shared",
            "POST /v1/workflows/executions/terminate": "workflows.executions.terminate",
            "PUT /v1/agents/{agent_id}/aliases": "agents.aliases.create_or_update",
            "DELETE /v1/agents/{agent_id}/aliases": "agents.aliases.delete",
            "POST /v1/usage/report/{userId}": "usage.report.request",
            "GET /{entity_type}/{id}/tags": "tags.list_by_id",
            "GET /tags": "tags.list",
        }
    )


def test_a_version_beside_the_main_one_is_a_namespace_and_never_a_suffix() -> None:  # elevenlabs, pagerduty
    assert (
        placed("""
        /v1/voices: {get: {operationId: List_voices_v1_voices_get}}
        /v1/voices/{voice_id}: {get: {operationId: Get_voice_v1_voices__voice_id__get}}
        /v2/voices: {get: {operationId: Get_voices_v2_v2_voices_get}}
        """)
        == {
            "GET /v1/voices": "voices.list",
            "GET /v1/voices/{voice_id}": "voices.retrieve",
            "GET /v2/voices": "v2.voices.list",
        }
    )
    assert (
        placed("""
        /schedules: {get: {operationId: listSchedules}}
        /schedules/{id}: {get: {operationId: getSchedule}}
        /v3/schedules: {get: {operationId: listSchedulesV3}}
        /things: {get: {operationId: listThingsV1}}
        """)
        == {
            "GET /schedules": "schedules.list",
            "GET /schedules/{id}": "schedules.retrieve",
            "GET /v3/schedules": "v3.schedules.list",
            "GET /things": "things.list",
        }
    )


def test_a_version_that_only_adds_operations_is_no_namespace() -> None:  # digitalocean's /v1 beside /v2
    assert (
        placed("""
        /v2/droplets: {get: {operationId: droplets_list}}
        /v2/droplets/{droplet_id}: {get: {operationId: droplets_get}}
        /v1/embeddings: {post: {operationId: inference_create_embedding}}
        """)
        == {
            "GET /v2/droplets": "droplets.list",
            "GET /v2/droplets/{droplet_id}": "droplets.retrieve",
            "POST /v1/embeddings": "embeddings.create",
        }
    )


def test_a_random_operation_id_tail_is_not_read() -> None:
    assert (
        placed("""
        /files/{file_id}: {get: {operationId: getFile_6VmVochwUWo}}
        /files/{file_id}/{version}: {get: {operationId: getFileVersion_Zx3Kq9WvB2}}
        /classifications: {post: {operationId: security_classification_6VmVochwUWo}}
        """)
        == {
            "GET /files/{file_id}": "files.retrieve",
            "GET /files/{file_id}/{version}": "files.retrieve_by_version",
            "POST /classifications": "classifications.create",
        }
    )
    assert operation_words("security_classification_6VmVochwUWo", "post", "/x") == ["security", "classification"]
    assert [
        t for t in ["getUserByID", "listIPs", "reservedIPv6Actions", "dropletLoad15Metrics"] if random_looking(t)
    ] == []


def test_rpc_paths_are_a_resource_and_its_verb() -> None:  # plaid
    assert (
        placed("""
        /accounts/get: {post: {operationId: accountsGet}}
        /item/public_token/exchange: {post: {operationId: itemPublicTokenExchange}}
        /link/token/create: {post: {}}
        """)
        == {
            "POST /accounts/get": "accounts.get",
            "POST /item/public_token/exchange": "item.public_token.exchange",
            "POST /link/token/create": "link.token.create",
        }
    )


@pytest.mark.parametrize(
    ("wire", "argument"),
    [
        ("DateSent<", "date_sent_before"),
        ("DateSent>", "date_sent_after"),
        ("DateSent<=", "date_sent_on_or_before"),
        ("DateSent>=", "date_sent_on_or_after"),
        ("Status!=", "status_not"),
        ("Page<User>", "page_user"),  # not an operator: two of them
    ],
)
def test_query_operators_are_spelled_as_words(wire: str, argument: str) -> None:
    assert identifier(wire) == argument


def test_filter_parameters_with_operators_are_told_apart_by_them() -> None:  # twilio: date_sent_2, date_sent_3
    query = [{"name": n, "in": "query", "schema": {"type": "string"}} for n in ("DateSent", "DateSent<", "DateSent>")]
    doc = _document(yaml.safe_dump({"/messages": {"get": {"parameters": query, "responses": {"204": {}}}}}))
    (operation,) = parse(doc, SdkConfig()).api.operations
    assert [p.name for p in operation.query_params] == ["date_sent", "date_sent_before", "date_sent_after"]


@pytest.mark.parametrize(
    ("name", "path", "flagged"),
    [
        ("delete_delete", "/things/{id}", True),
        ("create_post", "/things", True),
        ("update_put", "/things/{id}", True),
        ("retrieve_get", "/things/{id}", True),
        ("post", "/things/{id}", True),
        ("post_id_id_id", "/posts/{id}", True),
        ("retrieve_id_thumbnail_id", "/things/{id}/thumbnail", True),
        ("list_get_v2_v2", "/v2/things", True),
        ("retrieve_v1", "/v1/things/{id}", True),
        ("resource_0", "/api/0/things", True),
        ("messages_json", "/messages.json", True),
        ("info_0", "/info.0.json", True),
        ("security_classification_6_vm_vochw_u_wo", "/things", True),
        ("retrieve_by_external_id", "/things/by-external-id/{external_id}", False),
        ("speech_to_speech", "/speech-to-speech/{voice_id}", False),
        ("load_15", "/metrics/load_15", False),
        ("list_repositories_v2", "/registries/{name}/repositoriesV2", False),
        ("create_post", "/posts", False),
        ("gdpr_delete", "/contacts/gdpr-delete", False),
        ("frontend_nlb_tcp_network_throughput", "/metrics/frontend_nlb_tcp_network_throughput", False),
        ("get_character", "/characters/{id}", False),
        ("delete", "/things/{id}", False),
    ],
)
def test_the_machine_made_check(name: str, path: str, flagged: bool) -> None:
    method = "post" if "post" in name else "get"
    endpoint = Endpoint(path=path, method=method)
    assert (realworld_names.machine_made(name, endpoint) is not None) == flagged
