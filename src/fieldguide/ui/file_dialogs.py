"""Choosing a file to open or save: Qt's own dialog (the same on every computer), opened
without blocking so that nothing waits on it; tests put a fake in its place."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # its Python types cost ~2 ms: made when a dialog first opens, not at start
    from PySide6.QtWidgets import QFileDialog, QWidget

log = logging.getLogger(__name__)

Done = Callable[[Path], None]


class FileDialogs(Protocol):
    """Asks the reader for a file; `done(path)` runs only if they chose one."""

    def choose_file_to_open(
        self, parent: QWidget, title: str, name_filter: str, done: Done
    ) -> None: ...

    def choose_file_to_save(
        self, parent: QWidget, title: str, suggested_name: str, name_filter: str, done: Done
    ) -> None: ...


class QtFileDialogs:
    """Non-native QFileDialogs, shown with open() (window-modal, not blocking)."""

    def __init__(self, start_dir: Path | None = None) -> None:
        self.start_dir = start_dir or Path.home()
        self.last_dialog: QFileDialog | None = None  # the dialog now or last shown

    def _dialog(self, parent: QWidget, title: str, name_filter: str, done: Done) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(parent, title, str(self.start_dir), name_filter)
        dialog.setOption(dialog.Option.DontUseNativeDialog, True)
        dialog.setAccessibleName(title)
        dialog.setAccessibleDescription(title)

        def chosen(name: str) -> None:
            path = Path(name)
            self.start_dir = path.parent
            log.info("file chosen: %s", path)
            done(path)

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.last_dialog = dialog
        return dialog

    def choose_file_to_open(
        self, parent: QWidget, title: str, name_filter: str, done: Done
    ) -> None:
        dialog = self._dialog(parent, title, name_filter, done)
        dialog.setAcceptMode(dialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(dialog.FileMode.ExistingFile)
        dialog.open()

    def choose_file_to_save(
        self, parent: QWidget, title: str, suggested_name: str, name_filter: str, done: Done
    ) -> None:
        dialog = self._dialog(parent, title, name_filter, done)
        dialog.setAcceptMode(dialog.AcceptMode.AcceptSave)
        dialog.setFileMode(dialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("json")
        dialog.selectFile(suggested_name)
        dialog.open()
