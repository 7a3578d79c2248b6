"""Import every module of an installed package and build every model's validator; run with the interpreter it is
installed in.

``python -m realworld.imports PACKAGE`` prints ``{"modules": N, "failures": [[module, error], ...], "models": M,
"model_failures": [[model, error], ...]}``. Models defer building their validators to their first use, so a missing
package that a field's format needs (``email-validator`` for ``EmailStr``) shows only then: each is built here.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
from typing import Any


def _models(module: Any) -> list[Any]:
    from pydantic import BaseModel  # noqa: PLC0415 - the package installs pydantic, this harness does not need it

    return [
        obj
        for _, obj in sorted(vars(module).items())
        if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == module.__name__
    ]


def main(package: str) -> int:
    root = importlib.import_module(package)
    names = [package, *sorted(m.name for m in pkgutil.walk_packages(root.__path__, f"{package}."))]
    failures: list[list[str]] = []
    model_failures: list[list[str]] = []
    models = 0
    for name in names:
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - each failure is a result to report
            failures.append([name, f"{type(exc).__name__}: {exc}"[:300]])
            continue
        if not name.startswith(f"{package}.types."):
            continue
        for model in _models(module):
            models += 1
            try:
                model.model_rebuild(force=True)
            except Exception as exc:  # noqa: BLE001
                model_failures.append([f"{name}.{model.__name__}", f"{type(exc).__name__}: {exc}"[:300]])
    result = {"modules": len(names), "failures": failures, "models": models, "model_failures": model_failures}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
