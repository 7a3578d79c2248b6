"""Reading ``sdk.yaml`` into :class:`~generator.api.settings.SdkConfig`: each option of the right type, its own
check, the pagination schemes' styles, and what the config names in the document. Every problem is reported at once,
each at its pointer into the config.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, cast

from generator.api.pagination.styles import BY_NAME
from generator.api.settings import PaginationConfig, SdkConfig
from generator.core.errors import GenerationError, Problem, pointer
from generator.inputs.document import Document, pointer_join
from generator.inputs.reading import read_file
from generator.inputs.vocabulary import HTTP_METHODS, HTTP_TOKEN, as_mapping

_PLAIN = re.compile(r"^[^\x00-\x1f\x7f\"'\\`]+$")
"""Field and parameter names that the templates also quote in docstrings: no quotes, backslashes or controls."""


def _allowed(hint: Any) -> tuple[type, ...]:
    """The YAML types a field's annotation admits: ``float`` takes integers too, a tuple is written as a list."""
    found: list[type] = []
    for arg in typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,):
        origin = typing.get_origin(arg) or arg
        found += {float: [int, float], tuple: [list]}.get(origin, [origin])
    return tuple(found)


def _keys(cls: type) -> dict[str, tuple[type, ...]]:
    """Every option of a config dataclass, with the YAML types its value may have."""
    hints = typing.get_type_hints(cls)
    return {f.name: _allowed(hints[f.name]) for f in fields(cls) if f.name != "source"}


_TOP_KEYS = _keys(SdkConfig)
_PAGINATION_KEYS = _keys(PaginationConfig)


def _type_name(allowed: tuple[type, ...]) -> str:
    return " or ".join("null" if x is type(None) else x.__name__ for x in allowed)


def _check_keys(
    data: dict[str, Any], allowed: dict[str, tuple[type, ...]], at: str, file: str, problems: list[Problem]
) -> dict[str, Any]:
    good: dict[str, Any] = {}
    for key, value in data.items():
        where = at + pointer(key)
        if key not in allowed:
            close = difflib.get_close_matches(str(key), list(allowed), n=1)
            fix = f"did you mean {close[0]!r}?" if close else f"known options: {', '.join(sorted(allowed))}"
            problems.append(Problem(file, where, f"unknown option {key!r}", fix))
        elif isinstance(value, bool) and bool not in allowed[key]:
            problems.append(Problem(file, where, f"{key} must be {_type_name(allowed[key])}, not a boolean"))
        elif not isinstance(value, allowed[key]):
            problems.append(
                Problem(file, where, f"{key} must be {_type_name(allowed[key])}, not {type(value).__name__}")
            )
        else:
            good[key] = value
    return good


def _pagination(items: list[Any], file: str, problems: list[Problem]) -> tuple[PaginationConfig, ...]:
    schemes: list[PaginationConfig] = []
    for index, item in enumerate(items):
        at = pointer("pagination", index)
        if not isinstance(item, dict):
            problems.append(Problem(file, at, "a pagination scheme must be a mapping"))
            continue
        values = _check_keys(cast(dict[str, Any], item), _PAGINATION_KEYS, at, file, problems)
        style = BY_NAME.get(str(values.get("style")))
        needed = ("name", "style", *(["request_param"] if style is None or style.takes_request_param else []))
        missing = [k for k in needed if k not in values]
        if missing:
            problems.append(Problem(file, at, f"pagination scheme lacks {', '.join(missing)}"))
            continue
        if style is None:
            problems.append(
                Problem(
                    file,
                    at + "/style",
                    f"unknown pagination style {values['style']!r}",
                    f"use one of {', '.join(BY_NAME)}",
                )
            )
            continue
        if not str(values["name"]).isidentifier():
            problems.append(Problem(file, at + "/name", f"{values['name']!r} is not a Python identifier"))
            continue
        plain = [k for k, v in values.items() if k != "name" and isinstance(v, str) and not _PLAIN.match(v)]
        for key in plain:
            problems.append(
                Problem(file, at + pointer(key), f"{values[key]!r} is not a plain field name", "no quotes or controls")
            )
        operations = values.get("operations", [])
        if not all(isinstance(o, str) for o in operations):
            problems.append(Problem(file, at + "/operations", "operations lists operationIds (strings)"))
            continue
        if plain:
            continue
        schemes.append(PaginationConfig(**{**values, "operations": tuple(operations)}))
    return tuple(schemes)


def parse_config(data: Any, file: str, doc: Document | None = None) -> SdkConfig:
    """Validate a loaded config mapping (and, given the spec ``doc``, what it names there); every problem is
    reported at once, each with its pointer into ``file``."""
    if data is None:
        return SdkConfig()
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise GenerationError([Problem(file, "", "the config must be a mapping of option: value")])
    values = _check_keys(cast(dict[str, Any], data), _TOP_KEYS, "", file, problems)
    if "pagination" in values:
        values["pagination"] = _pagination(values["pagination"], file, problems)
    _check_entries(values, file, problems)
    _check_operations(cast(dict[str, Any], values.get("operations", {})), file, doc, problems)
    _check_schemes(cast(dict[str, Any], data).get("pagination"), file, doc, problems)
    _check_values(values, file, problems)
    if problems:
        raise GenerationError(problems)
    return SdkConfig(**values, source=file)


def _check_schemes(schemes: Any, file: str, doc: Document | None, problems: list[Problem]) -> None:
    """Each pagination scheme (as written: ``_pagination`` reports its shape) has a name of its own, and the
    operationIds it lists are the spec's."""
    ids, _ = _operation_ids(doc) if doc is not None else ({}, [])
    seen: set[object] = set()
    for index, scheme in enumerate(cast(list[Any], schemes) if isinstance(schemes, list) else []):
        at = pointer("pagination", index)
        scheme = as_mapping(scheme)
        name, operations = scheme.get("name"), scheme.get("operations")
        if isinstance(name, str) and name in seen:
            problems.append(
                Problem(file, at + "/name", f"another pagination scheme is named {name!r}", "name each its own")
            )
        seen.add(name)
        for k, op_id in enumerate(
            cast(list[Any], operations) if doc is not None and isinstance(operations, list) else []
        ):
            if isinstance(op_id, str) and op_id not in ids:
                problems.append(
                    Problem(
                        file, at + pointer("operations", k), f"the spec has no operationId {op_id!r}", _fix(op_id, ids)
                    )
                )


def _check_operations(mapping: dict[str, Any], file: str, doc: Document | None, problems: list[Problem]) -> None:
    """Each ``operations`` entry is ``resource.method`` and names an operationId of the spec."""
    ids, unnamed = _operation_ids(doc) if doc is not None else ({}, [])
    for op_id, target in mapping.items():
        parts = str(target).split(".")
        if len(parts) < 2 or not all(p.isidentifier() for p in parts):
            problems.append(
                Problem(
                    file,
                    pointer("operations", op_id),
                    f"{target!r} is not 'resource.method'",
                    "write the resource path and the method name, e.g. 'store.orders.list'",
                )
            )
        if doc is not None and isinstance(op_id, str) and op_id not in ids:
            hint = _fix(op_id, ids) + (f"; or give an operationId to the operation at {unnamed[0]}" if unnamed else "")
            problems.append(Problem(file, pointer("operations", op_id), f"the spec has no operationId {op_id!r}", hint))


def _fix(op_id: str, ids: dict[str, str]) -> str:
    close = difflib.get_close_matches(op_id, list(ids), n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}, the operation at {ids[close[0]]}?"
    known = sorted(ids)
    return "the spec's operationIds: " + (", ".join(known[:8]) + (", ..." if len(known) > 8 else "") or "none")


def _operation_ids(doc: Document) -> tuple[dict[str, str], list[str]]:
    """The spec's operationIds with their operations' pointers, and the pointers of the operations without one."""
    ids: dict[str, str] = {}
    unnamed: list[str] = []
    for path, raw in as_mapping(doc.root.get("paths")).items():
        try:
            item, item_at = doc.resolve(raw, pointer_join("/paths", path))
        except GenerationError:
            continue  # the spec's own check reports it
        for method in (m for m in HTTP_METHODS if isinstance(as_mapping(item).get(m), Mapping)):
            at = pointer_join(item_at, method)
            op_id = as_mapping(as_mapping(item)[method]).get("operationId")
            if isinstance(op_id, str):
                ids.setdefault(op_id, f"{doc.name}#{at}")
            else:
                unnamed.append(f"{doc.name}#{at}")
    return ids, unnamed


def _check_entries(values: dict[str, Any], file: str, problems: list[Problem]) -> None:
    """The mappings' entries: strings to strings; default headers valid as HTTP header names and values."""
    for key in ("operations", "default_headers"):
        for name, target in cast(dict[Any, Any], values.get(key, {})).items():
            if not isinstance(name, str) or not isinstance(target, str):
                problems.append(Problem(file, pointer(key, str(name)), f"{key} entries map a string to a string"))
            elif key == "default_headers" and (not HTTP_TOKEN.match(name) or any(c in target for c in "\r\n\x00")):
                problems.append(Problem(file, pointer(key, name), "not a valid HTTP header name and value"))


def _check_values(values: dict[str, Any], file: str, problems: list[Problem]) -> None:
    """Each option's own check (see :func:`option`), on the values of the right type."""
    for option_field in fields(SdkConfig):
        check = option_field.metadata.get("check")
        value = values.get(option_field.name)
        found = check(value) if check is not None and value is not None else None
        if found is not None:
            message, fix = (found, "") if isinstance(found, str) else found
            problems.append(Problem(file, pointer(option_field.name), message, fix))


def load_config(path: Path | None) -> SdkConfig:
    if path is None:
        return SdkConfig()
    return parse_config(read_file(path), str(path))
