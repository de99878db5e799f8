"""Kiosk mode takes away the reader's actions that reach the system, and prints with no dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from fieldguide.config import KioskSettings
from fieldguide.ui import MainWindow
from fieldguide.ui.kiosk import KioskController
from fieldguide.ui.kiosk_policy import (
    LEAVES,
    OPENS_DIALOG,
    OPENS_FILE,
    PRINTS,
    role_of,
    tag,
)
from tests.ui.kiosk_helpers import SETTINGS, KioskFactory

PRINTING = KioskSettings(
    enabled=True, idle_timeout=3, countdown=2, pin_hash=SETTINGS.pin_hash, allow_printing=True
)


class ReaderActions:
    """Actions like the reader's: some in a menu, some on a toolbar, one with no parent."""

    def __init__(self, window: MainWindow) -> None:
        self.log: list[str] = []
        menu = window.menuBar().addMenu("File")
        self.export = tag(self._action(window, "Export"), OPENS_FILE)
        self.page_setup = tag(self._action(window, "Page setup"), OPENS_DIALOG)
        self.quit = tag(self._action(window, "Quit", QKeySequence.StandardKey.Quit), LEAVES)
        self.print = window.handout.print_action  # the reader's own, tagged PRINTS
        self.pdf = window.handout.pdf_action  # tagged OPENS_FILE
        self.zoom = self._action(window, "Zoom in", QKeySequence("Ctrl+J"))
        for action in (self.export, self.page_setup, self.quit, self.zoom):
            menu.addAction(action)
        bar = QToolBar()
        window.addToolBar(bar)
        self.orphan = tag(QAction("Import"), OPENS_FILE)  # no parent: found through the toolbar
        bar.addAction(self.orphan)

    def _action(
        self, window: MainWindow, name: str, key: QKeySequence | QKeySequence.StandardKey = ""
    ) -> QAction:
        action = QAction(name, window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda: self.log.append(name))
        return action


def make(
    make_kiosk: KioskFactory, settings: KioskSettings = SETTINGS, printed: list[str] | None = None
) -> tuple[KioskController, ReaderActions]:
    """A kiosk over a window with ReaderActions; `printed` None = the computer has no printer."""
    holder: list[ReaderActions] = []

    def print_page() -> bool:
        if printed is not None:
            printed.append("printed")
        return printed is not None

    kiosk = make_kiosk(
        settings, prepare=lambda w: holder.append(ReaderActions(w)), print_page=print_page
    )
    return kiosk, holder[0]


def test_tagged_actions_are_hidden_and_disabled(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk, actions = make(make_kiosk)
    hidden = (actions.export, actions.page_setup, actions.quit, actions.orphan)
    for action in (*hidden, actions.print, actions.pdf):
        assert not action.isEnabled() and not action.isVisible(), action.text()
    assert actions.zoom.isEnabled() and actions.zoom.isVisible()
    assert not kiosk.window.menuBar().isVisible()


def test_untagged_menu_shortcuts_still_work(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk, actions = make(make_kiosk)
    qtbot.keyClick(kiosk.window.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert actions.log == ["Zoom in"]


def test_a_tagged_action_stays_off_when_re_enabled_or_added_later(
    make_kiosk: KioskFactory,
) -> None:
    kiosk, actions = make(make_kiosk)
    actions.export.setEnabled(True)  # e.g. "there are bookmarks now"
    assert not actions.export.isEnabled()
    later = tag(QAction("Save as PDF", kiosk.window), OPENS_FILE)
    kiosk.window.addAction(later)
    assert not later.isEnabled() and not later.isVisible()


def test_no_printing_unless_allowed(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    printed: list[str] = []
    kiosk, actions = make(make_kiosk, SETTINGS, printed)
    qtbot.keyClick(kiosk.window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [] and actions.log == []


def test_allowed_printing_goes_to_the_printer_with_no_dialog(
    make_kiosk: KioskFactory, qtbot: QtBot
) -> None:
    printed: list[str] = []
    kiosk, actions = make(make_kiosk, PRINTING, printed)
    assert actions.print.isEnabled() and actions.print.isVisible()
    assert not actions.pdf.isVisible()  # Save as PDF opens a file dialog: never in kiosk mode
    actions.print.trigger()
    assert printed == ["printed"]
    assert kiosk.window.handout._dialog is None  # the reader's print dialog never opened
    assert QApplication.activeModalWidget() is None
    assert "Printing" in kiosk.message.text()
    for binding in QKeySequence.keyBindings(QKeySequence.StandardKey.Print)[:1]:
        combo = binding[0]
        qtbot.keyClick(kiosk.window.view, combo.key(), combo.keyboardModifiers())
        assert printed == ["printed", "printed"]


def test_no_printer_is_said_plainly(make_kiosk: KioskFactory) -> None:
    kiosk, actions = make(make_kiosk, PRINTING, None)
    actions.print.trigger()
    assert kiosk.message.text() == "No printer is set up on this computer."


def test_the_handout_prints_on_the_default_printer_or_says_there_is_none(
    make_kiosk: KioskFactory,
) -> None:
    kiosk = make_kiosk(PRINTING, print_page=None)
    window = kiosk.window
    window.open("withdrawal/how-long")
    has_printer = not QPrinterInfo.defaultPrinter().isNull()
    assert window.handout.print_on_default_printer() is has_printer
    assert window.handout._dialog is None


def test_tags() -> None:
    action = QAction("x")
    assert role_of(action) == ""
    assert role_of(tag(action, PRINTS)) == PRINTS
    with pytest.raises(ValueError, match="unknown kiosk role"):
        tag(action, "opens_everything")
