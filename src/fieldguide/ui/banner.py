"""A quiet notice line above the article (a saved-data problem, a page that is gone): never a
dialog, always dismissible, read out by screen readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QToolButton, QWidget


class NoticeBanner(QFrame):
    """Shows one or more short messages until the reader presses its Close button.

    Hidden until there is a message; its text and button are made with the first one."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setAccessibleName(self.tr("Notice"))
        self.setAccessibleDescription(self.tr("A message about Field Guide itself"))
        self._messages: list[str] = []
        self._label: QLabel | None = None
        self._close_button: QToolButton | None = None
        self.hide()

    def _parts(self) -> tuple[QLabel, QToolButton]:
        if self._label is None or self._close_button is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton

            self._label = label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(self.tr("Notice text"))
            label.setAccessibleDescription(self.tr("What Field Guide wants you to know"))
            self._close_button = button = QToolButton()
            button.setText(self.tr("Close"))
            button.setToolTip(self.tr("Hide this message"))
            button.setAccessibleName(self.tr("Close the notice"))
            button.setAccessibleDescription(self.tr("Hides this message"))
            button.clicked.connect(self.dismiss)
            layout = QHBoxLayout(self)
            layout.setContentsMargins(10, 6, 6, 6)
            layout.addWidget(label, 1)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return self._label, self._close_button

    @property
    def label(self) -> QLabel:
        """The messages' text."""
        return self._parts()[0]

    @property
    def close_button(self) -> QToolButton:
        """Hides the banner and forgets its messages."""
        return self._parts()[1]

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
        if self._label is not None:
            self._label.clear()
        self.hide()
        self.dismissed.emit()
