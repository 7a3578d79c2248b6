"""Problems found in a spec or config, each tied to a place in the document."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.text import printable


def escape_pointer_token(token: str | int) -> str:
    """Escape one JSON-pointer reference token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a JSON pointer from unescaped tokens: ``pointer("paths", "/a", "get") == "/paths/~1a/get"``."""
    return "".join("/" + escape_pointer_token(t) for t in tokens)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what is wrong, and how to fix it."""

    file: str
    pointer: str
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}#{self.pointer}" if self.pointer else self.file
        kind = "warning" if self.warning else "error"
        text = f"{where}: {kind}: {self.message}"
        return printable(f"{text} ({self.hint})" if self.hint else text)  # one line, whatever the spec holds


class GenerationError(Exception):
    """Raised when the input cannot be turned into an SDK; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Problems:
    """Collects problems so that all of them are reported together, not only the first."""

    file: str
    items: list[Problem] = field(default_factory=list[Problem])

    def error(self, at: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(self.file, at, message, hint))

    def warn(self, at: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(self.file, at, message, hint, warning=True))

    def demote(self, mark: int, note: str) -> None:
        """Turn the errors found since ``len(items)`` was ``mark`` into warnings that say what was skipped."""
        self.items[mark:] = [
            p if p.warning else Problem(p.file, p.pointer, f"{p.message}; {note}", p.hint, warning=True)
            for p in self.items[mark:]
        ]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise GenerationError(self.errors)
