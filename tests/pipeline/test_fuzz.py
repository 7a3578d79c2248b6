"""A fast slice of the mutation fuzzer (:mod:`tests.pipeline.fuzz`; ``make fuzz`` runs 1,000 mutations): damaged
documents end in a generation or in clean ``FILE#POINTER: error:`` lines, never in an internal error."""

from __future__ import annotations

import pytest

from tests.pipeline import fuzz

SMALL_SHARED = frozenset({"petstore3", "petstore31"})
"""The small real documents (when ../shared is present); ``make fuzz`` damages the large ones too."""
SOURCES = fuzz.sources(only=SMALL_SHARED)
CASES = fuzz.cases(8, seed=2024, all_sources=SOURCES)


@pytest.fixture(autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "fuzz-cache"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{SOURCES[c.source].name}-{c.seed}")
def test_a_damaged_document_never_ends_in_an_internal_error(case: fuzz.Case) -> None:
    outcome = fuzz.run_case(case, SOURCES)
    assert not outcome.failed, f"{outcome.verdict}: {outcome.mutation} at {outcome.pointer}: {outcome.detail}"


def test_the_verdicts_tell_clean_ends_from_internal_errors() -> None:
    """Guards the fuzzer itself: what counts as clean, and what does not."""
    problem = "spec.json#/components/schemas/A/required: error: 'required' must be a list (fix it)"
    assert fuzz.verdict(2, f"{problem}\ngeneration failed: 1 problem(s); out was not changed\n", False)[0] == "refused"
    assert fuzz.verdict(0, "generated out: 1 operations\n", True)[0] == "generated"
    assert fuzz.verdict(2, f"{problem}\ngeneration failed: 1 problem(s); out was not changed\n", True)[0] == (
        "not-skipped"
    )
    internal = "generation failed: KeyError: '$ref'; out was not changed\nrun again with --debug for the traceback\n"
    assert fuzz.verdict(2, internal, False) == ("internal", "generation failed: KeyError: '$ref'; out was not changed")
    dump = "1 validation error for JsonSchemaObject\nrequired\n  Input should be a valid list\n"
    assert fuzz.verdict(2, dump + "generation failed: 1 problem(s); out was not changed\n", False)[0] == "internal"
    assert fuzz.verdict(1, "Traceback (most recent call last):\n", False)[0] == "internal"
