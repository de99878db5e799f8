"""Run a query against an index: ranked hits with highlighted snippets, never a dead end."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process

from fieldguide.errors import SearchError
from fieldguide.search import schema
from fieldguide.search.catalog import topic_path
from fieldguide.search.lexicon import Lexicon
from fieldguide.search.planner import Plan, plan
from fieldguide.search.query import SearchQuery
from fieldguide.search.results import Cancelled, SearchHit, SearchResults, TopicRef
from fieldguide.search.text import ELLIPSIS, MARK_CLOSE, MARK_OPEN, marked_words, marks_to_html

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 20
SNIPPET_WORDS = 14
NEAREST_TOPICS = 3
# Ranking costs time for every matching article. Up to this many (estimated) matches, rank them
# all; above it, rank the matches in titles, keywords, summaries and headings (a small table)
# and take the rest in index order: a word found in 15,000 articles still answers in a few ms.
FULL_RANKING_LIMIT = 3000
_PROGRESS_STEPS = 2000  # SQLite virtual-machine steps between two looks at the cancel flag

_SNIPPETS = (
    "snippet(fts, ?, ?, ?, ?, ?), snippet(fts, ?, ?, ?, ?, ?)",
    (
        *(schema.BODY_COLUMN, MARK_OPEN, MARK_CLOSE, ELLIPSIS, SNIPPET_WORDS),
        *(schema.SUMMARY_COLUMN, MARK_OPEN, MARK_CLOSE, ELLIPSIS, 2 * SNIPPET_WORDS),
    ),
)
_RANKED = f"SELECT rowid, rank, {_SNIPPETS[0]} FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?"
_HEAD = "SELECT rowid, rank FROM fts_head WHERE fts_head MATCH ? ORDER BY rank LIMIT ?"
_ANY = "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?"
_ONE = f"SELECT {_SNIPPETS[0]} FROM fts WHERE fts MATCH ? AND rowid = ?"

Row = tuple[int, float, str, str]  # rowid, rank, body snippet, summary snippet

__all__ = ["Cancelled", "SearchHit", "SearchResults", "Searcher", "TopicRef"]


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
        hits = self._hits(the_plan, max(1, min(limit, 200)), cancel)
        if hits:
            return SearchResults(query.text, hits, the_plan.corrected)
        return SearchResults(
            query.text,
            corrected=the_plan.corrected,
            suggestions=self._suggestions(query),
            nearest_topics=self._nearest_topics(query),
            offer_help=True,
        )

    def _fetch(
        self, sql: str, params: Sequence[Any], cancel: threading.Event | None
    ) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = []
        for row in self._conn.execute(sql, params):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            rows.append(row)
        return rows

    def _rows(self, the_plan: Plan, limit: int, cancel: threading.Event | None) -> list[Row]:
        expression = the_plan.expression
        if the_plan.cost <= FULL_RANKING_LIMIT:
            return self._fetch(_RANKED, (*_SNIPPETS[1], expression, limit), cancel)
        ranked = self._fetch(_HEAD, (expression, limit), cancel)
        if len(ranked) < limit:
            seen = {rowid for rowid, _ in ranked}
            more = self._fetch(_ANY, (expression, 2 * limit), cancel)
            ranked += [(r[0], 0.0) for r in more if r[0] not in seen][: limit - len(ranked)]
        rows: list[Row] = []
        for rowid, rank in ranked:
            found = self._fetch(_ONE, (*_SNIPPETS[1], expression, rowid), cancel)
            body, summary = found[0] if found else ("", "")
            rows.append((rowid, rank, body, summary))
        return rows

    def _hits(
        self, the_plan: Plan, limit: int, cancel: threading.Event | None
    ) -> tuple[SearchHit, ...]:
        if not the_plan.expression:
            return ()
        if cancel is not None:
            self._conn.set_progress_handler(cancel.is_set, _PROGRESS_STEPS)
        try:
            rows = self._rows(the_plan, limit, cancel)
            info = self._articles([r[0] for r in rows])
        except sqlite3.OperationalError as exc:
            if cancel is not None and cancel.is_set():
                raise Cancelled from exc
            log.warning("Search failed for %r: %s", the_plan.expression, exc)
            raise SearchError("The search index cannot be read.") from exc
        except sqlite3.Error as exc:
            raise SearchError("The search index cannot be read.") from exc
        finally:
            if cancel is not None:
                self._conn.set_progress_handler(None, 0)
        return tuple(self._hit(row, info) for row in rows if row[0] in info)

    def _hit(self, row: Row, info: dict[int, tuple[str, str, str, str]]) -> SearchHit:
        rowid, rank, body, summary = row
        slug, title, topic, plain_summary = info[rowid]
        in_body = marked_words(body)
        snippet = body if in_body else summary if MARK_OPEN in summary else plain_summary
        return SearchHit(
            slug=slug,
            title=title,
            topic_path=topic_path(topic, self.lexicon.topic_titles),
            snippet=marks_to_html(snippet),
            score=round(-float(rank), 4),
            first_match=in_body[0] if in_body else "",
            matched=tuple(dict.fromkeys(in_body or marked_words(snippet))),
        )

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
            for fix in self.lexicon.corrections(word, 2, cutoff=65.0):
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
