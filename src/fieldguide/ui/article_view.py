"""The article view: a QTextBrowser that shows rendered HTML and reports link clicks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QTextBrowser

from fieldguide.library.style import DEFAULT_CSS
from fieldguide.ui.lean import set_by_name

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QShowEvent, QWheelEvent
    from PySide6.QtWidgets import QWidget

    from fieldguide.ui.picture_fit import Sizes

DOCUMENT_MARGIN = 16  # pixels around the text
LINE_CHARACTERS = 85  # at most this many characters on a line: long lines are hard to follow
WIDEST_PICTURE = 640  # the renderer's largest picture width: the column never gets narrower


class ArticleView(QTextBrowser):
    """Shows one page at a time; never follows a link by itself and never loads remote content."""

    # The type by name: QUrl itself (~6 M instructions to make) waits for the first link.
    link_activated = Signal("QUrl")
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        self._html = ""
        self._picture_sizes: Sizes = {}
        self._pending_scroll: float | None = None
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_activated)
        self.document().setDefaultStyleSheet(DEFAULT_CSS)
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(self.tr("The text of the page you are reading"))
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the side margins look like the page
        self.setAutoFillBackground(True)
        # Until the first paint the scroll bar is there (a start page is longer than the
        # window): the page is laid out once, at its width. Shown only when needed, it would
        # come as the first layout ends, and the page be laid out again, narrower (~11 M
        # instructions). finish_start() puts it back to "when needed".
        set_by_name(self, "verticalScrollBarPolicy", "ScrollBarAlwaysOn")
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._range_changed)
        bar.actionTriggered.connect(self._reader_moved)
        bar.sliderPressed.connect(self._reader_moved)
        self.cursorPositionChanged.connect(self._reader_moved)  # find in page, keyboard

    def finish_start(self) -> None:
        """After the first paint: the scroll bar only when the page is longer than the view."""
        set_by_name(self, "verticalScrollBarPolicy", "ScrollBarAsNeeded")

    def show_html(self, html: str) -> None:
        """Replace the shown page (marks of the last one, as of a search, go with it)."""
        self._html = html
        self._pending_scroll = None
        if self.extraSelections():
            self.setExtraSelections([])
        self._set_html(html)

    def _set_html(self, html: str) -> None:
        self._picture_sizes = {}
        self.setHtml(html)
        self._fit_pictures()

    def set_document_css(self, css: str) -> None:
        """Use another article stylesheet (a theme change); the page stays where it was."""
        self.document().setDefaultStyleSheet(css)
        if self._html:
            fraction = self.scroll_fraction()
            self._set_html(self._html)
            self.set_scroll_fraction(fraction)

    def scroll_fraction(self) -> float:
        """How far down the page the reader is: 0.0 at the top, 1.0 at the bottom."""
        if self._pending_scroll is not None:
            return self._pending_scroll
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to `fraction` of the page, now and again while the page is still laid out
        (its length can grow after the first paint) or first shown, until the reader moves."""
        fraction = min(1.0, max(0.0, fraction))
        self._pending_scroll = fraction if fraction > 0 else None
        self._apply_scroll(fraction)

    def _apply_scroll(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def _range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._pending_scroll is not None:
            self._apply_scroll(self._pending_scroll)

    def _reader_moved(self, *_: object) -> None:
        self._pending_scroll = None  # the reader moved: stop putting the old place back

    def scrollToAnchor(self, name: str) -> None:
        self._reader_moved()
        super().scrollToAnchor(name)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # QTextEdit scrolls to its cursor on the first show
        if self._pending_scroll is not None:
            self._apply_scroll(self._pending_scroll)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._reader_moved()
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._reader_moved()
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._reader_moved()
        super().mousePressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The viewport was resized (QAbstractScrollArea sends its resizes here). When the
        column's margins change with it, the page is laid out once, at the new column's width:
        laid out first at the old width, Qt may keep that width (a sideways scroll bar)."""
        if self._fit_column():
            return  # the viewport is resized again, to the column: that resize lays it out
        if self.document().pageSize().width() != event.size().width():
            # Qt lays the page out only when the width changed since the last resize, which
            # misses a page laid out at another width (or not yet): tell it the width changed.
            event = QResizeEvent(event.size(), QSize())
        super().resizeEvent(event)
        self._fit_pictures()

    def set_text_font(self, font: QFont) -> None:
        """Show the text in `font` (a new text size), the column and pictures fitted to it."""
        self.setFont(font)
        self.refit()

    def refit(self, *_: object) -> None:
        """Fit the column and the pictures again, after a new font or theme. (Not from
        changeEvent(): a Python override taking a QEvent makes PySide6 build the types of
        ~50 event classes at the first call, before the first paint: ~7 M instructions.)"""
        # A new column resizes the viewport, whose resizeEvent fits the pictures.
        if not self._fit_column():
            self._fit_pictures()

    def _fit_column(self) -> bool:
        """Keep lines readable on a wide screen: centre a column of LINE_CHARACTERS. True when
        this resized the viewport."""
        text = max(self.fontMetrics().averageCharWidth() * LINE_CHARACTERS, WIDEST_PICTURE)
        chrome = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        side = max(0, (self.width() - chrome - text - 2 * DOCUMENT_MARGIN - 4) // 2)
        if self.viewportMargins().left() == side:
            return False
        before = self.maximumViewportSize()
        self.setViewportMargins(side, 0, side, 0)
        return self.maximumViewportSize() != before

    def _fit_pictures(self) -> None:
        if "<img" not in self._html:
            return  # no pictures: nothing to fit, and no Qt text types to make for it
        room = self._viewport_width() - 2 * DOCUMENT_MARGIN - 8
        if room > 0:
            from fieldguide.ui.picture_fit import fit_pictures

            fit_pictures(self.document(), room, self._picture_sizes)

    def _viewport_width(self) -> int:
        """The viewport's width, without calling viewport(): its first call costs 10-20 ms in
        PySide6 (it makes the Python types of every widget class), too much before the paint."""
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        if bar.isVisibleTo(self):
            width -= bar.sizeHint().width()
        return width

    def loadResource(self, type_: int, name: QUrl) -> object:
        """Load only local files; anything remote is refused (the app never goes online)."""
        if name.scheme() not in ("file", ""):
            return None
        return super().loadResource(type_, name)

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        self.painted.emit()
