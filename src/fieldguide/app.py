"""Composition root: builds the library, services and window from the command line, runs Qt."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fieldguide import notrace, paths
from fieldguide.config import Config, load_config
from fieldguide.helpinfo import LocalHelpService
from fieldguide.qt_start import (
    collect_again_after,
    ms_since_process_start,
    qt_application,
    set_identity,
)

if TYPE_CHECKING:
    from fieldguide.library.model import Library, Problem
    from fieldguide.library.service import LibraryService, Page
    from fieldguide.ui import MainWindow
    from fieldguide.ui.file_dialogs import FileDialogs
    from fieldguide.ui.search_controller import SearchFn
    from fieldguide.ui.tasks import TaskRunner
    from fieldguide.userdata import UserData

log = logging.getLogger(__name__)


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


def open_user_data(config: Config, user_db: Path | None) -> UserData:
    """The reader's saved data in `user_db` (None: in memory only), with the config's text size
    and theme as the defaults."""
    from fieldguide.userdata import Preferences, UserData

    defaults = Preferences()
    try:
        defaults = Preferences(zoom=config.text_size, theme=config.theme)
    except ValueError as exc:  # the config clamps and checks; this is a last guard
        log.warning("config text size or theme not used: %s", exc)
    return UserData.open(user_db, defaults=defaults)


def home_page(
    window: MainWindow, service: LibraryService, start: str = "", stored: Page | None = None
) -> Callable[[], None]:
    """Opens the start page: `start` (from the config) when the library has it, else the
    library's home, else a plain message that there are no articles. Until the library is read,
    the home page stored in the search index (`stored`) is shown instead of rendering it."""
    from fieldguide.startup import LazyLibrary

    def show() -> None:
        slug = start if service.exists(start) else service.home
        library = service.library
        quick = isinstance(library, LazyLibrary) and not library.loaded
        if stored is not None and quick and slug == stored.slug:
            window.about_to_open.emit(slug, "")  # Back and History know it, as with open()
            window.show_page(stored)
        elif slug:
            window.open(slug)  # through open(), so Back and History know it
        else:
            window.show_page(service.start_page())

    return show


def build_window(
    service: LibraryService,
    store: UserData,
    files: FileDialogs | None,
    notice: str = "",
    start: str = "",
    search_fn: SearchFn | None = None,
    tasks: TaskRunner | None = None,
    stored_start: Page | None = None,
) -> MainWindow:
    """The window on a library and the reader's saved data, put back as the reader left it:
    size, panels, zoom, theme, the page and how far down it. Saved data never stops it opening.
    """
    from fieldguide.ui import MainWindow
    from fieldguide.ui.userdata_bridge import UserDataBridge

    user = UserDataBridge(store, service.library.id)
    window = MainWindow(service, search_fn, tasks, user=user, files=files)
    window.user.setParent(window)
    for text in (notice, *window.user.take_notices()):
        window.banner.show_message(text)
    window.session.restore_window()
    if not window.session.restore_reading():
        home_page(window, service, start, stored_start)()
    return window


def run(args: argparse.Namespace, started: float) -> int:
    """Open the reader; with --exit-after-start, quit after the first paint of the start page."""
    from fieldguide import qt_code

    # cli.main turned the garbage collector off for the start: see qt_start.collect_again_after
    qt_code.import_shiboken(qt_code.bundled_cache())  # before PySide6: see qt_code
    if args.self_test:
        return _self_test(args)
    from PySide6.QtCore import QTimer

    from fieldguide.search.service import SearchService
    from fieldguide.ui.file_dialogs import QtFileDialogs
    from fieldguide.ui.lean import once
    from fieldguide.ui.tasks import TaskRunner

    config, config_problems = load_config(Path(args.config) if args.config else None)
    for problem in config_problems:
        log.warning("%s", problem)
    kiosk_mode = bool(args.kiosk or config.kiosk.enabled)
    if kiosk_mode:
        notrace.apply_no_trace()  # before Qt starts: nothing of this run may reach the disk
    qt_app = qt_application()
    qt_app.setApplicationName("Field Guide")
    qt_app.setOrganizationName("Field Guide")
    set_identity(qt_app)

    stored_start: Page | None = None
    if config.libraries or config.start_page:  # the index knows the guide alone, its own home
        library, notice = load_guide_with_sites(library_dir(args), config, config_problems)
    else:
        from fieldguide.startup import open_library

        library, stored_start = open_library(library_dir(args))
        notice = ""
    service = LocalHelpService(library, config)
    where = paths.locate_user_data(kiosk=kiosk_mode)  # kiosk: memory, nothing touched
    # --exit-after-start measures the start page and keeps the reader's data in memory; the
    # window still says where the data would go (a locked stick), as a real start would.
    store = open_user_data(config, None if args.exit_after_start else where.user_db)
    files = None if kiosk_mode else QtFileDialogs()
    search, tasks, folder = SearchService(), TaskRunner(qt_app), library_dir(args)
    start = start_slug(config, service)
    window = build_window(
        service, store, files, where.notice, start, search.search, tasks, stored_start
    )
    qt_app.aboutToQuit.connect(window.user.close)  # write what is pending, then close the file

    def prepare_search() -> None:  # off the UI thread; a search typed meanwhile waits for it
        from fieldguide.search.handle import default_index_path

        window.search.prepare(
            lambda: search.prepare(
                folder,
                default_index_path(folder),
                where.cache_dir,  # None in a kiosk or when nothing can be written: memory
                library,  # its site libraries are searched too
            )
        )

    if notice:
        window.statusBar().showMessage(notice)
    collect_again_after(window)
    go_home = home_page(window, service, start, stored_start)
    kiosk = None
    if kiosk_mode:
        from fieldguide.ui.kiosk_setup import lock_window

        kiosk = lock_window(qt_app, window, config.kiosk, go_home)
    result = {"exit": 0}
    if args.exit_after_start:
        window.finish_after_paint = False  # the figures are of the start up to the first paint

        def report() -> None:
            elapsed = time.perf_counter() - started
            line = {
                "event": "first-paint",
                "ms_since_main": round(elapsed * 1000, 1),
                "ms_since_process_start": ms_since_process_start(),
                "slug": window.current_slug,
                "problems": _problem_count(library),
                "kiosk": kiosk is not None,
                # Where the reader's data goes on a real start (paths.DataMode), and the
                # notices the window shows (a locked stick, a saved-data problem).
                "user_data": where.mode,
                "banner": list(window.banner.messages),
            }
            print(json.dumps(line), flush=True)
            QTimer.singleShot(0, kiosk.release if kiosk else qt_app.quit)

        once(window.view.painted, report)
    else:  # after the first paint, so that their threads do not slow it down (the window
        # finishes its own start then too: MainWindow.finish_start)
        once(
            window.view.painted,
            lambda: QTimer.singleShot(0, lambda: (prepare_search(), _preload(window))),
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


def _self_test(args: argparse.Namespace) -> int:
    """--self-test: check library, rendering, search and Qt plugins, print one JSON line."""
    from fieldguide.selftest import run_self_test

    gc.enable()  # a long check, with no first paint to hurry

    return run_self_test(library_dir(args))
