"""Drives one short reading session of the real program in this process, as a reader would.

Run as a script by test_portable_readonly.py: `python reader_session.py [fieldguide arguments]`.
It starts Field Guide through its real command line (`fieldguide ...`, a normal start: the
reader's data is saved where the program decides), notes what the window shows at the start
(the page it came back to, the banner, the bookmarks), types a search and presses Enter (which
opens the first result), bookmarks that page with Ctrl+D and closes the window, as a reader
closing Field Guide does: the data is written on the way out. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

import fieldguide
from fieldguide import cli
from fieldguide.ui import MainWindow

QUERY = "dope sick"
report: dict[str, Any] = {}


def drive(window: MainWindow) -> None:
    report["start"] = {
        "slug": window.current_slug,
        "banner": list(window.banner.messages),
        "bookmarks": [b.slug for b in window.user.bookmarks],
    }
    controller = window.search.controller

    def searched(results: Any, _asked: Any) -> None:
        report["hits"] = len(results.hits)
        report["read"] = window.current_slug  # Enter opened the first result
        if not window.user.is_bookmarked(window.current_slug):
            QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        report["bookmarks"] = [b.slug for b in window.user.bookmarks]
        window.close()

    def failed(message: str) -> None:
        report["search_failed"] = message
        window.close()

    # After the panel's own slots: the first result is open by then.
    controller.results_ready.connect(searched, type=Qt.ConnectionType.SingleShotConnection)
    controller.failed.connect(failed, type=Qt.ConnectionType.SingleShotConnection)
    window.search.box.setFocus()
    QTest.keyClicks(window.search.box, QUERY)
    QTest.keyClick(window.search.box, Qt.Key.Key_Return)


def main() -> int:
    show = MainWindow.show

    def show_and_drive(self: MainWindow) -> None:
        show(self)
        QTimer.singleShot(0, lambda: drive(self))

    MainWindow.show = show_and_drive  # type: ignore[method-assign, assignment]
    code = cli.main(sys.argv[1:])
    report["exit_code"] = code
    report["package"] = os.path.dirname(fieldguide.__file__)
    print(json.dumps(report), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
