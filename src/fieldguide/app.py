"""Composition root: builds the library, services and window from the command line, runs Qt."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from fieldguide import notrace, paths
from fieldguide.config import Config, load_config
from fieldguide.helpinfo import LocalHelpService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from fieldguide.library.model import Library, Problem
    from fieldguide.library.service import LibraryService, Page
    from fieldguide.ui import MainWindow
    from fieldguide.ui.kiosk import KioskController
    from fieldguide.ui.session_reset import SessionReset

log = logging.getLogger(__name__)

DESKTOP_ID = "org.fieldguide.FieldGuide"  # resources/linux/<this>.desktop


def library_dir(args: argparse.Namespace) -> Path:
    """The library folder to open: --library, else the bundled one."""
    return Path(args.library) if args.library else paths.bundled_library_dir()


def load_guide_with_sites(
    root: Path, config: Config, config_problems: tuple[Problem, ...] = ()
) -> tuple[Library, str]:
    """The guide in `root` with the config's site libraries shown beside it (library.sites), and
    a one-line notice for the window when some site cannot be shown ("" when all are). The
    config's start_page may then be a site page ("our-clinic/local-services")."""
    from fieldguide.library.loader import load_library
    from fieldguide.library.sites import combine, load_sites, site_notice

    # No link check of the guide: it reads every article; `fieldguide check` does it.
    combined = combine(load_library(root, check_links=False), load_sites(config.libraries))
    for site in combined.sites:
        for problem in site.problems:
            log.warning("Site library %s: %s", site.folder, problem)
    missing = sum(problem.code == "config-bad-path" for problem in config_problems)
    return combined.library, site_notice(combined, missing)


def run(args: argparse.Namespace, started: float) -> int:
    """Open the reader; with --exit-after-start, quit after the first paint of the start page."""
    if args.self_test:
        return _self_test(args)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fieldguide.search.handle import default_index_path
    from fieldguide.search.service import SearchService
    from fieldguide.ui import MainWindow
    from fieldguide.ui.tasks import TaskRunner

    config, config_problems = load_config(Path(args.config) if args.config else None)
    for problem in config_problems:
        log.warning("%s", problem)
    kiosk_mode = bool(args.kiosk or config.kiosk.enabled)
    if kiosk_mode:
        notrace.apply_no_trace()  # before Qt starts: nothing of this run may reach the disk
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("Field Guide")
    qt_app.setOrganizationName("Field Guide")
    _set_identity(qt_app)

    stored_start: Page | None = None
    if config.libraries or config.start_page:  # the index knows the guide alone, its own home
        library, notice = load_guide_with_sites(library_dir(args), config, config_problems)
    else:
        from fieldguide.startup import open_library

        library, stored_start = open_library(library_dir(args))
        notice = ""
    service = LocalHelpService(library, config)
    search, tasks, folder = SearchService(), TaskRunner(qt_app), library_dir(args)
    window = MainWindow(service, search.search, tasks)

    def prepare_search() -> None:  # off the UI thread; a search typed meanwhile waits for it
        window.search.prepare(
            lambda: search.prepare(
                folder,
                default_index_path(folder),
                paths.locate_user_data(kiosk=kiosk_mode).cache_dir,  # None in a kiosk: memory
                library,  # its site libraries are searched too
            )
        )

    if notice:
        window.statusBar().showMessage(notice)
    start = start_slug(config, service)
    go_home = partial(window.open, start) if start else _start_page(window, service, stored_start)
    kiosk = _kiosk(qt_app, window, config, go_home) if kiosk_mode else None
    go_home()
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
                "kiosk": kiosk is not None,
            }
            print(json.dumps(line), flush=True)
            QTimer.singleShot(0, kiosk.release if kiosk else qt_app.quit)

        window.view.painted.connect(report, type=_single_shot_connection())
    else:  # after the first paint, so that their threads do not slow it down
        window.view.painted.connect(
            lambda: (prepare_search(), _preload(window)), type=_single_shot_connection()
        )
    if kiosk:
        kiosk.show()
    else:
        window.show()
    qt_app.exec()
    tasks.shutdown()
    return result["exit"]


def start_slug(config: Config, service: LibraryService) -> str:
    """The config's start page when the library has it; "" for the library's own start page."""
    wanted = config.start_page
    if wanted and (service.library.article(wanted) or service.library.topic(wanted)):
        return wanted
    if wanted:
        log.warning("The start page %r in the settings is not in the library.", wanted)
    return ""


def kiosk_resets(window: MainWindow) -> SessionReset:
    """Everything of the window that keeps part of a visitor's session, to wipe on a kiosk reset."""
    from fieldguide.ui.session_reset import CallReset, SessionReset, TreeReset, ViewReset

    return SessionReset(
        [
            TreeReset(window.tree),
            ViewReset(window.view),
            CallReset(window.find_bar.field.clear),
            CallReset(window.find_bar.close_bar),
            CallReset(lambda: window.contents.set_expanded(True)),
            CallReset(window.statusBar().clearMessage),
            window.search,  # the box, the results and "did you mean"
        ]
    )


def _kiosk(
    qt_app: QApplication, window: MainWindow, config: Config, go_home: Callable[[], None]
) -> KioskController:
    """Lock the window into kiosk mode (see ui/kiosk.py); each reset ends with `go_home()`."""
    from fieldguide.ui.kiosk import KioskController

    kiosk = KioskController(
        window,
        config.kiosk,
        go_home=go_home,
        resets=kiosk_resets(window),
        print_page=window.handout.print_on_default_printer,
    )
    kiosk.install(qt_app)
    kiosk.exited.connect(qt_app.quit)
    return kiosk


def _start_page(
    window: MainWindow, service: LibraryService, stored: Page | None
) -> Callable[[], None]:
    """Show the start page: the one stored in the index until the library is read, then the
    service's (the same page, unless the library changed since its index was built)."""
    from fieldguide.startup import LazyLibrary

    def show() -> None:
        library = service.library
        if stored is not None and isinstance(library, LazyLibrary) and not library.loaded:
            window.show_page(stored)
        else:
            window.show_page(service.start_page())

    return show


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
