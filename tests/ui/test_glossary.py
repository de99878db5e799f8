"""Glossary words: the meaning shows on hover, and on a click, tap or Enter in a small popup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRect, Qt, QUrl
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from fieldguide.ui.glossary import GlossaryPopup, term_of
from tests.ui.reading_fixtures import LONG, click_text, make_window, point_in_text

MEANING = "What your body goes through when you stop a drug."


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = make_window(qtbot, tmp_path)
    win.open(LONG)
    return win


def test_term_of_reads_the_percent_encoded_term() -> None:
    assert term_of(QUrl("term:short-acting%20opioid")) == "short-acting opioid"
    assert term_of(QUrl("article:home")) == ""


def test_hovering_a_word_shows_its_meaning(window: MainWindow) -> None:
    QToolTip.hideText()
    point = point_in_text(window, "Withdrawal")
    viewport = window.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert QToolTip.text() == MEANING


def test_clicking_a_word_shows_its_meaning_under_it(window: MainWindow, qtbot: QtBot) -> None:
    popup = window.glossary.popup
    assert not popup.isVisible()
    click_text(qtbot, window, "Withdrawal")
    qtbot.waitUntil(popup.isVisible)
    assert popup.term_label.text() == "Withdrawal"
    assert popup.definition_label.text() == MEANING
    assert window.current_slug == LONG  # the page stays
    # the popup is just below the word, starting at its left edge
    cursor = window.view.document().find("Withdrawal")
    cursor.setPosition(cursor.selectionStart())
    word = window.view.cursorRect(cursor)
    word_bottom_left = window.view.viewport().mapToGlobal(word.bottomLeft())
    assert 0 <= popup.y() - word_bottom_left.y() <= 20
    assert abs(popup.x() - word_bottom_left.x()) <= 8


def test_escape_and_close_button_close_the_popup(window: MainWindow, qtbot: QtBot) -> None:
    popup = window.glossary.popup
    click_text(qtbot, window, "Withdrawal")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    click_text(qtbot, window, "Withdrawal")
    qtbot.waitUntil(popup.isVisible)
    qtbot.mouseClick(popup.close_button, Qt.MouseButton.LeftButton)
    assert not popup.isVisible()


def test_the_popup_closes_when_another_page_opens(window: MainWindow, qtbot: QtBot) -> None:
    """F1 (an application-wide key) reaches the window while the popup has the keyboard."""
    popup = window.glossary.popup
    click_text(qtbot, window, "Withdrawal")
    qtbot.waitUntil(popup.isVisible)
    window.get_help.action.trigger()
    assert window.current_slug != LONG
    assert not popup.isVisible()


def test_keyboard_enter_on_a_word_opens_the_popup(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # the first link on the page: the word
    assert window.view.textCursor().charFormat().anchorHref() == "term:withdrawal"
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(window.glossary.popup.isVisible)
    assert window.glossary.popup.definition_label.text() == MEANING


def test_popup_buttons_are_big_enough_for_a_finger(qtbot: QtBot) -> None:
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    popup.show_term("opioid", "A drug.", QRect(10, 10, 40, 16), QRect(0, 0, 800, 600))
    assert popup.close_button.height() >= 44
    assert popup.close_button.width() >= 44


def test_popup_stays_on_screen_near_the_bottom(qtbot: QtBot) -> None:
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    screen = QRect(0, 0, 800, 600)
    popup.show_term("opioid", "A drug.", QRect(780, 590, 40, 16), screen)
    assert screen.contains(popup.geometry())
    assert popup.geometry().bottom() < 590  # shown above the word
