# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""TypedDicts of the arguments of the ``client.fine_tuning.jobs`` methods."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .checkpoint_list_params import CheckpointListParams as CheckpointListParams

_MODULES: dict[str, str] = {
    "CheckpointListParams": "checkpoint_list_params",
}

__all__: list[str] = [
    "CheckpointListParams",
]


if not TYPE_CHECKING:  # type checkers read the imports above: a name this module lacks is an error to them

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)
