"""The real-world harness's made-up values (issue 14): a mock server that validates requests must accept them, so
they satisfy the schema's pattern, format, lengths, enum and oneOf; and the SDK surface it reports per document."""

from __future__ import annotations

import json
import re
from pathlib import Path

from realworld import documents, surface
from tests.runtime.catalog_spec import DOCUMENT


def test_a_value_is_made_up_to_match_a_pattern_and_its_lengths_the_same_on_every_run() -> None:
    schema = {"type": "string", "pattern": "^AC[0-9a-fA-F]{32}$", "minLength": 34, "maxLength": 34}
    known, value = documents.made_up({}, schema)
    assert known and re.fullmatch(schema["pattern"], value) and len(value) == 34
    assert documents.made_up({}, schema) == (True, value)


def test_formats_lengths_enums_and_minimums_are_satisfied() -> None:
    assert documents.made_up({}, {"type": "string", "format": "email"}) == (True, "someone@example.com")
    assert documents.made_up({}, {"type": "string", "enum": ["b", "a"]}) == (True, "b")
    assert documents.made_up({}, {"type": "integer", "minimum": 5}) == (True, 5)
    known, value = documents.made_up({}, {"type": "string", "minLength": 20})
    assert known and len(value) >= 20
    assert documents.made_up({}, {"type": "string"}) == (False, None)  # nothing to satisfy: the annotation's value


def test_a_one_of_with_a_string_member_gets_a_value_only_that_member_accepts() -> None:
    schema = {"oneOf": [{"type": "integer"}, {"type": "string"}]}
    assert documents.made_up({}, schema) == (True, "abc")


def test_body_fields_get_values_too() -> None:
    doc = {
        "paths": {
            "/calls": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {"properties": {"Sid": {"type": "string", "pattern": "^CA[0-9a-f]{32}$"}}}
                            }
                        }
                    }
                }
            }
        }
    }
    value = documents.parameter_examples(doc)["POST /calls"]["Sid"]
    assert re.fullmatch("^CA[0-9a-f]{32}$", value)


def test_the_surface_counts_lists_styles_renames_and_servers(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    found = surface.measure(spec)
    assert found.lists == 9 and found.paginated_total == 7
    assert found.paginated == {"cursor": 1, "next_token": 2, "next_url": 2, "offset": 1, "page": 1}
    assert found.whole == ["GET /tags"]  # no paging parameter: the whole list in one answer
    assert found.unpaged == ["GET /items?beta=true"]  # a `limit`, yet no style the rules were certain of
    assert found.untyped == [] and len(found.renamed) == 2 and len(found.own_server) == 1
