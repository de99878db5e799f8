"""Build small libraries in code for the renderer's tests (no loader needed)."""

from __future__ import annotations

import struct
from pathlib import Path

from fieldguide.library.model import Article, GlossaryTerm, Library

GLOSSARY = (
    GlossaryTerm("withdrawal", "The sickness when you stop a drug.", ("dope sick",)),
    GlossaryTerm("kratom", "A plant whose leaves act a bit like opioids."),
)


def article(slug: str, body: str, *, title: str = "", body_line: int = 1) -> Article:
    """An article with the given body; its path follows from its slug."""
    return Article(
        slug=slug,
        title=title or slug.rpartition("/")[2].replace("-", " ").capitalize(),
        summary="",
        body=body,
        path=f"{slug}.md",
        body_line=body_line,
    )


def write_png(path: Path, width: int, height: int) -> Path:
    """A PNG header with the given size: enough for size sniffing, not for drawing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", width, height))
    return path


def make_library(
    root: Path, *articles: Article, glossary: tuple[GlossaryTerm, ...] = GLOSSARY
) -> Library:
    """A Library rooted at `root` holding `articles`."""
    root.mkdir(parents=True, exist_ok=True)
    return Library(
        root=root,
        id="test",
        title="Test library",
        home=articles[0].slug if articles else "",
        articles={a.slug: a for a in articles},
        glossary=glossary,
    )
