"""The results list draws snippets safely, and opening a result scrolls to its first match;
whatever is typed into the box, the reader never sees an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldguide.search.results import SearchHit, SearchResults
from fieldguide.ui import MainWindow
from fieldguide.ui.find_bar import CURRENT_COLOUR
from fieldguide.ui.result_delegate import ResultDelegate
from fieldguide.ui.search_results import (
    MARK_END,
    MARK_START,
    SearchResultsModel,
    safe_snippet_html,
    snippet_text,
)
from tests.ui.reading_fixtures import LONG, make_window
from tests.ui.search_fixtures import WAIT_MS, make_search_window

# -- snippets --------------------------------------------------------------------------------


def test_a_snippet_s_marks_become_highlights() -> None:
    assert safe_snippet_html("…is <b>kratom</b> safe") == f"…is {MARK_START}kratom{MARK_END} safe"


@pytest.mark.parametrize(
    "snippet",
    [
        "&lt;img src=http://example.org/x.png&gt; <b>kratom</b>",
        "<img src=x> <script>alert(1)</script> <b>kratom</b>",  # not escaped: escaped here
        "<b>open mark never closed",
        "</b> a close without an open <b><b>twice</b>",
        '<b onclick="x">attribute</b>',
    ],
)
def test_nothing_but_the_marks_becomes_markup(snippet: str) -> None:
    html = safe_snippet_html(snippet)
    rest = html.replace(MARK_START, "").replace(MARK_END, "")
    assert "<" not in rest
    assert html.count(MARK_START) == html.count(MARK_END)


def test_the_spoken_text_has_no_markup() -> None:
    assert snippet_text("a &amp; <b>b</b> &lt;c&gt;") == "a & b <c>"


def test_the_delegate_draws_escaped_text_as_text(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QListView, QStyleOptionViewItem

    view = QListView()
    qtbot.addWidget(view)
    model = SearchResultsModel(view)
    hit = SearchHit("a", "Title <i>x</i>", ("Topic & more",), "&lt;script&gt; <b>kratom</b>", 1, "")
    model.set_results(SearchResults("kratom", (hit,)))
    view.setModel(model)
    delegate = ResultDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    document = delegate._document(option, model.rows[0], 400)
    text = document.toPlainText()
    assert "Title <i>x</i>" in text
    assert "Topic & more" in text
    assert "<script> kratom" in text
    size = delegate.sizeHint(option, model.index(0))
    assert size.height() > 2 * option.fontMetrics.height()  # title, path and snippet


# -- opening a result ------------------------------------------------------------------------


def test_opening_a_result_scrolls_to_its_first_match_far_down_the_page(
    qtbot: QtBot, tmp_path: Path
) -> None:
    found = SearchResults(
        "end",
        (SearchHit(LONG, "Coping", (), "<b>end</b>", 1, "end", ("withdrawal", "end")),),
    )

    def search_fn(text: str, **_: object) -> SearchResults:
        return found

    window = make_window(qtbot, tmp_path, size=(800, 600))
    window.search.controller.search_fn = search_fn
    window.search.focus_box()
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS):
        qtbot.keyClicks(window.search.box, "end")
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS):
        qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.current_slug == LONG
    assert window.view.verticalScrollBar().value() > 0, "scrolled down to the match"
    assert window.view.viewport().rect().contains(window.view.cursorRect())
    marks = window.view.extraSelections()
    # Every matched word is marked (whole words: "ends" is not "end"); the first "end" is the
    # current match: "Withdrawal ends. The end of withdrawal is near." at the end of the page.
    assert {m.cursor.selectedText().casefold() for m in marks} == {"withdrawal", "end"}
    assert len(marks) > 3
    current = [m for m in marks if m.format.background().color() == CURRENT_COLOUR]
    assert [m.cursor.selectedText() for m in current] == ["end"]
    # Reading on elsewhere takes the marks away.
    window.open("home")
    assert window.view.extraSelections() == []


def test_a_match_only_in_the_title_opens_the_page_at_the_top(qtbot: QtBot, tmp_path: Path) -> None:
    found = SearchResults("coping", (SearchHit(LONG, "Coping at home", (), "Getting", 1, ""),))
    window = make_window(qtbot, tmp_path, size=(800, 600))
    window.search.controller.search_fn = lambda text, **_: found
    window.search.controller.search_now("coping")
    qtbot.waitUntil(lambda: bool(window.search.model.rows), timeout=WAIT_MS)
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS):
        window.search.results.activated.emit(window.search.model.index(0))
    assert window.view.verticalScrollBar().value() == 0


# -- any input -------------------------------------------------------------------------------

NASTY = [
    '"kratom',
    "kratom*",
    "-kratom",
    "title:kratom",
    "(kratom OR",
    "kratom NEAR(withdrawal, 2)",
    "AND OR NOT",
    "k" * 10_000,
    "kratom " * 2000,
    "💊🌿 kratom 👍",
    "\x00\x01\x1b[31mkratom\x7f",
    "\u202ekratom\u200b",
    "' OR 1=1; DROP TABLE fts; --",
    "   ",
]


def _search_and_wait(qtbot: QtBot, window: MainWindow, text: str) -> None:
    controller = window.search.controller
    failures: list[str] = []
    controller.failed.connect(failures.append)
    signal = controller.results_ready if text.strip() else controller.cleared
    try:
        with qtbot.waitSignal(signal, timeout=WAIT_MS):
            window.search.box.setText(text)
            window.search.controller.flush()
    finally:
        controller.failed.disconnect(failures.append)
    status = window.search.status.text()
    assert failures == []
    # A failure's line always ends "You can still browse the topics below." Looking for "error"
    # instead would trip over the query itself, which the status line repeats ("rror" …).
    assert "You can still browse the topics below" not in status
    assert "Traceback" not in status


def test_a_lone_surrogate_is_searched_without_an_error(qtbot: QtBot) -> None:
    # The box itself cannot hold one (Qt drops it); the search behind it is safe all the same.
    window = make_search_window(qtbot)
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS):
        window.search.controller.search_now("kratom \ud800")
    assert window.search.model.rows


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_anything_typed_gets_results_or_a_way_on_never_an_error(qtbot: QtBot, text: str) -> None:
    window = make_search_window(qtbot)
    _search_and_wait(qtbot, window, text)
    if text.strip():
        assert window.search.model.rows, "a page, a word, a topic or Get help now"


def test_arbitrary_text_never_shows_an_error(qtbot: QtBot) -> None:
    window = make_search_window(qtbot)  # one window for every example: they are many

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(text=st.text(min_size=1, max_size=60))
    def check(text: str) -> None:
        _search_and_wait(qtbot, window, text)

    check()
