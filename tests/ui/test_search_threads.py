"""Search never blocks the window: a slow query runs while the event loop turns, typing more
cancels it, late results are dropped, and failures become a plain line, never a traceback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from fieldguide.errors import SearchError
from fieldguide.search.results import SearchResults
from fieldguide.search.service import SearchService
from fieldguide.ui import MainWindow
from fieldguide.ui.search_controller import Asked
from tests.ui.reading_fixtures import make_window
from tests.ui.search_fixtures import (
    WAIT_MS,
    SlowSearch,
    bundled_search,
    make_search_window,
    one_hit,
)

ANSWERS = {
    "a": "kratom/what-is-kratom",
    "ab": "withdrawal/what-is-withdrawal",
    "abc": "treatment/methadone",
}


def answer(text: str) -> SearchResults:
    return one_hit(ANSWERS.get(text, "home"))


@pytest.fixture
def slow() -> SlowSearch:
    return SlowSearch(answer)


@pytest.fixture
def window(qtbot: QtBot, slow: SlowSearch) -> Iterator[MainWindow]:
    win = make_search_window(qtbot, slow)
    yield win
    slow.release()  # no worker may still wait when the window's threads are joined


def _record(window: MainWindow) -> list[tuple[str, str]]:
    """(asked text, first slug) of every result set the window shows, in order."""
    shown: list[tuple[str, str]] = []

    def keep(results: SearchResults, asked: Asked) -> None:
        shown.append((asked.text, results.hits[0].slug if results.hits else ""))

    window.search.controller.results_ready.connect(keep)
    return shown


def test_the_event_loop_keeps_turning_while_a_slow_query_runs(
    window: MainWindow, qtbot: QtBot, slow: SlowSearch
) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    window.search.focus_box()
    qtbot.keyClicks(window.search.box, "a")
    qtbot.waitUntil(lambda: slow.started == ["a"], timeout=WAIT_MS)
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 20, timeout=WAIT_MS)
    assert slow.finished == [], "the query is still running all that time"
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS):
        slow.release("a")
    timer.stop()
    assert window.search.model.rows[0].target == ANSWERS["a"]


def test_typing_more_cancels_the_running_query_and_shows_only_the_latest(
    window: MainWindow, qtbot: QtBot, slow: SlowSearch
) -> None:
    shown = _record(window)
    box = window.search.box
    window.search.focus_box()
    qtbot.keyClicks(box, "a")
    qtbot.waitUntil(lambda: slow.started == ["a"], timeout=WAIT_MS)
    qtbot.keyClicks(box, "b")  # the query for "a" is stale at once: cancelled
    qtbot.waitUntil(lambda: slow.cancelled == ["a"], timeout=WAIT_MS)
    assert window.search.controller._debounce.isActive()  # "ab" waits for the typing pause
    qtbot.waitUntil(lambda: slow.started == ["a", "ab"], timeout=WAIT_MS)
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS):
        slow.release("ab")
    assert shown == [("ab", ANSWERS["ab"])]
    assert slow.finished == ["ab"]
    assert window.search.model.rows[0].target == ANSWERS["ab"]


def test_a_late_result_of_an_older_query_is_dropped(qtbot: QtBot) -> None:
    stubborn = SlowSearch(answer, obey_cancel=False)  # ignores its cancel event
    window = make_search_window(qtbot, stubborn)
    try:
        shown = _record(window)
        controller = window.search.controller
        controller.search_now("a")
        qtbot.waitUntil(lambda: stubborn.started == ["a"], timeout=WAIT_MS)
        controller.search_now("ab")
        qtbot.waitUntil(lambda: stubborn.started == ["a", "ab"], timeout=WAIT_MS)
        with qtbot.waitSignal(controller.results_ready, timeout=WAIT_MS):
            stubborn.release("ab")
        with qtbot.waitSignal(controller.stale_dropped, timeout=WAIT_MS) as dropped:
            stubborn.release("a")
        assert dropped.args == [1]
        assert shown == [("ab", ANSWERS["ab"])]
        assert window.search.model.rows[0].target == ANSWERS["ab"]
    finally:
        stubborn.release()


def test_typing_quickly_sends_one_query_after_the_pause(
    window: MainWindow, qtbot: QtBot, slow: SlowSearch
) -> None:
    slow.release()
    shown = _record(window)
    window.search.focus_box()
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS):
        qtbot.keyClicks(window.search.box, "abc")
    assert slow.started == ["abc"]
    assert shown == [("abc", ANSWERS["abc"])]


def test_clearing_the_box_cancels_the_running_query(
    window: MainWindow, qtbot: QtBot, slow: SlowSearch
) -> None:
    shown = _record(window)
    window.search.controller.search_now("a")
    qtbot.waitUntil(lambda: slow.started == ["a"], timeout=WAIT_MS)
    window.search.clear()
    qtbot.waitUntil(lambda: slow.cancelled == ["a"], timeout=WAIT_MS)
    assert shown == []
    assert window.search.stack.currentWidget() is window.tree


def _raising(exc: Exception):  # type: ignore[no-untyped-def]
    def search_fn(
        text: str, *, typing: bool, exact: bool, cancel: threading.Event
    ) -> SearchResults:
        raise exc

    return search_fn


@pytest.mark.parametrize(
    ("exc", "message"),
    [
        (SearchError("The search index cannot be read."), "The search index cannot be read."),
        (RuntimeError("bug: list index out of range"), "Search is not working right now."),
    ],
)
def test_a_failing_search_gets_a_plain_line_and_the_topics_stay(
    qtbot: QtBot, exc: Exception, message: str
) -> None:
    window = make_search_window(qtbot, _raising(exc))
    with qtbot.waitSignal(window.search.controller.failed, timeout=WAIT_MS):
        window.search.controller.search_now("kratom")
    text = window.search.status.text()
    assert message in text
    assert "You can still browse the topics" in text
    assert "Traceback" not in text and "bug:" not in text
    assert window.search.stack.currentWidget() is window.tree


def test_a_search_typed_before_the_index_is_ready_waits_for_it(qtbot: QtBot) -> None:
    service = SearchService()
    window = make_search_window(qtbot, service.search)
    gate = threading.Event()

    def prepare() -> None:
        gate.wait(WAIT_MS / 1000)
        service.use(bundled_search()._handle)  # type: ignore[arg-type]

    try:
        window.search.prepare(prepare)
        window.search.focus_box()
        qtbot.keyClicks(window.search.box, "kratom")
        qtbot.waitUntil(lambda: window.search.status.text() == "Preparing search…", timeout=WAIT_MS)
        assert window.search.status.isVisible()
        with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS):
            gate.set()
        assert window.search.status.text() == ""
        assert "kratom/what-is-kratom" in [row.target for row in window.search.model.rows]
    finally:
        gate.set()


def test_a_window_given_no_search_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)  # built without a search function
    window.search.focus_box()
    with qtbot.waitSignal(window.search.controller.failed, timeout=WAIT_MS):
        qtbot.keyClicks(window.search.box, "kratom")
    assert window.search.status.text() == (
        "Search is not available here. You can still browse the topics below."
    )
