"""Build an index: a Library (plus its synonyms) written into an SQLite file or connection."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from fieldguide.library.model import Article, Library, Topic
from fieldguide.search import schema
from fieldguide.search.extract import body_text, headings
from fieldguide.search.synonyms import Synonym, Synonyms, glossary_synonyms
from fieldguide.search.text import STOPWORDS, clean, words

log = logging.getLogger(__name__)


def catalog_order(library: Library) -> tuple[list[tuple[Topic, str | None]], list[Article]]:
    """Topics depth first (each with its parent's slug) and articles in reading order: the topic
    tree, then any article that no topic lists."""
    topics: list[tuple[Topic, str | None]] = []
    ordered: list[Article] = []
    seen: set[str] = set()

    def visit(topic: Topic, parent: str | None) -> None:
        topics.append((topic, parent))
        for slug in topic.articles:
            article = library.articles.get(slug)
            if article is not None and slug not in seen:
                seen.add(slug)
                ordered.append(article)
        for child in topic.children:
            visit(child, topic.slug)

    visit(library.topics, None)
    rest = sorted((a for s, a in library.articles.items() if s not in seen), key=lambda a: a.slug)
    return topics, ordered + rest


def _fts_rows(articles: Iterable[Article], df: Counter[str]) -> Iterator[tuple[object, ...]]:
    """FTS rows (rowid and the five columns); counts each word's articles into `df` on the way."""
    for rowid, article in enumerate(articles, start=1):
        fields = (
            clean(article.title),
            clean(" ; ".join(article.keywords)),
            clean(article.summary),
            headings(article.body),
            body_text(article.body),
        )
        df.update(set(words(" ".join(fields))))
        yield (rowid, *fields)


def _topic_rows(
    library: Library, topics: list[tuple[Topic, str | None]], articles: list[Article]
) -> Iterator[tuple[object, ...]]:
    """Topic rows with their articles' slugs, titles and summaries packed into one string each.

    An article whose folder is not in the topic tree is listed under the root."""
    known = {topic.slug for topic, _ in topics}
    members: dict[str, list[Article]] = {}
    for article in articles:
        members.setdefault(article.topic if article.topic in known else "", []).append(article)
    for position, (topic, parent) in enumerate(topics):
        mine = members.get(topic.slug, [])
        yield (
            position,
            topic.slug,
            parent,
            clean(topic.title or ("" if parent is not None else library.title)),
            clean(topic.summary),
            topic.order,
            schema.UNIT.join(a.slug.replace(schema.UNIT, " ") for a in mine),
            schema.UNIT.join(clean(a.title) for a in mine),
            schema.UNIT.join(clean(a.summary) for a in mine),
        )


def write_index(
    conn: sqlite3.Connection, library: Library, content_hash: str, synonyms: Iterable[Synonym]
) -> None:
    """Create and fill the index in an empty database."""
    schema.create(conn)
    topics, articles = catalog_order(library)
    conn.executemany(
        "INSERT INTO topics(position, slug, parent, title, summary, ord, article_slugs, "
        "article_titles, article_summaries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _topic_rows(library, topics, articles),
    )
    conn.executemany(
        "INSERT INTO articles(id, slug, title, summary, topic, ord, path) VALUES (?,?,?,?,?,?,?)",
        (
            (i, a.slug, clean(a.title), clean(a.summary), a.topic, a.order, a.path)
            for i, a in enumerate(articles, start=1)
        ),
    )
    # Bulk load: no merging of index segments while inserting, one full merge at the end.
    for table in ("fts", "fts_head"):
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('automerge', 0)")
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('crisismerge', 64)")
    df: Counter[str] = Counter()
    conn.executemany(
        "INSERT INTO fts(rowid, title, keywords, summary, headings, body) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        _fts_rows(articles, df),
    )
    conn.execute(
        "INSERT INTO fts_head(rowid, title, keywords, summary, headings) "
        "SELECT rowid, title, keywords, summary, headings FROM fts"
    )
    for table in ("fts", "fts_head"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('automerge', 4)")
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('crisismerge', 16)")
    conn.executemany(
        "INSERT INTO words(word, df) VALUES (?, ?)",
        ((w, n) for w, n in sorted(df.items()) if len(w) > 1 and w not in STOPWORDS),
    )
    rules = Synonyms.of([*synonyms, *glossary_synonyms(library.glossary)]).rules
    conn.executemany(
        "INSERT INTO synonyms(phrase, term, kind) VALUES (?, ?, ?)",
        ((" ".join(r.phrase), " ".join(r.term), r.kind) for r in rules),
    )
    meta = {
        "schema_version": str(schema.SCHEMA_VERSION),
        "content_hash": content_hash,
        "library_id": library.id,
        "library_title": library.title,
        "home": library.home,
        "language": library.language,
        "version": library.version,
        "publisher": library.publisher,
        "article_count": str(len(articles)),
    }
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
    conn.commit()


def build_index_file(
    library: Library, out: Path, content_hash: str, synonyms: Iterable[Synonym]
) -> None:
    """Write the index to `out` atomically (a temporary file beside it, then a rename).

    Raises OSError or sqlite3.Error when `out`'s folder cannot be written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            write_index(conn, library, content_hash, synonyms)
            conn.execute("VACUUM")
        finally:
            conn.close()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("Built the search index %s (%d articles)", out, len(library.articles))
