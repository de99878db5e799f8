"""Wiping a reading session: the Resettable protocol and the parts of the window it resets.

Each service or widget that keeps something of a visitor's session (history, bookmarks, search
text, zoom, an open panel) offers `reset()`, which leaves it as it was when Field Guide started.
app.py hands them all to one `SessionReset`; the kiosk calls it on idle and on "Leave quickly",
then opens the start page (as a fresh start does).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractScrollArea, QTreeView

    from fieldguide.ui.article_view import ArticleView

log = logging.getLogger(__name__)


@runtime_checkable
class Resettable(Protocol):
    """Something that holds part of a visitor's session and can forget it."""

    def reset(self) -> object:
        """Forget the session: be as at start. Must not write to disk or open a window.

        What it returns is ignored (the user-data store's reset() returns its Changes)."""


class SessionReset:
    """Resets every part, in the order given; one part failing never stops the others."""

    def __init__(self, parts: Iterable[Resettable] = ()) -> None:
        self._parts: list[Resettable] = list(parts)

    def add(self, part: Resettable) -> None:
        """Reset `part` too, after the ones already added."""
        self._parts.append(part)

    @property
    def parts(self) -> tuple[Resettable, ...]:
        return tuple(self._parts)

    def reset(self) -> list[Resettable]:
        """Reset each part; return the ones that failed (logged by type, never by content)."""
        failed: list[Resettable] = []
        for part in self._parts:
            try:
                part.reset()
            except Exception:
                log.exception("Resetting %s failed", type(part).__name__)
                failed.append(part)
        return failed


class CallReset:
    """A Resettable made of a plain call, for a widget that has no reset() of its own."""

    def __init__(self, call: Callable[[], object]) -> None:
        self._call = call

    def reset(self) -> None:
        self._call()


class ScrollReset:
    """Scrolls a scroll area back to the top left."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        self._area = area

    def reset(self) -> None:
        self._area.verticalScrollBar().setValue(0)
        self._area.horizontalScrollBar().setValue(0)


class ViewReset(ScrollReset):
    """The article view's zoom (its font, which QTextEdit.zoomIn changes), selection and scroll.

    Replace with the zoom service's own reset once the reader has one that keeps a zoom level.
    """

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view
        self._own_font = (
            QFont(view.font()) if view.testAttribute(Qt.WidgetAttribute.WA_SetFont) else None
        )

    def reset(self) -> None:
        if self._own_font is not None:
            font = QFont(self._own_font)
        else:  # the font of the window around it (as before any zoom)
            parent = self._view.parentWidget()
            font = QFont(parent.font()) if parent is not None else QFont()
            # Set the size explicitly: under a style sheet (the kiosk's), setFont(QFont()) falls
            # back to the application's font instead of the parent's.
            font.setPointSizeF(font.pointSizeF())
        self._view.set_text_font(font)
        cursor = self._view.textCursor()
        cursor.clearSelection()
        self._view.setTextCursor(cursor)
        super().reset()


class TreeReset(ScrollReset):
    """The topic tree: collapsed, nothing selected, at the top (an open branch shows what was
    read)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def reset(self) -> None:
        self._tree.collapseAll()
        self._tree.clearSelection()
        super().reset()
