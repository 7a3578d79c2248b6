"""The results of one document, and ``docs/real-world.md`` written from them."""

from __future__ import annotations

import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .surface import Surface

LISTED = 8  # problems listed per document in the details; the rest are counted


@dataclass
class Result:
    """What happened to one document at each step; a step that did not run keeps its default."""

    name: str
    source: str
    openapi: str
    spec_operations: int
    package: str = ""
    generation_seconds: float = 0.0
    generation_error: list[str] = field(default_factory=list)
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

    @property
    def generated(self) -> bool:
        return not self.generation_error

    @property
    def imported(self) -> bool:
        return (
            self.generated
            and not self.install_error
            and self.modules > 0
            and not self.import_failures
            and not self.model_failures
        )

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
            self.imported
            and self.skipped_count == 0
            and self.pyright_errors == 0
            and self.ruff_errors == 0
            and not self.prism_error
            and bool(self.smoke)
            and self.smoke_passed == len(self.smoke)
            and not self.model_faults
            and not self.unsent
            and all(c["ok"] for c in self.e2e)
        )

    def notes(self) -> str:
        if self.generation_error:
            return f"generation failed: {len(self.generation_error) - 1} problem(s)"
        parts = []
        if self.skipped_count:
            parts.append(f"{self.skipped_count} operation(s) skipped")
        if self.install_error:
            parts.append("install failed")
        if self.import_failures:
            parts.append(f"{len(self.import_failures)} module(s) fail to import")
        if self.model_failures:
            parts.append(f"{len(self.model_failures)} model(s) cannot validate")
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
        return "; ".join(parts) or "clean"

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


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def _row(r: Result) -> str:
    done = r.generated
    cells = [
        f"[{r.name}](#{r.name.replace('_', '-')})",
        r.openapi,
        str(r.spec_operations),
        str(r.operations) if done else "—",
        str(r.skipped_count) if done else "—",
        str(r.models) if done else "—",
        str(r.files) if done else "—",
        f"{r.generation_seconds:.1f}",
        ("yes" if r.imported else "no") if done else "—",
        _cell(r.pyright_errors),
        _cell(r.ruff_errors),
        f"{r.smoke_passed}/{len(r.smoke)}" if r.smoke else "—",
        r.notes(),
    ]
    return "| " + " | ".join(cells) + " |"


def _listed(lines: list[str], prefix: str = "- ") -> list[str]:
    shown = [f"{prefix}`{line}`" if "`" not in line else f"{prefix}{line}" for line in lines[:LISTED]]
    if len(lines) > LISTED:
        shown.append(f"{prefix}… and {len(lines) - LISTED} more")
    return shown


def _details(r: Result) -> list[str]:
    out = [f"### {r.name}", "", f"`{r.source}`, OpenAPI {r.openapi}, {r.spec_operations} operations."]
    if r.generation_error:
        out += ["", "Generation failed (exit 2):", "", *_listed(r.generation_error)]
        return out
    out[-1] += (
        f" Package `{r.package}`: {r.operations} operations, {r.models} models, {r.files} files in"
        f" {r.generation_seconds:.1f} s."
    )
    if r.skipped_count:
        out += ["", f"Skipped by `--keep-going` ({r.skipped_count}):", "", *_listed(list(r.skipped.values()))]
    if r.install_error:
        out += ["", f"Install failed: `{r.install_error}`"]
        return out
    out += [*_import_details(r), *_surface_details(r.surface)]
    if r.pyright_messages:
        rules = ", ".join(f"`{rule}` {count}" for rule, count in r.pyright_rules.items())
        out += ["", f"pyright errors by rule: {rules}. The first:", "", *_listed(r.pyright_messages)]
    if r.ruff_messages:
        out += ["", "First ruff errors:", "", *_listed(r.ruff_messages)]
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
        f"{imported}; pyright (basic) {r.pyright_errors} error(s) in {r.pyright_seconds:.0f} s; "
        f"ruff {r.ruff_errors} error(s).",
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
        f"List endpoints: {surface.lists}, paginated {surface.paginated_total} ({surface.styles()});"
        f" untyped responses: {len(surface.untyped)} ({surface.untyped_lists} of them list endpoints);"
        f" renamed arguments: {len(surface.renamed)}; operations with their own server: {len(surface.own_server)}.",
    ]
    for title, lines in (
        (
            "List endpoints without pages (no rule was certain; `pagination:` in the config can name one)",
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
        return f"| {r.name} | — | — | — | — | — |"
    cells = [r.name, str(s.lists), f"{s.paginated_total}: {s.styles()}", str(len(s.untyped)), str(len(s.renamed))]
    return "| " + " | ".join([*cells, str(len(s.own_server))]) + " |"


SURFACE_HEADER = [
    "",
    "What the SDKs make of the operations (from the generator's model of each API, as `generate --keep-going` builds"
    " it): list endpoints (a GET answering an array or an object around one), those paginated by style, responses"
    " typed only as `object`/`dict[str, object]`, arguments renamed because a method's own option has their name,"
    " operations sent to a server of their own.",
    "",
    "| spec | list endpoints | paginated (by style) | untyped responses | renamed arguments | own server |",
    "|---|---|---|---|---|---|",
]


def write_report(
    path: Path, results: list[Result], *, seconds: float, keep_going: bool, prism_errors: bool, names: str = ""
) -> None:
    """The Markdown report; ``names`` is a section of its own (see :mod:`realworld.names`), before the details."""
    header = [
        "spec",
        "OpenAPI",
        "operations in spec",
        "generated",
        "skipped",
        "models",
        "files",
        "generation s",
        "import ok",
        "pyright errors (basic)",
        "ruff errors",
        "smoke calls passed",
        "notes",
    ]
    lines = [
        "# The generator on real-world OpenAPI documents",
        "",
        "Written by `make realworld` (`python -m realworld`); do not edit by hand. Each document of `../shared/specs`"
        " is generated with no config"
        + (" and `--keep-going`" if keep_going else " (this generator has no `--keep-going`)")
        + ", installed into a scratch virtual environment, imported module by module, checked with pyright"
        " (basic mode) and `ruff check`, and one operation per resource is called through the generated client"
        " against Prism serving the document"
        + (
            " with `--errors`"
            if prism_errors
            else " (without `--errors`: Prism still answers a request the document does not allow with 4xx; `--errors`"
            " would add checks of Prism's own mocked responses, which fail where a document's examples break its"
            " schemas)"
        )
        + ". A call passes when the client (lenient, as by default) gets its answer; the answer is also validated"
        " strictly, and when only that fails, the same call is put to Prism with `--errors`, which tells a document"
        " whose own example breaks its schema from a generated model that rejects a valid response.",
        "",
        f"Last run: {len(results)} documents in {seconds:.0f} s (Python {platform.python_version()}).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *(_row(r) for r in results),
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
