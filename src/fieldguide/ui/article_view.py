"""The article view: a QTextBrowser that shows rendered HTML and reports link clicks."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from fieldguide.library.style import DEFAULT_CSS


class ArticleView(QTextBrowser):
    """Shows one page at a time; never follows a link by itself and never loads remote content."""

    link_activated = Signal(QUrl)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_activated)
        self.document().setDefaultStyleSheet(DEFAULT_CSS)
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(self.tr("The text of the page you are reading"))

    def show_html(self, html: str) -> None:
        """Replace the shown page."""
        self.setHtml(html)

    def loadResource(self, type_: int, name: QUrl) -> object:
        """Load only local files; anything remote is refused (the app never goes online)."""
        if name.scheme() not in ("file", ""):
            return None
        return super().loadResource(type_, name)

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        self.painted.emit()
