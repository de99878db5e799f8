"""The Bookmarks panel: open, rename, remove, reorder (drag or Up/Down), sort, and save to or
bring in from a small JSON file. Every change is an intent to the user-data store."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldguide.ui.bookmark_files import BookmarkFiles
from fieldguide.ui.file_dialogs import FileDialogs
from fieldguide.ui.userdata_bridge import UserDataBridge
from fieldguide.userdata import Bookmark, Changes

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

# Says why a bookmark cannot be opened here ("" when it can).
Availability = Callable[[Bookmark], str]


class BookmarksPanel(QDockWidget):
    """Lists the reader's bookmarks in their order. `open_requested(slug)` opens one.

    `files` chooses files for export and import; None hides both (a kiosk has no file access).
    """

    open_requested = Signal(str)

    def __init__(
        self,
        user: UserDataBridge,
        availability: Availability,
        files: FileDialogs | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Bookmarks"), parent)
        self.setObjectName("bookmarksPanel")
        self.setAccessibleName(self.tr("Bookmarks"))
        self.setAccessibleDescription(self.tr("Pages you keep, in your own order"))
        self._user = user
        self._availability = availability
        self._files = files
        self._stale = True
        self._refreshing = False

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Your bookmarks"))
        self.list.setAccessibleDescription(
            self.tr("Press Enter to read a page, F2 to rename it, Delete to remove it.")
        )
        self.list.setSpacing(2)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemActivated.connect(self._open_item)
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.model().rowsMoved.connect(self._dragged)
        delete = QAction(self.tr("Remove"), self.list)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not while renaming
        delete.triggered.connect(self.remove)
        self.list.addAction(delete)

        self.empty = QLabel(
            self.tr("No bookmarks yet. Press the star (Ctrl+D) to keep the page you are reading.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No bookmarks yet"))
        self.empty.setAccessibleDescription(self.tr("How to add a bookmark"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Bookmarks message"))
        self.message.setAccessibleDescription(self.tr("What the last action did"))
        self.message.hide()

        b = self._button
        self.open_button = b(self.tr("Open"), self.tr("Read the chosen page"), self.open_current)
        self.rename_button = b(
            self.tr("Rename"), self.tr("Give the chosen bookmark your own name"), self.rename
        )
        self.remove_button = b(
            self.tr("Remove"), self.tr("Remove the chosen bookmark"), self.remove
        )
        self.up_button = b(self.tr("Move up"), self.tr("Move the chosen bookmark up"), self.move_up)
        self.down_button = b(
            self.tr("Move down"), self.tr("Move the chosen bookmark down"), self.move_down
        )
        self.sort_button = QToolButton()
        self.sort_button.setText(self.tr("Sort"))
        self.sort_button.setAccessibleName(self.tr("Sort"))
        self.sort_button.setAccessibleDescription(self.tr("Put the bookmarks in order"))
        self.sort_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sort_menu = QMenu(self.sort_button)
        self.sort_by_name = self.sort_menu.addAction(self.tr("By name (A to Z)"))
        self.sort_by_name.triggered.connect(lambda: self.sort("name"))
        self.sort_by_date = self.sort_menu.addAction(self.tr("By date added (oldest first)"))
        self.sort_by_date.triggered.connect(lambda: self.sort("created"))
        self.sort_button.setMenu(self.sort_menu)
        self.transfer = BookmarkFiles(user, files, self, self.say)
        self.export_button = b(
            self.tr("Save to file…"), self.tr("Save your bookmarks in a file"), self.export
        )
        self.import_button = b(
            self.tr("Add from file…"),
            self.tr("Add the bookmarks saved in a file to yours"),
            self.import_,
        )

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        grid = QGridLayout()
        for i, widget in enumerate(
            (self.open_button, self.rename_button, self.remove_button, self.sort_button)
        ):
            grid.addWidget(widget, 0, i)
        grid.addWidget(self.up_button, 1, 0, 1, 2)
        grid.addWidget(self.down_button, 1, 2, 1, 2)
        grid.addWidget(self.export_button, 2, 0, 1, 2)
        grid.addWidget(self.import_button, 2, 2, 1, 2)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        self.setWidget(body)
        # Only once in the panel: shown while it had no parent, a button would open as a
        # window of its own (and take the keyboard from the reader's window).
        self.export_button.setVisible(files is not None)
        self.import_button.setVisible(files is not None)

        user.changed.connect(self._data_changed)
        self.refresh()

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(tip)
        button.clicked.connect(slot)
        return button

    # -- showing ---------------------------------------------------------------------------

    def refresh(self, select: tuple[str, str] | None = None) -> None:
        """List the bookmarks again from the store, keeping the chosen one chosen."""
        self._stale = False
        keep = select or self.current_key()
        self._refreshing = True
        try:
            self.list.clear()
            for bookmark in self._user.bookmarks:
                self.list.addItem(self._item(bookmark))
                if bookmark.key == keep:
                    self.list.setCurrentRow(self.list.count() - 1)
        finally:
            self._refreshing = False
        self.empty.setVisible(self.list.count() == 0)
        self._update_buttons()

    def _item(self, bookmark: Bookmark) -> QListWidgetItem:
        item = QListWidgetItem(bookmark.name)
        item.setData(KEY_ROLE, bookmark.key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        problem = self._availability(bookmark)
        if problem:
            item.setToolTip(problem)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            item.setText(f"{bookmark.name} — {problem}")
        else:
            item.setToolTip(bookmark.title)
        return item

    def names(self) -> list[str]:
        """The names shown, in order (label or title)."""
        return [b.name for b in self._user.bookmarks]

    def current_key(self) -> tuple[str, str] | None:
        item = self.list.currentItem()
        key = item.data(KEY_ROLE) if item is not None else None
        if isinstance(key, (tuple, list)) and len(key) == 2:
            return (str(key[0]), str(key[1]))
        return None

    def current_bookmark(self) -> Bookmark | None:
        key = self.current_key()
        return next((b for b in self._user.bookmarks if b.key == key), None)

    def say(self, text: str) -> None:
        """Show a short message under the list (what an action did, or why it could not)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        chosen = row >= 0
        for button in (self.open_button, self.rename_button, self.remove_button):
            button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < count - 1)
        self.sort_button.setEnabled(count > 1)
        self.export_button.setEnabled(count > 0)

    def _data_changed(self, changes: Changes) -> None:
        # Later, not now: the change may come from an item this would delete.
        if changes.bookmarks and not self._stale:
            self._stale = True
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    # -- intents ---------------------------------------------------------------------------

    def open_current(self) -> None:
        bookmark = self.current_bookmark()
        if bookmark is None:
            return
        if bookmark.library_id != self._user.library_id:
            self.say(self._availability(bookmark))
            return
        self.open_requested.emit(bookmark.slug)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.list.setCurrentItem(item)
        self.open_current()

    def rename(self) -> None:
        """Start editing the chosen bookmark's name in place (Enter keeps it, Escape does not)."""
        item = self.list.currentItem()
        bookmark = self.current_bookmark()
        if item is None or bookmark is None:
            return
        self._refreshing = True
        item.setText(bookmark.name)  # without the "not in this guide" note
        self._refreshing = False
        self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._refreshing:
            return
        key = item.data(KEY_ROLE)
        bookmark = next((b for b in self._user.bookmarks if list(b.key) == list(key)), None)
        if bookmark is None or item.text() == bookmark.name:
            return
        self._user.rename_bookmark(bookmark, item.text().strip() or None)

    def remove(self) -> None:
        bookmark = self.current_bookmark()
        if bookmark is None:
            return
        row = self.list.currentRow()
        self._user.remove_bookmark(bookmark)
        self.say(self.tr("Removed “{}”.").format(bookmark.name))
        remaining = self._user.bookmarks
        if remaining:
            self.refresh(select=remaining[min(row, len(remaining) - 1)].key)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        bookmark = self.current_bookmark()
        if bookmark is None:
            return
        self._user.move_bookmark(bookmark, self.list.currentRow() + step)
        self.refresh(select=bookmark.key)

    def sort(self, by: str) -> None:
        """Sort by "name" or by "created"."""
        self._user.sort_bookmarks(by)
        self.refresh()

    def _dragged(self, *_: QModelIndex | QPersistentModelIndex | int) -> None:
        if self._refreshing:
            return
        keys = []
        for row in range(self.list.count()):
            key = self.list.item(row).data(KEY_ROLE)
            keys.append((str(key[0]), str(key[1])))
        self._user.reorder_bookmarks(keys)

    def export(self) -> None:
        """Ask where to save, then write the bookmarks file there."""
        self.transfer.export()

    def import_(self) -> None:
        """Ask for a bookmarks file, then add its bookmarks to these."""
        self.transfer.import_()
