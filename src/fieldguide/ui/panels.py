"""The Bookmarks and History side panels, made when first shown rather than before the first paint.

Their toolbar and menu actions exist from the start (Ctrl+B, Ctrl+H); the panels themselves,
their modules and their Qt types cost ~10 ms, so they are made when the reader first opens one,
when the saved session shows one, or by `build()` once the window has painted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from fieldguide.ui.lean import keys_after_paint
from fieldguide.ui.themes import IconBook

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from fieldguide.ui.bookmarks_panel import BookmarksPanel
    from fieldguide.ui.history_panel import HistoryPanel

PanelMaker = Callable[[], "tuple[BookmarksPanel, HistoryPanel]"]


class ReaderPanels(QObject):
    """Owns `bookmarks_action` and `history_action` (checked: the panel shows) and the two
    docks, which `make()` builds on first need. `restore()` puts back the saved session."""

    def __init__(self, window: QMainWindow, make: PanelMaker, icons: IconBook) -> None:
        super().__init__(window)
        self._window = window
        self._make = make
        self._docks: tuple[BookmarksPanel, HistoryPanel] | None = None
        self._use_saved_place = False  # the saved window state has the panels' places
        self.bookmarks_action = self._action(
            self.tr("Bookmarks"), "Ctrl+B", self.tr("Show or hide your bookmarks (Ctrl+B)")
        )
        icons.attach(self.bookmarks_action, "bookmarks")
        self.history_action = self._action(
            self.tr("History"), "Ctrl+H", self.tr("Show or hide the pages you have read (Ctrl+H)")
        )
        icons.attach(self.history_action, "history")

    def _action(self, text: str, keys: str, tip: str) -> QAction:
        action = QAction(text, self._window, checkable=True)
        keys_after_paint(action, keys)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.toggled.connect(self._action_toggled)
        return action

    @property
    def built(self) -> bool:
        """True once the two panels exist."""
        return self._docks is not None

    @property
    def bookmarks(self) -> BookmarksPanel:
        """The Bookmarks panel (made now if it was not yet)."""
        return self.build()[0]

    @property
    def history(self) -> HistoryPanel:
        """The History panel (made now if it was not yet)."""
        return self.build()[1]

    def build(self) -> tuple[BookmarksPanel, HistoryPanel]:
        """Make both panels, docked on the right (or where the saved session had them), each
        shown as its action says."""
        if self._docks is not None:
            return self._docks
        from PySide6.QtCore import Qt

        docks = self._docks = self._make()
        for dock, action in zip(docks, (self.bookmarks_action, self.history_action), strict=True):
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if self._use_saved_place:
                self._window.restoreDockWidget(dock)  # as restoreState() would have placed it
            dock.setVisible(action.isChecked())
            # The dock's own close button unchecks the action; closing the window hides the
            # docks too, which must not count as the reader closing them.
            dock.toggleViewAction().toggled.connect(
                lambda on, action=action: self._window.isVisible() and action.setChecked(on)
            )
        return docks

    def restore(self, show_bookmarks: bool, show_history: bool, saved_place: bool) -> None:
        """Show the panels the reader had open last time (made now, so they are in the first
        paint); `saved_place`: restoreState() had their places, for when they are made."""
        self._use_saved_place = saved_place
        self.bookmarks_action.setChecked(show_bookmarks)
        self.history_action.setChecked(show_history)

    def _action_toggled(self, on: bool) -> None:
        if on or self._docks is not None:
            for dock, action in zip(
                self.build(), (self.bookmarks_action, self.history_action), strict=True
            ):
                dock.setVisible(action.isChecked())
