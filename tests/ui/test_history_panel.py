"""The History panel lists pages read, most recent first, and opens one on a click."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from fieldguide.ui.history_panel import when
from tests.ui.window_factory import library, reader


def _titles(window: MainWindow) -> list[str]:
    panel = window.history_panel
    return [panel.list.item(i).text().split("  ·  ")[0] for i in range(panel.list.count())]


def test_history_lists_pages_most_recent_first(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path)) as window:
        window.open("withdrawal/how-long")
        window.open("kratom/what-is-kratom")
        window.open("withdrawal/how-long")  # read again: moves to the top, listed once
        window.open("gone/away")  # a missing page is not history
        qtbot.keyClick(window.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        assert window.history_panel.isVisible()
        expected = ["How long it lasts", "What is kratom?", "Welcome"]
        qtbot.waitUntil(lambda: _titles(window) == expected)


def test_clicking_a_history_entry_opens_it(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path)) as window:
        window.open("kratom/what-is-kratom")
        window.history_panel.show()
        qtbot.waitUntil(lambda: window.history_panel.list.count() == 2)
        panel = window.history_panel
        rect = panel.list.visualItemRect(panel.list.item(1))
        with qtbot.waitSignal(window.page_shown) as shown:
            qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert shown.args == ["home"]
        qtbot.waitUntil(lambda: _titles(window) == ["Welcome", "What is kratom?"])
        back = QKeySequence(QKeySequence.StandardKey.Back)[0]
        qtbot.keyClick(window.view, back.key(), back.keyboardModifiers())
        assert window.current_slug == "kratom/what-is-kratom"


def test_enter_on_a_history_entry_opens_it(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path)) as window:
        window.open("kratom/what-is-kratom")
        window.history_panel.show()
        panel = window.history_panel
        qtbot.waitUntil(lambda: panel.list.count() == 2)
        panel.list.setFocus()
        panel.list.setCurrentRow(1)
        with qtbot.waitSignal(window.page_shown) as shown:
            qtbot.keyClick(panel.list, Qt.Key.Key_Return)
        assert shown.args == ["home"]


def test_clear_history_empties_the_list(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path)) as window:
        window.open("kratom/what-is-kratom")
        window.history_panel.show()
        panel = window.history_panel
        qtbot.waitUntil(lambda: panel.list.count() == 2)
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.list.count() == 0)
        assert panel.empty.isVisible()
        assert not panel.clear_button.isEnabled()
        assert window.user.history == ()


def test_visit_times_are_short_and_plain() -> None:
    now = dt.datetime(2026, 11, 25, 15, 0)
    assert when(dt.datetime(2026, 11, 25, 9, 5).timestamp(), now) == "09:05"
    assert when(dt.datetime(2026, 11, 24, 23, 0).timestamp(), now) == "yesterday"
    assert when(dt.datetime(2026, 11, 3, 8, 0).timestamp(), now) == "3 Nov"
