"""A mutation fuzzer of the generator: structural damage to real documents must end cleanly, never in an internal error.

Each case takes a document (the spec, the fixtures' specs and, when ``../shared/specs`` is present, slices of the real
documents there: one or two paths with every component they reach), damages one place of it (a schema keyword of the
wrong kind, a dangling reference or discriminator mapping, deep nesting, a wide union, a node of another JSON type or
a key removed) and runs ``generate`` on it in-process, with or without ``--keep-going``. A run ends cleanly when it
generates, or exits 2 with nothing but ``FILE#POINTER: error:`` lines and the summary. Anything else is an internal
error: a traceback, an exception's name in the summary, or broken generated code. Under ``--keep-going`` a problem
inside an operation or a schema must be a warning, never an error.

``python -m tests.pipeline.fuzz --mutations 1000`` (``make fuzz``) prints a line per failure and the totals, and
exits 1 when any case failed; ``tests/pipeline/test_fuzz.py`` runs a fast slice of it.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.core.errors import escape_pointer_token
from generator.inputs.schemacheck import DATA_KEYS, child_role
from tests.support import FIXTURES, SHARED, SPEC

JSON = Any
Mutation = Callable[[random.Random, Any, str], Any]
"""(random, the node at the chosen place, its pointer) -> the node that replaces it."""
SLOW_SECONDS = 120
"""A case that takes longer than this is a failure too (a document that makes the generator hang)."""
_PROBLEM = re.compile(r"^\S.*?: (error|warning): ")


@dataclass(frozen=True)
class Source:
    name: str
    document: dict[str, Any]
    config: str | None
    """The config's text, if the document has one."""
    sliced: bool = False
    """A large document: each case keeps one or two of its paths."""


def sources(shared: bool = True, only: frozenset[str] | None = None) -> list[Source]:
    """The documents the fuzzer damages: the spec, the fixtures' and, with ``shared``, those of ``../shared/specs``
    (``only`` the named ones, if given)."""
    found = [Source("spec", _load(SPEC), (SPEC.parent / "sdk.yaml").read_text())]
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "openapi.yaml").is_file()):
        config = folder / "sdk.yaml"
        found.append(
            Source(folder.name, _load(folder / "openapi.yaml"), config.read_text() if config.is_file() else None)
        )
    specs = SHARED / "specs"
    if shared and specs.is_dir():
        for folder in sorted(p for p in specs.iterdir() if p.is_dir() and (only is None or p.name in only)):
            for path in sorted(folder.iterdir()):
                if path.suffix in (".yaml", ".yml", ".json"):
                    found.append(Source(folder.name, _load(path), None, sliced=True))
                    break
    return found


def _load(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return json.loads(json.dumps(data, default=str))  # as JSON carries it: dates become strings


# -- where to damage ----------------------------------------------------------------------------------------------


def places(node: JSON, at: str = "", role: str = "other") -> Iterator[tuple[str, bool]]:
    """Every (pointer, whether it is a schema) in ``node``; examples and other data left out.

    ``role`` is what ``node`` is: ``schema``, ``schemas`` (a map of them), ``list`` (a list of them) or ``other``.
    """
    yield at, role == "schema" and isinstance(node, dict)
    if isinstance(node, dict):
        for key, value in node.items():
            if key in DATA_KEYS or key.startswith("x-"):
                continue
            yield from places(value, f"{at}/{escape_pointer_token(key)}", child_role(role, at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from places(value, f"{at}/{i}", "schema" if role == "list" else "other")


def get(doc: JSON, at: str) -> JSON:
    node = doc
    for raw in at.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def put(doc: JSON, at: str, value: JSON) -> JSON:
    """``doc`` with the node at ``at`` replaced by ``value``."""
    if not at:
        return value
    parent_at, _, raw = at.rpartition("/")
    parent = get(doc, parent_at)
    token = raw.replace("~1", "/").replace("~0", "~")
    parent[int(token) if isinstance(parent, list) else token] = value
    return doc


# -- how to damage ------------------------------------------------------------------------------------------------

ODD_VALUES: list[JSON] = ["name", "", 7, -1, 1.5, True, None, [], ["x", 5], {}, {"x": {"y": 1}}, [{"a": []}]]


def _keyword(key: str, values: list[JSON]) -> Mutation:
    def mutate(rng: random.Random, node: JSON, _at: str) -> JSON:
        return {**node, key: copy.deepcopy(rng.choice(values))} if isinstance(node, dict) else node

    mutate.__name__ = f"{key}={'|'.join(json.dumps(v)[:12] for v in values[:3])}"
    return mutate


def _retype(rng: random.Random, node: JSON, _at: str) -> JSON:
    return copy.deepcopy(rng.choice([v for v in ODD_VALUES if type(v) is not type(node)]))


def _drop_key(rng: random.Random, node: JSON, _at: str) -> JSON:
    if isinstance(node, dict) and node:
        key = rng.choice(sorted(node))
        return {k: v for k, v in node.items() if k != key}
    return node


def _nest(rng: random.Random, node: JSON, _at: str) -> JSON:
    key = rng.choice(["oneOf", "allOf", "anyOf", "items", "properties"])
    for _ in range(rng.choice([40, 150, 400])):
        node = (
            {"type": "array", "items": node}
            if key == "items"
            else (
                {key: [node]}
                if key != "properties"
                else {
                    "type": "object",
                    "properties": {"p": node},
                }
            )
        )
    return node


def _wide(rng: random.Random, node: JSON, _at: str) -> JSON:
    members = [{"type": "object", "properties": {f"f{i}": {"type": "string"}}} for i in range(rng.choice([300, 2000]))]
    return {rng.choice(["anyOf", "oneOf"]): members}


def _self_reference(_rng: random.Random, node: JSON, at: str) -> JSON:
    ref = {"$ref": "#" + at}
    return {**node, "allOf": [ref]} if isinstance(node, dict) else ref


def _discriminator(rng: random.Random, node: JSON, _at: str) -> JSON:
    dangling = {"propertyName": "kind", "mapping": {"a": "#/components/schemas/DoesNotExist", "b": "Nope"}}
    odd = rng.choice(
        [dangling, "kind", {"propertyName": 5}, {"mapping": {"a": 5}}, {"propertyName": "k", "mapping": []}]
    )
    members = node.get("oneOf") if isinstance(node, dict) else None
    return {**(node if isinstance(node, dict) else {}), "oneOf": members or [{"type": "object"}], "discriminator": odd}


SCHEMA_MUTATIONS: list[Mutation] = [
    _keyword("required", ["name", {}, [1, {}], [["a"]], True]),
    _keyword("properties", [["a", "b"], "x", {"a": "string"}, {"a": 5}, {"a": None}, {"": {"type": "string"}}]),
    _keyword("description", [{"text": "x"}, ["a"], 5, None]),
    _keyword("title", [{"a": 1}, 5]),
    _keyword("type", ["bogus", 5, ["string", 7], [], {"a": 1}, "file", ["null"]]),
    _keyword("items", [[{"type": "string"}], "x", 5, []]),
    _keyword("enum", ["x", {}, [], [[1], {"a": 1}], [None], [1.5, True, "a", None]]),
    _keyword("allOf", [{}, "x", [], ["x", 5], [None]]),
    _keyword("anyOf", [{}, "x", [], [5]]),
    _keyword("oneOf", [{}, "x", [], [[]]]),
    _keyword("additionalProperties", ["yes", 5, [], None]),
    _keyword("format", [5, {}, "int32", "binary"]),
    _keyword("pattern", ["[", 5, "(?P<x"]),
    _keyword("minLength", ["3", -1, 1.5, None, 10**12]),
    _keyword("maxLength", ["3", -5, []]),
    _keyword("minimum", ["x", [], None]),
    _keyword("maximum", ["x", {}]),
    _keyword("multipleOf", [0, "x", -2]),
    _keyword("minItems", ["x", -1, 1.5]),
    _keyword("nullable", ["yes", 5, None]),
    _keyword("readOnly", ["yes", 5]),
    _keyword("default", [{"a": [1]}, ["x"], None, 5]),
    _keyword("const", [{"a": 1}, [1], None]),
    _keyword(
        "$ref", ["#/components/schemas/DoesNotExist", 5, "", "#", "#/", "other.yaml", "http://example.com/a.yaml"]
    ),
    _keyword("$ref", ["/etc/passwd", "../../../../etc/hostname", "#/paths", "#/info/title"]),
    _keyword("not", ["x", 5]),
    _keyword("x-nullable", [True]),
    _discriminator,
    _nest,
    _wide,
    _self_reference,
    _retype,
    _drop_key,
]
OTHER_MUTATIONS: list[Mutation] = [_retype, _retype, _drop_key, _drop_key]
OPERATION_MUTATIONS: list[Mutation] = [
    _keyword(
        "parameters", ["x", [5], [{"name": "q", "in": "query", "schema": "string"}], [{"name": "q", "in": "query"}]]
    ),
    _keyword("parameters", [[{"name": "q", "in": "query", "content": {"a/b": {}, "c/d": {}}}], [{"$ref": "#/nope"}]]),
    _keyword("requestBody", ["x", {"content": "x"}, {"content": {"application/json": "x"}}, {"content": {}}]),
    _keyword("requestBody", [{"content": {"application/json": {"schema": 5}}, "required": "yes"}, {"$ref": 5}]),
    _keyword("responses", ["x", {}, {"200": "x"}, {"abc": {"description": "x"}}, {"200": {"content": {"a/b": 5}}}]),
    _keyword("responses", [{"200": {"description": "x", "headers": "x"}}, {"99999": {"description": "x"}}]),
    _keyword("operationId", ["", "1abc", "class", "a" * 300, 5, "a b/c"]),
    _keyword("tags", ["x", [5], [{}], []]),
    _keyword("summary", [{}, 5, ["x"]]),
    _keyword("security", ["x", [5], [{"nope": []}], [{"a": "b"}]]),
    _keyword("servers", ["x", [{"url": 5}], [{"url": "{x}", "variables": "y"}]]),
    _keyword("deprecated", ["yes", 5]),
    _keyword("callbacks", ["x", {"a": 5}]),
]
DOCUMENT_MUTATIONS: list[Mutation] = [
    _keyword("info", ["x", {"title": 5}, {"title": {}, "version": []}, {}]),
    _keyword("servers", ["x", [5], [{"url": 5}], [{"url": "http://x/{v}", "variables": {"v": "y"}}]]),
    _keyword("security", ["x", [5], [{"nope": []}]]),
    _keyword("openapi", ["3.0.3", "3.1.0", "3.2.0"]),
    _keyword("tags", ["x", [5], [{"name": 5}]]),
]


@dataclass(frozen=True)
class Case:
    source: int
    seed: int
    keep_going: bool


@dataclass(frozen=True)
class Outcome:
    case: Case
    source: str
    mutation: str
    pointer: str
    verdict: str
    """``generated``, ``refused``, ``internal``, ``not-skipped`` (an error under --keep-going) or ``slow``."""
    detail: str
    seconds: float

    @property
    def failed(self) -> bool:
        return self.verdict in ("internal", "not-skipped", "slow")


def _slice(rng: random.Random, source: Source) -> dict[str, Any]:
    """The whole document, or for a large one, one or two of its paths and every component they reach."""
    doc = source.document
    if not source.sliced:
        return copy.deepcopy(doc)
    paths = doc.get("paths") or {}
    keep = rng.sample(sorted(paths), min(len(paths), rng.choice([1, 1, 2])))
    components = doc.get("components") or {}
    needed: dict[str, set[str]] = {}
    todo: list[Any] = [paths[p] for p in keep]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/") and ref.count("/") == 3:
                section, name = ref.split("/")[2], ref.split("/")[3].replace("~1", "/").replace("~0", "~")
                target = (components.get(section) or {}).get(name)
                if name not in needed.setdefault(section, set()) and target is not None:
                    needed[section].add(name)
                    todo.append(target)
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    sliced = {k: v for k, v in doc.items() if k not in ("paths", "components", "webhooks", "x-oaiMeta")}
    sliced["paths"] = {p: paths[p] for p in keep}
    sliced["components"] = {
        section: {n: v for n, v in entries.items() if n in needed.get(section, ()) or section == "securitySchemes"}
        for section, entries in components.items()
        if isinstance(entries, dict)
    }
    return copy.deepcopy(sliced)


def damage(rng: random.Random, doc: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    """Damage one place of ``doc``; returns the damaged document, the mutation's name and the place's pointer."""
    every = list(places(doc))
    schemas = [at for at, is_schema in every if is_schema]
    operations = [at for at, _ in every if re.fullmatch(r"/paths/[^/]+/(get|put|post|delete|patch|head|options)", at)]
    roll = rng.random()
    if schemas and roll < 0.6:
        at, mutation = rng.choice(schemas), rng.choice(SCHEMA_MUTATIONS)
    elif operations and roll < 0.8:
        at, mutation = rng.choice(operations), rng.choice(OPERATION_MUTATIONS)
    elif roll < 0.85:
        at, mutation = "", rng.choice(DOCUMENT_MUTATIONS)
    else:
        at, mutation = rng.choice(every[1:])[0], rng.choice(OTHER_MUTATIONS)
    return put(doc, at, mutation(rng, get(doc, at), at)), mutation.__name__.lstrip("_"), at


def verdict(code: int, stderr: str, keep_going: bool) -> tuple[str, str]:
    """Classify a run by its exit code and what it printed."""
    lines = stderr.splitlines()
    if code == 0 and "Traceback" not in stderr:
        bad = [line for line in lines if not _PROBLEM.match(line) and not line.startswith("generated ")]
        return ("generated", "") if not bad else ("internal", bad[0])
    summary = lines[-1] if lines else ""
    problems = lines[:-1]
    if code != 2 or not re.match(r"generation failed: \d+ problem\(s\)", summary):
        failed = [line for line in lines if line.startswith(("generation failed", "Traceback"))]
        return "internal", (failed or [summary or f"exit {code}"])[0]
    unclear = [line for line in problems if not _PROBLEM.match(line)] + [
        line for line in problems if "generator bug" in line
    ]
    if unclear:
        return "internal", unclear[0]
    if keep_going:  # only a document too deep to read at all may stop a run that keeps going
        errors = [
            line
            for line in problems
            if re.search(r"#/(paths|components)/\S*: error: ", line) and "levels of mappings and lists" not in line
        ]
        if errors:
            return "not-skipped", errors[0]
    return "refused", problems[0] if problems else summary


class _TooSlow(BaseException):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _TooSlow


def run_case(case: Case, all_sources: list[Source]) -> Outcome:
    """Damage a document as ``case`` says and generate from it."""
    from generator import cli  # noqa: PLC0415 - in the worker process

    source = all_sources[case.source]
    rng = random.Random(case.seed)
    doc, mutation, at = damage(rng, _slice(rng, source))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sdkgen-fuzz-") as tmp:
        spec = Path(tmp) / "spec" / "openapi.json"
        spec.parent.mkdir()
        spec.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
        if source.config is not None:
            (spec.parent / "sdk.yaml").write_text(source.config)
        argv = ["generate", "--quiet", "--spec", str(spec), "--out", str(Path(tmp) / "out")]
        stderr, stdout = io.StringIO(), io.StringIO()
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(SLOW_SECONDS)
        try:
            with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
                code = cli.main([*argv, *(["--keep-going"] if case.keep_going else [])])
            found, detail = verdict(code, stderr.getvalue(), case.keep_going)
        except _TooSlow:
            found, detail = "slow", f"more than {SLOW_SECONDS}s"
        except BaseException as exc:  # noqa: BLE001 - an exception out of main is the worst internal error
            found, detail = "internal", f"{type(exc).__name__} escaped main: {exc}"
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
    return Outcome(case, source.name, mutation, at, found, detail[:300], time.perf_counter() - started)


_SOURCES: list[Source] = []


def _init(shared: bool) -> None:
    if not _SOURCES:  # a forked worker has the parent's already
        _SOURCES.extend(sources(shared))


def _worker(case: Case) -> Outcome:
    return run_case(case, _SOURCES)


def cases(count: int, seed: int, all_sources: list[Source]) -> list[Case]:
    """``count`` cases spread over the sources, half of them with ``--keep-going``; the same for the same seed."""
    rng = random.Random(seed)
    return [Case(i % len(all_sources), rng.randrange(2**32), rng.random() < 0.5) for i in range(count)]


def run(count: int, seed: int, jobs: int, shared: bool = True) -> list[Outcome]:
    """``count`` cases on ``jobs`` worker processes, fresh ones for every batch (a long-lived process would collect
    whatever the tools it runs keep in memory)."""
    all_sources = sources(shared)
    _SOURCES[:] = all_sources
    todo = cases(count, seed, all_sources)
    os.environ.setdefault("SDKGEN_CACHE_DIR", tempfile.mkdtemp(prefix="sdkgen-fuzz-cache-"))
    outcomes: list[Outcome] = []
    batch = 25 * jobs
    for start in range(0, len(todo), batch):
        with ProcessPoolExecutor(jobs, initializer=_init, initargs=(shared,)) as pool:
            outcomes.extend(pool.map(_worker, todo[start : start + batch]))
        print(f"{len(outcomes)}/{len(todo)} cases, {sum(o.failed for o in outcomes)} failed", file=sys.stderr)
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.pipeline.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--mutations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    outcomes = run(args.mutations, args.seed, args.jobs)
    for outcome in outcomes:
        if outcome.failed:
            flag = " --keep-going" if outcome.case.keep_going else ""
            print(f"{outcome.verdict}: {outcome.source} {outcome.mutation} at {outcome.pointer or '/'}{flag}")
            print(f"    {outcome.detail}")
    counts = {
        v: sum(1 for o in outcomes if o.verdict == v)
        for v in ("generated", "refused", "internal", "not-skipped", "slow")
    }
    slowest = max(outcomes, key=lambda o: o.seconds)
    print(
        f"{len(outcomes)} mutations over {len({o.source for o in outcomes})} documents (seed {args.seed}): "
        + ", ".join(f"{n} {v}" for v, n in counts.items())
        + f"; slowest case {slowest.seconds:.1f}s; {time.perf_counter() - started:.0f}s in all"
    )
    return 1 if any(o.failed for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
