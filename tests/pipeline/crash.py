"""``python -m tests.pipeline.crash MOMENT ARGS...``: run the generator's command line with ARGS, and SIGKILL the
process at MOMENT, as a power cut, the OOM killer or ``kill -9`` would:

- ``parsing``: when the run starts parsing (nothing written yet);
- ``formatting``: when the run starts formatting the generated files;
- ``writing``: half-way through writing the new tree into the staging folder;
- ``moved-aside``: on a file system without an atomic exchange, after the old folder was renamed away and before the
  new one took its name (the moment the generator's earlier writer lost whole histories at);
- ``swapped``: right after the new tree took the output folder's place, before anything was cleaned up;
- ``cleaning``: while the old tree is being removed.

Nothing of the generator is changed but where the kill happens: the moments are found by wrapping its functions.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from generator import cli
from generator.output import progress, writer


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class _KillingProgress(progress.Progress):
    def __init__(self, at: str) -> None:
        self.at = at

    def stage(self, name: str) -> None:
        if name == self.at:
            _die()


def arm(moment: str) -> None:
    """Make the run die at ``moment``."""
    if moment in ("parsing", "formatting"):
        cli.progress_for = lambda stream, quiet: _KillingProgress(moment)  # type: ignore[assignment]
    elif moment == "writing":
        fill = writer._fill

        def half(staging: Path, files: dict[str, str], out: Path, old: dict[str, str]) -> None:
            fill(staging, dict(sorted(files.items())[: len(files) // 2]), out, old)
            _die()

        writer._fill = half  # type: ignore[assignment]
    elif moment == "moved-aside":
        writer.exchange = lambda first, second: False  # type: ignore[assignment]
        rename = os.rename

        def rename_then_die(source: Any, target: Any) -> None:
            rename(source, target)
            if Path(target) == writer.backup_folder(Path(source)):
                _die()

        os.rename = rename_then_die  # type: ignore[assignment]
    elif moment == "swapped":
        exchange = writer.exchange

        def exchange_then_die(first: Path, second: Path) -> bool:
            exchange(first, second)
            _die()
            return True

        writer.exchange = exchange_then_die  # type: ignore[assignment]
    elif moment == "cleaning":
        rmtree = writer.shutil.rmtree

        def remove_some_then_die(path: Any, *args: Any, **kwargs: Any) -> None:
            if not Path(path).name.endswith(".sdkgen-new") or not kwargs.get("ignore_errors"):
                return rmtree(path, *args, **kwargs)  # not the removal of the old tree after a swap
            files = sorted(p for p in Path(path).rglob("*") if p.is_file())
            for file in files[: len(files) // 2]:
                file.unlink()
            _die()
            rmtree(path, *args, **kwargs)

        writer.shutil.rmtree = remove_some_then_die  # type: ignore[assignment]
    else:
        raise SystemExit(f"unknown moment {moment!r}")


MOMENTS = ("parsing", "formatting", "writing", "moved-aside", "swapped", "cleaning")

if __name__ == "__main__":
    arm(sys.argv[1])
    sys.exit(cli.main(sys.argv[2:]))
