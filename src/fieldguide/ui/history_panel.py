"""The History panel: pages read, most recent first; a click (or Enter) opens one again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldguide.ui.userdata_bridge import UserDataBridge
from fieldguide.userdata import Changes, HistoryEntry

SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when(visited: float, now: dt.datetime, yesterday: str = "yesterday") -> str:
    """A short, plain time for a visit: "10:42" today, "yesterday", or "3 Nov"."""
    moment = dt.datetime.fromtimestamp(visited)
    days = (now.date() - moment.date()).days
    if days <= 0:
        return f"{moment.hour:02d}:{moment.minute:02d}"
    if days == 1:
        return yesterday
    return f"{moment.day} {MONTHS[moment.month - 1]}"


class HistoryPanel(QDockWidget):
    """Lists `user.history`; emits `open_requested(slug)` when the reader picks a page."""

    open_requested = Signal(str)

    def __init__(self, user: UserDataBridge, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("History"), parent)
        self.setObjectName("historyPanel")
        self.setAccessibleName(self.tr("History"))
        self.setAccessibleDescription(self.tr("Pages you have read, the most recent first"))
        self._user = user

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Pages you have read"))
        self.list.setAccessibleDescription(
            self.tr("The most recent first. Press Enter or click to read a page again.")
        )
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._picked)
        self.list.itemActivated.connect(self._picked)
        self.empty = QLabel(self.tr("Pages you read will be listed here."))
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("History is empty"))
        self.empty.setAccessibleDescription(self.tr("No pages have been read yet"))
        self.clear_button = QPushButton(self.tr("Clear history"))
        self.clear_button.setAccessibleName(self.tr("Clear history"))
        self.clear_button.setAccessibleDescription(self.tr("Forget every page you have read"))
        self.clear_button.clicked.connect(user.clear_history)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)
        self.setWidget(body)

        self._stale = True
        user.changed.connect(self._data_changed)
        self.refresh()

    def entries(self) -> tuple[HistoryEntry, ...]:
        """What the panel lists, in order."""
        return self._user.history

    def refresh(self) -> None:
        """List the history again from the store."""
        self._stale = False
        now = dt.datetime.now()
        entries = self.entries()
        self.list.clear()
        for entry in entries:
            time = when(entry.visited, now, self.tr("yesterday"))
            item = QListWidgetItem(f"{entry.title}  ·  {time}")
            item.setData(SLUG_ROLE, entry.slug)
            item.setToolTip(entry.title)
            self.list.addItem(item)
        self.empty.setVisible(not entries)
        self.clear_button.setEnabled(bool(entries))

    def _data_changed(self, changes: Changes) -> None:
        # Later, not now: the change may come from a click on an item this would delete.
        if changes.history and not self._stale:
            self._stale = True
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def _picked(self, item: QListWidgetItem) -> None:
        slug = item.data(SLUG_ROLE)
        if isinstance(slug, str):
            self.open_requested.emit(slug)
