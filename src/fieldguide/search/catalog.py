"""The catalog kept in the index: topic tree, article titles and summaries, library metadata.

Start-up reads it to show the tree and the home article without parsing any article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from fieldguide.library.model import Topic
from fieldguide.search import schema


class CatalogEntry(NamedTuple):
    """One article as the catalog knows it (a NamedTuple: 20,000 of them load quickly)."""

    slug: str
    title: str
    summary: str
    topic: str  # slug of its topic ("" for the library root)
    order: int
    path: str  # file path relative to the library root


@dataclass(frozen=True, eq=False)
class Catalog:
    """Everything the window needs before any article is opened."""

    library_id: str
    title: str
    home: str  # slug of the start article ("" when there is none)
    language: str
    version: str
    publisher: str
    content_hash: str
    topics: Topic  # the root topic; its tree lists article slugs in reading order
    articles: Mapping[str, CatalogEntry] = field(default_factory=dict)
    topic_titles: Mapping[str, str] = field(default_factory=dict)  # topic slug -> title

    def entry(self, slug: str) -> CatalogEntry | None:
        """The article with this slug, or None."""
        return self.articles.get(slug)

    def topic_path(self, slug: str) -> tuple[str, ...]:
        """Titles of the topics above an article or topic, from the top down (root left out)."""
        entry = self.articles.get(slug)
        topic = entry.topic if entry is not None else slug
        return topic_path(topic, self.topic_titles)


def topic_path(topic: str, titles: Mapping[str, str]) -> tuple[str, ...]:
    """Titles of `topic` and its ancestors, from the top down, without the root."""
    if not topic:
        return ()
    parts = topic.split("/")
    return tuple(titles.get("/".join(parts[: i + 1]), parts[i]) for i in range(len(parts)))


def load_catalog(conn: sqlite3.Connection) -> Catalog:
    """Read the catalog from an open index (raises sqlite3.Error when it is no index)."""
    meta = schema.read_meta(conn)
    topic_rows = conn.execute(
        "SELECT slug, parent, title, summary, ord FROM topics ORDER BY position"
    ).fetchall()
    entries = {
        row[0]: CatalogEntry._make(row)
        for row in conn.execute(
            "SELECT slug, title, summary, topic, ord, path FROM articles ORDER BY id"
        )
    }
    by_topic: dict[str, list[str]] = {}
    for entry in entries.values():
        by_topic.setdefault(entry.topic, []).append(entry.slug)
    children: dict[str, list[str]] = {}
    info: dict[str, tuple[str, str, int]] = {}
    root_slug = ""
    for slug, parent, title, summary, order in topic_rows:
        info[slug] = (title, summary, order)
        if parent is None:
            root_slug = slug
        else:
            children.setdefault(parent, []).append(slug)

    def make(slug: str) -> Topic:
        title, summary, order = info.get(slug, (meta.get("library_title", ""), "", 0))
        return Topic(
            slug=slug,
            title=title,
            summary=summary,
            order=order,
            articles=tuple(by_topic.get(slug, ())),
            children=tuple(make(c) for c in children.get(slug, ())),
        )

    return Catalog(
        library_id=meta.get("library_id", ""),
        title=meta.get("library_title", ""),
        home=meta.get("home", ""),
        language=meta.get("language", "en"),
        version=meta.get("version", ""),
        publisher=meta.get("publisher", ""),
        content_hash=meta.get("content_hash", ""),
        topics=make(root_slug),
        articles=entries,
        topic_titles={slug: t[0] for slug, t in info.items()},
    )
