"""What a printed handout adds to an article: its sources and "last reviewed" date, as HTML.

On paper a reader cannot click, so each source is written out in full with its web address as
plain text. Unknown source ids are skipped (`fieldguide check` reports them to the editor).
"""

from __future__ import annotations

import datetime as dt

from fieldguide.library.model import Article, Library, Source

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date) -> str:
    """A date no reader misreads, in any country: "20 November 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def source_text(source: Source) -> str:
    """One source as a line of plain text: title, who, year, address."""
    who = ", ".join(part for part in (source.authors, source.publisher) if part)
    parts = [source.title.rstrip(".") + "."]
    if who or source.year:
        tail = ", ".join(str(part) for part in (who, source.year) if part)
        parts.append(tail.rstrip(".") + ".")
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


def sources_html(article: Article, library: Library) -> str:
    """The "Last reviewed" line and the "Sources" list for the end of a handout ("" if none)."""
    import html  # here: the reader's start needs long_date() of this module, not html

    parts: list[str] = []
    if article.reviewed is not None:
        parts.append(f"<p>Last reviewed: {long_date(article.reviewed)}.</p>")
    known = [library.sources[i] for i in article.sources if i in library.sources]
    if known:
        items = "".join(f"<li>{html.escape(source_text(s))}</li>" for s in known)
        parts.append(f'<h2 class="handout-sources">Sources</h2><ul>{items}</ul>')
    return "".join(parts)
