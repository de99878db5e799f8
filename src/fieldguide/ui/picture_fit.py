"""Pictures narrower than the page: QTextDocument has no max-width, so a picture wider than
the room is scaled down (keeping its shape) and grows back when there is room again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextImageFormat

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

# Per picture (by its place in the document): the width and height the page asked for.
Sizes = dict[int, tuple[float, float]]


def fit_pictures(document: QTextDocument, room: float, sizes: Sizes) -> int:
    """Give each picture at most `room` pixels of width; returns how many were resized.

    `sizes` remembers each picture's own size between calls; clear it when the document
    gets new content.
    """
    found: list[tuple[int, int, QTextImageFormat]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fragment.isValid() and fmt.isImageFormat():
                found.append((fragment.position(), fragment.length(), fmt.toImageFormat()))
            it += 1
        block = block.next()
    changed = 0
    cursor = QTextCursor(document)
    for position, length, image in found:
        width, height = sizes.setdefault(position, (image.width(), image.height()))
        if width <= 0 or height <= 0:
            continue  # no size given: Qt shows the picture as it is
        new_width = min(width, max(room, 1.0))
        if abs(image.width() - new_width) < 0.5:
            continue
        resized = QTextImageFormat(image)
        resized.setWidth(new_width)
        resized.setHeight(height * new_width / width)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(resized)
        changed += 1
    return changed
