# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Types shared by the client and the resources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

import httpx


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
Timeout: TypeAlias = float | httpx.Timeout | None
