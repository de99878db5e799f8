"""The floor for start-up: a bare PySide6 window with a tree and a text browser, nothing else.

    python build_scripts/floor_window.py

Paints a page about as long as the reader's start page, prints one JSON line the way
`fieldguide --exit-after-start` does (ms since this script began and since the OS started the
process), then quits. bench_startup.py compares the reader with it.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent, QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeView,
)

PAGE = (
    "<h1>Welcome</h1>"
    + "<p>This guide explains a health topic in plain words, one short page at a time.</p>" * 6
    + "<h2>Where to start</h2><ul>"
    + "<li><a href='a'>A page of the guide</a> and what it covers</li>" * 8
    + "</ul>"
)


def ms_since_process_start() -> float | None:
    """Milliseconds since the OS started this process (Linux; None elsewhere)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started_s = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return round((time.clock_gettime(time.CLOCK_BOOTTIME) - started_s) * 1000, 1)
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class Browser(QTextBrowser):
    """Reports its first paint, then quits."""

    reported = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.reported:
            self.reported = True
            line = {
                "event": "first-paint",
                "ms_since_main": round((time.perf_counter() - STARTED) * 1000, 1),
                "ms_since_process_start": ms_since_process_start(),
            }
            print(json.dumps(line), flush=True)
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    model = QStandardItemModel()
    for t in range(8):
        topic = QStandardItem(f"Topic {t}")
        for a in range(4):
            topic.appendRow(QStandardItem(f"Article {t}.{a}"))
        model.appendRow(topic)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(model)
    browser = Browser()
    browser.setHtml(PAGE)
    splitter = QSplitter()
    splitter.addWidget(tree)
    splitter.addWidget(browser)
    window = QMainWindow()
    window.setCentralWidget(splitter)
    window.resize(1000, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
