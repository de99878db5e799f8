"""The reader's Qt application, made and set up for a fast first paint (app.run wires it).

PySide6 is imported inside the functions: `app.run` hands shiboken its prepared support code
(qt_code.py) before anything imports PySide6.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import TYPE_CHECKING

from fieldguide import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from fieldguide.ui import MainWindow

DESKTOP_ID = "org.fieldguide.FieldGuide"  # resources/linux/<this>.desktop


# Should the window not paint (started minimized), collections come back after this anyway.
COLLECT_AGAIN_MS = 3000


def collect_again_after(window: MainWindow) -> None:
    """Turn Python's cyclic garbage collector back on right after the window's first paint
    (the next turn of the event loop, once the paint is on the screen). run() turns it off as
    it starts: building the window makes many objects and frees few, and the collections the
    start would run (~18 M instructions, 3% of it, walking every new object) find next to
    nothing. The first collection after it walks them once, after the paint."""
    from PySide6.QtCore import QTimer

    from fieldguide.ui.lean import once

    once(window.view.painted, lambda: QTimer.singleShot(0, window, gc.enable))
    # No context object: that overload makes PySide6 build QMetaMethod's enums before the
    # first paint (~1 M instructions), and gc.enable() is harmless once the window is gone.
    QTimer.singleShot(COLLECT_AGAIN_MS, gc.enable)


# Qt's raster engine hands every fill of 96 or more lines (a toolbar's gradient) to a pool of
# threads and waits for them: for the first paint that started two threads and made ~110
# context switches, for fills that take less time than the hand-off. With this variable set
# (read by Qt's qguiapplication.cpp) Qt fills, converts and scales pictures on the calling
# thread; the guide's pictures are small. A value set by whoever starts the program is kept.
SERIAL_PAINTING = ("QT_NO_GUI_THREADPOOL", "1")


def qt_application() -> QApplication:
    """The QApplication, drawn by the Fusion style, which draws from our palettes the same way
    on every system. A new one is given Fusion on its command line: made by Qt as it starts,
    that costs nothing, where setStyle() afterwards costs ~6 ms of the first paint. Painting
    stays on the UI thread (SERIAL_PAINTING)."""
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault(*SERIAL_PAINTING)

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        QApplication.setStyle("Fusion")
        return existing
    return QApplication([*sys.argv[:1], "-style", "Fusion"])


def set_identity(qt_app: object) -> None:
    """The window icon, and the desktop entry's name so that Wayland docks find that icon."""
    from PySide6.QtGui import QGuiApplication, QIcon

    assert isinstance(qt_app, QGuiApplication)
    qt_app.setDesktopFileName(DESKTOP_ID)
    icon = paths.resources_dir() / "icons" / "fieldguide.png"
    if icon.is_file():
        qt_app.setWindowIcon(QIcon(str(icon)))


def ms_since_process_start() -> float | None:
    """Milliseconds since the OS started this process (Linux; None elsewhere)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started_s = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return round((time.clock_gettime(time.CLOCK_BOOTTIME) - started_s) * 1000, 1)
    except (OSError, ValueError, IndexError, AttributeError):
        return None
