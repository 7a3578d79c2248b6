"""examples/openai/sdk.yaml gives the SDK of the OpenAI document openai-python's surface, as
``../shared/reference/openai-surface.tsv`` lists it: measured by :mod:`realworld.official` (skipped without
``../shared``). The thresholds are the shares measured when the example was written; a change that lowers one fails."""

from __future__ import annotations

import pytest

from generator.inputs.loader import load_document
from realworld import names, official

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not official.DOCUMENT.exists() or not official.REFERENCE.exists(), reason="needs ../shared"),
]


def test_the_example_config_gives_every_official_dotted_name_and_most_type_names_in_their_packages() -> None:
    match = official.measure(official.parse_with(official.CONFIG), official.reference())
    assert match.total == 260
    assert match.names == match.total, match.misses
    assert match.types / match.total >= 0.965, match.misses
    assert match.packages / match.total >= 0.96, match.misses


def test_the_zero_config_sdk_places_most_endpoints_at_their_official_names() -> None:
    placed = names.placements(load_document(official.DOCUMENT).root)
    surface = names.compare(placed, names.reference(official.REFERENCE))
    assert surface.share >= 0.85, surface.misses
