"""Find or make the index for a library: the shipped file, else one in the cache, else memory."""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from fieldguide.errors import SearchError
from fieldguide.library.model import Library
from fieldguide.search import schema
from fieldguide.search.catalog import Catalog, load_catalog, read_summaries_of
from fieldguide.search.fingerprint import blake2b, library_hash

# Searching and building need rapidfuzz and PyYAML: imported when first used, so that reading
# the catalog at start-up stays cheap.
if TYPE_CHECKING:
    from fieldguide.search.lexicon import Lexicon
    from fieldguide.search.searcher import Searcher

log = logging.getLogger(__name__)

Loader = Callable[[Path], Library]
_memory_names = itertools.count(1)


def default_index_path(library_dir: Path) -> Path:
    """Where `fieldguide index build` puts a library's index: beside the folder."""
    return library_dir.parent / f"{library_dir.name}.index.sqlite"


def cache_file(cache_dir: Path, library_dir: Path) -> Path:
    """The cache file of one library folder (one per folder, so two libraries never clash)."""
    key = blake2b(str(library_dir.resolve()).encode(), digest_size=8).hexdigest()
    return cache_dir / f"index-{library_dir.name[:40]}-{key}.sqlite"


def _read_only_uri(path: Path) -> str:
    # immutable=1: no locks, no journal; works on a write-protected stick.
    return "file:" + quote(path.resolve().as_posix()) + "?mode=ro&immutable=1"


class IndexHandle:
    """An index ready to search. `connect()` gives each worker thread its own connection.
    (A plain class: a dataclass costs ~3 M instructions to build at every start.)"""

    def __init__(
        self,
        uri: str,
        where: str,
        content_hash: str,
        keeper: sqlite3.Connection | None = None,
    ) -> None:
        self.uri = uri  # an SQLite URI (read-only file, writable cache file, or shared memory)
        self.where = where  # "shipped", "cache" or "memory": for the log and the About page
        self.content_hash = content_hash
        self._keeper = keeper  # keeps a memory database alive
        self._lexicon: Lexicon | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"IndexHandle({self.uri!r}, {self.where!r}, {self.content_hash!r})"

    def connect(self) -> sqlite3.Connection:
        """A new read-only connection, for the calling thread only."""
        try:
            conn = sqlite3.connect(self.uri, uri=True, check_same_thread=True)
            conn.execute("PRAGMA query_only=ON")
            # Sorts and temporary tables stay in memory: a kiosk leaves no temp file behind.
            conn.execute("PRAGMA temp_store=MEMORY")
        except sqlite3.Error as exc:
            raise SearchError("The search index cannot be opened.") from exc
        return conn

    def catalog(self, *, summaries_later: bool = False) -> Catalog:
        """The catalog (topic tree, titles, home article), read through a short connection;
        with `summaries_later`, the articles' summaries are read when first asked for."""
        conn = self.connect()
        try:
            return load_catalog(conn, self._read_summaries if summaries_later else None)
        except sqlite3.Error as exc:
            raise SearchError("The search index cannot be read.") from exc
        finally:
            conn.close()

    def _read_summaries(self) -> list[str]:
        conn = self.connect()
        try:
            return read_summaries_of(conn)
        finally:
            conn.close()

    def lexicon(self, conn: sqlite3.Connection | None = None) -> Lexicon:
        """The words of the index, loaded once and shared by every thread's Searcher."""
        from fieldguide.search.lexicon import Lexicon

        with self._lock:
            if self._lexicon is None:
                own = conn or self.connect()
                try:
                    self._lexicon = Lexicon.load(own)
                except sqlite3.Error as exc:
                    raise SearchError("The search index cannot be read.") from exc
                finally:
                    if conn is None:
                        own.close()
            return self._lexicon

    def searcher(self) -> Searcher:
        """A Searcher with its own connection, for the calling thread."""
        from fieldguide.search.searcher import Searcher

        conn = self.connect()
        return Searcher(conn, self.lexicon(conn))

    def is_current(self, library_dir: Path) -> bool:
        """True when the index was built from the library's files as they are now (this reads
        every article: about half a second for 20,000 of them)."""
        return library_hash(library_dir) == self.content_hash

    def close(self) -> None:
        """Let go of a memory index (files need nothing)."""
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None


def _usable_meta(uri: str) -> dict[str, str] | None:
    """The metadata of the index at `uri`, or None when it is damaged, no index, or of
    another schema version (then it must be rebuilt)."""
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            meta = schema.read_meta(conn)
            conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone()
            conn.execute("SELECT rowid FROM fts WHERE fts MATCH 'a' LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.warning("The search index %s is damaged or not an index (%s)", uri, exc)
        return None
    if meta.get("schema_version") != str(schema.SCHEMA_VERSION):
        log.info("The search index %s has another schema version", uri)
        return None
    return meta


def _matching(uri: str, content_hash: str) -> bool:
    """True when the index at `uri` is usable and was built from this content."""
    meta = _usable_meta(uri)
    return meta is not None and meta.get("content_hash") == content_hash


def open_index(index_file: Path) -> IndexHandle | None:
    """Open an index file read-only WITHOUT comparing it with the library's files: the fast
    start (the catalog at once). None when the file is missing, damaged or of another schema.
    Check `handle.is_current(library_dir)` later, off the UI thread."""
    if not index_file.is_file():
        return None
    uri = _read_only_uri(index_file)
    meta = _usable_meta(uri)
    if meta is None:
        return None
    return IndexHandle(uri, "shipped", meta.get("content_hash", ""))


def load_for_index(root: Path) -> Library:
    """Load a library folder to index it (links are not checked: search does not need them)."""
    from fieldguide.library.loader import load_library  # only needed when building

    return load_library(root, check_links=False)


def build_memory_index(library: Library, content_hash: str) -> IndexHandle:
    """An index held in memory (nothing written anywhere), shared by this process's threads."""
    from fieldguide.search.build import write_index
    from fieldguide.search.synonyms import load_synonyms

    uri = f"file:/fieldguide-index-{next(_memory_names)}?vfs=memdb"
    keeper = sqlite3.connect(uri, uri=True, check_same_thread=False)
    keeper.execute("PRAGMA temp_store=MEMORY")
    rules, _ = load_synonyms(library.root)
    write_index(keeper, library, content_hash, rules)
    return IndexHandle(uri, "memory", content_hash, keeper)


def ensure_index(
    library_dir: Path,
    shipped_index: Path | None = None,
    cache_dir: Path | None = None,
    *,
    load: Loader | None = None,
) -> IndexHandle:
    """The index for `library_dir`: the shipped one if it matches the files, else one built in
    `cache_dir` (reused while it matches), else one in memory. A damaged file is rebuilt.
    Slow for a big library that changed: call it off the UI thread."""
    content_hash = library_hash(library_dir)
    if shipped_index is not None and shipped_index.is_file():
        uri = _read_only_uri(shipped_index)
        if _matching(uri, content_hash):
            return IndexHandle(uri, "shipped", content_hash)
        log.info("The shipped search index does not match %s; building another", library_dir)
    target = cache_file(cache_dir, library_dir) if cache_dir is not None else None
    if target is not None:
        uri = "file:" + quote(target.resolve().as_posix()) + "?mode=ro"
        if target.is_file() and _matching(uri, content_hash):
            return IndexHandle(uri, "cache", content_hash)
    library = (load or load_for_index)(library_dir)
    if target is not None:
        from fieldguide.search.build import build_index_file
        from fieldguide.search.synonyms import load_synonyms

        try:
            build_index_file(library, target, content_hash, load_synonyms(library_dir)[0])
            return IndexHandle(uri, "cache", content_hash)
        except (OSError, sqlite3.Error) as exc:
            log.warning(
                "Cannot write the search index to %s (%s); keeping it in memory", target, exc
            )
    return build_memory_index(library, content_hash)
