"""Import every module of an installed package; run with the interpreter it is installed in.

``python -m realworld.imports PACKAGE`` prints ``{"modules": N, "failures": [[module, error], ...]}``.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys


def main(package: str) -> int:
    root = importlib.import_module(package)
    names = [package, *sorted(m.name for m in pkgutil.walk_packages(root.__path__, f"{package}."))]
    failures = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - each failure is a result to report
            failures.append([name, f"{type(exc).__name__}: {exc}"[:300]])
    print(json.dumps({"modules": len(names), "failures": failures}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
