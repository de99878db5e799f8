"""Returning where the reader was: window, panels, page and scroll saved to the user-data store
as they change, and put back at the next start. Saved data never stops the window opening."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject

from fieldguide.userdata import Session

if TYPE_CHECKING:
    from fieldguide.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def to_text(data: QByteArray) -> str:
    """Qt's saved state as base64 text (the store never sees a QByteArray)."""
    return bytes(data.toBase64().data()).decode("ascii")


def from_text(text: str) -> QByteArray:
    """The QByteArray back from base64 text ("" gives an empty array)."""
    return QByteArray.fromBase64(text.encode("ascii", "ignore"))


class ReaderSession(QObject):
    """Watches the window and tells the store: pages read (history), the page and scroll
    (last position), zoom, theme and panels (preferences), and on close the window's geometry
    and layout (session). `restore_window()` and `restore_reading()` put them back."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._user = window.user
        self._restoring = False
        window.page_shown.connect(self._page_shown)
        window.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        window.themes.choice_changed.connect(lambda c: self._user.set_preferences(theme=c))
        window.zoom.changed.connect(lambda p: self._user.set_preferences(zoom=p))
        for action, key in (
            (window.panels.bookmarks_action, "show_bookmarks"),
            (window.panels.history_action, "show_history"),
        ):
            action.toggled.connect(lambda on, key=key: self._panel_toggled(key, on))

    def finish_start(self) -> None:
        """After the first paint: watch for the window closing, to save its size and panels
        (an event filter sees every event of the window: none of the start's)."""
        self._window.installEventFilter(self)

    # -- saving as things change -----------------------------------------------------------

    def _page_shown(self, slug: str) -> None:
        page = self._window.current_page
        if not slug or page is None:
            return
        self._user.record_visit(slug, page.title)
        self._user.set_last_position(slug, self._window.view.scroll_fraction())

    def _scrolled(self, _value: int) -> None:
        slug = self._window.current_slug
        if slug:
            self._user.set_last_position(slug, self._window.view.scroll_fraction())

    def _panel_toggled(self, key: str, on: bool) -> None:
        if not self._restoring:
            self._user.set_preferences(**{key: on})

    def save_window(self) -> None:
        """Keep the window's size, place and panel layout (done when it closes)."""
        w = self._window
        self._user.set_session(
            Session(
                geometry=to_text(w.saveGeometry()),
                window_state=to_text(w.saveState()),
                splitter_state=to_text(w.splitter.saveState()),
            )
        )

    def eventFilter(self, watched: object, event: object) -> bool:
        closing = isinstance(event, QEvent) and event.type() == QEvent.Type.Close
        if watched is self._window and closing:
            self.save_window()
        return False

    # -- putting back ----------------------------------------------------------------------

    def restore_window(self) -> None:
        """Window size and place, panels and the tree's width, as they were (before show())."""
        w, saved, prefs = self._window, self._user.session, self._user.preferences
        self._restoring = True
        try:
            if saved.geometry and not w.restoreGeometry(from_text(saved.geometry)):
                log.info("saved window geometry not usable; default size kept")
            state_ok = bool(saved.window_state) and w.restoreState(from_text(saved.window_state))
            # The panels are made when shown: those the reader had open are made now, in their
            # saved places; the others when first opened.
            w.panels.restore(prefs.show_bookmarks, prefs.show_history, saved_place=state_ok)
            if saved.splitter_state:
                w.splitter.restoreState(from_text(saved.splitter_state))
            w.show_topics_action.setChecked(prefs.show_topics)
        finally:
            self._restoring = False

    def restore_reading(self) -> bool:
        """Open the page the reader last had, at the same place. False when there is none.

        A page that is no longer in the guide opens the start page instead, with a quiet note.
        """
        position = self._user.last_position
        if position is None:
            return False
        w = self._window
        if not w.service.exists(position.slug):
            log.info("last page %r is gone; opening the start page", position.slug)
            w.banner.show_message(
                self.tr(
                    "The page you were reading last time is no longer in this guide, "
                    "so Field Guide opened the start page."
                )
            )
            return False
        w.open(position.slug)
        if position.scroll > 0:
            w.view.set_scroll_fraction(position.scroll)
        elif position.anchor:
            w.view.scrollToAnchor(position.anchor)
        return True
