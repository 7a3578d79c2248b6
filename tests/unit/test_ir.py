"""The intermediate representation built from the specs: resources, operations, params, pagination, auth."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_config
from generator.ir import Api, Operation
from generator.loader import load_document
from generator.parser import parse
from tests.support import CONFIG, FIXTURES, SPEC


def _api(spec: Path, config: Path | None) -> Api:
    return parse(load_document(spec), load_config(config)).api


@pytest.fixture(scope="module")
def api() -> Api:
    return _api(SPEC, CONFIG)


def _op(api: Api, operation_id: str) -> Operation:
    return next(op for op in api.operations if op.operation_id == operation_id)


def test_resources_are_nested_as_configured(api: Api) -> None:
    paths = [r.path for r in api.walk()]
    assert paths == [("fine_tuning",), ("fine_tuning", "jobs"), ("fine_tuning", "jobs", "checkpoints")]
    jobs = api.walk()[1]
    assert [op.method_name for op in jobs.operations] == ["create", "list", "retrieve", "cancel", "list_events"]
    assert jobs.module == "resources.fine_tuning.jobs.jobs"
    assert api.walk()[2].module == "resources.fine_tuning.jobs.checkpoints"


def test_client_settings_come_from_the_config_and_spec(api: Api) -> None:
    assert (api.package_name, api.client_class, api.async_client_class) == ("finetuning", "Client", "AsyncClient")
    assert (api.api_key_env, api.base_url_env) == ("FINETUNING_API_KEY", "FINETUNING_BASE_URL")
    assert api.base_url == "https://api.openai.com/v1"
    assert api.auth.kind == "bearer"
    assert (api.timeout, api.connect_timeout, api.max_retries) == (600, 5, 2)


def test_create_flattens_the_json_body(api: Api) -> None:
    create = _op(api, "createFineTuningJob")
    assert create.body is not None and create.body.content_type == "application/json"
    required = [p.name for p in create.keyword_params if p.required]
    optional = [p.name for p in create.keyword_params if not p.required]
    assert required == ["model", "training_file"]
    assert optional == ["hyperparameters", "integrations", "seed", "suffix", "validation_file"]
    types = {p.name: p.type.source for p in create.params}
    assert types["model"] == "str | Literal['babbage-002', 'davinci-002', 'gpt-3.5-turbo', 'gpt-4o-mini']"
    assert types["seed"] == "int | None"
    assert types["integrations"] == "list[CreateFineTuningJobIntegration] | None"
    assert create.response is not None and create.response.source == "FineTuningJob"


def test_list_operations_are_paginated_with_the_cursor_scheme(api: Api) -> None:
    for op_id, item in [
        ("listPaginatedFineTuningJobs", "FineTuningJob"),
        ("listFineTuningEvents", "FineTuningJobEvent"),
        ("listFineTuningJobCheckpoints", "FineTuningJobCheckpoint"),
    ]:
        op = _op(api, op_id)
        assert op.page is not None and op.item is not None
        assert (
            op.page.style,
            op.page.request_param,
            op.page.items_field,
            op.page.has_more_field,
            op.page.cursor_field,
        ) == ("cursor", "after", "data", "has_more", "id")
        assert op.item.source == item
    assert _op(api, "retrieveFineTuningJob").page is None


def test_path_parameters_are_positional(api: Api) -> None:
    op = _op(api, "listFineTuningEvents")
    assert [p.name for p in op.positional_params] == ["fine_tuning_job_id"]
    assert op.path == "/fine_tuning/jobs/{fine_tuning_job_id}/events"
    assert [p.wire_name for p in op.query_params] == ["after", "limit"]


def test_models_keep_component_names(api: Api) -> None:
    names = {m.name: m.module for m in api.models}
    assert names["FineTuningJob"] == "fine_tuning_job"
    assert names["FineTuningJobCheckpoint"] == "fine_tuning_job_checkpoint"


def test_offset_fixture_defaults_and_renames() -> None:
    api = _api(FIXTURES / "bookshelf/openapi.yaml", FIXTURES / "bookshelf/sdk.yaml")
    assert api.auth.kind == "header" and api.auth.name == "X-Api-Key"
    assert api.base_url == "https://books.example.com/api/v2"  # server variable default substituted
    assert api.api_key_env == "BOOKSHELF_API_KEY"
    listing = _op(api, "listBooks")
    assert listing.page is not None and listing.page.style == "offset" and listing.page.total_field == "total"
    assert [p.name for p in listing.header_params] == ["x_trace_id"]
    by_author = _op(api, "listAuthorBooks")
    assert [p.name for p in by_author.params] == ["author_id", "class_"]
    assert by_author.response is not None and by_author.response.source == "list[Book]"
    assert _op(api, "deleteBook").response is None
    assert _op(api, "getBook").path_params[0].type.source == "int"


def test_union_fixture() -> None:
    api = _api(FIXTURES / "zoo/openapi.yaml", FIXTURES / "zoo/sdk.yaml")
    assert api.auth.kind == "none"
    assert api.idempotency_header == "Idempotency-Key"
    create = _op(api, "createAnimal")
    assert create.body is not None and [p.name for p in create.body.params] == ["body"]
    assert create.body.params[0].type.source == "Animal"
    depth = _op(api, "getEnclosure").query_params[0]
    assert depth.type.source == "int | None"
    assert api.pages == []
