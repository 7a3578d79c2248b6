"""A package generated with ``type_packages: resource`` imports, passes strict pyright and ruff: each type is
imported from its package (two packages each with a ``RoleDeleteResponse``, a class public under a name another
type has in ``types``), by the resources, the params modules, the tests, and a user; a wrong import stays an error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import generate_into, imported, pyright_errors

DOCUMENT = """
openapi: 3.1.0
info: {title: Acme, version: "1"}
servers: [{url: "http://acme.test"}]
paths:
  /admin/roles/{id}:
    delete:
      operationId: deleteRole
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Deleted"}}}}}
  /admin/projects/{id}/roles/{role}:
    delete:
      operationId: deleteProjectRole
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: role, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Deleted"}}}}}
  /beta/threads/{id}/messages:
    post:
      operationId: createMessage
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content: {application/json: {schema: {type: object, properties: {status: {$ref: "#/components/schemas/Status"}}}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/MessageObject"}}}}
  /messages:
    get:
      operationId: listMessages
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Message"}}}}}
components:
  schemas:
    Deleted:
      type: object
      properties: {id: {type: string}, deleted: {type: boolean}}
    Status: {type: string, enum: [queued, done]}
    MessageObject:
      type: object
      properties:
        id: {type: string}
        status: {$ref: "#/components/schemas/Status"}
        content: {type: object, properties: {text: {type: string}}}
    Message:
      type: object
      properties: {text: {type: string}}
"""
CONFIG = """
type_packages: resource
type_names: {(.+)Object: \\1}
response_names:
  admin.roles: '{Resource}{Method}Response'
  admin.projects.roles: '{Resource}{Method}Response'
"""
USER = """
from acme.types import Message
from acme.types.admin import Deleted, RoleDeleteResponse
from acme.types.admin.projects import RoleDeleteResponse as ProjectRoleDeleteResponse
from acme.types.beta.threads import Message as ThreadMessage
from acme.types.beta.threads import MessageCreateParams, Status

role: RoleDeleteResponse = Deleted(id="r")
project_role: ProjectRoleDeleteResponse = Deleted(deleted=True)
thread_message = ThreadMessage(id="m", status="done")
status: Status = "queued"
params: MessageCreateParams = {"status": "done"}
message = Message(text="hi")
"""
WRONG = "from acme.types.beta import RoleDeleteResponse  # noqa: F401\n"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = generate_into(tmp_path_factory.mktemp("acme"), DOCUMENT, CONFIG)
    (out / "tests" / "test_user.py").write_text(USER, encoding="utf-8")
    (out / "tests" / "test_wrong.py").write_text(WRONG, encoding="utf-8")
    return out


def test_each_type_is_in_the_package_of_its_methods(package: Path) -> None:
    types = package / "src" / "acme" / "types"
    assert (types / "admin" / "role_delete_response.py").is_file()
    assert (types / "admin" / "projects" / "role_delete_response2.py").is_file()
    assert (types / "beta" / "threads" / "message_object.py").is_file()
    assert (types / "message.py").is_file()
    with imported(package, "acme") as acme:
        from_threads = __import__("acme.types.beta.threads", fromlist=["Message"])
        assert from_threads.Message.__name__ == "Message" and from_threads.Message is not acme.types.Message
        projects = __import__("acme.types.admin.projects", fromlist=["RoleDeleteResponse"])
        assert projects.RoleDeleteResponse is not None


def test_the_package_passes_strict_pyright_and_a_wrong_import_is_an_error(package: Path) -> None:
    errors = pyright_errors(package)
    assert {(Path(str(e["file"])).name, e["range"]["start"]["line"]) for e in errors} == {  # type: ignore[index]
        ("test_wrong.py", 0)
    }, errors


def test_the_package_passes_ruff(package: Path) -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    done = subprocess.run([ruff, "check", "--no-cache", "."], cwd=package, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
