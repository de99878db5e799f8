"""The window's keys for find in page (Find, Find next, Find previous). The find bar itself
(ui/find_bar.py, and the Qt text types it needs) is made when one of them is first used."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from fieldguide.ui.lean import keys_after_paint

if TYPE_CHECKING:
    from fieldguide.ui.find_bar import FindBar


class FindActions(QObject):
    """Three actions for the window; `bar()` gives the find bar, made on its first call."""

    def __init__(self, parent: QObject, bar: Callable[[], FindBar]) -> None:
        super().__init__(parent)
        self._bar = bar
        self.find_action = self._action(self.tr("&Find on this page…"), "Find")
        self.find_action.triggered.connect(lambda: self._bar().open_bar())
        self.find_next_action = self._action(self.tr("Find &next"), "FindNext")
        self.find_next_action.triggered.connect(lambda: self._bar().next_from_anywhere())
        self.find_previous_action = self._action(self.tr("Find &previous"), "FindPrevious")
        self.find_previous_action.triggered.connect(lambda: self._bar().previous_from_anywhere())

    def _action(self, text: str, key: str) -> QAction:
        action = QAction(text, self)
        # The platform's keys for QKeySequence.StandardKey `key`, in the default context
        # (WindowShortcut): the window's keys.
        keys_after_paint(action, standard=key)
        return action

    def actions(self) -> list[QAction]:
        """Find, Find next and Find previous: add them to the window so their keys work anywhere."""
        return [self.find_action, self.find_next_action, self.find_previous_action]
