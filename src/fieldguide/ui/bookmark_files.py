"""Saving bookmarks to a small JSON file and adding them back from one. The checking and
merging are the store's (userdata.transfer); a refused file changes nothing and says why."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from fieldguide.errors import UserDataError
from fieldguide.ui.file_dialogs import FileDialogs
from fieldguide.ui.userdata_bridge import UserDataBridge

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

JSON_FILTER = "Bookmarks (*.json)"
EXPORT_NAME = "field-guide-bookmarks.json"


class BookmarkFiles(QObject):
    """Export and import through `files` (None: not offered); `say(text)` reports the outcome."""

    def __init__(
        self,
        user: UserDataBridge,
        files: FileDialogs | None,
        parent: QWidget,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._user = user
        self._files = files
        self._parent = parent
        self._say = say

    def export(self) -> None:
        """Ask where to save, then write the bookmarks file there."""
        if self._files is None:
            return
        if not self._user.bookmarks:
            self._say(self.tr("There are no bookmarks to save yet."))
            return
        self._files.choose_file_to_save(
            self._parent, self.tr("Save bookmarks"), EXPORT_NAME, JSON_FILTER, self.export_to
        )

    def export_to(self, path: Path) -> None:
        try:
            self._user.export_bookmarks(path)
        except UserDataError as exc:
            self._say(str(exc))
            return
        count = len(self._user.bookmarks)
        self._say(self.tr("Saved {} bookmarks in {}.").format(count, path.name))

    def import_(self) -> None:
        """Ask for a bookmarks file, then add its bookmarks to the reader's."""
        if self._files is None:
            return
        self._files.choose_file_to_open(
            self._parent, self.tr("Add bookmarks from a file"), JSON_FILTER, self.import_from
        )

    def import_from(self, path: Path) -> None:
        try:
            result = self._user.import_bookmarks(path)
        except UserDataError as exc:
            log.info("bookmarks file refused: %s", exc)
            self._say(str(exc))
            return
        text = self.tr("Added {} bookmarks from {}.").format(result.added, path.name)
        if result.already_there:
            text += " " + self.tr("{} were already here.").format(result.already_there)
        self._say(text)
