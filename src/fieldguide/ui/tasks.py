"""Run plain Python work off the UI thread and hand the outcome back to it (STYLE.md section 4).

    tasks = TaskRunner(parent)
    tasks.run(lambda: search_fn(text, ...), on_done=show_results, on_error=show_problem)

`op` runs in a worker thread of the runner's own QThreadPool and must not touch widgets.
`on_done(result)` or `on_error(exception)` then runs on the thread that owns the runner (the
GUI thread), handed back through a Qt signal. The threads never expire, so that what a worker
keeps per thread (a search connection, by thread id) lives as long as the runner. Note: these
are Qt threads; Python gives each task in them a fresh thread state, so a `threading.local`
does NOT last from one task to the next: key per-thread state by `threading.get_ident()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_THREADS = 2  # one for the newest query, one for a stale one that is still stopping


def log_error(exc: Exception) -> None:
    """The default `on_error`: a cancelled task is quiet; anything else goes to the log."""
    from fieldguide.search.results import Cancelled

    if isinstance(exc, Cancelled):
        log.debug("task cancelled")
    else:
        log.error("background task failed", exc_info=exc)


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits `deliver` and the slot runs there."""

    deliver = Signal(object)  # a callable without arguments, to run on the GUI thread


class _Job(QRunnable):
    def __init__(
        self,
        op: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        relay: _Relay,
    ) -> None:
        super().__init__()
        self.op, self.on_done, self.on_error, self.relay = op, on_done, on_error, relay

    def run(self) -> None:
        try:
            result = self.op()
        except Exception as exc:  # handed to on_error on the GUI thread
            on_error, error = self.on_error, exc
            self._hand_back(lambda: on_error(error))
        else:
            on_done = self.on_done
            self._hand_back(lambda: on_done(result))

    def _hand_back(self, deliver: Callable[[], None]) -> None:
        try:
            self.relay.deliver.emit(deliver)
        except RuntimeError:  # the window is gone: nobody is waiting for this any more
            log.debug("task finished after its runner was deleted")


class TaskRunner(QObject):
    """A small pool of worker threads for read-only work (searching, preparing the index)."""

    def __init__(self, parent: QObject | None = None, *, threads: int = DEFAULT_THREADS) -> None:
        super().__init__(parent)
        # The pool is made before the relay, so it is deleted first: its destructor waits for
        # running jobs while the relay can still take their results.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.pool.setExpiryTimeout(-1)
        self._relay = _Relay(self)
        self._relay.deliver.connect(self._deliver)

    def run(
        self,
        op: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] = log_error,
    ) -> None:
        """Run `op()` in a worker; then `on_done(result)` or `on_error(exc)` on this thread."""
        self.pool.start(_Job(op, on_done, on_error, self._relay))

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Drop jobs not started yet and wait for running ones; False if some still run."""
        self.pool.clear()
        return self.pool.waitForDone(timeout_ms)

    def _deliver(self, deliver: Callable[[], None]) -> None:
        try:
            deliver()
        except Exception:  # a bug in a callback must not stop the event loop
            log.exception("a task's result could not be shown")
