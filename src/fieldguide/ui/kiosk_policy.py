"""Which of the reader's actions kiosk mode takes away: QActions tagged with a Qt property.

The reader's widgets tag each QAction that would reach the operating system:

    from fieldguide.ui.kiosk_policy import OPENS_FILE, tag
    tag(export_action, OPENS_FILE)          # or: action.setProperty("kiosk_role", "opens_file")

- `opens_file`: a file dialog (open a library, import or export bookmarks, save as PDF).
  Kiosk: hidden and disabled.
- `opens_dialog`: a dialog of the system (print dialog, page setup). Kiosk: hidden and disabled.
- `leaves`: quit, close the window, full screen on or off. Kiosk: hidden and disabled.
- `prints`: print the page. Kiosk: hidden and disabled; if the config allows printing, the
  action prints on the default printer with no dialog instead.

Untagged actions stay. The menu bar is hidden; its untagged actions are added to the window so
that their keyboard shortcuts still work. Actions added or re-enabled later are checked again.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

KIOSK_ROLE = "kiosk_role"
OPENS_FILE = "opens_file"
OPENS_DIALOG = "opens_dialog"
LEAVES = "leaves"
PRINTS = "prints"
ROLES = (OPENS_FILE, OPENS_DIALOG, LEAVES, PRINTS)
_REROUTED = "kiosk_rerouted"


def tag(action: QAction, role: str) -> QAction:
    """Mark `action` with its kiosk role (one of ROLES); returns it, for chaining."""
    if role not in ROLES:
        raise ValueError(f"unknown kiosk role {role!r}; use one of {ROLES}")
    action.setProperty(KIOSK_ROLE, role)
    return action


def role_of(action: QAction) -> str:
    """The kiosk role of `action` ("" for none)."""
    value = action.property(KIOSK_ROLE)
    return value if isinstance(value, str) else ""


class ActionPolicy(QObject):
    """Applies the table above to a window's actions."""

    def __init__(
        self, window: QMainWindow, *, allow_printing: bool, print_page: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.allow_printing = allow_printing
        self._print_page = print_page

    def blocked(self, action: QAction) -> bool:
        """True when kiosk mode takes `action` away."""
        role = role_of(action)
        if role == PRINTS:
            return not self.allow_printing
        return role in ROLES

    def apply(self) -> None:
        """Hide the menu bar and check every action the window has now."""
        menu_bar = self.window.menuWidget()
        if isinstance(menu_bar, QMenuBar):
            menu_bar.hide()
            for action in _menu_actions(menu_bar):
                if not self.blocked(action) and action.menu() is None:
                    self.window.addAction(action)
        for action in self._all_actions():
            self.check(action)

    def _all_actions(self) -> list[QAction]:
        found: dict[int, QAction] = {}
        widgets: list[QWidget] = [self.window, *self.window.findChildren(QWidget)]
        for action in [*self.window.findChildren(QAction)] + [
            a for widget in widgets for a in widget.actions()
        ]:
            found.setdefault(id(action), action)
        return list(found.values())

    def check(self, action: QAction) -> None:
        """Take `action` away, or send it to direct printing, if its role says so."""
        if self.blocked(action):
            if action.isEnabled() or action.isVisible():
                action.setEnabled(False)
                action.setVisible(False)
        elif role_of(action) == PRINTS and not action.property(_REROUTED):
            with contextlib.suppress(RuntimeError, TypeError):  # nothing was connected
                action.triggered.disconnect()
            action.triggered.connect(self._print_page)
            action.setProperty(_REROUTED, True)


def _menu_actions(menu_bar: QMenuBar) -> list[QAction]:
    """Every action in the menu bar's menus and sub-menus."""
    found: list[QAction] = []
    stack: list[QWidget] = [menu_bar]
    while stack:
        for action in stack.pop().actions():
            found.append(action)
            sub = action.menu()
            if isinstance(sub, QMenu):
                stack.append(sub)
    return found
