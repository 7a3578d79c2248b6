"""Rendered files from the cache (:mod:`generator.emit.render_memo`): a warm render gives what a cold one gives,
whatever changed, and a damaged or foreign entry is a miss."""

from __future__ import annotations

import dataclasses
import marshal
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.api.ir import Api, Operation, Resource
from generator.api.parser import parse
from generator.api.shape import api_shape
from generator.emit import render
from generator.emit.render_memo import KIND, doc_files, open_memo, version_files
from generator.output.cache import Cache, digest
from generator.pipeline import read_inputs
from generator.request.examples import Examples
from generator.request.param_modules import method_types
from generator.request.params import RequestTypes
from tests.support import FIXTURES


@pytest.fixture(scope="module")
def zoo() -> Api:
    inputs = read_inputs(FIXTURES / "zoo" / "openapi.yaml", FIXTURES / "zoo" / "sdk.yaml")
    return parse(inputs.doc, inputs.config).api


def _edited(api: Api, edit: Callable[[Operation], Operation], which: int = 0) -> Api:
    """``api`` with its ``which``-th operation edited (a new IR: the original stays as it was)."""
    target = api.operations[which]

    def resource(r: Resource) -> Resource:
        operations = [edit(op) if op is target else op for op in r.operations]
        return dataclasses.replace(r, operations=operations, children=[resource(c) for c in r.children])

    return dataclasses.replace(api, resources=[resource(r) for r in api.resources])


class _TemplatesOnly(Cache):
    """A cache of compiled templates alone: renders with it are cold for the memo, and quick."""

    def get(self, kind: str, key: str) -> str | None:
        return None if kind == KIND else super().get(kind, key)

    def put(self, kind: str, key: str, value: str) -> None:
        if kind != KIND:
            super().put(kind, key, value)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Cache:
    return _TemplatesOnly(tmp_path_factory.mktemp("templates"))


def _render(api: Api, cache: Cache) -> dict[str, str]:
    return render.render_package(api, Examples(api.types), cache)


def _summary(op: Operation) -> Operation:
    return dataclasses.replace(op, summary=op.summary + " (edited)", description="Described anew.")


def _renamed(op: Operation) -> Operation:
    return dataclasses.replace(op, method_name=op.method_name + "_again")


@pytest.mark.parametrize("edit", [_summary, _renamed], ids=["summary", "method name"])
def test_a_warm_render_after_an_edit_is_the_cold_render(
    zoo: Api, templates: Cache, tmp_path: Path, edit: Callable
) -> None:
    cache = Cache(tmp_path)
    assert _render(zoo, cache) == _render(zoo, templates)
    for which in (0, len(zoo.operations) - 1):
        edited = _edited(zoo, edit, which)
        cold = _render(edited, templates)
        assert cold != _render(zoo, templates)
        assert _render(edited, cache) == cold  # rendered, or its changed files rendered
        assert _render(edited, cache) == cold  # all from the cache


def _counting_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files rendered from now on, in order."""
    rendered: list[str] = []
    emit = render._Package.emit

    def counted(self: render._Package, template: str, target: str, **extra: object) -> None:
        rendered.append(target)
        emit(self, template, target, **extra)

    monkeypatch.setattr(render._Package, "emit", counted)
    return rendered


def test_a_summary_edit_renders_only_the_files_that_show_it(
    zoo: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    _render(zoo, cache)
    edited = _edited(zoo, _summary)
    assert api_shape(edited) == api_shape(zoo)
    rendered = _counting_renders(monkeypatch)
    _render(edited, cache)
    op = edited.operations[0]
    shown = sorted(t for t, ops in doc_files(edited).items() if any(o.pointer == op.pointer for o in ops))
    assert sorted(rendered) == shown == ["api.md", "src/zoo/resources/animals.py"]


def test_only_the_files_listed_as_showing_an_operations_texts_change_with_them(zoo: Api, templates: Cache) -> None:
    """The rule the memo rests on: no other template reads an operation's summary or description."""
    before = _render(zoo, templates)
    for which, op in enumerate(zoo.operations):
        after = _render(_edited(zoo, _summary, which), templates)
        changed = {name for name in before if before[name] != after[name]}
        listed = {t for t, ops in doc_files(zoo).items() if any(o.pointer == op.pointer for o in ops)}
        assert changed <= listed, op.pointer


@pytest.mark.parametrize("damage", ["bytes", "not marshal", "another form", "other files"])
def test_a_damaged_or_foreign_entry_is_a_miss(zoo: Api, templates: Cache, tmp_path: Path, damage: str) -> None:
    cache = Cache(tmp_path)
    _render(zoo, cache)
    memo = open_memo(zoo, cache)
    assert memo is not None
    shape = memo.shape
    (entry,) = (tmp_path / KIND).rglob(shape)
    if damage == "bytes":
        entry.write_bytes(entry.read_bytes().replace(b"zoo", b"zoO"))
    else:
        value = {"not marshal": b"\xff", "another form": {"files": []}, "other files": [("api.md", None)]}[damage]
        cache.put_bytes(KIND, shape, value if isinstance(value, bytes) else marshal.dumps(value))
    edited = _edited(zoo, _summary)
    assert _render(edited, cache) == _render(edited, templates)


@pytest.mark.parametrize("damage", ["none", "bytes", "not marshal", "other files"])
def test_formatted_files_are_kept_by_shape_and_a_damaged_entry_is_a_miss(
    zoo: Api, templates: Cache, tmp_path: Path, damage: str
) -> None:
    cache = Cache(tmp_path)
    memo = open_memo(zoo, cache)
    assert memo is not None and memo.formatted() is None
    formatted = {name: f"formatted {text}" for name, text in _render(zoo, templates).items()}
    memo.keep_formatted(formatted)
    assert memo.formatted() == list(formatted.items())
    edited = _edited(zoo, _summary)
    memo = open_memo(edited, cache)
    assert memo is not None
    listed = memo.formatted()
    assert listed is not None
    assert [t for t, _ in listed] == list(formatted)
    shown = {t for t, ops in doc_files(edited).items() if edited.operations[0] in ops}
    assert {t for t, text in listed if text is None} == shown  # rendered and formatted again; the rest kept
    assert {t: text for t, text in listed if text is not None} == {t: formatted[t] for t in formatted if t not in shown}
    if damage == "none":
        return
    (entry,) = (tmp_path / KIND).rglob(digest(memo.shape, "formatted"))
    if damage == "bytes":
        entry.write_bytes(entry.read_bytes().replace(b"formatted", b"Formatted"))
    else:
        cache.put_bytes(KIND, entry.name, b"[" if damage == "not marshal" else marshal.dumps([("api.md", None)]))
    assert memo.formatted() is None


def test_a_summary_edit_takes_the_request_types_from_the_cache(
    zoo: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request types span the whole API (names are claimed across it): kept by shape, they are not built again
    for the two files a summary edit renders."""
    cache = Cache(tmp_path)
    _render(zoo, cache)
    built: list[Api] = []
    request_types = render.RequestTypes

    def counted(api: Api) -> render.RequestTypes:
        built.append(api)
        return request_types(api)

    monkeypatch.setattr(render, "RequestTypes", counted)
    edited = _edited(zoo, _summary)
    assert _render(edited, cache) == _render(edited, _TemplatesOnly(tmp_path / "cold"))
    assert len(built) == 1  # the cold render's


@pytest.mark.parametrize("damage", ["bytes", "not a pickle", "another object"])
def test_a_damaged_or_foreign_request_types_entry_is_a_miss(
    zoo: Api, templates: Cache, tmp_path: Path, damage: str
) -> None:
    cache = Cache(tmp_path)
    memo = open_memo(zoo, cache)
    assert memo is not None
    fresh = method_types(RequestTypes(zoo))
    assert memo.method_types(lambda: fresh) is fresh
    assert memo.method_types(lambda: pytest.fail("computed again")) == fresh
    key = digest(memo.api, "method types")
    (entry,) = (tmp_path / KIND).rglob(key)
    if damage == "bytes":
        entry.write_bytes(entry.read_bytes()[:-3] + b"AAA")
    else:
        cache.put_bytes(KIND, key, b"not a pickle" if damage == "not a pickle" else pickle.dumps(1))
    again = method_types(RequestTypes(zoo))
    assert memo.method_types(lambda: again) is again


def test_only_the_files_listed_as_showing_the_version_change_with_it(zoo: Api, templates: Cache) -> None:
    """The rule the memo rests on: no other template reads the package's version."""
    before = _render(zoo, templates)
    after = _render(dataclasses.replace(zoo, package_version="9.8.7.dev0"), templates)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == set(version_files(zoo))


def test_a_new_version_renders_only_the_files_that_show_it(
    zoo: Api, templates: Cache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first edit after a release moves the version to a development release: the other files stay as they were."""
    cache = Cache(tmp_path)
    _render(zoo, cache)
    edited = dataclasses.replace(_edited(zoo, _summary), package_version="9.8.7.dev0")
    cold = _render(edited, templates)
    rendered = _counting_renders(monkeypatch)
    shape = api_shape(zoo)  # as parsed: the pipeline sets the version after taking the shape
    assert render.render_package(edited, Examples(edited.types), cache, shape) == cold
    assert sorted(rendered) == sorted(["api.md", "src/zoo/resources/animals.py", *version_files(zoo)])
