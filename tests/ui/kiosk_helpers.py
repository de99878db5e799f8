"""Shared set-up for the kiosk tests: a real main window on a small library, locked down."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from fieldguide.config import KioskSettings, hash_pin
from fieldguide.library.loader import load_library
from fieldguide.library.service import LibraryService
from fieldguide.ui import MainWindow
from fieldguide.ui.kiosk import KioskController
from tests.library_factory import write_library

TICK_MS = 20  # one kiosk "second" in these tests
PIN = "2468"
PIN_HASH = hash_pin(PIN)
# The test config: 3 "seconds" idle, 2 of countdown; a PIN; the default chord.
SETTINGS = KioskSettings(enabled=True, idle_timeout=3, countdown=2, pin_hash=PIN_HASH)
CHORD = "Ctrl+Alt+Shift+K"


class FakePart:
    """A Resettable that counts its resets."""

    def __init__(self) -> None:
        self.resets = 0

    def reset(self) -> None:
        self.resets += 1


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def new_window(tmp_path: Path, qtbot: QtBot) -> MainWindow:
    root = write_library(tmp_path / "lib")
    window = MainWindow(LibraryService(load_library(root)))
    qtbot.addWidget(window)
    return window


KioskFactory = Callable[..., KioskController]
