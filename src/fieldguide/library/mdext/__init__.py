"""Our Python-Markdown extensions, and the small state they share with the renderer.

Each extension keeps its per-document outputs on the `Markdown` instance (the pattern of
Python-Markdown's own `toc` and `meta` extensions) and clears them in its `reset()`. The
renderer reads them back with `outputs(md, NAME)` and `notices(md, NAME)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markdown import Markdown

from fieldguide.library.model import Severity

_PATH_ATTR = "fieldguide_document_path"


@dataclass(frozen=True)
class Notice:
    """Something an extension found wrong in the document, for the renderer to report."""

    code: str  # stable identifier, e.g. "broken-link"
    message: str  # a plain sentence for a clinic editor
    needle: str  # the text as written in the source, used to find the line
    severity: Severity = Severity.ERROR


def set_document_path(md: Markdown, path: str) -> None:
    """Say which library file (relative, forward slashes) the next document comes from."""
    setattr(md, _PATH_ATTR, path)


def document_path(md: Markdown) -> str:
    """The library-relative path of the document being converted ("" when unknown)."""
    value = getattr(md, _PATH_ATTR, "")
    return value if isinstance(value, str) else ""


def reset_outputs(md: Markdown, *names: str) -> None:
    """Give each named per-document output an empty list (called from an extension's reset)."""
    for name in names:
        setattr(md, name, [])


def outputs(md: Markdown, name: str) -> list[Any]:
    """The per-document output list `name` (created empty when an extension is missing)."""
    value = getattr(md, name, None)
    if not isinstance(value, list):
        value = []
        setattr(md, name, value)
    return value


def notices(md: Markdown, name: str) -> list[Notice]:
    """The notices an extension collected for the current document."""
    return [item for item in outputs(md, name) if isinstance(item, Notice)]
