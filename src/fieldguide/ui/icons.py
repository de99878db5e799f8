"""Toolbar icons: small SVGs from resources/icons, drawn in the theme's text colour."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from fieldguide import paths

log = logging.getLogger(__name__)

SIZES = (16, 24, 32, 48, 64)


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


def icon(name: str, color: QColor | str = "#1b1b1b") -> QIcon:
    """The icon `name` (a file name without .svg), its lines in `color`; empty if missing."""
    text = _svg_text(name)
    if not text:
        return QIcon()
    colored = text.replace("currentColor", QColor(color).name())
    renderer = QSvgRenderer(QByteArray(colored.encode("utf-8")))
    if not renderer.isValid():
        log.warning("icon %s is not a valid SVG", name)
        return QIcon()
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
