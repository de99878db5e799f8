"""What the search box asks for, when: debounced queries off the UI thread, stale ones dropped.

Every query gets a generation number. Starting a query sets the `cancel` event of the one before
(the search stops at its next look at the flag and raises the quiet `Cancelled`), and a result
whose generation is not the newest is dropped when it arrives, so only the latest query's
results are ever shown, whatever order the workers finish in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from fieldguide.errors import ReaderError, SearchError
from fieldguide.search.results import Cancelled, SearchResults
from fieldguide.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150


class SearchFn(Protocol):
    """What the window gets from app.py: one library's search, or several libraries' at once."""

    def __call__(
        self, text: str, *, typing: bool, exact: bool, cancel: threading.Event
    ) -> SearchResults: ...


def search_unavailable(
    text: str, *, typing: bool, exact: bool, cancel: threading.Event
) -> SearchResults:
    """The search of a window that was given none."""
    raise SearchError("Search is not available here.")


@dataclass(frozen=True)
class Asked:
    """One query as it was sent: the text and how to read it."""

    text: str
    typing: bool = False
    exact: bool = False


class SearchController(QObject):
    """Turns typing into queries run by `tasks`, and emits the newest query's outcome only."""

    results_ready = Signal(object, object)  # SearchResults, Asked
    failed = Signal(str)  # a plain message for the results panel
    preparing = Signal()  # a query waits for the index to be ready
    cleared = Signal()  # no query any more
    stale_dropped = Signal(int)  # the generation of a result that came too late

    def __init__(
        self,
        search_fn: SearchFn,
        tasks: TaskRunner,
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.search_fn = search_fn
        self.tasks = tasks
        self.generation = 0
        self.ready = True
        self.shown: Asked | None = None  # the query whose results are on screen
        self.pending: Asked | None = None  # the query running now (newest generation)
        self._cancel: threading.Event | None = None
        self._typed = ""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._typed_pause)

    @property
    def settled(self) -> bool:
        """True when no query is waiting for the typing pause or running."""
        return self.pending is None and not self._debounce.isActive()

    # -- intents -------------------------------------------------------------------------------

    def text_typed(self, text: str) -> None:
        """The box changed: search once typing pauses (an empty box clears at once)."""
        self._typed = text
        if not text.strip():
            self.clear()
            return
        # What runs now is stale already: stop it, and drop its result should it still come.
        self._cancel_running()
        self.generation += 1
        self.pending = None
        self._debounce.start()

    def search_now(self, text: str, *, typing: bool = False, exact: bool = False) -> None:
        """Search `text` at once (Enter, a suggestion, "search instead")."""
        self._debounce.stop()
        self._typed = text
        if not text.strip():
            self.clear()
            return
        self._start(Asked(text, typing, exact))

    def clear(self) -> None:
        """Stop the running query and forget the results."""
        self._debounce.stop()
        self._cancel_running()
        self.generation += 1
        self.shown = self.pending = None
        self.cleared.emit()

    def flush(self) -> None:
        """Send the typed text now if it is still waiting for the pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._typed_pause()

    def prepare(self, op: Callable[[], Any]) -> None:
        """Run `op` (find or build the index) in a worker; queries wait for it meanwhile."""
        self.ready = False
        self.tasks.run(op, self._prepared, self._prepare_failed)

    # -- work ----------------------------------------------------------------------------------

    def _typed_pause(self) -> None:
        text = self._typed
        if text.strip():
            self._start(Asked(text, typing=not text[-1].isspace()))

    def _cancel_running(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None

    def _start(self, asked: Asked) -> None:
        self._cancel_running()
        self.generation += 1
        generation = self.generation
        cancel = self._cancel = threading.Event()
        self.pending = asked
        search_fn = self.search_fn

        def op() -> SearchResults:
            return search_fn(asked.text, typing=asked.typing, exact=asked.exact, cancel=cancel)

        log.debug("search #%d: %r", generation, asked)
        self.tasks.run(
            op,
            lambda results: self._done(generation, asked, results),
            lambda exc: self._failed(generation, exc),
        )
        if not self.ready:
            self.preparing.emit()

    def _done(self, generation: int, asked: Asked, results: SearchResults) -> None:
        if generation != self.generation:
            log.debug("search #%d came too late; dropped", generation)
            self.stale_dropped.emit(generation)
            return
        self._cancel = None
        self.pending = None
        self.shown = asked
        self.results_ready.emit(results, asked)

    def _failed(self, generation: int, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            log.debug("search #%d cancelled", generation)
            return
        if generation != self.generation:
            self.stale_dropped.emit(generation)
            return
        self._cancel = None
        self.pending = None
        if isinstance(exc, ReaderError):
            log.warning("search failed: %s", exc)
            self.failed.emit(str(exc))
        else:
            log.error("search failed", exc_info=exc)
            self.failed.emit(self.tr("Search is not working right now."))

    def _prepared(self, _result: object) -> None:
        self.ready = True
        log.debug("search is ready")

    def _prepare_failed(self, exc: Exception) -> None:
        # Queries now get the service's own plain message (its SearchError) instead of waiting.
        self.ready = True
        log.warning("search could not be prepared: %s", exc)
