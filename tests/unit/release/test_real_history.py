"""The change report on the kinds of change a real API's history is made of (issue 23): each case is two tiny
documents and the report a maintainer expects of them."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator.api.config import parse_config
from generator.cli import main
from generator.inputs.document import Document
from generator.release.diff import Change, Side, compare
from generator.release.diff_types import WIDER_RESPONSE
from generator.release.history import SNAPSHOT, plan, snapshot_text
from generator.release.report import bump_name

JSON = dict[str, Any]
EVENTS = "text/event-stream"


def tiny(sent: JSON, read: JSON, *, events: list[JSON] | None = None) -> JSON:
    """``POST /things`` (``client.things.create``) sending an object with the field ``model`` of schema ``sent``
    and returning ``Thing``, whose field ``result`` has schema ``read``; with ``events``, a stream of those."""
    ok: JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
    if events is not None:
        ok = {EVENTS: {"schema": {"oneOf": events}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": "createThing",
                    "description": "Make a thing.",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "required": ["model"], "properties": {"model": sent}}
                            }
                        },
                    },
                    "responses": {"200": {"description": "ok", "content": ok}},
                }
            }
        },
        "components": {"schemas": {"Thing": {"type": "object", "properties": {"result": read}}}},
    }


def changes(old: JSON, new: JSON) -> list[Change]:
    config = parse_config(None, "sdk.yaml")
    return compare(Side.parse(Document(old, "old.yaml"), config), Side.parse(Document(new, "new.yaml"), config))


def found(old: JSON, new: JSON) -> set[tuple[str, str, str, str]]:
    return {(c.rule, c.impact, f"{c.group}.{c.location}", c.message) for c in changes(old, new)}


def model_union(*values: str) -> JSON:
    return {"anyOf": [{"type": "string"}, {"type": "string", "enum": list(values)}]}


STRING: JSON = {"type": "string"}


# -- union members are matched by structure -------------------------------------------------------------------------


def test_an_enum_widened_inside_a_request_union_is_one_addition() -> None:
    """The model names of a real API: ``anyOf: [string, enum]`` gains a value. Before: variant removed + added."""
    old, new = tiny(model_union("x", "y"), STRING), tiny(model_union("x", "y", "z"), STRING)
    reported = changes(old, new)
    assert [(c.rule, c.impact, c.location, c.message) for c in reported] == [
        ("request-property-enum-value-added", "addition", "create(model=)", "enum value 'z' added")
    ]
    assert bump_name(reported, api_changed=True) == "minor"


def test_an_enum_widened_inside_a_response_union_is_an_addition_with_a_note() -> None:
    old, new = tiny(STRING, model_union("x", "y")), tiny(STRING, model_union("x", "y", "z"))
    (change,) = changes(old, new)
    assert (change.rule, change.impact, change.location) == (
        "response-property-enum-value-added",
        "addition",
        "Thing.result",
    )
    assert change.note == WIDER_RESPONSE


def test_a_value_taken_from_a_request_union_that_also_takes_any_string_breaks_no_call() -> None:
    old, new = tiny(model_union("x", "y"), STRING), tiny(model_union("x"), STRING)
    (change,) = changes(old, new)
    assert (change.rule, change.impact) == ("request-property-enum-value-removed", "other")
    assert "still accepted" in change.note


def test_a_value_taken_from_a_request_enum_without_a_plain_member_still_breaks() -> None:
    closed = {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["x", "y"]}]}
    narrower = {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["x"]}]}
    assert found(tiny(closed, STRING), tiny(narrower, STRING)) == {
        ("request-property-enum-value-removed", "breaking", "client.things.create(model=)", "enum value 'y' removed")
    }


def test_a_member_of_another_kind_is_still_a_variant_added() -> None:
    old = tiny({"anyOf": [{"type": "string"}, {"type": "boolean"}]}, STRING)
    new = tiny({"anyOf": [{"type": "string"}, {"type": "boolean"}, {"type": "integer"}]}, STRING)
    assert found(old, new) == {
        ("request-property-any-of-added", "addition", "client.things.create(model=)", "variant int added")
    }


# -- every generated class is compared, with or without a component name ----------------------------------------------


def result_union(*fields: str) -> JSON:
    members = {name: {"type": "string"} for name in fields}
    return {"oneOf": [{"type": "string"}, {"type": "object", "properties": members}]}


def test_a_field_dropped_from_a_class_made_for_a_union_member_is_breaking() -> None:
    old, new = tiny(STRING, result_union("a", "b")), tiny(STRING, result_union("a"))
    reported = changes(old, new)
    assert [(c.rule, c.impact, c.location) for c in reported] == [
        ("response-optional-property-removed", "breaking", "Thing.result.b")
    ]
    assert bump_name(reported, api_changed=True) == "major"


CODES = [f"c{i}" for i in range(70)]


def codes(values: list[str]) -> JSON:
    """A long enum beside an integer: the generator makes it a type alias of its own, with no component name."""
    return {"anyOf": [{"type": "integer"}, {"type": "string", "enum": values}]}


def test_a_value_taken_from_a_long_enum_inside_a_union_is_reported() -> None:
    sent = found(tiny(codes(CODES), STRING), tiny(codes(CODES[:-1]), STRING))
    assert sent == {
        ("request-property-enum-value-removed", "breaking", "client.things.create(model=)", "enum value 'c69' removed")
    }
    read = found(tiny(STRING, codes(CODES)), tiny(STRING, codes(CODES[:-1])))
    assert read == {
        ("response-property-enum-value-removed", "other", "t.types.Thing.result", "enum value 'c69' removed")
    }


# -- a new event type in a stream -------------------------------------------------------------------------------------


def event(kind: str) -> JSON:
    return {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "enum": [kind]}, "text": {"type": "string"}},
    }


def test_a_new_stream_event_type_is_an_addition_with_a_note() -> None:
    old = tiny(STRING, STRING, events=[event("start"), event("delta")])
    new = tiny(STRING, STRING, events=[event("start"), event("delta"), event("done")])
    (change,) = changes(old, new)
    assert (change.impact, change.location, change.note) == ("addition", "create() events", WIDER_RESPONSE)
    assert change.rule == "response-body-one-of-added"


def test_a_field_dropped_from_a_stream_event_is_breaking() -> None:
    dropped = event("delta")
    del dropped["properties"]["text"]
    old = tiny(STRING, STRING, events=[event("start"), event("delta")])
    new = tiny(STRING, STRING, events=[event("start"), dropped])
    assert [(c.rule, c.impact, c.location) for c in changes(old, new)] == [
        ("response-optional-property-removed", "breaking", "create() events.text")
    ]


# -- one version rule: a description alone is a patch, from diff, generate and release --------------------------------


def _diff_bump(tmp_path: Path, old: JSON, new: JSON, capsys: pytest.CaptureFixture[str]) -> str:
    paths = []
    for name, data in (("old.json", old), ("new.json", new)):
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
        paths.append(str(tmp_path / name))
    assert main(["diff", *paths, "--json"]) == 0
    return str(json.loads(capsys.readouterr().out)["summary"]["bump"])


def _release_bump(tmp_path: Path, old: JSON, new: JSON, *, stamp: bool) -> str:
    out = tmp_path / ("released" if stamp else "generated")
    out.mkdir()
    (out / SNAPSHOT).write_text(snapshot_text("1.2.3", old, {}), encoding="utf-8")
    doc = Document(new, "new.yaml")
    config = parse_config(None, "sdk.yaml", doc)
    release = plan(Side.parse(doc, config).api, doc, {}, config, out, stamp=stamp)
    return bump_name(release.changes, release.released, release.version)


def test_a_description_alone_is_a_patch_from_diff_generate_and_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tiny(STRING, STRING)
    new = copy.deepcopy(old)
    new["paths"]["/things"]["post"]["description"] = "Make a thing, clearly."
    bumps = [
        _diff_bump(tmp_path, old, new, capsys),
        _release_bump(tmp_path, old, new, stamp=False),
        _release_bump(tmp_path, old, new, stamp=True),
    ]
    assert bumps == ["patch", "patch", "patch"]
    assert _diff_bump(tmp_path, old, old, capsys) == "none"


def test_spec_text_in_the_report_and_the_changelog_is_one_inert_line() -> None:
    """An enum value with a terminal escape and a newline reaches the report and the changelog as escapes: it can
    neither recolour the terminal nor start a Markdown block of its own."""
    from generator.release.report import text  # noqa: PLC0415
    from generator.release.versioning import entry  # noqa: PLC0415

    hostile = "red\x1b[31m\n```python"
    found_changes = changes(
        tiny({"type": "string"}, {"enum": ["a"]}), tiny({"type": "string"}, {"enum": ["a", hostile]})
    )
    assert found_changes
    shown = text(found_changes, "old.yaml", "new.yaml") + entry("1.1.0", found_changes, "2", "1")
    assert "\x1b" not in shown and "\n```python" not in shown and "\\x1b[31m\\n```python" in shown
