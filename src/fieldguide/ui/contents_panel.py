"""The "On this page" list above a long article: its headings; choosing one scrolls to it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldguide.library.model import Heading
from fieldguide.ui.lean import USER_ROLE, set_by_name

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QShowEvent

log = logging.getLogger(__name__)

MIN_HEADINGS = 3  # shorter articles are read at a glance; a list would only push them down
ROWS_PER_PIXELS = 160  # one visible row per 160 pixels of window height, so the article stays big
ROW_LIMITS = (3, 8)  # but never fewer or more rows than these; the list scrolls beyond
ANCHOR_ROLE = USER_ROLE + 1


class ContentsPanel(QWidget):
    """A fold-away list of an article's headings. `heading_chosen(id)` asks to scroll there."""

    heading_chosen = Signal(str)  # the heading's anchor id
    expanded_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._expanded = True
        self.toggle = QToolButton()
        set_by_name(self.toggle, "toolButtonStyle", "ToolButtonTextBesideIcon")
        self.toggle.setAutoRaise(True)
        self.toggle.setMinimumHeight(32)
        self.toggle.setAccessibleName(self.tr("On this page"))
        self.toggle.setAccessibleDescription(
            self.tr("Show or hide the list of sections of this article")
        )
        self.toggle.clicked.connect(self._on_clicked)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Sections of this article"))
        self.list.setAccessibleDescription(
            self.tr("Choose a section to go to it. Press Enter or click.")
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)

        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 4)
        layout.setSpacing(2)
        line = QHBoxLayout()  # the button at the left, as wide as its words
        line.addWidget(self.toggle)
        line.addStretch(1)
        layout.addLayout(line)
        layout.addWidget(self.list)
        self.setTabOrder(self.toggle, self.list)
        self._count = 0
        self._watched: QWidget | None = None
        self._update_toggle()
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_height()
        super().showEvent(event)

    def finish_start(self) -> None:
        """After the first paint: follow the window's height, to keep the list in proportion."""
        window = self.window()
        if window is not self and window is not self._watched:
            window.installEventFilter(self)
            self._watched = window
        self._fit_height()  # the window may have been resized since the panel was shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._fit_height()
        return False

    @property
    def expanded(self) -> bool:
        """True when the list is open (kept from one article to the next)."""
        return self._expanded

    def set_expanded(self, expanded: bool) -> None:
        """Open or fold the list (a remembered preference can set it)."""
        if expanded != self._expanded:
            self._expanded = expanded
            self._update_toggle()
            self.expanded_changed.emit(expanded)

    def set_headings(self, headings: Sequence[Heading]) -> None:
        """Show the headings of a newly opened page; hidden when it has fewer than three."""
        self.list.clear()
        top = min((h.level for h in headings), default=2)
        for heading in headings:
            indent = "    " * max(0, heading.level - top)
            item = QListWidgetItem(indent + heading.text)
            item.setData(ANCHOR_ROLE, heading.id)
            item.setToolTip(heading.text)
            self.list.addItem(item)
        self._count = len(headings)
        self._fit_height()
        self._update_toggle()
        self.setVisible(self._count >= MIN_HEADINGS)

    def anchors(self) -> list[str]:
        """The anchor ids listed, in order (for tests and tools)."""
        return [str(self.list.item(row).data(ANCHOR_ROLE)) for row in range(self.list.count())]

    def visible_rows(self) -> int:
        """How many rows the list shows without scrolling, for this window height."""
        low, high = ROW_LIMITS
        fits = self.window().height() // ROWS_PER_PIXELS
        return min(self.list.count(), max(low, min(high, fits)))

    def _fit_height(self) -> None:
        rows = self.visible_rows()
        row_height = self.list.sizeHintForRow(0) if self.list.count() else 0
        frame = 2 * self.list.frameWidth()
        self.list.setFixedHeight(max(row_height, 1) * rows + frame)

    def _update_toggle(self) -> None:
        set_by_name(self.toggle, "arrowType", "DownArrow" if self.expanded else "RightArrow")
        self.toggle.setText(self.tr("On this page ({} sections)").format(self._count))
        self.list.setVisible(self.expanded)

    def _on_clicked(self) -> None:
        self.set_expanded(not self._expanded)

    def _on_item(self, item: QListWidgetItem) -> None:
        anchor = item.data(ANCHOR_ROLE)
        if isinstance(anchor, str) and anchor:
            log.debug("contents: going to #%s", anchor)
            self.heading_chosen.emit(anchor)
