"""Composition root: builds the library, services and window from the command line, runs Qt."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from fieldguide import paths
from fieldguide.config import load_config
from fieldguide.helpinfo import LocalHelpService

if TYPE_CHECKING:
    from fieldguide.library.model import Library
    from fieldguide.library.service import Page
    from fieldguide.ui import MainWindow

log = logging.getLogger(__name__)

DESKTOP_ID = "org.fieldguide.FieldGuide"  # resources/linux/<this>.desktop


def library_dir(args: argparse.Namespace) -> Path:
    """The library folder to open: --library, else the bundled one."""
    return Path(args.library) if args.library else paths.bundled_library_dir()


def run(args: argparse.Namespace, started: float) -> int:
    """Open the reader; with --exit-after-start, quit after the first paint of the start page."""
    if args.self_test:
        return _self_test(args)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fieldguide.ui import MainWindow

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("Field Guide")
    qt_app.setOrganizationName("Field Guide")
    _set_identity(qt_app)

    config, config_problems = load_config(Path(args.config) if args.config else None)
    for problem in config_problems:
        log.warning("%s", problem)
    library, start_page = open_library(library_dir(args))
    service = LocalHelpService(library, config)
    window = MainWindow(service)
    window.show_page(start_page or service.start_page())
    result = {"exit": 0}
    if args.exit_after_start:

        def report() -> None:
            elapsed = time.perf_counter() - started
            line = {
                "event": "first-paint",
                "ms_since_main": round(elapsed * 1000, 1),
                "ms_since_process_start": _ms_since_process_start(),
                "slug": window.current_slug,
                "problems": _problem_count(library),
            }
            print(json.dumps(line), flush=True)
            QTimer.singleShot(0, qt_app.quit)

        window.view.painted.connect(report, type=_single_shot_connection())
    else:
        window.view.painted.connect(lambda: _preload(window), type=_single_shot_connection())
    window.show()
    qt_app.exec()
    return result["exit"]


def open_library(folder: Path) -> tuple[Library, Page | None]:
    """The library, and its start page when the prebuilt search index holds one.

    With that page the library itself is read after the first paint (a `LazyLibrary`: the
    index's catalog answers until then), so the window opens without PyYAML or Markdown.
    Without it (no index, damaged, of another version) the library is read now, as before.
    """
    from fieldguide.startup import LazyLibrary, read_quick_start

    def load() -> Library:
        from fieldguide.library.loader import load_library

        # No link check: it reads every article; `fieldguide check` does it, the reader need not.
        return load_library(folder, check_links=False)

    quick = read_quick_start(folder)
    if quick is None:
        return load(), None
    return cast("Library", LazyLibrary(quick, load)), quick.page


def _problem_count(library: Library) -> int:
    """The library's problems, without reading a library that is not read yet."""
    from fieldguide.startup import LazyLibrary

    if isinstance(library, LazyLibrary):
        return library.problem_count()
    return len(library.problems)


def _preload(window: MainWindow) -> None:
    """After the first paint: read the library in a thread; if the index turns out to be out of
    date, show the library as it is (back on the window's thread)."""
    from PySide6.QtCore import QTimer

    from fieldguide.startup import LazyLibrary

    library = window.service.library
    if not isinstance(library, LazyLibrary):
        return

    def done(lazy: LazyLibrary) -> None:
        if lazy.stale:
            QTimer.singleShot(0, window, window.library_reloaded)

    library.preload(done)


def _set_identity(qt_app: object) -> None:
    """The window icon, and the desktop entry's name so that Wayland docks find that icon."""
    from PySide6.QtGui import QGuiApplication, QIcon

    assert isinstance(qt_app, QGuiApplication)
    qt_app.setDesktopFileName(DESKTOP_ID)
    icon = paths.resources_dir() / "icons" / "fieldguide.png"
    if icon.is_file():
        qt_app.setWindowIcon(QIcon(str(icon)))


def _self_test(args: argparse.Namespace) -> int:
    """--self-test: check library, rendering, search and Qt plugins, print one JSON line."""
    from fieldguide.selftest import run_self_test

    return run_self_test(library_dir(args))


def _single_shot_connection() -> object:
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.SingleShotConnection


def _ms_since_process_start() -> float | None:
    """Milliseconds since the OS started this process (Linux; None elsewhere)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started_s = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return round((time.clock_gettime(time.CLOCK_BOOTTIME) - started_s) * 1000, 1)
    except (OSError, ValueError, IndexError, AttributeError):
        return None
