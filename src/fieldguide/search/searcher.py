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
from fieldguide.search.text import (
    ELLIPSIS,
    MARK_CLOSE,
    MARK_OPEN,
    STOPWORDS,
    marked_words,
    marks_to_html,
    words,
)

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 20
SNIPPET_WORDS = 14
NEAREST_TOPICS = 3
# Ranking costs time for every matching article. Up to this many (estimated) matches, rank them
# all; above it, rank the matches in titles, keywords, summaries and headings (a small table)
# and take the rest in index order: a word found in 15,000 articles still answers in a few ms.
FULL_RANKING_LIMIT = 3000
# In the full ranking, the best CANDIDATES by bm25 are ranked again: an article whose title and
# keywords hold more of the reader's concepts comes first. bm25 alone cannot do that in a small
# library, where a word found in more than half of the articles counts for nothing at all.
CANDIDATES = 60
TITLE_WEIGHT = 2.0
KEYWORDS_WEIGHT = 1.0
BM25_WEIGHT = 1.0
KEYWORD_PHRASE_WEIGHT = 1.5  # a keyword that says what the reader said ("is kratom safe")
TITLE_PRECISION_WEIGHT = 0.2  # a title that is about little else: "What is kratom?" for "kratom"
_PROGRESS_STEPS = 2000  # SQLite virtual-machine steps between two looks at the cancel flag

_SNIPPETS = (
    "snippet(fts, ?, ?, ?, ?, ?), snippet(fts, ?, ?, ?, ?, ?)",
    (
        *(schema.BODY_COLUMN, MARK_OPEN, MARK_CLOSE, ELLIPSIS, SNIPPET_WORDS),
        *(schema.SUMMARY_COLUMN, MARK_OPEN, MARK_CLOSE, ELLIPSIS, 2 * SNIPPET_WORDS),
    ),
)
_MARKS = (MARK_OPEN, MARK_CLOSE) * 2
_RANKED = (
    "SELECT rowid, rank, highlight(fts, 0, ?, ?), highlight(fts, 1, ?, ?) "
    "FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?"
)
_HEAD = "SELECT rowid, rank FROM fts_head WHERE fts_head MATCH ? ORDER BY rank LIMIT ?"
_ANY = "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?"
_ONE = f"SELECT {_SNIPPETS[0]} FROM fts WHERE fts MATCH ? AND rowid = ?"

Row = tuple[int, float, str, str]  # rowid, score, body snippet, summary snippet

__all__ = ["Cancelled", "SearchHit", "SearchResults", "Searcher", "TopicRef"]


def _same_stem(a: str, b: str) -> bool:
    """Roughly what the index's stemmer calls one word: "lasts" and "last", "withdrawal" and
    "withdraw" (only used to tell which concept a highlighted word belongs to)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= 4 and common >= shorter - 3


def _coverage(highlighted: str, concepts: Sequence[frozenset[str]]) -> float:
    """Share of the query's concepts that a highlighted column holds (0 to 1)."""
    if not concepts:
        return 0.0
    found: set[int] = set()
    for span in marked_words(highlighted):
        for word in words(span):
            for i, concept in enumerate(concepts):
                if i not in found and any(_same_stem(word, c) for c in concept):
                    found.add(i)
                    break
    return len(found) / len(concepts)


def _title_precision(highlighted_title: str) -> float:
    """Share of the title's words (stop words left out) that the query matched (0 to 1)."""
    matched = {w for span in marked_words(highlighted_title) for w in words(span)}
    plain = highlighted_title.replace(MARK_OPEN, " ").replace(MARK_CLOSE, " ")
    content = {w for w in words(plain) if w not in STOPWORDS}
    return len(matched & content) / len(content) if content else 0.0


def _phrase_match(highlighted_keywords: str, query: Sequence[str]) -> float:
    """How much of the reader's words one keyword entry says, in the same order (0 to 1):
    the keyword "is kratom safe" answers the query "is kratom safe?" exactly. An entry counts
    when it is the whole query or at least two of its words."""
    if not query:
        return 0.0
    text = highlighted_keywords.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    best = 0
    for entry in text.split(";"):
        said = words(entry)
        size = len(said)
        if size <= best or size > len(query) or (size < 2 and size != len(query)):
            continue
        for start in range(len(query) - size + 1):
            window = query[start : start + size]
            if all(_same_stem(a, b) for a, b in zip(said, window, strict=True)):
                best = size
                break
    return best / len(query)


def rerank(
    candidates: Sequence[tuple[Any, ...]],
    concepts: Sequence[frozenset[str]],
    query: Sequence[str] = (),
) -> list[tuple[int, float]]:
    """(rowid, score) best first, from (rowid, bm25 rank, highlighted title, highlighted
    keywords) rows in bm25 order: the reader's concepts in the title and keywords first, a
    keyword that says the whole query, then bm25."""
    best = max((-float(c[1]) for c in candidates), default=0.0)
    scored = [
        (
            int(rowid),
            TITLE_WEIGHT * _coverage(title, concepts)
            + KEYWORDS_WEIGHT * _coverage(keywords, concepts)
            + KEYWORD_PHRASE_WEIGHT * _phrase_match(keywords, query)
            + TITLE_PRECISION_WEIGHT * _title_precision(title)
            + (BM25_WEIGHT * -float(rank) / best if best > 0 else 0.0),
        )
        for rowid, rank, title, keywords in candidates
    ]
    return sorted(scored, key=lambda item: item[1], reverse=True)


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
            found = self._fetch(_RANKED, (*_MARKS, expression, max(limit, CANDIDATES)), cancel)
            ranked = rerank(found, the_plan.concepts, the_plan.words)[:limit]
        else:
            ranked = self._fetch(_HEAD, (expression, limit), cancel)
            if len(ranked) < limit:
                seen = {rowid for rowid, _ in ranked}
                more = self._fetch(_ANY, (expression, 2 * limit), cancel)
                ranked += [(r[0], 0.0) for r in more if r[0] not in seen][: limit - len(ranked)]
            ranked = [(rowid, -float(rank)) for rowid, rank in ranked]
        rows: list[Row] = []
        for rowid, score in ranked:
            found = self._fetch(_ONE, (*_SNIPPETS[1], expression, rowid), cancel)
            body, summary = found[0] if found else ("", "")
            rows.append((rowid, score, body, summary))
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
        rowid, score, body, summary = row
        slug, title, topic, plain_summary = info[rowid]
        in_body = marked_words(body)
        snippet = body if in_body else summary if MARK_OPEN in summary else plain_summary
        return SearchHit(
            slug=slug,
            title=title,
            topic_path=topic_path(topic, self.lexicon.topic_titles),
            snippet=marks_to_html(snippet),
            score=round(score, 4),
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
