"""The administrator's PIN pad: big digit keys inside the kiosk window (no system dialog)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from fieldguide.config.pin import PIN_LENGTH
from fieldguide.ui.kiosk_overlays import Overlay, centred_label
from fieldguide.ui.kiosk_style import OVERLAY_HEADING, PIN_KEY, PRIMARY

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class PinPad(Overlay):
    """Asks for the PIN. Emits `submitted(pin)` on Unlock or Enter, `cancelled` on Cancel or Esc.

    It only collects digits; the kiosk controller checks them and calls `refuse()` or
    `set_waiting()`.
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Administrator PIN"))
        self.setAccessibleDescription(self.tr("Type the administrator PIN to leave kiosk mode"))
        self.heading = centred_label(self.tr("Administrator PIN"), OVERLAY_HEADING)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(PIN_LENGTH[1])
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), self))
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setAccessibleName(self.tr("PIN"))
        self.field.setAccessibleDescription(self.tr("The digits typed so far, hidden"))
        self.field.returnPressed.connect(self._submit)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.field.setFont(font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(self.tr("Message"))
        self.body.addWidget(self.heading)
        self.body.addWidget(self.field)
        self.body.addWidget(self.message)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for position, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), position // 3, position % 3)
        self.clear_button = self._key(self.tr("Clear"), self.tr("Clears the digits typed"))
        self.clear_button.clicked.connect(self.field.clear)
        self.back_button = self._key("⌫", self.tr("Removes the last digit"), self.tr("Delete"))
        self.back_button.clicked.connect(self.field.backspace)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self.back_button, 3, 2)
        self.body.addLayout(grid)

        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName(PRIMARY)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Closes the PIN pad; stays in kiosk"))
        self.cancel_button.clicked.connect(self.cancel)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName(PRIMARY)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setAccessibleDescription(self.tr("Checks the PIN and leaves kiosk"))
        self.unlock_button.clicked.connect(self._submit)
        row.addWidget(self.cancel_button)
        row.addWidget(self.unlock_button)
        self.body.addLayout(row)

    def _key(self, text: str, description: str = "", name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(PIN_KEY)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes on in the field
        button.setAccessibleName(name or text)
        button.setAccessibleDescription(description or self.tr("Types {}").format(text))
        if text.isdigit():
            button.clicked.connect(lambda: self.field.insert(text))
            self.keys[text] = button
        return button

    def default_button(self) -> QWidget:
        return self.field

    def open_overlay(self) -> None:
        """Open with an empty field and no message."""
        self.field.clear()
        self.message.clear()
        super().open_overlay()

    def cancel(self) -> None:
        self.field.clear()
        self.hide()
        self.cancelled.emit()

    def refuse(self, text: str) -> None:
        """Say why the PIN was not accepted, and empty the field for the next try."""
        self.field.clear()
        self.message.setText(text)

    def set_waiting(self, waiting: bool, text: str = "") -> None:
        """While a wait after wrong PINs runs, no PIN can be typed; `text` says how long."""
        for widget in (self.field, self.unlock_button, self.back_button, self.clear_button):
            widget.setEnabled(not waiting)
        for button in self.keys.values():
            button.setEnabled(not waiting)
        if text:
            self.message.setText(text)
        if not waiting and self.isVisible():
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if self.field.text() and self.unlock_button.isEnabled():
            self.submitted.emit(self.field.text())
