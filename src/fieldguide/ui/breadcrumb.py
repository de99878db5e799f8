"""The line above the article that says where the reader is: each topic is a button back up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from fieldguide.ui.lean import set_by_name

if TYPE_CHECKING:
    from PySide6.QtGui import QCursor

SEPARATOR = " › "


class Breadcrumb(QWidget):
    """Topic › Sub-topic › Page title. Clicking (or Enter on) a topic emits `topic_chosen(slug)`."""

    topic_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Where you are"))
        self.setAccessibleDescription(self.tr("The topics above this page; each one can be opened"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(0)
        self._text = ""
        self.buttons: list[QToolButton] = []
        self._pointer: QCursor | None = None  # the hand over the topics (finish_start)
        self.title = QLabel()
        set_by_name(self.title, "textFormat", "PlainText")
        self.title.setAccessibleName(self.tr("Page title"))
        self.title.setAccessibleDescription(self.tr("The title of the page you are reading"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def finish_start(self) -> None:
        """After the first paint: the pointing hand over the topics, which say they are links."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QCursor

        self._pointer = QCursor(Qt.CursorShape.PointingHandCursor)
        for button in self.buttons:
            button.setCursor(self._pointer)

    def text(self) -> str:
        """The whole line as plain text: "Withdrawal › How long it lasts"."""
        return self._text

    def set_trail(self, trail: tuple[tuple[str, str], ...], title: str) -> None:
        """Show the topics (slug, title) from the top down, then the page title."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.title:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.buttons = []
        for slug, topic in trail:
            button = QToolButton()
            button.setText(topic)
            button.setAutoRaise(True)
            # Mouse only: from the keyboard the topic tree does the same (Left goes up a level),
            # and Tab goes straight from the tree to the page.
            set_by_name(button, "focusPolicy", "ClickFocus")
            if self._pointer is not None:
                button.setCursor(self._pointer)
            button.setToolTip(self.tr("Open the topic “{}”").format(topic))
            button.setAccessibleName(topic)
            button.setAccessibleDescription(self.tr("Opens this topic and its list of pages"))
            button.clicked.connect(lambda _=False, slug=slug: self.topic_chosen.emit(slug))
            self._layout.addWidget(button)
            separator = QLabel(SEPARATOR.strip())
            separator.setAccessibleName(self.tr("then"))
            separator.setContentsMargins(4, 0, 4, 0)
            self._layout.addWidget(separator)
            self.buttons.append(button)
        self.title.setText(title)
        self._layout.addWidget(self.title, 1)
        self._text = SEPARATOR.join((*(t for _, t in trail), title))
        self.setToolTip(self._text)
