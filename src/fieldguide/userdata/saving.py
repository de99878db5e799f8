"""The batched writer behind UserData: dirty marks, one-transaction flush, writer thread.

The UI thread only changes memory and marks a part dirty. `flush()` (from the app's timer, on
quit, or from the single writer thread of `start_autoflush`) writes the dirty parts in one
transaction. A write that fails for good switches the store to memory and says so once.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Self

from fieldguide.userdata.checks import Opened
from fieldguide.userdata.model import Notice, Preferences
from fieldguide.userdata.rows import State, write_areas
from fieldguide.userdata.schema import rollback

log = logging.getLogger(__name__)


class BatchedStore:
    """Holds the state in memory and owns the file connection; subclassed by UserData."""

    def __init__(self, opened: Opened, defaults: Preferences) -> None:
        self._defaults = defaults
        self._conn = opened.conn
        self._state: State = opened.state
        self._notices: list[Notice] = list(opened.notices)
        self._dirty: set[str] = set()
        self._lock = threading.Lock()  # guards the fields above
        self._changed = threading.Condition(self._lock)
        self._write_lock = threading.Lock()  # one flush at a time
        self._writer: threading.Thread | None = None
        self._stopping = False

    # -- where the data goes and what the reader should hear -------------------------------

    @property
    def is_saving(self) -> bool:
        """True while changes reach the disk; False in memory mode or after a fall back."""
        with self._lock:
            return self._conn is not None

    @property
    def notices(self) -> tuple[Notice, ...]:
        """Messages for the reader not yet taken with take_notices()."""
        with self._lock:
            return tuple(self._notices)

    def take_notices(self) -> list[Notice]:
        """Return the waiting notices and forget them, so that each is shown once."""
        with self._lock:
            taken, self._notices = self._notices, []
            return taken

    def _mark(self, areas: Iterable[str]) -> None:
        # Caller holds the lock.
        if self._conn is not None:
            self._dirty.update(areas)
            self._changed.notify_all()

    # -- saving ----------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """True when some change has not been written yet."""
        with self._lock:
            return bool(self._dirty)

    def flush(self) -> bool:
        """Write every pending change in one transaction. Never raises.

        Returns True when everything is on disk, False when the store keeps data in memory
        (memory mode, or a write failed and the store fell back; a notice says so once).
        """
        with self._write_lock:
            with self._lock:
                conn = self._conn
                if conn is None:
                    self._dirty.clear()
                    return False
                if not self._dirty:
                    return True
                areas = frozenset(self._dirty)
                self._dirty.clear()
                snapshot = self._state.copy()
            try:
                conn.execute("BEGIN IMMEDIATE")
                write_areas(conn, areas, snapshot, self._defaults)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._write_failed(conn, areas, exc)
                return False
            return True

    def _write_failed(
        self, conn: sqlite3.Connection, areas: frozenset[str], exc: Exception
    ) -> None:
        with contextlib.suppress(sqlite3.Error):
            rollback(conn)
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        with self._lock:
            if code in (5, 6):  # BUSY, LOCKED: another copy of Field Guide is writing; retry later
                log.info("user data is busy; will retry: %s", exc)
                self._dirty.update(areas)
                return
            log.warning("saving user data failed; keeping it in memory from now on: %s", exc)
            self._conn = None
            self._dirty.clear()
            self._notices.append(
                Notice(
                    "save_failed",
                    "Field Guide could not save your bookmarks and reading history (the disk "
                    "may be full, removed or write-protected). From now on they will be kept "
                    "only until you close it.",
                )
            )
        conn.close()

    def start_autoflush(
        self, interval_s: float = 1.0, on_flushed: Callable[[bool], None] | None = None
    ) -> None:
        """Start the single writer thread: it flushes `interval_s` after the first change.

        `on_flushed(result)` runs in the writer thread after each flush (result as flush()
        returns it); a Qt app hands it to the GUI thread with a signal, then reads `notices`.
        """
        with self._lock:
            if self._writer is not None or self._conn is None:
                return
            self._stopping = False
            self._writer = threading.Thread(
                target=self._autoflush,
                args=(interval_s, on_flushed),
                name="userdata-writer",
                daemon=True,
            )
            self._writer.start()

    def _autoflush(self, interval_s: float, on_flushed: Callable[[bool], None] | None) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._dirty) or self._stopping)
                if self._stopping:
                    return
                # Let more changes arrive (scrolling, clicks) so that they share one transaction.
                self._changed.wait_for(lambda: self._stopping, timeout=interval_s)
            result = self.flush()
            if on_flushed is not None:
                try:
                    on_flushed(result)
                except Exception:
                    log.exception("the on_flushed callback of the user-data writer failed")

    def close(self) -> None:
        """Stop the writer, write what is pending, close the file. Safe to call twice."""
        with self._lock:
            writer, self._writer = self._writer, None
            self._stopping = True
            self._changed.notify_all()
        if writer is not None:
            writer.join()
        self.flush()
        with self._write_lock, self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
