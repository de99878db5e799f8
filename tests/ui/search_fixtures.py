"""A window on the bundled library with the real search (index in memory), and helpers to type
into its search box and wait for what comes back."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldguide.config import Config
from fieldguide.helpinfo import LocalHelpService
from fieldguide.library.loader import load_library
from fieldguide.library.model import Library
from fieldguide.paths import bundled_library_dir
from fieldguide.search.results import Cancelled, SearchHit, SearchResults
from fieldguide.search.service import SearchService
from fieldguide.ui import MainWindow
from fieldguide.ui.search_controller import SearchFn
from fieldguide.ui.search_results import ResultRow

WAIT_MS = 5000


@cache
def bundled_library() -> Library:
    return load_library(bundled_library_dir())


@cache
def bundled_search() -> SearchService:
    """One search over the bundled library for the whole test run (an index in memory)."""
    service = SearchService()
    service.prepare(bundled_library_dir(), None, None)
    return service


def make_search_window(
    qtbot: QtBot, search_fn: SearchFn | None = None, size: tuple[int, int] = (1000, 700)
) -> MainWindow:
    """A shown window on the bundled library, on its home page, with the keyboard in the
    article. `search_fn` defaults to the real search."""
    service = LocalHelpService(bundled_library(), Config())
    window = MainWindow(service, search_fn or bundled_search().search)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.started)  # the keys are ready after the first paint
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_page(service.start_page())
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    return window


def type_and_wait(qtbot: QtBot, window: MainWindow, text: str) -> SearchResults:
    """Type `text` into the search box (key by key) and wait for its results."""
    panel = window.search
    panel.focus_box()
    with qtbot.waitSignal(panel.controller.results_ready, timeout=WAIT_MS) as shown:
        qtbot.keyClicks(panel.box, text)
    results = shown.args[0]
    assert isinstance(results, SearchResults)
    return results


def rows(window: MainWindow) -> list[ResultRow]:
    return list(window.search.model.rows)


def hit_slugs(window: MainWindow) -> list[str]:
    return [row.target for row in rows(window) if row.kind == "hit"]


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """Press a key where the keyboard is now."""
    from PySide6.QtWidgets import QApplication

    focus = QApplication.focusWidget()
    assert focus is not None
    if modifier is None:
        qtbot.keyClick(focus, key)
    else:
        qtbot.keyClick(focus, key, modifier)


def one_hit(slug: str, first: str = "", matched: tuple[str, ...] = ()) -> SearchResults:
    return SearchResults(
        query="x",
        hits=(SearchHit(slug, slug, (), "a <b>snippet</b>", 1.0, first, matched),),
    )


class SlowSearch:
    """A search that takes as long as a test wants: a call for `text` waits until
    `release(text)` (or `release()` for all), or, when `obey_cancel`, until its own cancel event
    is set: then it raises Cancelled, as the real search does."""

    def __init__(self, answer: Callable[[str], SearchResults], obey_cancel: bool = True) -> None:
        self.answer = answer
        self.obey_cancel = obey_cancel
        self.started: list[str] = []
        self.cancelled: list[str] = []
        self.finished: list[str] = []
        self._gates: dict[str, threading.Event] = {}
        self._all = threading.Event()
        self._lock = threading.Lock()

    def _gate(self, text: str) -> threading.Event:
        with self._lock:
            return self._gates.setdefault(text, threading.Event())

    def release(self, text: str | None = None) -> None:
        """Let the call for `text` (or every call, now and later) return."""
        if text is None:
            self._all.set()
            with self._lock:
                gates = list(self._gates.values())
            for gate in gates:
                gate.set()
        else:
            self._gate(text).set()

    def __call__(
        self, text: str, *, typing: bool, exact: bool, cancel: threading.Event
    ) -> SearchResults:
        gate = self._gate(text)
        with self._lock:
            self.started.append(text)
        give_up = time.monotonic() + WAIT_MS / 1000  # never hang a test, even a failing one
        while not (gate.wait(0.002) or self._all.is_set() or time.monotonic() > give_up):
            if self.obey_cancel and cancel.is_set():
                with self._lock:
                    self.cancelled.append(text)
                raise Cancelled
        with self._lock:
            self.finished.append(text)
        return self.answer(text)
