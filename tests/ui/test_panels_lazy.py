"""The Bookmarks and History panels are made when needed, not before the first paint, and
behave as if they had always been there: keys, toolbar, closing them, and the saved session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from tests.ui.window_factory import FakeFiles, library, reader


class WindowsOpened(QObject):
    """Notes each widget shown as a window of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show
        if shown and isinstance(watched, QWidget) and watched.isWindow():
            self.names.append(type(watched).__name__)
        return False


def docks(window: object) -> list[QDockWidget]:
    assert hasattr(window, "findChildren")
    return list(window.findChildren(QDockWidget))


def test_a_window_opens_without_its_panels_and_makes_them_after_the_paint(
    qtbot: QtBot, tmp_path: Path
) -> None:
    opened = WindowsOpened()
    at_first_paint: list[object] = []
    app = QApplication.instance()
    assert app is not None

    def first_paint(window: MainWindow) -> None:
        at_first_paint.extend([window.panels.built, len(docks(window))])
        app.installEventFilter(opened)  # from the paint to the end of the start

    # With file access, as on a computer at home (the panel then has Save and Add buttons).
    with reader(qtbot, library(tmp_path), files=FakeFiles(), on_paint=first_paint) as window:
        app.removeEventFilter(opened)
        assert at_first_paint == [False, 0]  # nothing of them was made for the first paint
        assert window.started  # the window finished its start after the paint: panels made
        # Making them opened no window of its own (one would take the keyboard from the reader).
        assert opened.names == []
        assert window.panels.built
        assert {d.objectName() for d in docks(window)} == {"bookmarksPanel", "historyPanel"}
        assert not any(d.isVisible() for d in docks(window))


def test_ctrl_b_makes_and_shows_the_bookmarks_panel(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path)) as window:
        qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        assert window.panels.bookmarks_action.isChecked()
        qtbot.waitUntil(window.bookmarks_panel.isVisible)
        assert not window.history_panel.isVisible()
        qtbot.keyClick(window.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(window.history_panel.isVisible)
        qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not window.bookmarks_panel.isVisible())
        assert not window.user.preferences.show_bookmarks
        assert window.user.preferences.show_history


def test_the_panels_close_button_unchecks_its_toolbar_button(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path)) as window:
        window.panels.history_action.trigger()
        qtbot.waitUntil(window.history_panel.isVisible)
        window.history_panel.close()  # what its title bar's X does
        assert not window.panels.history_action.isChecked()
        assert not window.user.preferences.show_history


def test_a_panel_left_open_is_there_in_the_first_paint_and_closing_keeps_it_open(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service = library(tmp_path)
    db = tmp_path / "data" / "userdata.sqlite3"
    db.parent.mkdir()
    with reader(qtbot, service, db) as first:
        first.panels.history_action.trigger()
        qtbot.waitUntil(first.history_panel.isVisible)
    # Closing the window hid the docks with it: that is not the reader closing the panel.
    with reader(qtbot, service, db) as second:
        assert second.panels.built  # made before the first paint, because it shows
        assert second.panels.history_action.isChecked()
        assert second.history_panel.isVisible()
        assert not second.panels.bookmarks_action.isChecked()
        assert not second.bookmarks_panel.isVisible()
