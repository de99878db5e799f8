"""Kiosk mode on the reader's window: what a reset wipes, what a kiosk hides, and the lock
itself (`app.run` calls `lock_window` when the settings or the command line ask for a kiosk)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from fieldguide.config import KioskSettings
    from fieldguide.ui.kiosk import KioskController
    from fieldguide.ui.main_window import MainWindow
    from fieldguide.ui.session_reset import SessionReset


def kiosk_resets(window: MainWindow) -> SessionReset:
    """Everything of the window that keeps part of a visitor's session, to wipe on a kiosk reset."""
    from fieldguide.ui.session_reset import CallReset, SessionReset, TreeReset, ViewReset

    return SessionReset(
        [
            TreeReset(window.tree),
            ViewReset(window.view),
            CallReset(window.close_find_bar),
            # Folded: on a kiosk's touch rows the list would push the article off a small screen.
            CallReset(lambda: window.contents.set_expanded(False)),
            CallReset(window.statusBar().clearMessage),
            window.search,  # the box, the results and "did you mean"
            # The reader's own data: bookmarks, history, position, zoom, theme; then the parts
            # that show them (the kiosk opens the start page last, as the first history entry).
            CallReset(window.user.reset),
            CallReset(window.navigator.reset),
            CallReset(window.zoom.reset),
            CallReset(lambda: window.themes.set_choice(window.user.preferences.theme)),
            CallReset(lambda: window.panels.bookmarks_action.setChecked(False)),
            CallReset(lambda: window.panels.history_action.setChecked(False)),
            CallReset(window.banner.dismiss),
        ]
    )


def kiosk_hidden_actions(window: MainWindow) -> list[QAction]:
    """The reader's personal tools, which a kiosk leaves out: the star and the two panels."""
    return [
        window.star.action,
        window.panels.bookmarks_action,
        window.panels.history_action,
    ]


def lock_window(
    qt_app: QApplication,
    window: MainWindow,
    settings: KioskSettings,
    go_home: Callable[[], None],
) -> KioskController:
    """Lock the window into kiosk mode (see ui/kiosk.py); each reset ends with `go_home()`."""
    from fieldguide.ui.kiosk import KioskController

    kiosk = KioskController(
        window,
        settings,
        go_home=go_home,
        resets=kiosk_resets(window),
        print_page=window.handout.print_on_default_printer,
    )
    kiosk.install(qt_app)
    window.zoom.refresh()  # the article follows the kiosk's larger text
    window.contents.set_expanded(False)  # "On this page" opens with one tap
    # Bookmarks and history would vanish at every reset: a kiosk does not offer them.
    for action in kiosk_hidden_actions(window):
        action.setVisible(False)
    window.keep_help_in_sight()  # Get help now is wider in the larger text too
    kiosk.exited.connect(qt_app.quit)
    return kiosk
