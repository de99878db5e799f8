"""The keys of search: the box and the results list tell the panel about Down, Up, Enter and
Esc, and `starts_search` says which key pressed while reading starts a search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QListView

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

# Qt's enums are used only when a key is pressed, never before the first paint: ui/lean.py.


def starts_search(event: QKeyEvent) -> bool:
    """True for a key that types a visible character (no Ctrl, Alt or Meta held; not a space)."""
    from PySide6.QtCore import Qt

    plain = (
        Qt.KeyboardModifier.ShiftModifier
        | Qt.KeyboardModifier.KeypadModifier
        | Qt.KeyboardModifier.GroupSwitchModifier
    )
    text = event.text()
    return (
        bool(text) and text.isprintable() and not text.isspace() and not event.modifiers() & ~plain
    )


class SearchField(QLineEdit):
    """The search box: Down and Esc are told to the panel."""

    down_pressed = Signal()
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
        else:
            super().keyPressEvent(event)


class ResultsList(QListView):
    """The results: Enter opens the current row, Esc clears, Up on the first row goes back up."""

    escape_pressed = Signal()
    up_from_top = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        key = event.key()
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self.activated.emit(current)
        elif key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
        elif key == Qt.Key.Key_Up and (not current.isValid() or current.row() == 0):
            self.up_from_top.emit()
        else:
            super().keyPressEvent(event)
