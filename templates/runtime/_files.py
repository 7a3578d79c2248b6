"""Turning the files a caller passes (bytes, paths, open files, tuples) into the parts of a request body.

Files are read into memory once, before the first attempt, so that every retry sends the same bytes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from os import PathLike, fspath
from pathlib import Path
from typing import cast

import anyio

from ._request import FilePart
from ._types import FileContent, FileTypes, NotGiven

__all__ = ["multipart_files", "async_multipart_files", "file_content", "async_file_content"]

DEFAULT_FILE_NAME = "upload"


def _name_of(content: FileContent) -> str:
    if isinstance(content, PathLike):
        return Path(fspath(content)).name
    if isinstance(content, bytes):
        return DEFAULT_FILE_NAME
    name = getattr(content, "name", None)
    return Path(name).name if isinstance(name, str) else DEFAULT_FILE_NAME


def _split(file: FileTypes) -> tuple[str | None, FileContent, str | None]:
    if isinstance(file, tuple):
        if len(file) == 2:
            name, content = file
            return name, content, None
        return file
    return _name_of(file), file, None


def _check(content: object, field: str) -> None:
    """Refuse, before anything is read or sent, what is not a file: a ``str`` above all (a path or the text itself?)."""
    if isinstance(content, bytes | PathLike) or callable(getattr(content, "read", None)):
        return
    hint = (
        f" To upload the file at that path, pass pathlib.Path({content[:60]!r}); to upload the text, pass it encoded "
        "(.encode())."
        if isinstance(content, str)
        else ""
    )
    raise TypeError(
        f"`{field}` must be bytes, a path (pathlib.Path) or a file opened in binary mode, not "
        f"{type(content).__name__}.{hint}"
    )


def _bytes(data: object, field: str) -> bytes:
    if not isinstance(data, bytes):
        raise TypeError(f'`{field}`: the file was opened in text mode; open it in binary mode ("rb").')
    return data


def _read(content: FileContent, field: str) -> bytes:
    _check(content, field)
    if isinstance(content, bytes):
        return content
    if isinstance(content, PathLike):
        return Path(fspath(content)).read_bytes()
    return _bytes(content.read(), field)


async def _aread(content: FileContent, field: str) -> bytes:
    _check(content, field)
    if isinstance(content, bytes):
        return content
    if isinstance(content, PathLike):
        return await anyio.Path(fspath(content)).read_bytes()
    return _bytes(await anyio.to_thread.run_sync(content.read), field)  # an open file may block: not on the loop


def _is_file(value: object) -> bool:
    """Whether ``value`` is a file as ``FileTypes`` has it (or a non-empty list of them), not a value of its own."""
    if isinstance(value, list):
        items = cast(list[object], value)
        return bool(items) and all(_is_file(item) for item in items)
    return isinstance(value, bytes | PathLike | tuple) or callable(getattr(value, "read", None))


def _parts(fields: Mapping[str, object], either: Collection[str] = ()) -> list[tuple[str, FileTypes]]:
    """Each file passed, keyed by its form field; a list of files becomes one part per file. A field of ``either``
    that holds a value rather than a file is no part: it goes with the other fields."""
    parts: list[tuple[str, FileTypes]] = []
    for key, value in fields.items():
        if isinstance(value, NotGiven) or value is None or (key in either and not _is_file(value)):
            continue
        if isinstance(value, Sequence) and not isinstance(value, bytes | str | tuple):
            parts.extend((key, cast(FileTypes, item)) for item in cast(Sequence[object], value))
        else:
            parts.append((key, cast(FileTypes, value)))
    return parts


def multipart_files(fields: Mapping[str, object], either: Collection[str] = ()) -> list[tuple[str, FilePart]]:
    """The file parts of a ``multipart/form-data`` body, read into memory (of ``either``, only the fields that hold
    files)."""
    found: list[tuple[str, FilePart]] = []
    for key, file in _parts(fields, either):
        name, content, media_type = _split(file)
        found.append((key, (name, _read(content, key), media_type)))
    return found


async def async_multipart_files(
    fields: Mapping[str, object], either: Collection[str] = ()
) -> list[tuple[str, FilePart]]:
    """:func:`multipart_files`, reading paths without blocking the event loop."""
    found: list[tuple[str, FilePart]] = []
    for key, file in _parts(fields, either):
        name, content, media_type = _split(file)
        found.append((key, (name, await _aread(content, key), media_type)))
    return found


def file_content(content: FileContent | NotGiven) -> bytes | None:
    """A raw request body (``application/octet-stream`` and the like), read into memory."""
    return None if isinstance(content, NotGiven) else _read(content, "content")


async def async_file_content(content: FileContent | NotGiven) -> bytes | None:
    return None if isinstance(content, NotGiven) else await _aread(content, "content")
