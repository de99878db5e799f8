"""Search: an SQLite FTS5 index that also holds the catalog, and queries in the reader's words.

Public API (plain values in and out, no Qt):

    handle = ensure_index(library_dir, shipped_index, cache_dir)   # off the UI thread
    catalog = handle.catalog()           # topic tree, titles, home: no article parsed
    searcher = handle.searcher()         # one per thread (own SQLite connection)
    results = searcher.search("dope sick", limit=20, cancel=event)   # SearchResults
"""

from __future__ import annotations

from fieldguide.search.build import build_index_file, write_index
from fieldguide.search.catalog import Catalog, CatalogEntry, load_catalog
from fieldguide.search.fingerprint import library_hash
from fieldguide.search.handle import (
    IndexHandle,
    build_memory_index,
    cache_file,
    default_index_path,
    ensure_index,
)
from fieldguide.search.lexicon import Lexicon
from fieldguide.search.query import SearchQuery
from fieldguide.search.searcher import Cancelled, Searcher, SearchHit, SearchResults, TopicRef

__all__ = [
    "Cancelled",
    "Catalog",
    "CatalogEntry",
    "IndexHandle",
    "Lexicon",
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "Searcher",
    "TopicRef",
    "build_index_file",
    "build_memory_index",
    "cache_file",
    "default_index_path",
    "ensure_index",
    "library_hash",
    "load_catalog",
    "write_index",
]
