"""The results of one document, and ``docs/real-world.md`` written from them."""

from __future__ import annotations

import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .surface import Surface

LISTED = 8  # problems listed per document in the details; the rest are counted


STEPS = {
    "harness": "the harness",
    "prepare": "reading the document",
    "generate": "generation",
    "surface": "the SDK's surface",
    "names": "machine-made names",
    "install": "install",
    "import": "import",
    "pyright": "pyright",
    "ruff": "ruff",
    "prism": "Prism",
    "smoke": "smoke calls",
    "recheck": "the recheck with Prism `--errors`",
    "e2e": "end-to-end checks",
}
"""The steps of one document, in order, as the report names them; a step that timed out or crashed is named so."""


@dataclass
class Result:
    """What happened to one document at each step; a step that did not run keeps its default."""

    name: str
    source: str
    openapi: str = "?"
    spec_operations: int | None = None
    package: str = ""
    generation: str = ""
    """``strict`` (generated as it is), ``keep-going`` (only with ``--keep-going``), ``failed`` or ``timed out``."""
    generation_seconds: float = 0.0
    strict_problems: list[str] = field(default_factory=list)
    """Why generation without ``--keep-going`` refused the document (each problem line, with its pointer)."""
    generation_error: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """The warnings of the generation that wrote the SDK: with ``--keep-going``, what was skipped or typed as any."""
    skipped: dict[str, str] = field(default_factory=dict)
    skipped_count: int = 0
    operations: int = 0
    models: int = 0
    files: int = 0
    install_error: str = ""
    modules: int = 0
    import_failures: list[list[str]] = field(default_factory=list)
    models_built: int = 0
    model_failures: list[list[str]] = field(default_factory=list)
    """Models whose validator cannot be built in a clean environment (a package their formats need is missing)."""
    surface: Surface | None = None
    pyright_errors: int | None = None
    pyright_messages: list[str] = field(default_factory=list)
    pyright_seconds: float = 0.0
    pyright_rules: dict[str, int] = field(default_factory=dict)
    ruff_errors: int | None = None
    ruff_messages: list[str] = field(default_factory=list)
    smoke: list[dict[str, Any]] = field(default_factory=list)
    methods: int = 0
    unsent: list[list[str]] = field(default_factory=list)
    e2e: list[dict[str, Any]] = field(default_factory=list)
    prism_error: str = ""
    mock_fixes: list[str] = field(default_factory=list)
    timeouts: dict[str, float] = field(default_factory=dict)
    """The steps (keys of :data:`STEPS`) that did not finish in time, with the seconds they were given."""
    crashes: dict[str, str] = field(default_factory=dict)
    """The steps whose command failed in a way that gives no result (a crash, unreadable output), with why."""
    extra: dict[str, str] = field(default_factory=dict)
    """Cells of further columns, by column title, for checks of their own (a document without one shows '—')."""
    seconds: float = 0.0

    @property
    def generated(self) -> bool:
        return self.generation in ("strict", "keep-going")

    @property
    def imported(self) -> bool:
        return (
            self.generated
            and not self.install_error
            and self.modules > 0
            and not self.import_failures
            and not self.model_failures
            and not self.failed("install", "import")
        )

    def failed(self, *steps: str) -> bool:
        """Whether one of ``steps`` timed out or crashed."""
        return any(step in self.timeouts or step in self.crashes for step in steps)

    @property
    def smoke_passed(self) -> int:
        return sum(1 for s in self.smoke if s["ok"])

    @property
    def strict_failures(self) -> list[dict[str, Any]]:
        """Calls that passed only because the client is lenient by default."""
        return [s for s in self.smoke if s["ok"] and not s["strict"]]

    @property
    def model_faults(self) -> list[dict[str, Any]]:
        """Strict failures where Prism with ``--errors`` found nothing wrong with the response it sent."""
        return [s for s in self.strict_failures if not _document_fault(s)]

    @property
    def clean(self) -> bool:
        return (
            self.generation == "strict"
            and self.imported
            and self.pyright_errors == 0
            and self.ruff_errors == 0
            and not self.prism_error
            and not self.timeouts
            and not self.crashes
            and bool(self.smoke)
            and self.smoke_passed == len(self.smoke)
            and not self.model_faults
            and not self.unsent
            and all(c["ok"] for c in self.e2e)
        )

    def notes(self) -> str:
        parts = [f"{STEPS[step]} timed out ({seconds:.0f} s)" for step, seconds in self.timeouts.items()]
        parts += [f"{STEPS[step]} crashed" for step in self.crashes]
        if self.generation == "failed":
            return "; ".join([*parts, f"generation failed: {len(self.generation_error)} problem(s)"])
        if self.strict_problems:
            parts.append(f"strict generation refused: {len(self.strict_problems)} problem(s)")
        if self.skipped_count:
            parts.append(f"{self.skipped_count} operation(s) skipped")
        if self.install_error:
            parts.append("install failed")
        if self.import_failures:
            parts.append(f"{len(self.import_failures)} module(s) fail to import")
        if self.model_failures:
            parts.append(f"{len(self.model_failures)} model(s) cannot validate")
        return "; ".join([*parts, *self._smoke_notes()]) or "clean"

    def _smoke_notes(self) -> list[str]:
        parts = []
        if self.prism_error:
            parts.append("Prism failed")
        if self.mock_fixes:
            parts.append(f"mocked with {len(self.mock_fixes)} broken `$ref` emptied")
        failed = len(self.smoke) - self.smoke_passed
        if failed:
            parts.append(f"{failed} smoke call(s) failed")
        if self.unsent:
            parts.append(f"{len(self.unsent)} method(s) raise before sending a request")
        if self.strict_failures:
            blamed = len(self.strict_failures) - len(self.model_faults)
            parts.append(
                f"{len(self.strict_failures)} response(s) fail strict validation"
                + (f" ({blamed} because the document's own example breaks its schema)" if blamed else "")
            )
        if self.e2e:
            passed = sum(1 for c in self.e2e if c["ok"])
            parts.append(f"end-to-end checks {passed}/{len(self.e2e)}")
        return parts

    def summary_line(self) -> str:
        return f"{self.name}: {self.notes()}"


def _document_fault(call: dict[str, Any]) -> bool:
    return any(v.startswith("response") for v in call["violations"])


def _outcome(call: dict[str, Any]) -> tuple[str, str]:
    """The result cell and the strict-validation cell of one smoke call."""
    if not call["ok"]:
        found = f" (Prism: {'; '.join(call['violations'])})" if call["violations"] else ""
        return f"failed: {call['reason']}{found}", "—"
    if call["strict"]:
        return "passed", "valid"
    if _document_fault(call):
        verdict = "Prism `--errors`: its mocked response breaks the document's own schema: " + "; ".join(
            call["violations"]
        )
    else:
        verdict = "Prism `--errors` finds the response valid, so the generated model is wrong"
    return "passed", f"invalid: {call['strict_reason']} — {verdict}"


def _cell(r: Result, step: str, value: object) -> str:
    """A step's number, or why there is none: it timed out, crashed, or did not run."""
    if step in r.timeouts:
        return "timed out"
    if step in r.crashes:
        return "crashed"
    return "—" if value is None else str(value)


def _generation_cell(r: Result) -> str:
    if r.generation == "keep-going":
        return f"keep-going ({r.skipped_count} skipped)"
    return r.generation or "—"


def _lists_cell(r: Result) -> str:
    if r.surface is None:
        return _cell(r, "surface", None)
    return f"{r.surface.paginated_total}/{r.surface.lists}"


def _row(r: Result, extra: list[str]) -> str:
    done = r.generated
    cells = [
        f"[{r.name}](#{r.name.replace('_', '-')})",
        r.openapi,
        _cell(r, "prepare", r.spec_operations),
        _generation_cell(r),
        str(r.operations) if done else "—",
        str(r.models) if done else "—",
        str(r.files) if done else "—",
        f"{r.generation_seconds:.1f}",
        _cell(r, "import", ("yes" if r.imported else "no") if done else None),
        _cell(r, "pyright", r.pyright_errors),
        _cell(r, "ruff", r.ruff_errors),
        _lists_cell(r),
        _cell(r, "smoke", f"{r.smoke_passed}/{len(r.smoke)}" if r.smoke else None),
        *(r.extra.get(column, "—") for column in extra),
        f"{r.seconds:.0f}",
        r.notes(),
    ]
    return "| " + " | ".join(cells) + " |"


def _listed(lines: list[str], prefix: str = "- ") -> list[str]:
    shown = [f"{prefix}`{line}`" if "`" not in line else f"{prefix}{line}" for line in lines[:LISTED]]
    if len(lines) > LISTED:
        shown.append(f"{prefix}… and {len(lines) - LISTED} more")
    return shown


def _details(r: Result) -> list[str]:
    known = "?" if r.spec_operations is None else r.spec_operations
    out = [f"### {r.name}", "", f"`{r.source}`, OpenAPI {r.openapi}, {known} operations."]
    out += _step_failures(r)
    if not r.generated:
        if r.strict_problems:
            out += ["", f"Generation as it is refused the document ({len(r.strict_problems)} problem(s)):", ""]
            out += [*_listed(r.strict_problems), "", "With `--keep-going`, generation failed too:"]
        elif r.generation_error:
            out += ["", "Generation failed:"]
        return out + ["", *_listed(r.generation_error)] if r.generation_error else out
    out[2] += (
        f" Package `{r.package}`: {r.operations} operations, {r.models} models, {r.files} files in"
        f" {r.generation_seconds:.1f} s ({'as it is' if r.generation == 'strict' else 'with `--keep-going`'})."
    )
    out += _generation_details(r)
    if r.install_error:
        out += ["", f"Install failed: `{r.install_error}`"]
        return out
    out += [*_import_details(r), *_surface_details(r.surface)]
    if r.pyright_messages:
        rules = ", ".join(f"`{rule}` {count}" for rule, count in r.pyright_rules.items())
        out += ["", f"pyright errors by rule: {rules}. The first:", "", *_listed(r.pyright_messages)]
    if r.ruff_messages:
        out += ["", "First ruff errors:", "", *_listed(r.ruff_messages)]
    return out + _smoke_details(r)


def _step_failures(r: Result) -> list[str]:
    out = []
    for step, seconds in r.timeouts.items():
        out += ["", f"{STEPS[step].capitalize()} timed out: its process group was killed after {seconds:.0f} s."]
    for step, why in r.crashes.items():
        out += ["", f"{STEPS[step].capitalize()} crashed: `{why}`"]
    return out


def _generation_details(r: Result) -> list[str]:
    """Why generation needed ``--keep-going``: the strict run's problems, and what ``--keep-going`` left out."""
    out = []
    if r.strict_problems:
        out += ["", f"Generation as it is refused the document ({len(r.strict_problems)} problem(s)):", ""]
        out += _listed(r.strict_problems)
    if r.generation == "keep-going":
        out += ["", f"With `--keep-going`: {r.skipped_count} operation(s) skipped, {len(r.warnings)} warning(s):", ""]
        out += _listed(r.warnings)
    elif r.warnings:
        out += ["", f"Warnings ({len(r.warnings)}):", "", *_listed(r.warnings)]
    return out


def _smoke_details(r: Result) -> list[str]:
    out = []
    if r.mock_fixes:
        out += [
            "",
            f"Prism cannot load this document: {len(r.mock_fixes)} `$ref` do not resolve inside it. The smoke calls"
            " ran against a copy in which each is an empty schema:",
            "",
            *_listed(r.mock_fixes),
        ]
    if r.prism_error:
        out += ["", f"Prism: `{r.prism_error}`"]
    if r.methods:
        out += [
            "",
            f"Dry run of every method through a recording transport: {r.methods - len(r.unsent)}/{r.methods} send"
            " a request.",
        ]
    if r.unsent:
        out += ["", "Methods that raise before sending a request:", "", *_listed([f"{m}: {e}" for m, e in r.unsent])]
    if r.smoke:
        out += ["", "| resource | method | operation | result | strict response validation |", "|---|---|---|---|---|"]
        for s in r.smoke:
            outcome, strict = (cell.replace("|", "\\|") for cell in _outcome(s))
            out.append(f"| `{s['resource']}` | `{s['method']}` | `{s['operation']}` | {outcome} | {strict} |")
    if r.e2e:
        out += ["", "End-to-end checks:", "", "| check | result |", "|---|---|"]
        for c in r.e2e:
            outcome = "passed" if c["ok"] else f"failed: {c['reason']}".replace("|", "\\|")
            out.append(f"| {c['check']} | {outcome} |")
    return out


def _import_details(r: Result) -> list[str]:
    imported = f"{r.modules - len(r.import_failures)}/{r.modules} modules import"
    imported += f", {r.models_built - len(r.model_failures)}/{r.models_built} models build their validators"
    out = [
        "",
        f"{imported}; pyright (basic) {_cell(r, 'pyright', r.pyright_errors)} error(s) in {r.pyright_seconds:.0f} s;"
        f" ruff {_cell(r, 'ruff', r.ruff_errors)} error(s).",
    ]
    if r.import_failures:
        out += ["", "Import failures:", "", *_listed([f"{m}: {e}" for m, e in r.import_failures])]
    if r.model_failures:
        out += ["", "Models that cannot validate:", "", *_listed([f"{m}: {e}" for m, e in r.model_failures])]
    return out


def _surface_details(surface: Surface | None) -> list[str]:
    if surface is None:
        return []
    out = [
        "",
        f"List endpoints: {surface.lists}: paginated {surface.paginated_total} ({surface.styles()}), returned whole"
        f" {len(surface.whole)}, not paged {len(surface.unpaged)}; untyped responses: {len(surface.untyped)}"
        f" ({surface.untyped_lists} of them list endpoints); renamed arguments: {len(surface.renamed)}; operations"
        f" with their own server: {len(surface.own_server)}.",
    ]
    for title, lines in (
        (
            "List endpoints not paged although they take a paging parameter (no rule was certain; `pagination:` in"
            " the config can name one)",
            surface.unpaged,
        ),
        ("Untyped responses", surface.untyped),
        ("Renamed arguments", surface.renamed),
        ("Operations with their own server", surface.own_server),
    ):
        if lines:
            out += ["", f"{title}:", "", *_listed(lines)]
    return out


def _surface_row(r: Result) -> str:
    s = r.surface
    if s is None:
        return f"| {r.name} | {_cell(r, 'surface', None)} | — | — | — | — | — | — |"
    cells = [r.name, str(s.lists), f"{s.paginated_total}: {s.styles()}", str(len(s.whole)), str(len(s.unpaged))]
    cells += [str(len(s.untyped)), str(len(s.renamed)), str(len(s.own_server))]
    return "| " + " | ".join(cells) + " |"


HEADER = [
    "spec",
    "OpenAPI",
    "operations in spec",
    "generation",
    "generated",
    "models",
    "files",
    "generation s",
    "import ok",
    "pyright errors (basic)",
    "ruff errors",
    "lists paged",
    "smoke calls passed",
]
"""The columns of the main table; the extra columns of :attr:`Result.extra`, the seconds and the notes follow."""

INTRO = (
    "Written by `make realworld` (`python -m realworld`); do not edit by hand. Each document of `../shared/specs`"
    " (its entry document is the `main:` line of its `SOURCE.txt`) is generated with no config, as it is, and when"
    " that is refused, again with `--keep-going` (the generation column says which; the details list the problems"
    " and what was skipped); installed into a fresh virtual environment, imported module by module, checked with"
    " pyright (basic mode) and `ruff check`, and one operation per resource is called through the generated client"
    " against Prism serving the document (without `--errors`: Prism still answers a request the document does not"
    " allow with 4xx; `--errors` would add checks of Prism's own mocked responses, which fail where a document's"
    " examples break its schemas). A call passes when the client (lenient, as by default) gets its answer; the answer"
    " is also validated strictly, and when only that fails, the same call is put to Prism with `--errors`, which"
    " tells a document whose own example breaks its schema from a generated model that rejects a valid response."
    " Every step has a deadline: one that does not finish in time has its process group killed and is reported as"
    " timed out. 'lists paged' is paginated list endpoints / list endpoints (see the next table)."
)

SURFACE_HEADER = [
    "",
    "What the SDKs make of the operations (from the generator's model of each API, as `generate --keep-going` builds"
    " it): list endpoints (a GET answering an array or an object around one), each paginated (by style), returned"
    " whole (it takes no paging parameter) or not paged (it takes one, yet no pagination rule was certain of its"
    " style); responses typed only as `object`/`dict[str, object]`, arguments renamed because a method's own option"
    " has their name, operations sent to a server of their own.",
    "",
    "| spec | list endpoints | paginated (by style) | returned whole | not paged | untyped responses | renamed"
    " arguments | own server |",
    "|---|---|---|---|---|---|---|---|",
]


@dataclass(frozen=True)
class Run:
    """How the whole run went: its seconds, the documents at a time, and the options that change the results."""

    seconds: float
    jobs: int
    keep_going: bool
    prism_errors: bool


def write_report(path: Path, results: list[Result], run: Run, names: str = "") -> None:
    """The Markdown report, one row per document in name order; ``names`` is a section of its own (see
    :mod:`realworld.names`), before the details."""
    results = sorted(results, key=lambda r: r.name)
    extra = list(dict.fromkeys(column for r in results for column in r.extra))
    header = [*HEADER, *extra, "seconds", "notes"]
    intro = INTRO if run.keep_going else INTRO.replace(", and when that is refused, again with `--keep-going`", "")
    if run.prism_errors:
        intro += " This run served every document with Prism `--errors`."
    clean = sum(1 for r in results if r.clean)
    lines = [
        "# The generator on real-world OpenAPI documents",
        "",
        intro,
        "",
        f"Last run: {len(results)} documents ({clean} clean) in {run.seconds:.0f} s, {run.jobs} at a time (Python"
        f" {platform.python_version()}).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *(_row(r, extra) for r in results),
        *SURFACE_HEADER,
        *(_surface_row(r) for r in results),
        "",
        *([names] if names else []),
        "## Details",
    ]
    for result in results:
        lines += ["", *_details(result)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
