"""Glossary words: a click or tap on a marked word shows its plain meaning in a small popup.

Hover works too (the view shows the link's title, which is the definition, as a tooltip), but a
tooltip alone fails on touch screens and for keyboard users, so activating the word opens
`GlossaryPopup` right under it: the word, its meaning and a Close button. Esc, Close or a click
anywhere else closes it; it never blocks the window.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from fieldguide.library.links import TERM_SCHEME

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import (
        QTextBrowser,
        QWidget,
    )

log = logging.getLogger(__name__)

GAP = 6  # pixels between the word and the popup
EDGE = 8  # pixels the popup keeps from the edges of the screen


def term_of(url: QUrl) -> str:
    """The glossary term a `term:` link names ("" for any other link)."""
    if url.scheme() != TERM_SCHEME:
        return ""
    return url.path(QUrl.ComponentFormattingOption.FullyDecoded)


class GlossaryPopup(QFrame):
    """A small window under a word with the word and its plain meaning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("glossaryPopup")
        self.setStyleSheet(
            "QFrame#glossaryPopup { border: 2px solid palette(highlight); border-radius: 4px; }"
        )
        self.setAccessibleName(self.tr("Meaning of a word"))
        self.term_label = QLabel()
        self.term_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.term_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.term_label.setFont(font)
        self.definition_label = QLabel()
        self.definition_label.setTextFormat(Qt.TextFormat.PlainText)
        self.definition_label.setWordWrap(True)
        self.definition_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setMinimumSize(88, 44)  # big enough for a finger
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAccessibleDescription(self.tr("Close the meaning of this word"))
        self.close_button.clicked.connect(self.close)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.term_label)
        layout.addWidget(self.definition_label)
        layout.addLayout(buttons)

    def show_term(self, term: str, definition: str, under: QRect, screen_area: QRect) -> None:
        """Show `term` and `definition` just below `under` (global coordinates), on screen."""
        self.term_label.setText(term[:1].upper() + term[1:])  # a heading: "Withdrawal"
        self.definition_label.setText(definition)
        self.setAccessibleDescription(f"{term}: {definition}")
        width = min(max(self.fontMetrics().averageCharWidth() * 40, 280), 520)
        self.setFixedWidth(width)
        self.adjustSize()
        area = screen_area.adjusted(EDGE, EDGE, -EDGE, -EDGE)
        x = max(area.left(), min(under.left(), area.right() - self.width()))
        y = under.bottom() + GAP
        if y + self.height() > area.bottom():  # no room below: above the word
            y = max(area.top(), under.top() - self.height() - GAP)
        self.move(QPoint(x, y))
        self.show()
        self.close_button.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class GlossaryLinks(QObject):
    """Turns activated `term:` links of `view` into a popup under the word."""

    def __init__(
        self, view: QTextBrowser, definitions: Mapping[str, str], *, watch_now: bool = True
    ) -> None:
        super().__init__(view)
        self.view = view
        self.definitions = dict(definitions)
        self._popup: GlossaryPopup | None = None
        self._pressed_at: QPoint | None = None
        self._watching = False
        if watch_now:
            self.watch_viewport()

    @property
    def popup(self) -> GlossaryPopup:
        """The popup, made when a word is first looked up (not before the first paint)."""
        if self._popup is None:
            self._popup = GlossaryPopup(self.view)
        return self._popup

    def page_changed(self) -> None:
        """Another page is shown (F1 reaches the window while the popup has the keyboard):
        the meaning of a word of the last page closes."""
        if self._popup is not None:
            self._popup.close()

    def watch_viewport(self) -> None:
        """Note where the page is pressed, to put the popup under the word clicked.

        The first `viewport()` call costs 10-20 ms (PySide6 then makes the Python types of all
        widget classes), so the main window calls this after its first paint."""
        if not self._watching:
            self._watching = True
            self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent) and event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
        ):
            self._pressed_at = event.position().toPoint()
        return False

    def show_for(self, url: QUrl) -> bool:
        """Show the meaning of the term `url` names; False when it is not a glossary link."""
        term = term_of(url)
        if not term:
            return False
        definition = self.definitions.get(term) or self._tooltip_at_word(url)
        if not definition:
            log.info("no definition for glossary term %r", term)
            definition = self.tr("This word has no explanation in this guide yet.")
        rect = self._word_rect(url)
        top_left = self.view.viewport().mapToGlobal(rect.topLeft())
        under = QRect(top_left, rect.size())
        screen = self.view.screen().availableGeometry()
        self.popup.show_term(term, definition, under, screen)
        return True

    def _word_rect(self, url: QUrl) -> QRect:
        """Where the word is in the viewport: the link clicked, or the keyboard's link."""
        href = url.toString()
        pos = self._pressed_at
        if pos is not None and self.view.anchorAt(pos) == href:
            cursor = self.view.cursorForPosition(pos)
        else:
            cursor = self.view.textCursor()
        return self._anchor_span(cursor, href)

    def _anchor_span(self, cursor: QTextCursor, href: str) -> QRect:
        """The rectangle of the link text around `cursor` (one line: the part the cursor is on)."""
        start = QTextCursor(cursor)
        start.clearSelection()
        rect = self.view.cursorRect(start)
        block = start.block()
        position = start.position()
        while position > block.position():
            probe = QTextCursor(block)
            probe.setPosition(position)  # charFormat() is of the character before the cursor
            if probe.charFormat().anchorHref() != href:
                break
            position -= 1
        probe = QTextCursor(block)
        probe.setPosition(position)
        left = self.view.cursorRect(probe)
        if left.top() == rect.top():
            rect = rect.united(left)
        return rect

    def _tooltip_at_word(self, url: QUrl) -> str:
        pos = self._pressed_at
        if pos is None:
            return self.view.textCursor().charFormat().toolTip()
        cursor = self.view.cursorForPosition(pos)
        fmt = cursor.charFormat()
        return fmt.toolTip() if fmt.anchorHref() == url.toString() else ""
