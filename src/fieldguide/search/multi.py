"""Searching the guide and its site libraries at once: each library's own index, one answer.

Each site library (see `library.sites`) has its own index, built from its folder like the
guide's (`ensure_index(site_dir, None, cache_dir)`). A query runs against each index and the hits
are merged **by score**. The score is comparable between indexes by construction: the searcher
ranks again by parts that do not depend on the library (the share of the reader's concepts in the
title and keywords, a keyword that says the query, how much of the title matched) plus bm25
divided by the best bm25 *of that index* (0 to 1). So a clinic page with the reader's words in its
title ranks with the guide's titled articles, and a clinic page that merely mentions a word falls
below them; interleaving by rank would instead put any site's best hit second, however weak.
(Only an index where a query matches more than 3,000 articles is ranked by raw bm25; site
libraries are far smaller than that.) On equal scores the guide comes first, then the sites in
the order of the settings.

Hits of a site get the site's prefix in their slug (`our-clinic/local-services`, as in the
combined library) and its title first in their topic path.

    search = make_search_fn(index_sources(combined_library, guide_handle, cache_dir))
    results = search("methadone clinic", typing=False, exact=False, cancel=event)
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from fieldguide.errors import SearchError
from fieldguide.library.model import Library
from fieldguide.search.handle import IndexHandle, ensure_index
from fieldguide.search.query import SearchQuery
from fieldguide.search.results import Cancelled, SearchHit, SearchResults, TopicRef

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 20
MAX_SUGGESTIONS = 5
MAX_TOPICS = 5


class SearchFn(Protocol):
    """What the search panel calls: any text in, SearchResults out (or Cancelled raised)."""

    def __call__(
        self,
        text: str,
        *,
        typing: bool | None = None,
        exact: bool = False,
        cancel: threading.Event | None = None,
    ) -> SearchResults: ...


@dataclass(frozen=True)
class IndexSource:
    """One library's index, and where its pages sit in the combined library."""

    handle: IndexHandle
    prefix: str = ""  # "" for the guide; the site's slug prefix ("our-clinic") otherwise
    title: str = ""  # the site's title, shown first in the topic path of its hits

    def slug(self, slug: str) -> str:
        """A slug of this index as the combined library names it."""
        return f"{self.prefix}/{slug}" if self.prefix and slug else self.prefix or slug


class PartSearcher(Protocol):
    """The part of `Searcher` used here (so tests may pass a stand-in)."""

    def search(
        self,
        text: str | SearchQuery,
        *,
        limit: int = DEFAULT_LIMIT,
        cancel: threading.Event | None = None,
    ) -> SearchResults: ...


def index_sources(
    library: Library, guide: IndexHandle, cache_dir: Path | None
) -> list[IndexSource]:
    """The guide's index, then one for each site library mounted in `library` (built or reused
    in `cache_dir`, or in memory when it is None). Slow when a site changed: call it off the UI
    thread. A site whose index cannot be made is left out of search, and the log says why."""
    sources = [IndexSource(guide)]
    for prefix, folder in library.mounts.items():
        topic = library.topic(prefix)
        try:
            handle = ensure_index(folder, None, cache_dir)
        except (OSError, sqlite3.Error, SearchError) as exc:
            log.warning("The pages in %s cannot be searched: %s", folder, exc)
            continue
        sources.append(IndexSource(handle, prefix, topic.title if topic else prefix))
    return sources


def search_all(
    searchers: Sequence[tuple[IndexSource, PartSearcher]],
    text: str,
    *,
    typing: bool | None = None,
    exact: bool = False,
    cancel: threading.Event | None = None,
    limit: int = DEFAULT_LIMIT,
) -> SearchResults:
    """Search every index for `text` and merge the answers. Raises Cancelled when `cancel` is
    set; SearchError only when the guide's own index fails (a failing site is left out)."""
    query = SearchQuery.from_string(text, typing=typing, exact=exact)
    parts = _search_each(searchers, query, cancel, limit)
    if not exact and any(r.hits and r.corrected is None for _, r in parts):
        # The words were found as typed somewhere: indexes that changed them (a clinic's street
        # name the guide does not know) search again as typed, so nothing says "Showing
        # results for" a word the reader did not mean.
        again = SearchQuery.from_string(text, typing=typing, exact=True)
        changed = {id(source) for source, results in parts if results.corrected is not None}
        redo = [pair for pair in searchers if id(pair[0]) in changed]
        fixed = {
            id(source): results for source, results in _search_each(redo, again, cancel, limit)
        }
        parts = [(source, fixed.get(id(source), results)) for source, results in parts]
    return merge_results(query.text, parts, limit)


def _search_each(
    searchers: Sequence[tuple[IndexSource, PartSearcher]],
    query: SearchQuery,
    cancel: threading.Event | None,
    limit: int,
) -> list[tuple[IndexSource, SearchResults]]:
    parts: list[tuple[IndexSource, SearchResults]] = []
    for source, searcher in searchers:
        if cancel is not None and cancel.is_set():
            raise Cancelled
        try:
            parts.append((source, searcher.search(query, limit=limit, cancel=cancel)))
        except SearchError:
            if not source.prefix:
                raise
            log.warning("Searching the pages of %r failed; they are left out", source.prefix)
    return parts


def merge_results(
    text: str, parts: Sequence[tuple[IndexSource, SearchResults]], limit: int = DEFAULT_LIMIT
) -> SearchResults:
    """One SearchResults from each index's: hits by score (the guide first on a tie), named as
    in the combined library; help words and topics from all when nothing was found."""
    hits = [_named_hit(source, hit) for source, results in parts for hit in results.hits]
    hits.sort(key=lambda hit: -hit.score)  # stable: parts keep their order on equal scores
    hits = hits[: max(1, limit)]
    corrected = _correction(parts)
    if hits:
        return SearchResults(text, tuple(hits), corrected)
    suggestions = list(dict.fromkeys(w for _, r in parts for w in r.suggestions))
    topics = list(
        dict.fromkeys(
            TopicRef(source.slug(ref.slug), ref.title)
            for source, results in parts
            for ref in results.nearest_topics
        )
    )
    return SearchResults(
        text,
        corrected=corrected,
        suggestions=tuple(suggestions[:MAX_SUGGESTIONS]),
        nearest_topics=tuple(topics[:MAX_TOPICS]),
        offer_help=True,
    )


def _correction(parts: Sequence[tuple[IndexSource, SearchResults]]) -> str | None:
    """What the words were changed to: None when some index found them as typed, else the
    change made by the index with the best hit (or the first change, when nothing was found)."""
    with_hits = [r for _, r in parts if r.hits]
    if any(r.corrected is None for r in with_hits):
        return None
    if with_hits:
        return max(with_hits, key=lambda r: r.hits[0].score).corrected
    return next((r.corrected for _, r in parts if r.corrected), None)


def _named_hit(source: IndexSource, hit: SearchHit) -> SearchHit:
    if not source.prefix:
        return hit
    return replace(hit, slug=source.slug(hit.slug), topic_path=(source.title, *hit.topic_path))


class MultiSearch:
    """A search function over several indexes. Each thread that calls it gets its own searchers
    (SQLite connections are not shared between threads)."""

    def __init__(self, sources: Sequence[IndexSource], limit: int = DEFAULT_LIMIT) -> None:
        self.sources = tuple(sources)
        self.limit = limit
        # By thread id, not threading.local: a Qt pool thread gets a fresh Python thread state
        # (hence an empty threading.local) for each task it runs, but keeps its id.
        self._by_thread: dict[int, list[tuple[IndexSource, PartSearcher]]] = {}
        self._lock = threading.Lock()

    def searchers(self) -> list[tuple[IndexSource, PartSearcher]]:
        """This thread's searchers, made on its first search."""
        thread = threading.get_ident()
        with self._lock:
            found = self._by_thread.get(thread)
        if found is None:
            found = []
            for source in self.sources:
                try:
                    found.append((source, source.handle.searcher()))
                except SearchError:
                    if not source.prefix:
                        raise
                    log.warning("The pages of %r cannot be searched", source.prefix)
            with self._lock:
                self._by_thread[thread] = found
        return found

    def __call__(
        self,
        text: str,
        *,
        typing: bool | None = None,
        exact: bool = False,
        cancel: threading.Event | None = None,
    ) -> SearchResults:
        return search_all(
            self.searchers(), text, typing=typing, exact=exact, cancel=cancel, limit=self.limit
        )


def make_search_fn(sources: Sequence[IndexSource], limit: int = DEFAULT_LIMIT) -> SearchFn:
    """The `search_fn(text, *, typing, exact, cancel)` for the search panel, over `sources`."""
    return MultiSearch(sources, limit)
