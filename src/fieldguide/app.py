"""Composition root: builds the library, services and window from the command line, runs Qt."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from fieldguide import paths
from fieldguide.config import Config, load_config
from fieldguide.helpinfo import LocalHelpService
from fieldguide.library.loader import load_library
from fieldguide.library.model import Library, Problem
from fieldguide.library.sites import combine, load_sites, site_notice, with_start_page

log = logging.getLogger(__name__)


def library_dir(args: argparse.Namespace) -> Path:
    """The library folder to open: --library, else the bundled one."""
    return Path(args.library) if args.library else paths.bundled_library_dir()


def load_guide_with_sites(
    root: Path, config: Config, config_problems: tuple[Problem, ...] = ()
) -> tuple[Library, str]:
    """The guide in `root` with the config's site libraries shown beside it (library.sites),
    starting at the config's start page when that is an article of either; and a one-line
    notice for the window when some site cannot be shown ("" when all are)."""
    combined = combine(load_library(root), load_sites(config.libraries))
    for site in combined.sites:
        for problem in site.problems:
            log.warning("Site library %s: %s", site.folder, problem)
    missing = sum(problem.code == "config-bad-path" for problem in config_problems)
    return with_start_page(combined.library, config.start_page), site_notice(combined, missing)


def run(args: argparse.Namespace, started: float) -> int:
    """Open the reader; with --exit-after-start, quit after the first paint of the start page."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fieldguide.ui import MainWindow

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("Field Guide")
    qt_app.setOrganizationName("Field Guide")

    config, config_problems = load_config(Path(args.config) if args.config else None)
    for problem in config_problems:
        log.warning("%s", problem)
    library, notice = load_guide_with_sites(library_dir(args), config, config_problems)
    service = LocalHelpService(library, config)
    window = MainWindow(service)
    window.show_page(service.start_page())
    if notice:
        window.statusBar().showMessage(notice)
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
