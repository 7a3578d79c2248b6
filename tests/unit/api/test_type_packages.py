"""``type_packages: resource`` places each named type in the types package of the methods that use it (where their
params are: a resource's path without the resource), a type used across packages in the deepest one they share; a
``types`` key pins a package; two packages may each have a class of one name, unless that cannot be had."""

from __future__ import annotations

from typing import Any

from generator.api import parser
from generator.api.config import parse_config
from generator.api.ir import Api
from generator.emit.model_places import place_modules, renamed
from generator.inputs.document import Document
from generator.pytypes.kinds import ObjectType
from generator.pytypes.registry import NamedType


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def _object(**fields: Any) -> dict[str, Any]:
    return {"type": "object", "properties": fields or {"id": {"type": "string"}}}


ONE = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]


def _doc() -> Document:
    """``client.jobs`` (top level), ``client.fine_tuning.jobs`` and its ``checkpoints``, ``client.admin.roles`` and
    ``client.admin.projects.roles``."""
    paths = {
        "/jobs/{id}": {"get": {"operationId": "getJob", "parameters": ONE, "responses": _json(_ref("Shared"))}},
        "/fine_tuning/jobs/{id}": {
            "get": {"operationId": "getFineTuningJob", "parameters": ONE, "responses": _json(_ref("FineTuningJob"))},
            "post": {"operationId": "updateFineTuningJob", "parameters": ONE, "responses": _json(_ref("Shared"))},
        },
        "/fine_tuning/jobs/{id}/checkpoints/{cp}": {
            "get": {
                "operationId": "getCheckpoint",
                "parameters": [*ONE, {"name": "cp", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": _json(_ref("Checkpoint")),
            }
        },
        "/admin/roles/{id}": {
            "delete": {"operationId": "deleteRole", "parameters": ONE, "responses": _json(_ref("Deleted"))}
        },
        "/admin/projects/{id}/roles/{role}": {
            "delete": {
                "operationId": "deleteProjectRole",
                "parameters": [*ONE, {"name": "role", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": _json(_ref("Deleted")),
            }
        },
    }
    schemas = {
        "FineTuningJob": _object(hyperparameters=_ref("Hyperparameters"), method={"type": "object", "properties": {}}),
        "Hyperparameters": _object(),
        "Checkpoint": _object(),
        "Shared": _object(),
        "Deleted": _object(),
        "Unused": _object(),
        "CheckpointObject": _object(),
    }
    root = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}
    return Document({**root, "components": {"schemas": schemas}}, "openapi.yaml")


def _api(config: dict[str, Any]) -> Api:
    doc = _doc()
    return parser.parse(doc, parse_config(config, "sdk.yaml", doc)).api


def _packages(config: dict[str, Any]) -> dict[str, str]:
    return {t.name: ".".join(t.package) for t in _api({"type_packages": "resource", **config}).types}


def test_by_default_every_type_is_in_types() -> None:
    assert {t.package for t in _api({}).types} == {()}


def test_a_type_goes_to_the_package_of_the_methods_that_use_it_with_what_it_holds() -> None:
    packages = _packages({})
    assert packages["FineTuningJob"] == "fine_tuning"  # beside job_retrieve_params, not in fine_tuning.jobs
    assert packages["Hyperparameters"] == "fine_tuning"
    assert packages["Checkpoint"] == "fine_tuning.jobs"


def test_a_type_used_across_packages_goes_to_the_deepest_they_share() -> None:
    packages = _packages({})
    assert packages["Shared"] == ""  # client.jobs and client.fine_tuning.jobs
    assert packages["Deleted"] == "admin"  # admin.roles and admin.projects.roles
    assert packages["Unused"] == ""


def test_a_types_key_pins_the_package_of_the_class_it_names() -> None:
    pinned = {"types": {"fine_tuning.jobs.Job": "#/components/schemas/FineTuningJob"}}
    packages = _packages(pinned)
    assert packages["Job"] == "fine_tuning.jobs"
    assert packages["Hyperparameters"] == "fine_tuning"  # what it holds is used from fine_tuning too


def test_a_pin_without_packages_is_a_warning_at_its_key() -> None:
    doc = _doc()
    config = parse_config({"types": {"x.Job": "#/components/schemas/FineTuningJob"}}, "sdk.yaml", doc)
    problems = parser.parse(doc, config).problems.items
    assert [(p.pointer, p.warning) for p in problems if p.file == "sdk.yaml"] == [("/types/x.Job", True)]


def test_two_packages_may_each_have_a_class_of_one_name() -> None:
    rules = {"admin.roles": "{Resource}{Method}Response", "admin.projects.roles": "{Resource}{Method}Response"}
    api = _api({"type_packages": "resource", "response_names": rules})
    named = {t.package: t.name for t in api.types if t.class_name == "RoleDeleteResponse"}
    assert named == {("admin",): "RoleDeleteResponse", ("admin", "projects"): "RoleDeleteResponse2"}


def test_without_packages_the_second_class_of_a_name_keeps_the_documents_name() -> None:
    rules = {"admin.roles": "{Resource}{Method}Response", "admin.projects.roles": "{Resource}{Method}Response"}
    api = _api({"response_names": rules})
    assert sorted(t.class_name for t in api.types if "Role" in t.class_name) == ["RoleDeleteResponse"]


def test_a_rules_name_another_type_has_is_public_in_another_package_only() -> None:
    types = _api({"type_packages": "resource", "type_names": {"(.+)Object": r"\1"}}).types
    unused = types.named["CheckpointObject"]  # in types; the schema Checkpoint is in fine_tuning.jobs
    assert (unused.package, unused.class_name) == ((), "Checkpoint")
    flat = _api({"type_names": {"(.+)Object": r"\1"}}).types
    assert flat.named["CheckpointObject"].class_name == "CheckpointObject"


def test_a_public_name_its_package_has_already_is_given_up() -> None:
    types = _api({"type_packages": "resource", "type_names": {"Unused": "Shared"}}).types
    assert types.named["Unused"].class_name == "Unused"  # Shared is in types too


def _model(name: str, package: tuple[str, ...], public: str = "") -> NamedType:
    return NamedType(name, name.lower(), ObjectType(name=name), package=package, public=public)


def test_moved_modules_import_each_other_from_their_places_under_their_public_names() -> None:
    models = [_model("MessageObject", ("beta", "threads"), "Message"), _model("Metadata", ()), _model("Run", ("beta",))]
    files = {
        "messageobject.py": "from .metadata import Metadata\nfrom .run import Run\n\n\nclass MessageObject:\n"
        '    """A MessageObject."""\n\n    parent: MessageObject | None\n',
        "metadata.py": "class Metadata:\n    pass\n",
        "run.py": "from .messageobject import (\n    MessageObject,\n)\n\n\nclass Run:\n    m: MessageObject\n",
    }
    placed = place_modules(files, models)
    assert sorted(placed) == ["beta/run.py", "beta/threads/messageobject.py", "metadata.py"]
    assert placed["beta/threads/messageobject.py"].splitlines()[:2] == [
        "from ...metadata import Metadata",
        "from ..run import Run",
    ]
    assert "class Message:\n" in placed["beta/threads/messageobject.py"]
    assert "parent: Message | None" in placed["beta/threads/messageobject.py"]
    assert '"""A MessageObject."""' in placed["beta/threads/messageobject.py"]  # text is not a name
    assert placed["beta/run.py"].startswith("from .threads.messageobject import Message as MessageObject\n")


def test_flat_modules_are_left_as_they_are() -> None:
    files = {"a.py": "from .b import B\n"}
    assert place_modules(files, [_model("A", ()), _model("B", ())]) == files


def test_a_type_aliass_own_name_is_renamed_too() -> None:
    source = 'X = TypeAliasType("X", int)\n"""X is an int; "X" stays in text."""\n'
    assert renamed(source, "X", "Y") == 'Y = TypeAliasType("Y", int)\n"""X is an int; "X" stays in text."""\n'
