"""One case of :mod:`tests.pipeline.worker_faults` (``make fuzz`` runs them all): datamodel-code-generator's worker
raises an exception the parent cannot unpickle, as its ``SchemaParseError`` did; the run hung forever, and SIGTERM
did not end it. Now it ends in seconds, with one line, and leaves no process."""

from __future__ import annotations

import pytest

from tests.pipeline import worker_faults


@pytest.mark.skipif(not worker_faults.Path("/proc/self/stat").is_file(), reason="needs Linux /proc")
def test_an_exception_a_worker_cannot_send_back_ends_the_run() -> None:
    outcome = worker_faults.run_case("unpicklable", "models")
    assert not outcome.problems, outcome.problems
    assert "Unpicklable: the schema is not valid" in outcome.lines[0]
