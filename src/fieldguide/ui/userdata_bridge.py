"""The UI's door to the user-data store: intents in, one `changed(Changes)` signal out, and
saving batched on a timer (at most a second after a change) on one writer thread."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from fieldguide.userdata import (
    Bookmark,
    Changes,
    HistoryEntry,
    ImportResult,
    LastPosition,
    Preferences,
    Session,
    UserData,
)

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 1000  # a change is on disk at most this long after it was made


class UserDataBridge(QObject):
    """Wraps a `UserData` store for the widgets of one library (`library_id`).

    Reads go straight to the store (memory, cheap). Each change is announced once through
    `changed` (so that panels refresh only what changed) and starts the save timer; when it
    fires, `flush()` runs on a single writer thread, never on the UI thread. `close()` (on quit)
    writes what is pending and waits. Messages for the reader arrive through `notice(str)`.
    """

    changed = Signal(object)  # a userdata.Changes record
    notice = Signal(str)
    _flushed = Signal(bool)

    def __init__(
        self,
        store: UserData,
        library_id: str,
        parent: QObject | None = None,
        save_delay_ms: int = SAVE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.library_id = library_id
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(save_delay_ms)
        self._timer.timeout.connect(self._save_in_background)
        self._writer: ThreadPoolExecutor | None = None  # made at the first save, not at start
        self._flushed.connect(self._after_flush)
        self._closed = False

    # -- reading ---------------------------------------------------------------------------

    @property
    def bookmarks(self) -> tuple[Bookmark, ...]:
        return self.store.bookmarks

    @property
    def history(self) -> tuple[HistoryEntry, ...]:
        """This library's history, most recent first."""
        return tuple(h for h in self.store.history if h.library_id == self.library_id)

    @property
    def preferences(self) -> Preferences:
        return self.store.preferences

    @property
    def session(self) -> Session:
        return self.store.session

    @property
    def last_position(self) -> LastPosition | None:
        """Where the reader was in this library, or None."""
        position = self.store.last_position
        if position is None or position.library_id != self.library_id:
            return None
        return position

    def is_bookmarked(self, slug: str) -> bool:
        return self.store.is_bookmarked(self.library_id, slug)

    def take_notices(self) -> list[str]:
        """The store's one-time messages not shown yet (each is given out once)."""
        return [n.text for n in self.store.take_notices()]

    # -- changing --------------------------------------------------------------------------

    def _did(self, changes: Changes) -> Changes:
        if changes:
            self.changed.emit(changes)
            if not self._closed and not self._timer.isActive():
                self._timer.start()
        return changes

    def toggle_bookmark(self, slug: str, title: str) -> Changes:
        return self._did(self.store.toggle_bookmark(self.library_id, slug, title))

    def remove_bookmark(self, bookmark: Bookmark) -> Changes:
        return self._did(self.store.remove_bookmark(*bookmark.key))

    def rename_bookmark(self, bookmark: Bookmark, label: str | None) -> Changes:
        return self._did(self.store.rename_bookmark(*bookmark.key, label))

    def move_bookmark(self, bookmark: Bookmark, new_index: int) -> Changes:
        return self._did(self.store.move_bookmark(*bookmark.key, new_index))

    def reorder_bookmarks(self, keys: list[tuple[str, str]]) -> Changes:
        return self._did(self.store.reorder_bookmarks(keys))

    def sort_bookmarks(self, by: str) -> Changes:
        return self._did(self.store.sort_bookmarks("name" if by == "name" else "created"))

    def import_bookmarks(self, path: Path) -> ImportResult:
        """Merge a bookmarks file; raises UserDataError (nothing changed) for a bad file."""
        result = self.store.import_bookmarks(path)
        self._did(result.changes)
        return result

    def export_bookmarks(self, path: Path) -> None:
        """Write the bookmarks file; raises UserDataError with a message for the reader."""
        self.store.export_bookmarks(path)

    def record_visit(self, slug: str, title: str) -> Changes:
        return self._did(self.store.record_visit(self.library_id, slug, title))

    def clear_history(self) -> Changes:
        return self._did(self.store.clear_history())

    def set_last_position(self, slug: str, scroll: float, anchor: str | None = None) -> Changes:
        return self._did(self.store.set_last_position(self.library_id, slug, scroll, anchor))

    def set_preferences(self, **values: Any) -> Changes:
        """Change some preferences, e.g. set_preferences(zoom=120); bad values are logged."""
        try:
            prefs = self.store.preferences.replace(**values)
        except (TypeError, ValueError) as exc:
            log.warning("preferences %r not kept: %s", values, exc)
            return Changes()
        return self._did(self.store.set_preferences(prefs))

    def set_session(self, session: Session) -> Changes:
        return self._did(self.store.set_session(session))

    def reset(self) -> Changes:
        """Forget everything of this reader (a kiosk session ends); preferences to defaults."""
        return self._did(self.store.reset())

    # -- saving ----------------------------------------------------------------------------

    @property
    def saving_soon(self) -> bool:
        """True while the save timer runs (a change waits to be written)."""
        return self._timer.isActive()

    def _save_in_background(self) -> None:
        if self._closed:
            return
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor

            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="userdata-writer")
        future = self._writer.submit(self.store.flush)
        future.add_done_callback(self._report)

    def _report(self, future: Future[bool]) -> None:
        # On the writer thread: hand the result to the UI thread through a queued signal.
        ok = not future.cancelled() and future.exception() is None and bool(future.result())
        with contextlib.suppress(RuntimeError):  # the bridge is gone (quit while saving)
            self._flushed.emit(ok)

    def _after_flush(self, ok: bool) -> None:
        for text in self.take_notices():
            self.notice.emit(text)

    def close(self) -> None:
        """Write everything pending and close the store (on quit). Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
        self.store.close()
        log.info("user data closed")
