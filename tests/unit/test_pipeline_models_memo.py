"""The formatted model modules kept by the API's shape (:func:`generator.pipeline._kept_models`): only an entry of
the right form is used; anything else means the models are taken and formatted as without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline
from generator.output.cache import Cache, digest


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ('{"src/x/types/a.py": "A = 1\\n"}', {"src/x/types/a.py": "A = 1\n"}),
        ("{", None),
        ('["src/x/types/a.py"]', None),
        ('{"src/x/types/a.py": 1}', None),
    ],
)
def test_only_an_entry_of_formatted_modules_is_used(tmp_path: Path, stored: str, expected: object) -> None:
    cache = Cache(tmp_path)
    assert pipeline._kept_models(cache, "shape") is None
    cache.put(pipeline.FORMATTED_MODELS, digest("shape"), stored)
    assert pipeline._kept_models(cache, "shape") == expected
    assert pipeline._kept_models(cache, None) is None
    assert pipeline._kept_models(None, "shape") is None
