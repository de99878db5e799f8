"""Find in page: the Find key opens the bar, every match is marked, next/previous step through."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from fieldguide.ui.find_bar import CURRENT_COLOUR, MATCH_COLOUR
from tests.ui.reading_fixtures import LONG, make_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = make_window(qtbot, tmp_path)
    win.open(LONG)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def _marks(window: MainWindow) -> list[tuple[str, str]]:
    """(matched text, background colour) of each highlight in the view."""
    return [
        (s.cursor.selectedText(), s.format.background().color().name())
        for s in window.view.extraSelections()
    ]


def _find(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keySequence(window.view, QKeySequence.StandardKey.Find)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, text)


def test_find_key_opens_the_bar_with_the_cursor_in_it(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.find_bar.isVisible()
    qtbot.keySequence(window.view, QKeySequence.StandardKey.Find)
    assert window.find_bar.isVisible()
    qtbot.waitUntil(lambda: window.find_bar.field.hasFocus())


def test_every_match_is_marked_and_the_current_one_stands_out(
    window: MainWindow, qtbot: QtBot
) -> None:
    _find(qtbot, window, "withdrawal")
    marks = _marks(window)
    assert [text.lower() for text, _ in marks] == ["withdrawal"] * 3
    colours = [colour for _, colour in marks]
    assert colours == [CURRENT_COLOUR.name(), MATCH_COLOUR.name(), MATCH_COLOUR.name()]
    assert window.find_bar.status.text() == "1 of 3"


def test_next_and_previous_buttons_and_keys_step_through_and_wrap(
    window: MainWindow, qtbot: QtBot
) -> None:
    _find(qtbot, window, "withdrawal")
    bar = window.find_bar
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.status.text() == "2 of 3"
    assert _marks(window)[1][1] == CURRENT_COLOUR.name()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == "3 of 3"
    qtbot.keySequence(window.view, QKeySequence.StandardKey.FindNext)
    assert bar.status.text() == "1 of 3"  # wraps to the first
    qtbot.keySequence(window.view, QKeySequence.StandardKey.FindPrevious)
    assert bar.status.text() == "3 of 3"  # and back to the last
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.status.text() == "2 of 3"
    # the view's cursor is on the current match, so it is scrolled into sight
    current = bar.matches[bar.current]
    assert window.view.textCursor().position() == current.selectionStart()


def test_going_to_a_far_match_scrolls_the_article(window: MainWindow, qtbot: QtBot) -> None:
    _find(qtbot, window, "the end of")
    bar = window.find_bar
    assert bar.status.text() == "1 of 1"
    assert window.view.verticalScrollBar().value() > 0
    rect = window.view.cursorRect(bar.matches[0])
    assert window.view.viewport().rect().contains(rect.center())


def test_not_found_is_said_kindly(window: MainWindow, qtbot: QtBot) -> None:
    _find(qtbot, window, "kratomz")
    assert window.find_bar.status.text() == (
        "No match for “kratomz” on this page. Try fewer letters, or search the whole guide."
    )
    assert window.view.extraSelections() == []
    assert not window.find_bar.next_button.isEnabled()


def test_escape_closes_the_bar_and_clears_the_marks(window: MainWindow, qtbot: QtBot) -> None:
    _find(qtbot, window, "rest")
    assert window.view.extraSelections()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.extraSelections() == []
    qtbot.waitUntil(lambda: window.view.hasFocus())


def test_close_button_closes(window: MainWindow, qtbot: QtBot) -> None:
    _find(qtbot, window, "rest")
    qtbot.mouseClick(window.find_bar.close_button, Qt.MouseButton.LeftButton)
    assert not window.find_bar.isVisible()


def test_a_new_page_is_searched_for_the_same_words(window: MainWindow, qtbot: QtBot) -> None:
    _find(qtbot, window, "withdrawal")
    window.open("home")
    assert window.find_bar.isVisible()
    assert window.find_bar.status.text() == "1 of 1"
    assert len(window.view.extraSelections()) == 1
