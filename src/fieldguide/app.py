"""Composition root: builds the library, services and window from the command line, runs Qt."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from fieldguide import paths
from fieldguide.config import Config, load_config
from fieldguide.helpinfo import LocalHelpService
from fieldguide.library.loader import load_library
from fieldguide.library.service import LibraryService
from fieldguide.userdata import Preferences, UserData

if TYPE_CHECKING:
    from fieldguide.ui import MainWindow
    from fieldguide.ui.file_dialogs import FileDialogs

log = logging.getLogger(__name__)


def library_dir(args: argparse.Namespace) -> Path:
    """The library folder to open: --library, else the bundled one."""
    return Path(args.library) if args.library else paths.bundled_library_dir()


def open_user_data(config: Config, kiosk: bool) -> tuple[UserData, str]:
    """The reader's saved data (memory only in a kiosk) and a notice about where it lives."""
    where = paths.locate_user_data(kiosk=kiosk)
    defaults = Preferences()
    try:
        defaults = Preferences(zoom=config.text_size, theme=config.theme)
    except ValueError as exc:  # the config clamps and checks; this is a last guard
        log.warning("config text size or theme not used: %s", exc)
    return UserData.open(where.user_db, defaults=defaults), where.notice


def build_window(
    service: LibraryService,
    store: UserData,
    files: FileDialogs | None,
    notice: str = "",
    start_page: str = "",
) -> MainWindow:
    """The window on a library and the reader's saved data, put back as the reader left it:
    size, panels, zoom, theme, the page and how far down it. Saved data never stops it opening.
    """
    from fieldguide.ui import MainWindow
    from fieldguide.ui.userdata_bridge import UserDataBridge

    window = MainWindow(service, UserDataBridge(store, service.library.id), files)
    window.user.setParent(window)
    for text in (notice, *window.user.take_notices()):
        window.banner.show_message(text)
    window.session.restore_window()
    if window.session.restore_reading():
        return window
    start = start_page if service.exists(start_page) else service.home
    if start:
        window.open(start)
    else:
        window.show_page(service.start_page())  # no articles: says so in plain words
    return window


def run(args: argparse.Namespace, started: float) -> int:
    """Open the reader; with --exit-after-start, quit after the first paint of the start page."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fieldguide.ui.file_dialogs import QtFileDialogs

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("Field Guide")
    qt_app.setOrganizationName("Field Guide")
    QApplication.setStyle("Fusion")  # draws from our palettes the same way on every system

    config, config_problems = load_config(Path(args.config) if args.config else None)
    for problem in config_problems:
        log.warning("%s", problem)
    kiosk = bool(args.kiosk or config.kiosk.enabled)
    library = load_library(library_dir(args))
    service = LocalHelpService(library, config)
    # --exit-after-start measures the start page and leaves no trace: its data stays in memory.
    store, notice = open_user_data(config, kiosk or args.exit_after_start)
    files = None if kiosk else QtFileDialogs()
    window = build_window(service, store, files, notice, config.start_page)
    qt_app.aboutToQuit.connect(window.user.close)  # write what is pending, then close the file
    result = {"exit": 0}
    if args.exit_after_start:

        def report() -> None:
            elapsed = time.perf_counter() - started
            line = {
                "event": "first-paint",
                "ms_since_main": round(elapsed * 1000, 1),
                "ms_since_process_start": _ms_since_process_start(),
                "slug": window.current_slug,
                "problems": len(library.problems),
            }
            print(json.dumps(line), flush=True)
            QTimer.singleShot(0, qt_app.quit)

        window.view.painted.connect(report, type=_single_shot_connection())
    window.show()
    qt_app.exec()
    return result["exit"]


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
