"""Toolbar icons: small SVGs from resources/icons, drawn in the theme's text colour.

Each icon is drawn when Qt first asks for it, at the size and screen scale asked for (a toolbar
button, a menu line), and kept: drawing every icon at five sizes up front cost ~5 ms of the
first paint."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from fieldguide import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QRect, QSize

log = logging.getLogger(__name__)

DISABLED_OPACITY = 0.4  # a button that cannot be used now (Back on the first page)
# Every icon the window shows (resources/icons/<name>.svg); `fieldguide --self-test` draws each,
# so a copy of the program without them fails its check.
ICON_NAMES = (
    "back",
    "forward",
    "home",
    "star",
    "star-filled",
    "bookmarks",
    "history",
    "text-larger",
    "text-smaller",
    "more",
)


def icons_dir() -> Path:
    """The folder of the bundled icons."""
    return paths.resources_dir() / "icons"


@cache
def _svg_text(name: str) -> str:
    try:
        return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("icon %s could not be read: %s", name, exc)
        return ""


class SvgIconEngine(QIconEngine):
    """Draws one SVG at whatever size is asked, faded when disabled; keeps what it drew."""

    def __init__(self, svg: bytes, name: str = "") -> None:
        super().__init__()
        self._svg = svg
        self._name = name
        self._renderer: QSvgRenderer | None = None
        self._drawn: dict[tuple[int, int, float, int], QPixmap] = {}

    def _render(self) -> QSvgRenderer:
        if self._renderer is None:  # read on first use: a broken file then draws nothing
            self._renderer = QSvgRenderer(QByteArray(self._svg))
            if not self._renderer.isValid():
                log.warning("icon %s is not a valid SVG", self._name)
        return self._renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(DISABLED_OPACITY)
        self._render().render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), scale, int(mode.value))
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = QPixmap(size * scale)
            drawn.fill(QColor(0, 0, 0, 0))  # transparent
            painter = QPainter(drawn)
            self.paint(painter, drawn.rect(), mode, state)
            painter.end()
            drawn.setDevicePixelRatio(scale)
            self._drawn[key] = drawn
        return drawn

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg, self._name)


def icon(name: str, color: QColor | str = "#1b1b1b") -> QIcon:
    """The icon `name` (a file name without .svg), its lines in `color`; empty if missing."""
    text = _svg_text(name)
    if not text:
        return QIcon()
    colored = text.replace("currentColor", QColor(color).name()).encode("utf-8")
    return QIcon(SvgIconEngine(colored, name))
