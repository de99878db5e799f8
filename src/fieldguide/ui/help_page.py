"""Get help now: a red toolbar button and F1 (the platform's Help key) open the help page.

The page itself comes from the library service (`fieldguide.helpinfo.LocalHelpService` puts the
clinic's own contacts at the top); this module only makes the way there short and visible.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton

from fieldguide.ui.lean import keys_after_paint, set_by_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# White on dark red (contrast 7.5:1) in every theme: the one button that must stand out.
BUTTON_STYLE = """
QToolButton#getHelpNow {
    background-color: #a4161a; color: #ffffff; font-weight: bold;
    border: 2px solid #a4161a; border-radius: 6px; padding: 6px 16px; margin: 2px 6px;
}
QToolButton#getHelpNow:hover { background-color: #8b1216; border-color: #8b1216; }
QToolButton#getHelpNow:pressed { background-color: #6e0e11; }
QToolButton#getHelpNow:focus { border: 3px solid #ffd23f; }
"""


class GetHelpNow(QObject):
    """The Get help now action, and the toolbar that shows it as a red button."""

    def __init__(self, parent: QWidget, open_help: Callable[[], None]) -> None:
        super().__init__(parent)
        self.action = QAction(self.tr("Get help now"), parent)
        keys_after_paint(self.action, standard="HelpContents")
        description = self.tr("Danger signs, what to do, and who to call")
        self.action.setToolTip(self.tr("Get help now"))  # its key is added in finish_start()
        self.action.setStatusTip(description)
        self.action.triggered.connect(lambda _checked=False: open_help())

        self.toolbar = QToolBar(self.tr("Get help"), parent)
        self.toolbar.setObjectName("getHelpToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(0, 0))
        self.toolbar.setAccessibleName(self.tr("Get help"))
        self.toolbar.addAction(self.action)
        button = self.toolbar.widgetForAction(self.action)
        assert isinstance(button, QToolButton)
        self.button = button
        self.button.setObjectName("getHelpNow")
        set_by_name(self.button, "toolButtonStyle", "ToolButtonTextOnly")
        self.button.setMinimumHeight(40)
        self.button.setAccessibleName(self.tr("Get help now"))
        self.button.setAccessibleDescription(description)
        self.button.setStyleSheet(BUTTON_STYLE)

    def keep_in_sight(self) -> None:
        """Make the toolbar as wide as all its buttons, so that Get help now never folds away
        (on a narrow window the navigation toolbar gives up room instead)."""
        from PySide6.QtWidgets import QWidget

        tools = self.toolbar
        for widget in (tools, *tools.findChildren(QWidget)):
            widget.ensurePolished()  # measure with the style sheets applied
        layout = tools.layout()
        spacing = layout.spacing() if layout is not None else 0
        edges = 2 * layout.contentsMargins().left() if layout is not None else 0
        buttons = [tools.widgetForAction(a) for a in tools.actions() if a.isVisible()]
        width = sum(b.sizeHint().width() + 2 * spacing for b in buttons if b is not None)
        tools.setMinimumWidth(width + edges + 16)

    def finish_start(self) -> None:
        """After the first paint (and its keys, ui/lean.py): the help key works in every window
        of the program (the find bar, a dialog) and is named in the tip, and Tab stops on the
        red button too."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence

        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        key = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if key:
            self.action.setToolTip(self.tr("Get help now ({})").format(key))
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
