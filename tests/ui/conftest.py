"""Fixtures of the UI tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldguide.config import KioskSettings, PinAttempts
from fieldguide.ui import MainWindow
from fieldguide.ui.kiosk import KioskController
from fieldguide.ui.kiosk_setup import kiosk_hidden_actions, kiosk_resets
from fieldguide.ui.session_reset import Resettable
from tests.ui.kiosk_helpers import SETTINGS, TICK_MS, KioskFactory, new_window


@pytest.fixture
def make_kiosk(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[KioskFactory]:
    """make_kiosk(settings=SETTINGS, *, parts=(), attempts=None, print_page=None, prepare=None)
    builds a window, lets `prepare(window)` add things to it, installs the kiosk and shows it."""
    made: list[KioskController] = []

    def make(
        settings: KioskSettings = SETTINGS,
        *,
        parts: tuple[Resettable, ...] = (),
        attempts: PinAttempts | None = None,
        print_page: Callable[[], bool] | None = None,
        prepare: Callable[[MainWindow], None] | None = None,
    ) -> KioskController:
        window = new_window(tmp_path, qtbot)
        if prepare is not None:
            prepare(window)
        resets = kiosk_resets(
            window
        )  # what a kiosk reset wipes (ui/kiosk_setup.py), then the test's own parts
        for part in parts:
            resets.add(part)
        kiosk = KioskController(
            window,
            settings,
            go_home=lambda: window.open("home"),
            resets=resets,
            attempts=attempts,
            print_page=print_page,
            tick_ms=TICK_MS,
            long_press_ms=3 * TICK_MS,
        )
        kiosk.install(qapp)
        window.zoom.refresh()  # as app.py does: the article follows the kiosk's larger text
        for action in kiosk_hidden_actions(window):
            action.setVisible(False)
        window.keep_help_in_sight()
        made.append(kiosk)
        window.open("home")
        kiosk.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.started)  # the keys are ready after the first paint
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        # Let the larger kiosk text settle the toolbars' height now, so that a test's mouse
        # stays on the same spot of the screen from one move to the next.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.uninstall()
