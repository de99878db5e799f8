"""The "On this page" list: shown for long articles, and choosing a heading scrolls to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldguide.library.render import Heading
from fieldguide.ui import MainWindow
from fieldguide.ui.contents_panel import ContentsPanel
from tests.ui.reading_fixtures import LONG, make_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = make_window(qtbot, tmp_path)
    win.open(LONG)
    return win


def _heading_top(window: MainWindow, text: str) -> int:
    """Where the heading `text` is now, in viewport pixels from the top."""
    cursor = window.view.document().find(text)
    assert not cursor.isNull()
    return window.view.cursorRect(cursor).top()


def test_long_article_lists_its_headings_in_order(window: MainWindow) -> None:
    panel = window.contents
    assert panel.isVisible()
    assert panel.anchors() == ["first-day", "the-worst-days", "sleep", "getting-help"]
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert texts[0] == "First day"
    assert texts[2].strip() == "Sleep" and texts[2].startswith(" ")  # a level-3 heading is indented
    assert "4 sections" in panel.toggle.text()


def test_short_pages_have_no_list(window: MainWindow) -> None:
    window.open("withdrawal/how-long")  # one heading
    assert not window.contents.isVisible()
    window.open("withdrawal")  # a topic page
    assert not window.contents.isVisible()


def test_clicking_a_heading_scrolls_the_article_to_it(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.contents
    assert window.view.verticalScrollBar().value() == 0
    rect = panel.list.visualItemRect(panel.list.item(2))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.view.verticalScrollBar().value() > 0)
    assert 0 <= _heading_top(window, "Sleep") < 40


def test_keyboard_choice_scrolls_too(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.contents
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.heading_chosen) as chosen:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert chosen.args == ["the-worst-days"]
    assert 0 <= _heading_top(window, "The worst days") < 40


def test_the_list_folds_away_and_stays_folded(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.contents
    assert panel.list.isVisible()
    with qtbot.waitSignal(panel.expanded_changed) as changed:
        qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert changed.args == [False]
    assert not panel.list.isVisible()
    window.open("home")
    window.open(LONG)
    assert panel.isVisible() and not panel.list.isVisible()
    qtbot.keyClick(panel.toggle, Qt.Key.Key_Space)
    assert panel.list.isVisible()


def test_the_list_stays_small_in_a_small_window(qtbot: QtBot) -> None:
    panel = ContentsPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.set_headings([Heading(2, f"h{n}", f"Heading {n}") for n in range(12)])
    panel.show()
    assert panel.visible_rows() == 3
    panel.resize(600, 2000)
    assert panel.visible_rows() == 8


def test_the_list_follows_a_window_resized_right_after_it_was_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Resized between show() and the end of the window's start (as a window manager may do),
    the list still gets the rows of the final height."""
    from fieldguide.config import Config
    from fieldguide.helpinfo import LocalHelpService
    from fieldguide.library.loader import load_library
    from tests.ui.reading_fixtures import write_reading_library

    window = MainWindow(LocalHelpService(load_library(write_reading_library(tmp_path)), Config()))
    qtbot.addWidget(window)
    window.resize(1000, 500)
    window.open(LONG)
    window.show()
    window.resize(1000, 1100)  # before the first paint: the window watches heights after it
    qtbot.waitUntil(lambda: window.started)
    panel = window.contents
    rows = panel.visible_rows()
    assert rows == min(panel.list.count(), 1100 // 160) > 3  # 500 px high gave 3 rows
    assert panel.list.height() >= panel.list.sizeHintForRow(0) * rows
