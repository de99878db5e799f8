"""A quiet notice line above the article (a saved-data problem, a page that is gone): never a
dialog, always dismissible, read out by screen readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class NoticeBanner(QFrame):
    """Shows one or more short messages until the reader presses its Close button."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setAccessibleName(self.tr("Notice"))
        self.setAccessibleDescription(self.tr("A message about Field Guide itself"))
        self._messages: list[str] = []
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("Notice text"))
        self.label.setAccessibleDescription(self.tr("What Field Guide wants you to know"))
        self.close_button = QToolButton()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setAccessibleName(self.tr("Close the notice"))
        self.close_button.setAccessibleDescription(self.tr("Hides this message"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def messages(self) -> tuple[str, ...]:
        """The messages now shown."""
        return tuple(self._messages)

    def show_message(self, text: str) -> None:
        """Add a message (the same text twice is shown once) and show the banner."""
        text = text.strip()
        if not text or text in self._messages:
            return
        self._messages.append(text)
        self.label.setText("\n".join(self._messages))
        self.show()

    def dismiss(self) -> None:
        """Hide the banner and forget its messages."""
        self._messages.clear()
        self.label.clear()
        self.hide()
        self.dismissed.emit()
