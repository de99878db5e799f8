"""How a search result row is drawn: its title, topic path and snippet as rich text. Imported
when the first results are shown: the item-delegate and style types it needs cost PySide6
some milliseconds to make, which the first paint need not wait for."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from fieldguide.ui.search_results import HELP_RED, PADDING, ROW_ROLE, Index, ResultRow

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QAbstractItemView


class ResultDelegate(QStyledItemDelegate):
    """Draws a row as rich text: the title, the topic path in a quieter colour, the snippet."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem, row: ResultRow, width: int) -> QTextDocument:
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = palette.color(group).name()
        dim = text if selected else palette.color(QPalette.ColorRole.PlaceholderText).name()
        size = max(option.font.pointSizeF(), 8.0)  # type: ignore[attr-defined]
        title_style = f"font-size:{size * 1.12:.1f}pt; font-weight:600; color:{text};"
        parts = [
            f'<p style="margin:0; {title_style}">{html.escape(row.title)}</p>',
            f'<p style="margin:0; color:{dim}; font-size:{size * 0.92:.1f}pt;">'
            f"{html.escape(row.detail)}</p>"
            if row.detail
            else "",
            f'<p style="margin-top:2px; color:{text};">{row.snippet_html}</p>'
            if row.snippet_html
            else "",
        ]
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setHtml("".join(parts))
        document.setTextWidth(max(width - 2 * PADDING, 40))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        rect = opt.rect  # type: ignore[attr-defined]
        document = self._document(opt, row, rect.width())
        painter.save()
        # A hairline between rows; the Get help now row has the help button's red at its edge.
        painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))  # type: ignore[attr-defined]
        painter.drawLine(
            rect.left() + PADDING, rect.bottom(), rect.right() - PADDING, rect.bottom()
        )
        if row.kind == "help":
            painter.fillRect(rect.left(), rect.top() + 2, 4, rect.height() - 4, HELP_RED)
        painter.translate(rect.left() + PADDING, rect.top() + PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        clip = QRectF(0, 0, rect.width() - 2 * PADDING, rect.height() - 2 * PADDING)
        context.clip = clip
        painter.setClipRect(clip)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            return super().sizeHint(option, index)
        width = self.view.viewport().width()
        document = self._document(option, row, width)
        return QSize(width, int(document.size().height()) + 2 * PADDING + 2)
