"""Get help now: one key or one click away, with the clinic's own contacts first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from fieldguide.config import Config
from fieldguide.helpinfo import HELP_SLUG
from fieldguide.ui import MainWindow
from tests.ui.reading_fixtures import CLINIC, LONG, make_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = make_window(qtbot, tmp_path, CLINIC)
    win.open(LONG)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def _assert_clinic_first(window: MainWindow) -> None:
    text = window.view.toPlainText()
    assert window.current_slug == HELP_SLUG
    assert text.index("Get help now") < text.index("Help from Riverside Clinic")
    assert text.index("Emergency here: call 112") < text.index("Riverside front desk: 555-0100")
    assert text.index("555-0100") < text.index("In the United States, call 911")


def test_help_key_opens_the_help_page_with_clinic_contacts_first(
    window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(window.page_shown) as shown:
        qtbot.keySequence(window.view, QKeySequence.StandardKey.HelpContents)
    assert shown.args == [HELP_SLUG]
    _assert_clinic_first(window)


def test_help_key_works_from_the_find_bar_too(window: MainWindow, qtbot: QtBot) -> None:
    window.find_bar.open_bar()
    with qtbot.waitSignal(window.page_shown):
        qtbot.keySequence(window.find_bar.field, QKeySequence.StandardKey.HelpContents)
    assert window.current_slug == HELP_SLUG


def test_the_red_button_opens_the_help_page(window: MainWindow, qtbot: QtBot) -> None:
    button = window.get_help.button
    assert button.text() == "Get help now"
    assert button.isVisible()
    with qtbot.waitSignal(window.page_shown):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _assert_clinic_first(window)
    assert window.tree.currentIndex() == window.model.index_of(HELP_SLUG)


def test_the_button_stands_out(window: MainWindow) -> None:
    image = window.get_help.button.grab().toImage()
    centre = image.pixelColor(image.width() // 8, image.height() // 2)
    assert centre.red() > 120 and centre.green() < 60 and centre.blue() < 60  # dark red
    assert window.get_help.button.height() >= 40


def test_without_clinic_contacts_the_librarys_page_shows(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, Config())
    window.get_help.action.trigger()
    text = window.view.toPlainText()
    assert "In the United States, call 911" in text
    assert "Help from" not in text and "Emergency here" not in text
