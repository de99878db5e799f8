"""The catalog kept in the index: topic tree, article titles and summaries, library metadata.

Start-up reads it to show the tree and the home article without parsing any article. It is
stored as one row per topic (its articles packed into strings), so 20,000 articles load as a
few hundred rows; entries are made only when asked for.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from fieldguide.library.model import Topic
from fieldguide.search import schema

log = logging.getLogger(__name__)


class CatalogEntry(NamedTuple):
    """One article as the catalog knows it."""

    slug: str
    title: str
    summary: str
    topic: str  # slug of its topic ("" for the library root)

    @property
    def path(self) -> str:
        """File path relative to the library root (the slug plus ".md")."""
        return f"{self.slug}.md"


class _Chunk(NamedTuple):
    """The articles of one topic, as the index keeps them: titles and summaries packed."""

    start: int  # position of its first article in reading order
    size: int  # how many articles it has
    topic: str
    titles: str
    summaries: str | None  # None: not read from the index yet (see CatalogArticles)


SummaryReader = Callable[[], list[str]]  # every topic's packed summaries, in the chunks' order


class CatalogArticles(Mapping[str, CatalogEntry]):
    """Slug -> CatalogEntry in reading order, made on demand.

    Titles and summaries stay packed, one string per topic, until an article of that topic is
    asked for: the window's first paint needs a few topics' (the tree's top, the start page's),
    and splitting all of a 20,000-article library's is a fifth of its start. Summaries may
    even stay in the index (`read_summaries`) until an entry is asked for: the tree's rows
    need only titles (`title()`), and a big library's summaries are megabytes (2 MB, ~560
    page faults, for 20,000 articles) that its first paint would read for nothing."""

    def __init__(
        self,
        slugs: list[str],
        chunks: list[_Chunk],
        read_summaries: SummaryReader | None = None,
    ) -> None:
        self._slugs = slugs
        self._chunks = chunks
        self._starts = [chunk.start for chunk in chunks]
        self._titles: dict[int, list[str]] = {}  # chunk -> its titles, once split
        self._summaries: dict[int, list[str]] = {}  # chunk -> its summaries, once split
        self._index = dict(zip(slugs, itertools.count()))
        self._read_summaries = read_summaries
        self._lock = threading.Lock()  # entries may be asked for from a worker thread too

    @property
    def summaries_read(self) -> bool:
        """False while the summaries are still in the index, not read."""
        return all(chunk.summaries is not None for chunk in self._chunks)

    def _chunk(self, i: int) -> int:
        return bisect.bisect_right(self._starts, i) - 1

    def _title(self, i: int) -> str:
        c = self._chunk(i)
        titles = self._titles.get(c)
        if titles is None:
            chunk = self._chunks[c]
            titles = self._titles[c] = _split(chunk.titles, chunk.size)
        return titles[i - self._chunks[c].start]

    def _summary(self, i: int) -> str:
        c = self._chunk(i)
        summaries = self._summaries.get(c)
        if summaries is None:
            if self._chunks[c].summaries is None:
                self._fetch_summaries()
            chunk = self._chunks[c]
            summaries = self._summaries[c] = _split(chunk.summaries or "", chunk.size)
        return summaries[i - self._chunks[c].start]

    def _fetch_summaries(self) -> None:
        """Read every topic's summaries from the index, once (empty if it cannot be read)."""
        with self._lock:
            if self.summaries_read:
                return
            try:
                packed = self._read_summaries() if self._read_summaries else []
            except Exception as exc:  # a shown title is worth more than its tooltip
                log.warning("The summaries could not be read from the search index: %s", exc)
                packed = []
            if len(packed) != len(self._chunks):
                packed = [""] * len(self._chunks)
            pairs = zip(self._chunks, packed, strict=True)
            self._chunks = [chunk._replace(summaries=p) for chunk, p in pairs]

    def __getitem__(self, slug: str) -> CatalogEntry:
        i = self._index[slug]
        return CatalogEntry(
            slug, self._title(i), self._summary(i), self._chunks[self._chunk(i)].topic
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._slugs)

    def __len__(self) -> int:
        return len(self._slugs)

    def __contains__(self, slug: object) -> bool:
        return slug in self._index

    def title(self, slug: str) -> str:
        """The article's title ("" when there is no such article): the tree's fast path."""
        i = self._index.get(slug)
        return "" if i is None else self._title(i)


class Catalog:
    """Everything the window needs before any article is opened. Read-only by convention (a
    plain class: a frozen dataclass costs ~3.5 M instructions to build at every start)."""

    __slots__ = (
        "articles",
        "content_hash",
        "home",
        "language",
        "library_id",
        "publisher",
        "title",
        "topic_titles",
        "topics",
        "version",
    )

    def __init__(
        self,
        library_id: str,
        title: str,
        home: str,  # slug of the start article, as library.yml says ("" when none)
        language: str,
        version: str,
        publisher: str,
        content_hash: str,
        topics: Topic,  # the root topic; its tree lists article slugs in reading order
        articles: CatalogArticles,
        topic_titles: Mapping[str, str] | None = None,  # topic slug -> title
    ) -> None:
        self.library_id = library_id
        self.title = title
        self.home = home
        self.language = language
        self.version = version
        self.publisher = publisher
        self.content_hash = content_hash
        self.topics = topics
        self.articles = articles
        self.topic_titles: Mapping[str, str] = topic_titles if topic_titles is not None else {}

    def __repr__(self) -> str:
        return f"Catalog({self.library_id!r}, {self.title!r}, {len(self.articles)} articles)"

    def entry(self, slug: str) -> CatalogEntry | None:
        """The article with this slug, or None."""
        return self.articles.get(slug)

    @property
    def start(self) -> str:
        """The article to open first: home if it exists, else the first article, else ""."""
        if self.home in self.articles:
            return self.home
        return next(iter(self.articles), "")

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


def read_summaries_of(conn: sqlite3.Connection) -> list[str]:
    """Every topic's packed article summaries, in the catalog's order."""
    rows = conn.execute("SELECT article_summaries FROM topics ORDER BY position")
    return [str(packed or "") for (packed,) in rows]


def _split(packed: str, count: int) -> list[str]:
    values = packed.split(schema.UNIT) if packed else []
    return values if len(values) == count else (values + [""] * count)[:count]


def load_catalog(conn: sqlite3.Connection, read_summaries: SummaryReader | None = None) -> Catalog:
    """Read the catalog from an open index (raises sqlite3.Error when it is no index). With
    `read_summaries` the articles' summaries are left in the index until first asked for:
    that function then reads them (`read_summaries_of(conn)` on another connection)."""
    meta = schema.read_meta(conn)
    summaries = "NULL" if read_summaries else "article_summaries"
    rows = conn.execute(
        "SELECT slug, parent, title, summary, ord, article_slugs, article_titles, "
        f"{summaries} FROM topics ORDER BY position"
    ).fetchall()
    slugs: list[str] = []
    chunks: list[_Chunk] = []
    children: dict[str, list[str]] = {}
    members: dict[str, tuple[str, ...]] = {}
    info: dict[str, tuple[str, str, int]] = {}
    root_slug = ""
    for slug, parent, title, summary, order, packed_slugs, packed_titles, packed_sums in rows:
        mine = packed_slugs.split(schema.UNIT) if packed_slugs else []
        members[slug] = tuple(mine)
        chunks.append(_Chunk(len(slugs), len(mine), slug, packed_titles, packed_sums))
        slugs.extend(mine)
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
            articles=members.get(slug, ()),
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
        articles=CatalogArticles(slugs, chunks, read_summaries),
        topic_titles={slug: t[0] for slug, t in info.items()},
    )
