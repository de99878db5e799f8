"""The star: bookmark the page being read, or take the bookmark away (Ctrl+D, as browsers)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from fieldguide.ui.lean import keys_after_paint
from fieldguide.ui.themes import IconBook
from fieldguide.ui.userdata_bridge import UserDataBridge
from fieldguide.userdata import Changes


class BookmarkStar(QObject):
    """A checkable action: an outlined star when the page has no bookmark, a gold one when it
    has. Call `show_page` whenever another page is shown."""

    def __init__(
        self, user: UserDataBridge, icons: IconBook, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._user = user
        self._icons = icons
        self._slug = ""
        self._title = ""
        self.action = QAction(self.tr("Bookmark"), self)
        self.action.setCheckable(True)
        keys_after_paint(self.action, "Ctrl+D")
        self.action.triggered.connect(self.toggle)
        user.changed.connect(self._data_changed)
        self._update()

    @property
    def is_on(self) -> bool:
        """True when the page shown has a bookmark."""
        return bool(self._slug) and self._user.is_bookmarked(self._slug)

    def show_page(self, slug: str, title: str) -> None:
        """The page now shown; "" for a page that cannot be bookmarked (a message)."""
        self._slug, self._title = slug, title
        self._update()

    def toggle(self) -> None:
        """Add or remove the bookmark of the page shown."""
        if self._slug:
            self._user.toggle_bookmark(self._slug, self._title)
        self._update()

    def _data_changed(self, changes: Changes) -> None:
        if changes.bookmarks:
            self._update()

    def _update(self) -> None:
        on = self.is_on
        self.action.setEnabled(bool(self._slug))
        self.action.setChecked(on)
        self._icons.attach(self.action, "star-filled" if on else "star")
        # The text stays "Bookmark" (the button keeps its width); the star and tip say the state.
        if on:
            tip = self.tr("This page is in your bookmarks. Click to remove it (Ctrl+D).")
        else:
            tip = self.tr("Keep this page in your bookmarks (Ctrl+D)")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
