"""Text size of the article: larger, smaller and normal, in the steps browsers use.

Sizes are a percent of the article's normal size, which is the system's own text size a little
enlarged (ARTICLE_SCALE), so a reader who set large text on their computer starts from that, and
every size scales with it."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from fieldguide.ui.article_view import ArticleView
from fieldguide.ui.lean import keys_after_paint
from fieldguide.ui.themes import IconBook

STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
NORMAL = 100
ARTICLE_SCALE = 1.2  # long reading is easier a little above the size of menus and buttons


def larger(percent: int) -> int:
    """The next step above `percent` (the largest stays)."""
    i = bisect.bisect_right(STEPS, percent)
    return STEPS[min(i, len(STEPS) - 1)]


def smaller(percent: int) -> int:
    """The next step below `percent` (the smallest stays)."""
    i = bisect.bisect_left(STEPS, percent)
    return STEPS[max(i - 1, 0)]


def clamp(percent: int) -> int:
    """`percent` kept between the smallest and largest step."""
    return max(STEPS[0], min(STEPS[-1], percent))


class ZoomController(QObject):
    """Three actions (Larger text, Smaller text, Normal size) that set the view's font size.

    `changed(int)` carries the new percent whenever it changes.
    """

    changed = Signal(int)

    def __init__(self, view: ArticleView, icons: IconBook, percent: int = NORMAL) -> None:
        super().__init__(view)
        self._view = view
        self._normal = percent
        self._percent = NORMAL

        self.zoom_in = QAction(self.tr("Larger text"), self)
        keys_after_paint(self.zoom_in, "Ctrl+=", standard="ZoomIn")
        self.zoom_in.setToolTip(self.tr("Make the text larger (Ctrl and +)"))
        self.zoom_in.setStatusTip(self.tr("Make the text larger"))
        self.zoom_in.triggered.connect(lambda: self.set_percent(larger(self._percent)))
        icons.attach(self.zoom_in, "text-larger")

        self.zoom_out = QAction(self.tr("Smaller text"), self)
        keys_after_paint(self.zoom_out, standard="ZoomOut")
        self.zoom_out.setToolTip(self.tr("Make the text smaller (Ctrl and −)"))
        self.zoom_out.setStatusTip(self.tr("Make the text smaller"))
        self.zoom_out.triggered.connect(lambda: self.set_percent(smaller(self._percent)))
        icons.attach(self.zoom_out, "text-smaller")

        self.zoom_reset = QAction(self.tr("Normal text size"), self)
        keys_after_paint(self.zoom_reset, "Ctrl+0")
        self.zoom_reset.setToolTip(self.tr("Go back to the normal text size (Ctrl and 0)"))
        self.zoom_reset.setStatusTip(self.tr("Go back to the normal text size"))
        self.zoom_reset.triggered.connect(lambda: self.set_percent(NORMAL))
        self.actions = (self.zoom_in, self.zoom_out, self.zoom_reset)
        self.set_percent(percent)

    @property
    def percent(self) -> int:
        """The text size now, in percent of the system's."""
        return self._percent

    def reset(self) -> None:
        """Back to the size the window started with (a kiosk session ends)."""
        self.set_percent(self._normal)

    def refresh(self) -> None:
        """Size the text again from the application's font (after a kiosk enlarged it)."""
        self.set_percent(self._percent)

    def set_percent(self, percent: int) -> None:
        """Show the article text at `percent` of its normal size (kept within the steps)."""
        percent = clamp(percent)
        font = self._view.font()
        font.setPointSizeF(QApplication.font().pointSizeF() * ARTICLE_SCALE * percent / 100)
        fraction = self._view.scroll_fraction()
        self._view.set_text_font(font)
        if fraction > 0:
            self._view.set_scroll_fraction(fraction)
        self.zoom_in.setEnabled(percent < STEPS[-1])
        self.zoom_out.setEnabled(percent > STEPS[0])
        if percent != self._percent:
            self._percent = percent
            self.changed.emit(percent)
