# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""TypedDicts of the arguments of the ``client.fine_tuning.checkpoints`` methods."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .permission_create_params import PermissionCreateParams as PermissionCreateParams
    from .permission_list_params import PermissionListParams as PermissionListParams

_MODULES: dict[str, str] = {
    "PermissionListParams": "permission_list_params",
    "PermissionCreateParams": "permission_create_params",
}

__all__: list[str] = [
    "PermissionListParams",
    "PermissionCreateParams",
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
