# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""Types shared by the client and the resources."""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from typing import IO, Final, Literal, TypeAlias

import httpx

__all__ = ["NOT_GIVEN", "NotGiven", "Headers", "Query", "Body", "TimeoutValue", "FileContent", "FileTypes"]


class NotGiven:
    """The type of :data:`NOT_GIVEN`: marks an argument that was not passed, as opposed to one passed as ``None``.

    ``timeout=None`` means "no timeout"; not passing ``timeout`` means "the client's default".
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = Mapping[str, object]
TimeoutValue: TypeAlias = float | httpx.Timeout | None
"""What ``timeout=`` takes: seconds, httpx's timeouts (or the SDK's ``Timeout``, which adds ``total``), or ``None`` for
no timeout. Signatures spell it out (``float | httpx.Timeout | None``)."""

FileContent: TypeAlias = bytes | IO[bytes] | PathLike[str]
"""A file's content: bytes, an open binary file, or a path to read."""
FileTypes: TypeAlias = FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
"""A file to upload: its content, or a ``(file name, content)`` or ``(file name, content, media type)`` tuple."""
