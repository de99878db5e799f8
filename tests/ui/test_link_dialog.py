"""Links out: never opened; the address is shown with a Copy button and a note about offline use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from fieldguide.ui.link_dialog import ExternalLinkDialog, plain_address
from tests.ui.reading_fixtures import LONG, click_text, make_window

WEB = "https://medlineplus.gov/ency/article/000949.htm"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    def refuse(url: QUrl) -> bool:
        pytest.fail(f"the app tried to open {url.toString()}")

    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)
    win = make_window(qtbot, tmp_path)
    win.open(LONG)
    return win


def test_a_web_link_shows_its_address_and_is_not_opened(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.link_out
    click_text(qtbot, window, "MedlinePlus")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.address.text() == WEB
    assert dialog.address.isReadOnly()
    assert "works offline and does not open web pages" in dialog.note.text()
    assert not dialog.isModal()
    assert window.current_slug == LONG


def test_copy_puts_the_address_on_the_clipboard(window: MainWindow, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().clear()
    click_text(qtbot, window, "MedlinePlus")
    qtbot.waitUntil(window.link_out.isVisible)
    qtbot.mouseClick(window.link_out.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == WEB
    assert window.link_out.copied.text() == "Copied."
    qtbot.mouseClick(window.link_out.close_button, Qt.MouseButton.LeftButton)
    assert not window.link_out.isVisible()


def test_the_address_can_be_selected_by_hand(window: MainWindow, qtbot: QtBot) -> None:
    click_text(qtbot, window, "MedlinePlus")
    qtbot.waitUntil(window.link_out.isVisible)
    field = window.link_out.address
    field.setFocus()
    field.selectAll()
    assert field.selectedText() == WEB


def test_mail_and_phone_links_show_the_plain_address(window: MainWindow, qtbot: QtBot) -> None:
    click_text(qtbot, window, "the helpline")
    qtbot.waitUntil(window.link_out.isVisible)
    assert window.link_out.address.text() == "help@example.org"
    assert "email" in window.link_out.heading.text()
    click_text(qtbot, window, "988")
    assert window.link_out.address.text() == "988"
    assert "phone number" in window.link_out.heading.text()


def test_plain_address() -> None:
    assert plain_address(QUrl("tel:+1-800-662-4357")) == ("phone", "+1-800-662-4357")
    assert plain_address(QUrl("mailto:a%40b.org")) == ("email", "a@b.org")
    assert plain_address(QUrl("http://x.org/a?b=1")) == ("web", "http://x.org/a?b=1")


def test_other_links_are_not_for_this_dialog(qtbot: QtBot) -> None:
    dialog = ExternalLinkDialog()
    qtbot.addWidget(dialog)
    for url in ("article:home", "term:opioid", "javascript:alert(1)", "file:///etc/passwd"):
        assert dialog.show_address(QUrl(url)) is False
    assert not dialog.isVisible()
