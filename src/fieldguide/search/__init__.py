"""Search: an SQLite FTS5 index that also holds the catalog, and queries in the reader's words.

Public API (plain values in and out, no Qt):

    handle = ensure_index(library_dir, shipped_index, cache_dir)   # off the UI thread if it builds
    catalog = handle.catalog()           # topic tree, titles, home: no article parsed
    searcher = handle.searcher()         # one per thread (own SQLite connection)
    results = searcher.search("dope sick", limit=20, cancel=event)   # SearchResults

Names are imported on first use, so that start-up (catalog only) does not pay for the spelling
library and the YAML parser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldguide.search.build import build_index_file, write_index
    from fieldguide.search.catalog import Catalog, CatalogArticles, CatalogEntry, load_catalog
    from fieldguide.search.fingerprint import library_hash
    from fieldguide.search.handle import (
        IndexHandle,
        build_memory_index,
        cache_file,
        default_index_path,
        ensure_index,
        open_index,
    )
    from fieldguide.search.lexicon import Lexicon
    from fieldguide.search.multi import (
        IndexSource,
        MultiSearch,
        SearchFn,
        index_sources,
        make_search_fn,
        merge_results,
        search_all,
    )
    from fieldguide.search.query import SearchQuery
    from fieldguide.search.results import Cancelled, SearchHit, SearchResults, TopicRef
    from fieldguide.search.searcher import Searcher
    from fieldguide.search.service import SearchService

_WHERE = {
    "build_index_file": "build",
    "write_index": "build",
    "Catalog": "catalog",
    "CatalogArticles": "catalog",
    "CatalogEntry": "catalog",
    "load_catalog": "catalog",
    "library_hash": "fingerprint",
    "IndexHandle": "handle",
    "build_memory_index": "handle",
    "cache_file": "handle",
    "default_index_path": "handle",
    "ensure_index": "handle",
    "open_index": "handle",
    "Lexicon": "lexicon",
    "IndexSource": "multi",
    "MultiSearch": "multi",
    "SearchFn": "multi",
    "index_sources": "multi",
    "make_search_fn": "multi",
    "merge_results": "multi",
    "search_all": "multi",
    "SearchQuery": "query",
    "Cancelled": "results",
    "SearchHit": "results",
    "SearchResults": "results",
    "TopicRef": "results",
    "Searcher": "searcher",
    "SearchService": "service",
}

__all__ = [
    "Cancelled",
    "Catalog",
    "CatalogArticles",
    "CatalogEntry",
    "IndexHandle",
    "IndexSource",
    "Lexicon",
    "MultiSearch",
    "SearchFn",
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "SearchService",
    "Searcher",
    "TopicRef",
    "build_index_file",
    "build_memory_index",
    "cache_file",
    "default_index_path",
    "ensure_index",
    "index_sources",
    "library_hash",
    "load_catalog",
    "make_search_fn",
    "merge_results",
    "open_index",
    "search_all",
    "write_index",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
