"""Drives one kiosk session in this process, as a visitor and then an administrator would.

Run as a script by test_kiosk_no_trace.py: `python kiosk_session.py PIN [fieldguide arguments]`.
It starts Field Guide through its real command line (`fieldguide --kiosk ...`), then reads an
article, scrolls, zooms, finds in the page, searches (the index in memory, as kiosk mode
keeps it), bookmarks, copies, follows a link, uses "Leave quickly", waits out "Still
reading?", and leaves with the chord and the PIN. The keys for search, bookmark
and zoom are the reader's standard ones, so they exercise those features once they exist.
Prints one JSON line: what happened, and what the process looked like from inside.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

import fieldguide
from fieldguide import cli
from fieldguide.ui.kiosk import KioskController

ARTICLE = "withdrawal/how-long-it-lasts"
report: dict[str, object] = {"steps": [], "resets": []}
Mod = Qt.KeyboardModifier


def focused(window: QWidget) -> QWidget:
    """Where typing goes now (the search or find box, once the reader has one)."""
    return QApplication.focusWidget() or window


def standard_key(kiosk: KioskController, which: QKeySequence.StandardKey) -> None:
    for binding in QKeySequence.keyBindings(which)[:1]:
        combo = binding[0]
        QTest.keyClick(kiosk.window.view, combo.key(), combo.keyboardModifiers())


def visitor(kiosk: KioskController) -> None:
    window = kiosk.window
    window.activateWindow()
    tree = window.tree
    tree.expand(window.model.index_of("withdrawal"))
    rect = tree.visualRect(window.model.index_of(ARTICLE))
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    report["read"] = window.current_slug
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_PageDown)
    standard_key(kiosk, QKeySequence.StandardKey.ZoomIn)
    window.view.zoomIn(2)
    standard_key(kiosk, QKeySequence.StandardKey.Find)
    QTest.keyClicks(focused(window), "dope sick")
    QTest.keyClick(focused(window), Qt.Key.Key_Return)
    QTest.keyClick(window.view, Qt.Key.Key_D, Mod.ControlModifier)  # bookmark (browsers' key)
    window.view.selectAll()
    QTest.keyClick(window.view, Qt.Key.Key_C, Mod.ControlModifier)  # copy
    window.open("home")
    window.open(ARTICLE)
    standard_key(kiosk, QKeySequence.StandardKey.Back)
    report["steps"].append("visitor")  # type: ignore[union-attr]


def search(kiosk: KioskController) -> None:
    """Search as the reader will once it has a search box: the index where kiosk mode puts it
    (in memory), built from the library at run time."""
    from fieldguide import paths
    from fieldguide.search import ensure_index

    where = paths.locate_user_data(kiosk=True)
    handle = ensure_index(paths.bundled_library_dir(), None, where.cache_dir)
    results = handle.searcher().search("dope sick", limit=5)
    report["search"] = {"where": handle.where, "hits": len(results.hits)}
    handle.close()
    report["steps"].append("search")  # type: ignore[union-attr]


def leave_quickly(kiosk: KioskController) -> None:
    QTest.mouseClick(kiosk.leave_button, Qt.MouseButton.LeftButton)
    report["neutral_shown"] = kiosk.neutral.isVisible()
    QTest.mouseClick(kiosk.neutral.button, Qt.MouseButton.LeftButton)
    report["steps"].append("leave quickly")  # type: ignore[union-attr]


def idle(kiosk: KioskController) -> None:
    kiosk.window.open(ARTICLE)
    kiosk.ticker.setInterval(10)  # the countdown in milliseconds rather than seconds
    kiosk.start_countdown()
    report["countdown_shown"] = kiosk.countdown.isVisible()
    report["steps"].append("idle")  # type: ignore[union-attr]


def administrator(kiosk: KioskController, pin: str) -> None:
    window = kiosk.window
    report["slug_after_reset"] = window.current_slug
    window.close()  # refused
    QTest.keyClick(
        window.view, Qt.Key.Key_K, Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier
    )
    report["pin_pad_shown"] = kiosk.pin_pad.isVisible()
    for digit in pin:
        QTest.mouseClick(kiosk.pin_pad.keys[digit], Qt.MouseButton.LeftButton)
    report["steps"].append("administrator")  # type: ignore[union-attr]
    QTest.mouseClick(kiosk.pin_pad.unlock_button, Qt.MouseButton.LeftButton)


def drive(kiosk: KioskController, pin: str) -> None:
    kiosk.reset_done.connect(lambda reason: report["resets"].append(reason))  # type: ignore[union-attr]
    kiosk.exited.connect(lambda: report.__setitem__("exited", True))
    steps: list[Callable[[], None]] = [
        lambda: visitor(kiosk),
        lambda: search(kiosk),
        lambda: leave_quickly(kiosk),
        lambda: visitor(kiosk),
        lambda: idle(kiosk),
    ]

    def next_step() -> None:
        if steps:
            steps.pop(0)()
            QTimer.singleShot(20, next_step)
        elif kiosk.countdown.isVisible():
            QTimer.singleShot(20, next_step)  # wait for the idle reset
        else:
            administrator(kiosk, pin)

    QTimer.singleShot(50, next_step)


def main() -> int:
    pin, args = sys.argv[1], sys.argv[2:]
    show = KioskController.show

    def show_and_drive(self: KioskController) -> None:
        show(self)
        drive(self, pin)

    KioskController.show = show_and_drive  # type: ignore[method-assign]
    code = cli.main(["--kiosk", *args])
    report["exit_code"] = code
    report["package"] = os.path.dirname(fieldguide.__file__)
    report["dont_write_bytecode"] = sys.dont_write_bytecode
    report["environment"] = {
        name: os.environ.get(name) for name in ("QT_FORCE_STDERR_LOGGING", "SESSION_MANAGER")
    }
    try:
        import resource

        report["core_limit"] = list(resource.getrlimit(resource.RLIMIT_CORE))
    except ImportError:
        pass
    if sys.platform.startswith("linux"):
        import ctypes

        report["dumpable"] = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE
    print(json.dumps(report), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
