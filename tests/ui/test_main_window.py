"""The first window: the topic tree and internal links open articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from fieldguide.library.loader import load_library
from fieldguide.library.service import LibraryService
from fieldguide.ui import MainWindow
from tests.library_factory import write_library


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    root = write_library(tmp_path / "lib")
    win = MainWindow(LibraryService(load_library(root)))
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.show()
    qtbot.waitExposed(win)
    win.open("home")
    return win


def test_opens_on_home(window: MainWindow) -> None:
    assert window.current_slug == "home"
    assert "Welcome" in window.view.toPlainText()
    assert window.title_line.text() == "Welcome"


def test_clicking_an_article_in_the_tree_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    topic = window.model.index_of("withdrawal")
    window.tree.expand(topic)
    index = window.model.index_of("withdrawal/how-long")
    rect = window.tree.visualRect(index)
    with qtbot.waitSignal(window.page_shown) as shown:
        qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == ["withdrawal/how-long"]
    assert "How long it lasts" in window.view.toPlainText()
    assert window.title_line.text() == "Withdrawal › How long it lasts"


def test_clicking_a_topic_shows_its_articles_with_summaries(
    window: MainWindow, qtbot: QtBot
) -> None:
    rect = window.tree.visualRect(window.model.index_of("withdrawal"))
    with qtbot.waitSignal(window.page_shown):
        qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = window.view.toPlainText()
    assert "How long it lasts" in text
    assert "Days, not weeks, for most people." in text


def _click_link(window: MainWindow, qtbot: QtBot, text: str) -> None:
    """Click the first link whose text is `text` in the article view."""
    doc = window.view.document()
    cursor = doc.find(text)
    assert not cursor.isNull(), f"link text {text!r} not in the page"
    cursor.setPosition(cursor.selectionStart() + 1)
    rect = window.view.cursorRect(cursor)
    point = QPoint(rect.center().x(), rect.center().y())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_an_internal_link_opens_the_article(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.page_shown) as shown:
        _click_link(window, qtbot, "how long withdrawal lasts")
    assert shown.args == ["withdrawal/how-long"]
    assert window.tree.currentIndex() == window.model.index_of("withdrawal/how-long")


def test_missing_article_gets_a_plain_message(window: MainWindow) -> None:
    window.open("no/such-page")
    assert "Page not found" in window.view.toPlainText()
    assert "Traceback" not in window.view.toPlainText()


def test_external_links_are_not_followed(window: MainWindow, qtbot: QtBot) -> None:
    window.open("withdrawal/how-long")
    _click_link(window, qtbot, "MedlinePlus")
    assert window.current_slug == "withdrawal/how-long"


def test_the_keys_are_given_right_after_the_first_paint(qtbot: QtBot, tmp_path: Path) -> None:
    """Shortcuts wait for the first paint (ui/lean.py keys_after_paint), then all are there."""
    from PySide6.QtGui import QAction, QKeySequence

    root = write_library(tmp_path / "lib")
    win = MainWindow(LibraryService(load_library(root)))
    qtbot.addWidget(win)
    assert win.zoom.zoom_reset.shortcuts() == []  # not yet: nothing is painted
    win.show()
    qtbot.waitUntil(lambda: win.started)
    assert QKeySequence("Ctrl+0") in win.zoom.zoom_reset.shortcuts()
    zoom_in = win.zoom.zoom_in.shortcuts()
    assert QKeySequence("Ctrl+=") in zoom_in
    assert QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)[0] in zoom_in
    assert win.get_help.action.shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.HelpContents
    )
    assert "F1" in win.get_help.action.toolTip()
    pending = [a.text() for a in win.findChildren(QAction) if a.property("fieldguideKeys")]
    assert pending == []
