"""The window's search function for one library: waits for the index, one Searcher a thread.

    search = SearchService()
    # off the UI thread, at start:
    search.prepare(library_dir, default_index_path(library_dir), cache_dir)
    # in any worker thread (the window only ever sees this plain callable):
    results = search.search("dope sick", typing=True, exact=False, cancel=event)

Given the combined library, its site libraries (a clinic's folders, `library.mounts`) get their
own indexes and are searched too, through `search.multi` (hits merged by score).

A search that arrives before the index is ready waits for it (and gives up quietly, with
`Cancelled`, when its `cancel` event is set meanwhile). Each worker thread gets its own
`Searcher`, hence its own SQLite connection, kept by thread id; the word lists are loaded once
and shared. (Not a `threading.local`: a worker thread that Python did not start, such as a
QThreadPool thread, gets a fresh Python thread state, hence an empty `threading.local`, for
each task it runs; its thread id stays the same.)
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from fieldguide.errors import ReaderError, SearchError

# The window makes its SearchService before the first paint; the index code, the query parser
# and the results are imported where they are used, by then off the UI thread.
if TYPE_CHECKING:
    from fieldguide.library.model import Library
    from fieldguide.search.handle import IndexHandle
    from fieldguide.search.multi import SearchFn
    from fieldguide.search.results import SearchResults
    from fieldguide.search.searcher import Searcher

log = logging.getLogger(__name__)

RESULT_LIMIT = 20
_WAIT_STEP = 0.05  # seconds between two looks at the cancel flag while the index is prepared
NOT_PREPARED = "Search could not be prepared. You can still browse the topics."


def ensure_index(
    library_dir: Path, shipped_index: Path | None, cache_dir: Path | None
) -> IndexHandle:
    """search.handle.ensure_index, imported when first needed (after the first paint)."""
    from fieldguide.search.handle import ensure_index as ensure

    return ensure(library_dir, shipped_index, cache_dir)


class SearchService:
    """Searches one library's index from any thread, once `prepare` (or `use`) has run."""

    def __init__(self, limit: int = RESULT_LIMIT) -> None:
        self.limit = limit
        self._ready = threading.Event()
        self._handle: IndexHandle | None = None
        self._error: SearchError | None = None
        self._sites: SearchFn | None = None  # the guide and its site libraries, when it has some
        self._searchers: dict[int, tuple[IndexHandle, Searcher]] = {}  # by thread id
        self._lock = threading.Lock()

    @property
    def is_ready(self) -> bool:
        """True once the index is ready (or known to be unusable)."""
        return self._ready.is_set()

    def prepare(
        self,
        library_dir: Path,
        shipped_index: Path | None,
        cache_dir: Path | None,
        library: Library | None = None,
    ) -> IndexHandle:
        """Find or build the index of `library_dir` and, when `library` (the guide with its
        sites mounted) has site libraries, theirs (slow when one must be built: call it off the
        UI thread). Raises SearchError, in words fit for a reader, when there can be no search.
        A site whose index cannot be made is left out (see search.multi.index_sources)."""
        try:
            handle = ensure_index(library_dir, shipped_index, cache_dir)
            sites = self._with_sites(library, handle, cache_dir)
        except SearchError as exc:
            self._fail(exc)
            raise
        except (ReaderError, OSError) as exc:
            log.warning("No search index for %s: %s", library_dir, exc)
            error = SearchError(NOT_PREPARED)
            self._fail(error)
            raise error from exc
        except Exception as exc:  # a bug must not leave every search waiting forever
            log.exception("Preparing the search index for %s failed", library_dir)
            error = SearchError(NOT_PREPARED)
            self._fail(error)
            raise error from exc
        log.info("Search index for %s: %s", library_dir, handle.where)
        self.use(handle, sites)
        return handle

    def _with_sites(
        self, library: Library | None, guide: IndexHandle, cache_dir: Path | None
    ) -> SearchFn | None:
        if library is None or not library.mounts:
            return None
        from fieldguide.search.multi import index_sources, make_search_fn

        return make_search_fn(index_sources(library, guide, cache_dir), self.limit)

    def use(self, handle: IndexHandle, sites: SearchFn | None = None) -> None:
        """Search `handle` from now on (an index that is already open), or `sites` (a search
        over it and its site libraries) when given."""
        self._handle = handle
        self._sites = sites
        self._error = None
        self._ready.set()

    def _fail(self, error: SearchError) -> None:
        self._error = error
        self._ready.set()

    def search(
        self, text: str, *, typing: bool, exact: bool, cancel: threading.Event
    ) -> SearchResults:
        """Search `text` (any text is safe). Raises Cancelled when `cancel` is set, SearchError
        when the index cannot be used."""
        from fieldguide.search.results import Cancelled

        while not self._ready.wait(_WAIT_STEP):
            if cancel.is_set():
                raise Cancelled
        if cancel.is_set():
            raise Cancelled
        if self._error is not None:
            raise self._error
        if self._sites is not None:
            return self._sites(text, typing=typing, exact=exact, cancel=cancel)
        from fieldguide.search.query import SearchQuery

        query = SearchQuery.from_string(text, typing=typing, exact=exact)
        return self._searcher().search(query, limit=self.limit, cancel=cancel)

    __call__ = search

    def _searcher(self) -> Searcher:
        """This thread's Searcher (its own SQLite connection), made on first use."""
        handle = self._handle
        if handle is None:  # pragma: no cover - _ready is only set with a handle or an error
            raise SearchError(NOT_PREPARED)
        thread = threading.get_ident()
        with self._lock:
            known = self._searchers.get(thread)
        if known is not None and known[0] is handle:
            return known[1]
        searcher = handle.searcher()  # connects in (and for) this thread
        with self._lock:
            self._searchers[thread] = (handle, searcher)
        return searcher
