"""Run a query against an index: ranked hits with highlighted snippets, never a dead end."""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from fieldguide.errors import SearchError
from fieldguide.search import schema
from fieldguide.search.catalog import topic_path
from fieldguide.search.lexicon import Lexicon
from fieldguide.search.planner import plan
from fieldguide.search.query import SearchQuery
from fieldguide.search.text import ELLIPSIS, MARK_CLOSE, MARK_OPEN, marked_words, marks_to_html

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 20
SNIPPET_WORDS = 14
NEAREST_TOPICS = 3
_PROGRESS_STEPS = 2000  # SQLite virtual-machine steps between two looks at the cancel flag


class Cancelled(Exception):
    """The search was cancelled because a newer one replaced it: drop it quietly."""


@dataclass(frozen=True)
class SearchHit:
    """One article found."""

    slug: str
    title: str
    topic_path: tuple[str, ...]  # titles of the topics above it, top first
    snippet: str  # HTML-escaped text; matched words in <b>…</b>
    score: float  # higher is better
    first_match: str  # a matched word as written in the article: scroll to and highlight it
    matched: tuple[str, ...] = ()  # every matched word seen in the snippet


@dataclass(frozen=True)
class TopicRef:
    """A topic offered when nothing matched."""

    slug: str
    title: str


@dataclass(frozen=True)
class SearchResults:
    """Everything the search panel shows for one query."""

    query: str  # what the reader typed
    hits: tuple[SearchHit, ...] = ()
    corrected: str | None = None  # "Showing results for <corrected> — search instead for <query>"
    suggestions: tuple[str, ...] = ()  # "Did you mean …" words, when nothing was found
    nearest_topics: tuple[TopicRef, ...] = ()  # topics to offer when nothing was found
    offer_help: bool = False  # nothing found: offer Get help now

    @property
    def is_empty(self) -> bool:
        """True when no article was found."""
        return not self.hits


class Searcher:
    """Searches one index through one connection. Make one per thread (SQLite connections are
    not shared between threads); the Lexicon may be shared."""

    def __init__(self, conn: sqlite3.Connection, lexicon: Lexicon | None = None) -> None:
        self._conn = conn
        try:
            self.lexicon = lexicon if lexicon is not None else Lexicon.load(conn)
        except sqlite3.Error as exc:
            raise SearchError("The search index cannot be read.") from exc

    def search(
        self,
        text: str | SearchQuery,
        *,
        limit: int = DEFAULT_LIMIT,
        cancel: threading.Event | None = None,
    ) -> SearchResults:
        """Search for any text. Raises Cancelled when `cancel` is set before the end, and
        SearchError when the index cannot be read; never an error for what the reader typed."""
        query = text if isinstance(text, SearchQuery) else SearchQuery.from_string(text)
        if query.is_empty:
            return SearchResults(query.text)
        the_plan = plan(query, self.lexicon)
        hits = self._hits(the_plan.expression, max(1, min(limit, 200)), cancel)
        if hits:
            return SearchResults(query.text, hits, the_plan.corrected)
        return SearchResults(
            query.text,
            corrected=the_plan.corrected,
            suggestions=self._suggestions(query),
            nearest_topics=self._nearest_topics(query),
            offer_help=True,
        )

    def _hits(
        self, expression: str, limit: int, cancel: threading.Event | None
    ) -> tuple[SearchHit, ...]:
        if not expression:
            return ()
        sql = (
            "SELECT rowid, rank, snippet(fts, ?, ?, ?, ?, ?), snippet(fts, ?, ?, ?, ?, ?) "
            "FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?"
        )
        marks = (MARK_OPEN, MARK_CLOSE, ELLIPSIS)
        params = (
            *(schema.BODY_COLUMN, *marks, SNIPPET_WORDS),
            *(schema.SUMMARY_COLUMN, *marks, 2 * SNIPPET_WORDS),
            *(expression, limit),
        )
        if cancel is not None:
            self._conn.set_progress_handler(cancel.is_set, _PROGRESS_STEPS)
        rows: list[tuple[int, float, str, str]] = []
        try:
            for row in self._conn.execute(sql, params):
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                rows.append(row)
            info = self._articles([r[0] for r in rows])
        except sqlite3.OperationalError as exc:
            if cancel is not None and cancel.is_set():
                raise Cancelled from exc
            log.warning("Search failed for %r: %s", expression, exc)
            raise SearchError("The search index cannot be read.") from exc
        except sqlite3.Error as exc:
            raise SearchError("The search index cannot be read.") from exc
        finally:
            if cancel is not None:
                self._conn.set_progress_handler(None, 0)
        hits: list[SearchHit] = []
        for rowid, rank, body, summary in rows:
            slug, title, topic, plain_summary = info[rowid]
            in_body = marked_words(body)
            snippet = body if in_body else summary if MARK_OPEN in summary else plain_summary
            matched = tuple(dict.fromkeys(in_body or marked_words(snippet)))
            hits.append(
                SearchHit(
                    slug=slug,
                    title=title,
                    topic_path=topic_path(topic, self.lexicon.topic_titles),
                    snippet=marks_to_html(snippet),
                    score=round(-float(rank), 4),
                    first_match=in_body[0] if in_body else "",
                    matched=matched,
                )
            )
        return tuple(hits)

    def _articles(self, ids: list[int]) -> dict[int, tuple[str, str, str, str]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        sql = f"SELECT id, slug, title, topic, summary FROM articles WHERE id IN ({marks})"
        return {int(r[0]): (r[1], r[2], r[3], r[4]) for r in self._conn.execute(sql, ids)}

    def _suggestions(self, query: SearchQuery) -> tuple[str, ...]:
        """Known words close to what the reader typed, for "Did you mean …"."""
        found: list[str] = []
        for word in query.content_words:
            for fix in self.lexicon.corrections(word, 2, cutoff=60.0):
                if fix != word and fix not in found:
                    found.append(fix)
        return tuple(found[:5])

    def _nearest_topics(self, query: SearchQuery) -> tuple[TopicRef, ...]:
        """Topics whose title or summary looks most like the query; the top topics otherwise."""
        titles = {s: t for s, t in self.lexicon.topic_titles.items() if s}
        texts = {s: f"{t} {self.lexicon.topic_summaries.get(s, '')}" for s, t in titles.items()}
        wanted = " ".join(query.content_words)
        best = process.extract(
            wanted, texts, scorer=fuzz.partial_ratio, score_cutoff=60.0, limit=NEAREST_TOPICS
        )
        slugs = [key for _, _, key in best]
        if not slugs:
            slugs = [s for s in titles if "/" not in s][:NEAREST_TOPICS]
        return tuple(TopicRef(s, titles[s]) for s in slugs)
