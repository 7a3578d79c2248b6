"""References to other files: the document and the files it references become one document.

A ``$ref`` such as ``schemas/pet.yaml`` or ``common.yaml#/components/schemas/Error`` is followed (relative to the
file that holds it). A referenced schema becomes a component of the main document, named after its own name there
(``Error``) or after the file (``Pet`` for ``schemas/pet.yaml``), and the reference becomes a local one, so models
keep their names. Anything else (a parameter, a response, a path item) is copied in place. Files are read once;
references among the other files, and back into the main one, work the same way, cycles included.

A document may come from anyone, so what it can read is confined: only files inside the spec's own folder tree (after
symbolic links are followed), or inside the folders :func:`refs_allowed_under` adds (``--ref-root``); a URL is never
fetched. A refused reference is left as it is, and validation reports it with its pointer, like a missing file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from generator.core.errors import GenerationError, Problem, pointer
from generator.core.naming import Namespace, class_name
from generator.inputs.document import unescape_pointer_token
from generator.inputs.reading import read_file
from generator.inputs.schemacheck import SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_VALUES
from generator.inputs.vocabulary import SCHEMA_PREFIX

SCHEMA_KEYS = SCHEMA_VALUES | {"schema"}
"""Keys whose value is a schema; a reference found under one of them (or in ``properties``, ``allOf``...) is one."""
SCHEMA_NAMED = SCHEMA_MAPS | {"schemas"}


_ALLOWED: ContextVar[tuple[Path, ...]] = ContextVar("allowed", default=())


@contextmanager
def refs_allowed_under(*folders: Path) -> Iterator[None]:
    """While in the block, references may also name files below ``folders`` (besides the spec's own folder)."""
    token = _ALLOWED.set(tuple(folder.resolve() for folder in folders))
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def has_external_refs(root: Any) -> bool:
    """Whether any ``$ref`` leaves the file; each shared node (a YAML alias) is looked at once. Iterative: any depth."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Mapping):
            ref = cast(Mapping[str, Any], node).get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            todo.extend(cast(Mapping[str, Any], node).values())
        elif isinstance(node, list):
            todo.extend(cast(list[Any], node))
    return False


class Bundler:
    def __init__(self, root: dict[str, Any], path: Path, name: str) -> None:
        self.root = root
        self.main = path.resolve()
        self.name = name
        self.allowed = (self.main.parent, *_ALLOWED.get())
        """The folders whose files references may name."""
        self.files: dict[Path, Any] = {self.main: root}
        self.problems: dict[str, Problem] = {}
        """Why each reference that could not be followed was not, by the reference."""
        components = root.get("components")
        own = components.get("schemas") if isinstance(components, Mapping) else None
        self.own = frozenset(cast(Mapping[str, Any], own)) if isinstance(own, Mapping) else frozenset[str]()
        """The main document's own component schemas: the names a discriminator's mapping may use."""
        self.names = Namespace(set(self.own))
        self.schemas: dict[str, Any] = {}
        """The schemas brought in from other files, by component name."""
        self.placed: dict[tuple[Path, str], str] = {}
        """(file, pointer) of each schema brought in -> its component name."""
        self.expanding: set[tuple[Path, str]] = set()
        """(file, pointer) of each map of schemas given by reference that is being read: a reference to itself stops."""

    def _display(self, file: Path) -> str:
        if file == self.main:
            return self.name
        try:
            return (Path(self.name).parent / file.relative_to(self.main.parent)).as_posix()
        except ValueError:
            return file.as_posix()

    def _load(self, file: Path, at: str, holder: Path) -> Any:
        if file not in self.files:
            if not file.is_file():
                raise GenerationError(
                    [Problem(self._display(holder), at, f"$ref names a file that does not exist: {file.name}")]
                )
            self.files[file] = read_file(file, self._display(file))
        return self.files[file]

    def _file(self, location: str, holder: Path, at: str) -> Path:
        """The file a reference's location names, if the document may read it."""
        if urlsplit(location).scheme or location.startswith("//"):
            raise GenerationError(
                [
                    Problem(
                        self._display(holder),
                        at,
                        f"$ref names a URL, {location!r}, and the generator never fetches one",
                        "download the document beside the spec and reference it by a relative path",
                    )
                ]
            )
        try:
            file = (holder.parent / unquote(location)).resolve()
        except (OSError, ValueError, RuntimeError) as exc:
            raise GenerationError([Problem(self._display(holder), at, f"$ref names no usable file: {exc}")]) from None
        if not any(file.is_relative_to(folder) for folder in self.allowed):
            raise GenerationError(
                [
                    Problem(
                        self._display(holder),
                        at,
                        f"$ref names a file outside the spec's folder: {location!r}",
                        f"references may name files below {self.main.parent} only; --ref-root DIR allows DIR too",
                    )
                ]
            )
        return file

    def _target(self, ref: str, holder: Path, at: str) -> tuple[Path, str, Any]:
        location, _, fragment = ref.partition("#")
        file = self._file(location, holder, at) if location else holder
        node = self._load(file, at, holder)
        for raw in [t for t in fragment.split("/")[1:]]:
            token = unescape_pointer_token(raw)
            if isinstance(node, Mapping) and token in node:
                node = cast(Mapping[str, Any], node)[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(cast(list[Any], node)):
                node = cast(list[Any], node)[int(token)]
            else:
                raise GenerationError(
                    [Problem(self._display(holder), at, f"$ref {ref!r} points at nothing in {self._display(file)}")]
                )
        return file, fragment, node

    def _schema_ref(self, file: Path, fragment: str, node: Any) -> str:
        """The local reference of a schema brought in from another file, placing it on first sight."""
        key = (file, fragment)
        if key not in self.placed:
            if file == self.main and fragment.startswith("/components/schemas/") and fragment.count("/") == 3:
                return "#" + fragment  # already a component of the main document
            stem = fragment.rsplit("/", 1)[-1] if fragment else file.stem
            name = self.names.claim(class_name(unescape_pointer_token(stem)) or "Schema")
            self.placed[key] = name
            self.schemas[name] = self.walk(node, file, fragment or "", in_schema=True)
        return SCHEMA_PREFIX + self.placed[key].replace("~", "~0").replace("/", "~1")

    def _discriminator(self, node: Mapping[str, Any], file: Path, at: str) -> dict[str, Any]:
        """A discriminator whose ``mapping`` targets are local to the main document. A target is a reference unless it
        is the name of one of the main document's component schemas, or a local reference of the main document
        itself; a reference is read relative to the file that holds it (``models.yaml#/Cat``, or ``#/oneOf/0`` inside a
        referenced file) and names the component its schema becomes, as the same ``$ref`` would. One that cannot be
        followed is left as it is, for validation to report."""
        mapping = node.get("mapping")
        if not isinstance(mapping, Mapping):
            return dict(node)
        targets: dict[Any, Any] = {}
        for tag, target in cast(Mapping[Any, Any], mapping).items():
            targets[tag] = target
            if not isinstance(target, str) or target in self.own or (file == self.main and target.startswith("#")):
                continue
            try:
                targets[tag] = self._schema_ref(*self._followed(target, file, f"{at}/mapping{pointer(str(tag))}"))
            except GenerationError as exc:
                self.problems.update((target, p) for p in exc.problems)
        return {**node, "mapping": targets}

    def _followed(self, ref: str, holder: Path, at: str) -> tuple[Path, str, Any]:
        """The schema ``ref`` names, through any references that stand alone there (``#/oneOf/0`` holding only a
        ``$ref``), so that a mapping target and the member it maps to become the same component."""
        seen: set[tuple[Path, str]] = set()
        file, fragment, node = self._target(ref, holder, at)
        while (
            isinstance(node, Mapping)
            and set(cast(Mapping[str, Any], node)) == {"$ref"}
            and (file, fragment) not in seen
        ):
            seen.add((file, fragment))
            ref = cast(Mapping[str, Any], node)["$ref"]
            if not isinstance(ref, str):
                break
            file, fragment, node = self._target(ref, file, fragment + "/$ref")
        return file, fragment, node

    def _named(self, node: Mapping[str, Any], file: Path, at: str) -> dict[str, Any]:
        """A map of schemas by name (``properties``...). One that is a reference to such a map elsewhere
        (``properties: {$ref: 'attributes.yml#/ids'}``: JSON Reference replaces any object) is that map, read where it
        is, with the names beside the reference added; a property named ``$ref`` has a schema, not a string."""
        ref = node.get("$ref")
        if isinstance(ref, str) and (file, at) not in self.expanding:
            try:
                target_file, fragment, target = self._target(ref, file, at + "/$ref")
            except GenerationError as exc:
                self.problems.update((ref, p) for p in exc.problems)
                target_file, fragment, target = file, at, None
            if isinstance(target, Mapping):
                self.expanding.add((file, at))
                rest = {k: v for k, v in node.items() if k != "$ref"}
                merged = {
                    **self._named(cast(Mapping[str, Any], target), target_file, fragment),
                    **self._named(rest, file, at),
                }
                self.expanding.discard((file, at))
                return merged
        return {k: self.walk(v, file, at + pointer(k), in_schema=True) for k, v in node.items()}

    def walk(self, node: Any, file: Path, at: str, *, in_schema: bool) -> Any:
        """A copy of ``node`` (found in ``file`` at ``at``) whose references are all local to the main document."""
        if isinstance(node, list):
            return [self.walk(v, file, f"{at}/{i}", in_schema=in_schema) for i, v in enumerate(cast(list[Any], node))]
        if not isinstance(node, Mapping):
            return node
        node = cast(Mapping[str, Any], node)
        ref = node.get("$ref")
        if isinstance(ref, str) and (file != self.main or not ref.startswith("#")):
            try:
                target_file, fragment, target = self._target(ref, file, at + "/$ref")
            except GenerationError as exc:
                # Left as it is: the document's validation reports it (this problem) where it is used.
                self.problems.update((ref, p) for p in exc.problems)
                return dict(node)
            if in_schema:
                return {
                    **{k: v for k, v in node.items() if k != "$ref"},
                    "$ref": self._schema_ref(target_file, fragment, target),
                }
            if target_file == self.main:
                return {"$ref": "#" + fragment}
            return self.walk(target, target_file, fragment, in_schema=False)
        out: dict[str, Any] = {}
        for key, value in node.items():
            child_at = at + pointer(key)
            if key == "discriminator" and in_schema and isinstance(value, Mapping):
                out[key] = self._discriminator(cast(Mapping[str, Any], value), file, child_at)
            elif key in SCHEMA_KEYS or key in SCHEMA_LISTS:
                out[key] = self.walk(value, file, child_at, in_schema=True)
            elif key in SCHEMA_NAMED and isinstance(value, Mapping):
                out[key] = self._named(cast(Mapping[str, Any], value), file, child_at)
            else:
                out[key] = self.walk(value, file, child_at, in_schema=in_schema and key not in ("example", "examples"))
        return out


@dataclass(frozen=True)
class Bundled:
    root: dict[str, Any]
    """The document with every reference to another file made local (the same object when there are none)."""
    unfollowed: dict[str, Problem]
    """Why each reference that could not be followed was not."""
    sources: tuple[str, ...]
    """The other files read, as absolute paths: a run's output depends on them too."""


def bundle(root: dict[str, Any], path: Path, name: str) -> Bundled:
    if not has_external_refs(root):
        return Bundled(root, {}, ())
    bundler = Bundler(root, path, name)
    try:
        bundled = cast(dict[str, Any], bundler.walk(root, bundler.main, "", in_schema=False))
    except RecursionError:
        raise GenerationError(
            [Problem(name, "", "the document nests too deeply to bundle", "flatten it, for example with $ref")]
        ) from None
    components = bundled.setdefault("components", {})
    if isinstance(components, dict):
        own = cast(dict[str, Any], components).get("schemas")
        components["schemas"] = {**(cast(dict[str, Any], own) if isinstance(own, dict) else {}), **bundler.schemas}
    sources = tuple(sorted(str(f) for f in bundler.files if f != bundler.main))
    return Bundled(bundled, bundler.problems, sources)
