"""The first paint without parsing the library: catalog and start page from the prebuilt index.

When the search index is built (`fieldguide index build`, and so at packaging time) the start
page is rendered once and kept in the index file beside the catalog, with the glossary:

    store_start_page(index_file, library, content_hash)    # after the index is written

At start-up the reader reads them back, which needs neither PyYAML nor Markdown:

    library, start_page = open_library(library_dir)  # start_page None: read the library now

`LazyLibrary` stands in for the `Library`: the catalog answers what the window asks for when it
opens (title, topic tree, article titles, glossary); anything else reads the library, once.
`preload()` does that in a thread after the first paint and, for a library too big to compare
with its index before the first paint, then compares them (`stale` says when they differ, so
the window can show the library as it is).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, cast

from fieldguide.library.model import GlossaryTerm, Heading, Library, Source, Topic
from fieldguide.library.service import LibraryService, Page
from fieldguide.search import Catalog, default_index_path, library_hash, open_index

log = logging.getLogger(__name__)

# Stands for the library folder's file: URI in stored HTML (pictures are file: links), so that
# the page works wherever the folder is copied to.
ROOT_TOKEN = "fieldguide-library-root:"
_DDL = "CREATE TABLE IF NOT EXISTS start_page(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_NOT_STORED = frozenset({"help/get-help-now"})  # gains the clinic's contacts at run time
# Libraries up to this many articles are compared with their index before the first paint
# (hashing reads every file: ~2 ms for 30 articles, ~0.5 s for 20,000).
VERIFY_UP_TO = 500


class QuickStart(NamedTuple):
    """What the window needs to open: the catalog, the start page and the glossary."""

    root: Path  # the library folder
    catalog: Catalog
    page: Page
    glossary: tuple[GlossaryTerm, ...]
    index_file: Path
    problem_count: int  # problems the library had when the index was built
    verified: bool  # the files were compared with the index before the first paint


def _root_uri(root: Path) -> str:
    return root.resolve().as_uri().rstrip("/") + "/"


def store_start_page(index_file: Path, library: Library, content_hash: str) -> bool:
    """Render the library's start page into `index_file` (built from `content_hash`).

    False (and nothing stored) when the library has no start article to store."""
    service = LibraryService(library)
    slug = service.home
    if not slug or slug in _NOT_STORED:
        return False
    page = service.start_page()
    html = page.html.replace(_root_uri(library.root), ROOT_TOKEN)
    values = {
        "content_hash": content_hash,
        "page": json.dumps(
            {
                "slug": page.slug,
                "title": page.title,
                "kind": page.kind,
                "html": html,
                "topic_path": list(page.topic_path),
                "headings": [[h.level, h.id, h.text] for h in page.headings],
                "sources": [source._asdict() for source in page.sources],
                "reviewed": page.reviewed.isoformat() if page.reviewed else None,
                "footer_html": page.footer_html,
            }
        ),
        "glossary": json.dumps([[t.term, t.definition, list(t.aliases)] for t in library.glossary]),
        "problem_count": str(len(library.problems)),
    }
    conn = sqlite3.connect(index_file)
    try:
        with conn:
            conn.execute(_DDL)
            conn.executemany("INSERT OR REPLACE INTO start_page VALUES (?, ?)", values.items())
    finally:
        conn.close()
    return True


def read_quick_start(
    library_dir: Path, index_file: Path | None = None, *, verify_up_to: int = VERIFY_UP_TO
) -> QuickStart | None:
    """The catalog and start page of `library_dir` from its index (beside the folder by default).

    None when the folder is not a library, or the index is missing, damaged, of another
    version, or has no start page made from the same content as its catalog. A library of at
    most `verify_up_to` articles is compared with the index now (None if it changed): that
    costs 2 ms for the bundled library. A bigger one is compared after the first paint."""
    if not (library_dir / "library.yml").is_file():
        return None  # missing or not a library: the loader explains what is wrong
    index_file = index_file or default_index_path(library_dir)
    handle = open_index(index_file)
    if handle is None:
        return None
    try:
        catalog = handle.catalog(summaries_later=True)  # the tree shows titles only
        conn = handle.connect()
        try:
            stored = dict(conn.execute("SELECT key, value FROM start_page").fetchall())
        finally:
            conn.close()
        if stored.get("content_hash") != catalog.content_hash:
            return None
        verified = len(catalog.articles) <= verify_up_to
        if verified and library_hash(library_dir) != catalog.content_hash:
            log.info("The index %s is older than the library; reading the library", index_file)
            return None
        data: dict[str, Any] = json.loads(stored["page"])
        page = Page(
            slug=data["slug"],
            title=data["title"],
            html=data["html"].replace(ROOT_TOKEN, _root_uri(library_dir)),
            kind=data["kind"],
            topic_path=tuple(data["topic_path"]),
            headings=tuple(Heading(int(a), str(b), str(c)) for a, b, c in data["headings"]),
            sources=tuple(Source(**fields) for fields in data.get("sources", [])),
            reviewed=dt.date.fromisoformat(data["reviewed"]) if data.get("reviewed") else None,
            footer_html=str(data.get("footer_html", "")),
        )
        glossary = tuple(
            GlossaryTerm(str(term), str(text), tuple(aliases))
            for term, text, aliases in json.loads(stored["glossary"])
        )
    except Exception as exc:  # any surprise in the file: start the slow way, never fail
        log.info("no quick start from %s: %s", index_file, exc)
        return None
    count = int(stored.get("problem_count", "0"))
    root = Path(library_dir).absolute()
    return QuickStart(root, catalog, page, glossary, index_file, count, verified)


class LazyLibrary:
    """Stands in for a Library: the catalog answers the window's first questions; anything
    else loads the library (once; from any thread; callers wait for a load under way)."""

    def __init__(self, quick: QuickStart, load: Callable[[], Library]) -> None:
        self.quick = quick
        self.root = quick.root
        self._load = load
        self._library: Library | None = None
        self._lock = threading.Lock()
        self.stale = False  # the index did not match the files (known after preload)
        catalog = quick.catalog
        self.id = catalog.library_id
        self.title = catalog.title
        self.home = catalog.home
        self.language = catalog.language
        self.version = catalog.version
        self.publisher = catalog.publisher

    def problem_count(self) -> int:
        """How many problems the library has (as the index knew them until it is read)."""
        return (
            len(self._library.problems) if self._library is not None else self.quick.problem_count
        )

    @property
    def loaded(self) -> bool:
        """True once the library itself has been read."""
        return self._library is not None

    def library(self) -> Library:
        """The library itself, loading it now if no one has yet."""
        with self._lock:
            if self._library is None:
                self._library = self._load()
            return self._library

    @property
    def topics(self) -> Topic:
        return self._library.topics if self._library is not None else self.quick.catalog.topics

    @property
    def articles(self) -> Mapping[str, Any]:
        """Articles once loaded; until then the catalog's entries (slug, title, summary)."""
        if self._library is not None:
            return self._library.articles
        return self.quick.catalog.articles

    @property
    def mounts(self) -> Mapping[str, Path]:
        """No site libraries: the quick start is only used for a guide opened without them."""
        return self._library.mounts if self._library is not None else {}

    @property
    def glossary(self) -> tuple[GlossaryTerm, ...]:
        return self._library.glossary if self._library is not None else self.quick.glossary

    def __getattr__(self, name: str) -> Any:
        return getattr(self.library(), name)

    def preload(self, done: Callable[[LazyLibrary], None] | None = None) -> threading.Thread:
        """Load the library and check the index against the files, in a thread; then `done`."""

        def work() -> None:
            try:
                library = self.library()
                if not self.quick.verified:
                    self.stale = library_hash(library.root) != self.quick.catalog.content_hash
                if self.stale:
                    log.warning("The search index does not match %s any more.", library.root)
            except Exception:  # the reader loads again when it needs to, and says what failed
                log.exception("loading the library in the background failed")
            if done is not None:
                done(self)

        thread = threading.Thread(target=work, name="fieldguide-preload", daemon=True)
        thread.start()
        return thread


def open_library(folder: Path) -> tuple[Library, Page | None]:
    """The library in `folder`, and its start page when the prebuilt index holds one.

    With that page the library itself is read after the first paint (a `LazyLibrary`: the
    index's catalog answers until then), so the window opens without PyYAML or Markdown.
    Without it (no index, damaged, of another version, or older than a small library's files)
    the library is read now, as before."""

    def load() -> Library:
        from fieldguide.library.loader import load_library

        # No link check: it reads every article; `fieldguide check` does it, the reader need not.
        return load_library(folder, check_links=False)

    quick = read_quick_start(folder)
    if quick is None:
        return load(), None
    return cast(Library, LazyLibrary(quick, load)), quick.page
