"""An untrusted document cannot read files outside its own folder tree into the output, nor make the generator fetch
a URL: such a reference is refused with its pointer (and, with --keep-going, typed as any value)."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator import cli
from generator.inputs.bundle import refs_allowed_under
from generator.inputs.loader import load_document
from generator.output.writer import read_tree

SECRET = "sk-live-0123456789-do-not-leak"
HEADER = "openapi: 3.1.0\ninfo: {title: Leaky, version: '1'}\n"


def _spec(folder: Path, ref: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "openapi.yaml"
    path.write_text(
        HEADER + "paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n"
        "          description: ok\n          content:\n            application/json:\n"
        f"              schema: {{$ref: '#/components/schemas/A'}}\n"
        f"components:\n  schemas:\n    A:\n      type: object\n      properties:\n        secret: {{$ref: '{ref}'}}\n"
    )
    return path


@pytest.fixture(autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """One cache for the module's runs: they differ in a schema or two, so most files are formatted once."""
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "untrusted-cache"))


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A credentials file outside the spec's folder."""
    path = tmp_path / "home" / ".config" / "credentials.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"type": "string", "description": SECRET}))
    return path


def _run(spec: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.err


POINTER = "openapi.yaml#/components/schemas/A/properties/secret/$ref: "


@pytest.mark.parametrize("how", ["relative", "absolute", "symbolic link"])
def test_a_reference_outside_the_spec_folder_is_refused_with_its_pointer(
    tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    folder = tmp_path / "project" / "spec"
    ref = {"relative": "../../home/.config/credentials.json", "absolute": str(secret), "symbolic link": "link.json"}[
        how
    ]
    spec = _spec(folder, ref)
    if how == "symbolic link":
        (folder / "link.json").symlink_to(secret)
    code, err = _run(spec, tmp_path / "out", capsys)
    assert code == 2
    assert f"{POINTER}error: $ref names a file outside the spec's folder" in err, err
    assert "--ref-root" in err and SECRET not in err
    assert not (tmp_path / "out").exists()


def test_with_keep_going_a_refused_reference_is_any_value_and_nothing_leaks(
    tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _spec(tmp_path / "spec", "../home/.config/credentials.json")
    code, err = _run(spec, tmp_path / "out", capsys, "--keep-going")
    assert code == 0, err
    assert f"{POINTER}warning: $ref names a file outside the spec's folder" in err and "typed as any value" in err
    assert not any(SECRET in text for text in read_tree(tmp_path / "out").values())


def test_ref_root_allows_a_folder(tmp_path: Path, secret: Path) -> None:
    spec = _spec(tmp_path / "project" / "spec", str(secret))
    with refs_allowed_under(secret.parent):  # what --ref-root does
        doc = load_document(spec)
    assert SECRET in json.dumps(doc.root) and not doc.unfollowed


def test_files_inside_the_spec_folder_tree_are_bundled(tmp_path: Path) -> None:
    spec = _spec(tmp_path / "spec", "schemas/fine.json")
    (tmp_path / "spec" / "schemas").mkdir()
    (tmp_path / "spec" / "schemas" / "fine.json").write_text(json.dumps({"type": "string", "description": "fine"}))
    doc = load_document(spec)
    assert doc.root["components"]["schemas"]["Fine"] == {"type": "string", "description": "fine"}
    assert not doc.unfollowed


def test_the_option_reaches_the_loader(tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = _spec(tmp_path / "spec", str(secret))
    code, err = _run(spec, tmp_path / "out", capsys, "--ref-root", str(tmp_path / "nowhere"), "--ref-root", "/")
    assert code == 0, err


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request and serves a schema."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server interface
            requests.append(self.path)
            body = json.dumps({"type": "string"}).encode()
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("keep_going", [False, True])
def test_a_url_is_never_fetched(
    tmp_path: Path, server: tuple[str, list[str]], capsys: pytest.CaptureFixture[str], keep_going: bool
) -> None:
    url, requests = server
    spec = _spec(tmp_path / "spec", f"{url}/schema.json")
    code, err = _run(spec, tmp_path / "out", capsys, *(["--keep-going"] if keep_going else []))
    assert code == (0 if keep_going else 2), err
    assert f"{POINTER}{'warning' if keep_going else 'error'}: $ref names a URL" in err
    assert "never fetches" in err
    assert requests == []


def test_a_url_through_a_file_it_may_read_is_not_fetched_either(
    tmp_path: Path, server: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, requests = server
    spec = _spec(tmp_path / "spec", "common.yaml#/Thing")
    (tmp_path / "spec" / "common.yaml").write_text(f"Thing: {{type: object, properties: {{x: {{$ref: '{url}/x'}}}}}}\n")
    code, err = _run(spec, tmp_path / "out", capsys)
    assert code == 2 and "common.yaml#/Thing/properties/x/$ref: error: $ref names a URL" in err, err
    assert requests == []
    assert os.listdir(tmp_path) == ["spec"]
