"""UserData: the reader's bookmarks, history, position and preferences, kept in memory.

Reads come from memory. Changes update memory, mark the part dirty and return a `Changes`
record; saving is `BatchedStore`'s job (flush, writer thread, fall back to memory). Nothing here
ever blocks start-up or raises because of the file: problems become one-time `notices`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from fieldguide.userdata import operations as ops
from fieldguide.userdata.checks import Opened
from fieldguide.userdata.model import (
    ALL_CHANGES,
    NO_CHANGES,
    Bookmark,
    Changes,
    HistoryEntry,
    ImportResult,
    LastPosition,
    Preferences,
    Session,
    clean_text,
)
from fieldguide.userdata.opening import open_store_file
from fieldguide.userdata.rows import State
from fieldguide.userdata.saving import BatchedStore
from fieldguide.userdata.transfer import read_bookmarks_file, write_bookmarks_file

log = logging.getLogger(__name__)

HISTORY_LIMIT = 500


class UserData(BatchedStore):
    """The user-data store. Build it with `UserData.open(path)` or `UserData.in_memory()`."""

    def __init__(
        self, opened: Opened, path: Path | None, defaults: Preferences, history_limit: int
    ) -> None:
        super().__init__(opened, defaults)
        self._path = path
        self._history_limit = history_limit
        self.clock: Callable[[], float] = time.time

    # -- building --------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None,
        *,
        defaults: Preferences | None = None,
        history_limit: int = HISTORY_LIMIT,
    ) -> UserData:
        """Open (or create) the store at `path`; None keeps everything in memory. Never raises."""
        prefs = defaults or Preferences()
        if path is None:
            return cls(Opened(None, State(preferences=prefs)), None, prefs, history_limit)
        started = time.perf_counter()
        opened = open_store_file(path, prefs, history_limit)
        log.info("user data opened in %.1f ms", (time.perf_counter() - started) * 1000)
        return cls(opened, path, prefs, history_limit)

    @classmethod
    def in_memory(
        cls, *, defaults: Preferences | None = None, history_limit: int = HISTORY_LIMIT
    ) -> UserData:
        """A store that never touches the disk (kiosk mode)."""
        return cls.open(None, defaults=defaults, history_limit=history_limit)

    @property
    def path(self) -> Path | None:
        """The file asked for (None for a memory store), whether or not it could be used."""
        return self._path

    # -- reading (from memory) -------------------------------------------------------------

    @property
    def defaults(self) -> Preferences:
        """The preferences a fresh store starts with (deployment config may change them)."""
        return self._defaults

    @property
    def bookmarks(self) -> tuple[Bookmark, ...]:
        """Bookmarks in the reader's order."""
        return self._state.bookmarks

    def bookmark(self, library_id: str, slug: str) -> Bookmark | None:
        """The bookmark of an article, or None."""
        items = self._state.bookmarks
        i = ops.index_of(items, (library_id, slug))
        return None if i is None else items[i]

    def is_bookmarked(self, library_id: str, slug: str) -> bool:
        """True when the article has a bookmark (the star is lit)."""
        return self.bookmark(library_id, slug) is not None

    @property
    def history(self) -> tuple[HistoryEntry, ...]:
        """Articles read, most recent first, one entry per article."""
        return self._state.history

    @property
    def last_position(self) -> LastPosition | None:
        """Where the reader last was, or None."""
        return self._state.position

    @property
    def preferences(self) -> Preferences:
        """The reader's preferences (the defaults where they chose nothing)."""
        return self._state.preferences

    @property
    def session(self) -> Session:
        """Window state saved by the UI."""
        return self._state.session

    # -- changing (in memory; saved by flush) ----------------------------------------------

    def _update(self, area: str, change: Callable[[Any], Any]) -> Changes:
        with self._lock:
            old = getattr(self._state, area)
            new = change(old)
            if new == old:
                return NO_CHANGES
            setattr(self._state, area, new)
            self._mark({area})
        return Changes(**{area: True})

    def add_bookmark(self, library_id: str, slug: str, title: str) -> Changes:
        """Bookmark an article (at the end of the list); nothing happens if it already is."""
        now = self.clock()
        return self._update(
            "bookmarks", lambda b: ops.add_bookmark(b, library_id, slug, title, now)
        )

    def remove_bookmark(self, library_id: str, slug: str) -> Changes:
        """Remove the bookmark of an article."""
        return self._update("bookmarks", lambda b: ops.remove_bookmark(b, library_id, slug))

    def toggle_bookmark(self, library_id: str, slug: str, title: str) -> Changes:
        """Add the bookmark if missing, remove it if there (the star, Ctrl+D)."""
        if self.is_bookmarked(library_id, slug):
            return self.remove_bookmark(library_id, slug)
        return self.add_bookmark(library_id, slug, title)

    def rename_bookmark(self, library_id: str, slug: str, label: str | None) -> Changes:
        """Give a bookmark the reader's own name; empty or None goes back to the title."""
        return self._update("bookmarks", lambda b: ops.rename_bookmark(b, library_id, slug, label))

    def move_bookmark(self, library_id: str, slug: str, new_index: int) -> Changes:
        """Move a bookmark to another place in the list."""
        return self._update(
            "bookmarks", lambda b: ops.move_bookmark(b, library_id, slug, new_index)
        )

    def reorder_bookmarks(self, keys: Iterable[tuple[str, str]]) -> Changes:
        """Set the whole order at once (after a drag in the panel)."""
        order = list(keys)
        return self._update("bookmarks", lambda b: ops.reorder_bookmarks(b, order))

    def sort_bookmarks(self, by: ops.SortKey) -> Changes:
        """Sort bookmarks by "name" or by "created" (oldest first)."""
        return self._update("bookmarks", lambda b: ops.sort_bookmarks(b, by))

    def record_visit(self, library_id: str, slug: str, title: str) -> Changes:
        """Put an article at the top of the history."""
        now, limit = self.clock(), self._history_limit
        return self._update(
            "history", lambda h: ops.record_visit(h, library_id, slug, title, now, limit)
        )

    def remove_visit(self, library_id: str, slug: str) -> Changes:
        """Take one article out of the history."""
        return self._update("history", lambda h: ops.remove_visit(h, library_id, slug))

    def clear_history(self) -> Changes:
        """Forget every article read."""
        return self._update("history", lambda h: ())

    def set_last_position(
        self, library_id: str, slug: str, scroll: float = 0.0, anchor: str | None = None
    ) -> Changes:
        """Remember the article on screen and how far down it is (cheap: call it on scroll)."""
        position = LastPosition(
            clean_text(library_id), clean_text(slug), scroll, clean_text(anchor) if anchor else None
        )
        return self._update("position", lambda p: position)

    def set_preferences(self, preferences: Preferences) -> Changes:
        """Replace the preferences (build them with store.preferences.replace(…))."""
        return self._update("preferences", lambda p: preferences)

    def set_session(self, session: Session) -> Changes:
        """Replace the saved window state."""
        clean = Session(
            *(
                clean_text(v)
                for v in (session.geometry, session.window_state, session.splitter_state)
            )
        )
        return self._update("session", lambda s: clean)

    def reset(self) -> Changes:
        """Forget everything: bookmarks, history, position, session; preferences to defaults."""
        with self._lock:
            self._state = State(preferences=self._defaults)
            self._mark(ALL_CHANGES.areas)
        return ALL_CHANGES

    # -- bookmarks files -------------------------------------------------------------------

    def export_bookmarks(self, path: Path) -> None:
        """Save the bookmarks as a JSON file. Raises UserDataError with a message for the reader."""
        write_bookmarks_file(path, self.bookmarks)

    def import_bookmarks(self, path: Path) -> ImportResult:
        """Merge a bookmarks file into the list (no duplicates; labels kept).

        A bad, foreign or too big file raises UserDataError and changes nothing.
        """
        incoming = read_bookmarks_file(path, self.clock())
        with self._lock:
            merged, added, already = ops.merge_bookmarks(self._state.bookmarks, incoming)
            changed = merged != self._state.bookmarks
            if changed:
                self._state.bookmarks = merged
                self._mark({"bookmarks"})
        return ImportResult(added, already, Changes(bookmarks=changed))
