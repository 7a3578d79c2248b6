# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""``UncheckedDict``: what a TypedDict argument accepts besides a value a type checker can check against it."""

from __future__ import annotations

from typing import Never, Protocol

__all__ = ["UncheckedDict"]


class UncheckedDict(Protocol):
    """A mapping whose values a type checker cannot know, such as ``dict[str, Any]`` from a model's ``model_dump()``.

    Every TypedDict argument accepts one as it is, since nothing can be checked against the TypedDict; a dict whose
    values are known (a dict literal, a ``dict[str, str]``) is still checked, because only ``Any`` values match the
    ``Never`` below.
    """

    def __getitem__(self, key: str, /) -> Never: ...
