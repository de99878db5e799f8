"""A collector for the problems the loader finds, so that loading never has to raise."""

from __future__ import annotations

import logging

from fieldguide.library.model import Problem, Severity

log = logging.getLogger(__name__)


class ProblemLog:
    """Problems found while loading one library, in the order they were found."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, file: str, line: int | None, code: str, message: str) -> None:
        """Record something that stops the library from passing `fieldguide check`."""
        self._add(Problem(file, line, Severity.ERROR, message, code))

    def warning(self, file: str, line: int | None, code: str, message: str) -> None:
        """Record something an editor should look at, but that the reader copes with."""
        self._add(Problem(file, line, Severity.WARNING, message, code))

    def _add(self, problem: Problem) -> None:
        log.debug("library problem: %s [%s]", problem, problem.code)
        self.items.append(problem)

    def sorted(self) -> tuple[Problem, ...]:
        """All problems, by file and line (problems about the whole folder first)."""
        return tuple(
            sorted(self.items, key=lambda p: (p.file, p.line if p.line is not None else 0))
        )


def quoted(value: object, limit: int = 60) -> str:
    """A value as it goes into a message: in quotes, shortened when long.

    Lists and mappings are named, never printed: YAML aliases can make them huge.
    """
    if isinstance(value, list | tuple | set | frozenset):
        return "a list"
    if isinstance(value, dict):
        return "a group of 'name: value' lines"
    text = value if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
