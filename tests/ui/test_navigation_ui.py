"""Back, Forward and Home with the platform's keys and the toolbar; the tree and the
breadcrumb follow the open page; a missing page says so and offers a way back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from tests.ui.window_factory import library, reader


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    with reader(qtbot, library(tmp_path)) as win:
        yield win


def press(qtbot: QtBot, window: MainWindow, sequence: str) -> None:
    """Type a key sequence into the article view, as the reader would."""
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.view, combo.key(), combo.keyboardModifiers())


def _click_link(window: MainWindow, qtbot: QtBot, text: str) -> None:
    cursor = window.view.document().find(text)
    assert not cursor.isNull(), f"link text {text!r} not in the page"
    cursor.setPosition(cursor.selectionStart() + 1)
    rect = window.view.cursorRect(cursor)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def test_the_window_opens_on_the_start_page(window: MainWindow) -> None:
    assert window.current_slug == "home"
    assert not window.navigator.back_action.isEnabled()
    assert not window.navigator.forward_action.isEnabled()


def test_back_and_forward_use_the_standard_keys(window: MainWindow, qtbot: QtBot) -> None:
    back = QKeySequence(QKeySequence.StandardKey.Back).toString()
    forward = QKeySequence(QKeySequence.StandardKey.Forward).toString()
    window.open("withdrawal/how-long")
    window.open("kratom/what-is-kratom")
    with qtbot.waitSignal(window.page_shown) as shown:
        press(qtbot, window, back)
    assert shown.args == ["withdrawal/how-long"]
    press(qtbot, window, back)
    assert window.current_slug == "home"
    assert not window.navigator.back_action.isEnabled()
    press(qtbot, window, forward)
    press(qtbot, window, forward)
    assert window.current_slug == "kratom/what-is-kratom"
    assert not window.navigator.forward_action.isEnabled()


def test_home_is_alt_home_and_a_normal_step(window: MainWindow, qtbot: QtBot) -> None:
    window.open("kratom/what-is-kratom")
    with qtbot.waitSignal(window.page_shown) as shown:
        press(qtbot, window, "Alt+Home")
    assert shown.args == ["home"]
    press(qtbot, window, "Alt+Left")
    assert window.current_slug == "kratom/what-is-kratom"


def test_toolbar_buttons_go_back_and_forward(window: MainWindow, qtbot: QtBot) -> None:
    window.open("withdrawal/how-long")
    button = window.toolbar.widgetForAction(window.navigator.back_action)
    assert button.accessibleName() == "Back"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_slug == "home"
    qtbot.mouseClick(
        window.toolbar.widgetForAction(window.navigator.forward_action), Qt.MouseButton.LeftButton
    )
    assert window.current_slug == "withdrawal/how-long"


def test_back_returns_to_where_the_reader_was_on_the_page(window: MainWindow, qtbot: QtBot) -> None:
    window.open("withdrawal/getting-through")
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    kept = window.view.scroll_fraction()
    window.open("kratom/what-is-kratom")
    assert window.view.scroll_fraction() == 0
    window.navigator.back()
    qtbot.waitUntil(lambda: abs(window.view.scroll_fraction() - kept) < 0.02)


def test_links_followed_are_steps_back(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.page_shown):
        _click_link(window, qtbot, "how long withdrawal lasts")
    assert window.current_slug == "withdrawal/how-long"
    window.navigator.back()
    assert window.current_slug == "home"


def test_opening_the_open_page_again_is_not_a_step(window: MainWindow) -> None:
    window.open("withdrawal/how-long")
    window.open("withdrawal/how-long")
    window.navigator.back()
    assert window.current_slug == "home"


def test_the_tree_opens_its_topics_to_show_the_page(window: MainWindow, qtbot: QtBot) -> None:
    topic = window.model.index_of("kratom")
    assert not window.tree.isExpanded(topic)
    window.open("kratom/what-is-kratom")
    assert window.tree.isExpanded(topic)
    assert window.tree.currentIndex() == window.model.index_of("kratom/what-is-kratom")


def test_the_tree_works_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    window.tree.setFocus()
    window.tree.setCurrentIndex(window.model.index_of("withdrawal"))
    qtbot.keyClick(window.tree, Qt.Key.Key_Right)  # open the topic
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)  # its first article
    with qtbot.waitSignal(window.page_shown) as shown:
        qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert shown.args == ["withdrawal/how-long"]


def test_the_breadcrumb_names_the_topics_and_opens_them(window: MainWindow, qtbot: QtBot) -> None:
    window.open("withdrawal/how-long")
    assert window.title_line.text() == "Withdrawal › How long it lasts"
    (button,) = window.title_line.buttons
    assert button.accessibleName() == "Withdrawal"
    with qtbot.waitSignal(window.page_shown) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown.args == ["withdrawal"]
    assert window.title_line.text() == "Withdrawal"


def test_a_missing_page_says_so_and_back_still_works(window: MainWindow, qtbot: QtBot) -> None:
    window.open("withdrawal/how-long")
    window.open("gone/for-good")
    text = window.view.toPlainText()
    assert "Page not found" in text and "Go to the start page" in text
    assert not window.star.action.isEnabled()
    with qtbot.waitSignal(window.page_shown) as shown:
        _click_link(window, qtbot, "Go to the start page")
    assert shown.args == ["home"]
    window.navigator.back()
    window.navigator.back()
    assert window.current_slug == "withdrawal/how-long"
