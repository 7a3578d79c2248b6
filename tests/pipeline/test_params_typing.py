"""Request arguments as users write them: plain dicts and lists type-check under strict pyright, mistakes do not.

User scripts are type-checked against two packages: the committed fine-tuning SDK (every nested argument of
``fine_tuning.jobs.create``) and a package generated here from a spec with the shapes the params rules are about
(shared and recursive schemas, union aliases, tagged inline unions, keys that are not identifiers, deep-object query
arguments, a resource folder named like a model module). Each line of the ``BAD`` scripts must be reported, so the
TypedDicts really check what they accept.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
import typing
from pathlib import Path
from typing import Any

import pytest

from generator.api.config import load_config
from generator.api.parser import parse
from generator.inputs.loader import load_document
from tests.support import CONFIG, ROOT, SPEC, run_generator

PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"

LINE = {
    "type": "object",
    "required": ["sku"],
    "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer"}},
}
ORDER = {
    "type": "object",
    "required": ["lines"],
    "properties": {
        "lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}},
        "shipping": {
            "type": "object",
            "properties": {"address": {"type": "string"}, "post-code": {"type": "string"}, "from": {"type": "string"}},
        },
        "source": {
            "oneOf": [
                {
                    "type": "object",
                    "required": ["kind", "url"],
                    "properties": {"kind": {"const": "link"}, "url": {"type": "string"}},
                },
                {
                    "type": "object",
                    "required": ["kind", "path"],
                    "properties": {"kind": {"const": "file"}, "path": {"type": "string"}},
                },
            ]
        },
        "notes": {"type": "array", "items": {"type": "string"}},
        "extras": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Line"}},
        "payment": {"$ref": "#/components/schemas/Payment"},
    },
}
NODE = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        "peer": {"$ref": "#/components/schemas/Peer"},
        "peers": {"type": "array", "items": {"$ref": "#/components/schemas/Peer"}},
    },
}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _op(op_id: str, body: str | None = None, *, parameters: list[Any] | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": op_id, "responses": {"200": {"description": "ok", **_json({})}}}
    if body is not None:
        op["requestBody"] = {"required": True, **_json({"$ref": f"#/components/schemas/{body}"})}
    if parameters:
        op["parameters"] = parameters
    return op


def _returning(op_id: str, schema: dict[str, Any], *parameters: Any) -> dict[str, Any]:
    return {**_op(op_id, parameters=list(parameters)), "responses": {"200": {"description": "ok", **_json(schema)}}}


ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
FILTER = {
    "name": "filter",
    "in": "query",
    "style": "deepObject",
    "schema": {
        "type": "object",
        "properties": {"status": {"type": "string", "enum": ["open", "closed"]}, "min-total": {"type": "integer"}},
    },
}
TAGS = {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}
REPLACE = _json(
    {
        "type": "object",
        "required": ["lines"],
        "properties": {
            "lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}},
            "payment": {"$ref": "#/components/schemas/Payment"},
        },
    }
)
ORDER_ID = {"name": "order_id", "in": "path", "required": True, "schema": {"type": "string"}}
SHOP = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1"},
    "servers": [{"url": "http://shop.test"}],
    "paths": {
        "/orders": {"post": _op("createOrder", "Order"), "get": _op("listOrders", parameters=[FILTER, TAGS])},
        "/orders/{order_id}": {"put": {**_op("replaceOrder", parameters=[ORDER_ID]), "requestBody": REPLACE}},
        "/orders/{order_id}/items": {"post": _op("addOrderItem", "Line", parameters=[ORDER_ID])},
        "/nodes": {"post": _op("createNode", "Node")},
        "/bodies/{id}": {"get": _returning("getBody", {"$ref": "#/components/schemas/Body"}, ID)},
        "/streams": {
            "get": _returning("listStreams", {"type": "array", "items": {"$ref": "#/components/schemas/Stream"}})
        },
    },
    "components": {
        "schemas": {
            "Order": ORDER,
            "Line": LINE,
            "Payment": {"oneOf": [{"$ref": "#/components/schemas/Card"}, {"$ref": "#/components/schemas/Voucher"}]},
            "Card": {"type": "object", "required": ["number"], "properties": {"number": {"type": "string"}}},
            "Voucher": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}},
            "Node": NODE,
            "Peer": {"type": "object", "properties": {"node": {"$ref": "#/components/schemas/Node"}}},
            "Orders": {"type": "object", "properties": {"count": {"type": "integer"}}},
            "Body": {"type": "object", "properties": {"text": {"type": "string"}}},
            "Stream": {"type": "object", "properties": {"url": {"type": "string"}}},
        }
    },
}

FINE_TUNING_GOOD = """\
from typing import Any

from finetuning import AsyncClient, Client
from finetuning.types import FineTuningJob
from finetuning.types.fine_tuning import JobCreateParams
from finetuning.types.fine_tuning.job_create_params import Hyperparameters, Integration


def plain(client: Client) -> FineTuningJob:
    return client.fine_tuning.jobs.create(
        model="gpt-4o-mini",
        training_file="file-abc123",
        hyperparameters={"batch_size": "auto", "learning_rate_multiplier": 0.5, "n_epochs": 3},
        integrations=[
            {"type": "wandb", "wandb": {"project": "p", "entity": None, "name": "run", "tags": ["a", "b"]}},
            {"type": "wandb", "wandb": {"project": "q"}},
        ],
        seed=42,
        suffix="custom-model-name",
        validation_file=None,
    )


def variables(client: Client) -> FineTuningJob:
    hyperparameters: Hyperparameters = {"n_epochs": "auto"}
    integrations: list[Integration] = [{"type": "wandb", "wandb": {"project": "p"}}]
    return client.fine_tuning.jobs.create(
        model="davinci-002",
        training_file="file-abc123",
        hyperparameters=hyperparameters,
        integrations=(integration for integration in integrations),
    )


def dumped(client: Client, job: FineTuningJob, settings: dict[str, Any]) -> FineTuningJob:
    return client.fine_tuning.jobs.create(
        model=job.model,
        training_file=job.training_file,
        hyperparameters=job.hyperparameters.model_dump(),
        integrations=[integration.model_dump() for integration in job.integrations or []] + [settings],
    )


def to_dict(client: Client, job: FineTuningJob) -> FineTuningJob:
    return client.fine_tuning.jobs.create(
        model=job.model, training_file=job.training_file, hyperparameters=job.hyperparameters.to_dict()
    )


def unpacked(client: Client) -> FineTuningJob:
    params: JobCreateParams = {"model": "gpt-4o-mini", "training_file": "f", "hyperparameters": {"n_epochs": 1}}
    return client.fine_tuning.jobs.create(**params)


async def awaited(client: AsyncClient) -> FineTuningJob:
    return await client.fine_tuning.jobs.create(
        model="gpt-4o-mini", training_file="f", integrations=[{"type": "wandb", "wandb": {"project": "p"}}]
    )
"""

FINE_TUNING_BAD = """\
from finetuning import Client

client = Client()
client.fine_tuning.jobs.create(model="m", training_file="f", hyperparameters={"n_epoch": 3})
client.fine_tuning.jobs.create(model="m", training_file="f", hyperparameters={"batch_size": "big"})
client.fine_tuning.jobs.create(model="m", training_file="f", integrations=[{"type": "wandb"}])
client.fine_tuning.jobs.create(model="m", training_file="f", integrations=[{"type": "other", "wandb": {"project": "p"}}])
client.fine_tuning.jobs.create(model="m", training_file="f", integrations=[{"type": "wandb", "wandb": {"name": "n"}}])
client.fine_tuning.jobs.create(model="m", training_file="f", integrations={"type": "wandb", "wandb": {"project": "p"}})
"""

SHOP_GOOD = """\
from typing import Any

from shop import Client
from shop.types import Body, LineParam, PaymentParam, Stream
from shop.types.order_create_params import OrderCreateParams


def calls(client: Client, untyped: dict[str, Any]) -> None:
    client.orders.create(
        lines=[{"sku": "a", "quantity": 2}, {"sku": "b"}],
        shipping={"address": "1 Road", "post-code": "AB1", "from": "warehouse"},
        source={"kind": "file", "path": "p"},
        notes=["fragile"],
        extras={"gift": {"sku": "g"}},
        payment={"number": "4242"},
    )
    client.orders.update("o-1", lines=[untyped], payment={"code": "FREE"})
    client.orders.create(lines=[], shipping=untyped, source=untyped, payment=untyped)
    client.orders.list(filter={"status": "open", "min-total": 3}, tags=["a", "b"])
    client.orders.items.create("o-1", sku="s", quantity=1)
    client.nodes.create(name="root", children=[{"name": "leaf", "peers": [{"node": {"name": "x"}}]}], peer={})
    line: LineParam = {"sku": "c"}
    payment: PaymentParam = {"code": "FREE"}
    params: OrderCreateParams = {"lines": [line], "payment": payment}
    client.orders.create(**params)


def models_named_like_runtime_types(client: Client) -> None:
    body: Body = client.bodies.retrieve("b-1", extra_body={"x": 1}, timeout=30.0)
    streams: list[Stream] = client.streams.list(timeout=None).items  # a list returned whole: one page
    print(body, streams)
"""

SHOP_BAD = """\
from shop import Client

client = Client()
client.orders.create(lines=[{"sku": "a", "qty": 1}])
client.orders.create(lines=[{"quantity": 1}])
client.orders.create(lines=[], source={"kind": "link", "path": "p"})
client.orders.create(lines=[], payment={"number": 4242})
client.orders.create(lines=[], shipping={"post_code": "AB1"})
client.orders.list(filter={"status": "pending"})
client.orders.list(tags="a")
client.nodes.create(name="r", children=[{"name": 1}])
client.nodes.create(name="r", peer={"node": {"children": []}})
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shop spec's package, generated into a scratch folder; returns its ``src`` folder."""
    work = tmp_path_factory.mktemp("shop")
    (work / "openapi.json").write_text(json.dumps(SHOP), encoding="utf-8")
    result = run_generator("generate", "--quiet", "--no-cache", "--spec", work / "openapi.json", "--out", work / "out")
    assert result.returncode == 0, result.stderr
    return work / "out" / "src"


def _bad_lines(script: str) -> set[int]:
    """The 0-based line numbers of a BAD script's calls: each must be reported."""
    return {i for i, line in enumerate(script.splitlines()) if line.startswith("client.") and "(" in line}


@pytest.fixture(scope="module")
def reported(shop: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Strict pyright over the scripts and the shop package, in one run: the errors by file name."""
    work = tmp_path_factory.mktemp("scripts")
    scripts = {"ft_good": FINE_TUNING_GOOD, "ft_bad": FINE_TUNING_BAD, "shop_good": SHOP_GOOD, "shop_bad": SHOP_BAD}
    for name, text in scripts.items():
        (work / f"{name}.py").write_text(text, encoding="utf-8")
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11", "extraPaths": [str(shop)]}
    config["include"] = [*(f"{name}.py" for name in scripts), str(shop / "shop")]
    (work / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, "--outputjson", "-p", "."],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for diagnostic in json.loads(result.stdout)["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            found.setdefault(Path(diagnostic["file"]).stem, []).append(diagnostic)
    return found


needs_pyright = pytest.mark.skipif(not PYRIGHT.exists(), reason="node_modules not installed (run `make test`)")


@needs_pyright
@pytest.mark.parametrize("script", ["ft_good", "shop_good"])
def test_plain_dicts_lists_and_dumped_models_pass_strict_pyright(
    reported: dict[str, list[dict[str, Any]]], script: str
) -> None:
    assert reported.get(script, []) == []


@needs_pyright
def test_the_generated_params_modules_pass_strict_pyright(reported: dict[str, list[dict[str, Any]]]) -> None:
    package_errors = [d for name, found in reported.items() if not name.endswith(("_good", "_bad")) for d in found]
    assert package_errors == []


@needs_pyright
@pytest.mark.parametrize(("script", "text"), [("ft_bad", FINE_TUNING_BAD), ("shop_bad", SHOP_BAD)])
def test_every_mistake_in_a_dict_is_reported(reported: dict[str, list[dict[str, Any]]], script: str, text: str) -> None:
    lines = {d["range"]["start"]["line"] for d in reported.get(script, [])}
    assert lines == _bad_lines(text)


def test_the_shop_params_follow_the_naming_rules(shop: Path) -> None:
    types = shop / "shop" / "types"
    create = (types / "order_create_params.py").read_text(encoding="utf-8")
    # Inline objects by path; tagged union members by tag; keys that are not identifiers in the functional syntax.
    for needed in ("class OrderCreateParams(", "Shipping = TypedDict(", "class SourceLink(", "class SourceFile("):
        assert needed in create, needed
    assert '"post-code": str' in create and '"from": str' in create
    # Shared schemas have one twin beside their model; a union alias is a type alias of its members' twins.
    assert "class LineParam(" in (types / "line_param.py").read_text(encoding="utf-8")
    assert "PaymentParam: TypeAlias = CardParam | VoucherParam" in (types / "payment_param.py").read_text()
    # Recursive twins that import each other: the import that closes the cycle is for type checkers only.
    node, peer = ((types / f"{n}_param.py").read_text(encoding="utf-8") for n in ("node", "peer"))
    assert "from .peer_param import PeerParam" in node and "if TYPE_CHECKING:" in peer
    # A folder of params named like a model module gets another name; the model module keeps its own.
    assert (types / "orders.py").is_file() and (types / "orders_2" / "item_create_params.py").is_file()
    # Query lists stay lists (sent as they are); body lists of objects are Iterable; lists of strings are lists.
    listing = (types / "order_list_params.py").read_text(encoding="utf-8")
    assert "tags: list[str]" in listing
    assert "lines: Required[Iterable[LineParam | UncheckedDict]]" in create and "notes: list[str]" in create


def test_the_params_modules_import_and_resolve_at_run_time(shop: Path) -> None:
    code = textwrap.dedent("""\
        import importlib, pkgutil, sys, typing
        import shop.types as types
        names = []
        for info in pkgutil.walk_packages(types.__path__, "shop.types."):
            module = importlib.import_module(info.name)
            for name in getattr(module, "__all__", []):
                value = getattr(module, name)
                if typing.is_typeddict(value) and not info.name.endswith(("peer_param", "node_param")):
                    typing.get_type_hints(value)  # every annotation resolves (the cycle's are for type checkers)
                    names.append(name)
        print(len(names))
        """)
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(shop), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 10


def test_the_fine_tuning_params_module_is_what_users_import() -> None:
    """The seed's request types are where users import them from; the body's keys are its fields (read from the
    parsed spec, so the test holds when the API grows)."""
    api = parse(load_document(SPEC), load_config(CONFIG)).api
    create = next(op for op in api.operations if op.operation_id == "createFineTuningJob")
    assert create.body is not None
    module = importlib.import_module("finetuning.types.fine_tuning.job_create_params")
    assert {"JobCreateParams", "Hyperparameters", "Integration", "IntegrationWandb"} <= set(module.__all__)
    hints = typing.get_type_hints(module.JobCreateParams)
    assert set(hints) == {p.wire_name for p in create.body.params}
    required = {p.wire_name for p in create.body.params if p.required}
    assert module.JobCreateParams.__required_keys__ == frozenset(required)
    assert module.IntegrationWandb.__required_keys__ == frozenset({"project"})
