"""The lists of pages behind and ahead: on Back and Forward (hold the button down) and in Go."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from fieldguide.navigation import Place
from fieldguide.ui.navigation import Navigator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QToolBar

log = logging.getLogger(__name__)

MENU_LIMIT = 15  # pages in the Back or the Forward list, as in browsers
GO_MENU_LIMIT = 7  # pages on each side of the open one in the Go menu
BACK, FORWARD = -1, 1


class TrailMenus(QObject):
    """Gives the toolbar's Back and Forward buttons a list of the pages behind or ahead (the
    nearest first), shown when the button is held down (a touch screen's long press), right-
    clicked, or given the menu key; and lists the trail at the foot of the Go menu, newest at
    the top and the open page ticked, as browsers' Go menus did. Choosing a page goes there in
    one move, scrolled to where the reader left it.

    Nothing is built until it is needed: a button gets its menu when it first has somewhere to
    go, and every list is filled as it opens (and emptied whenever the trail changes, so a
    kiosk reset leaves no page names behind). `title_of(slug)` names a page ("": its slug).
    """

    def __init__(
        self, navigator: Navigator, title_of: Callable[[str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent or navigator)
        self._navigator = navigator
        self._title_of = title_of
        self._buttons: dict[int, QToolButton] = {}
        self._entries: list[tuple[QMenu, QAction]] = []  # what the open or last lists hold
        navigator.moved.connect(self._trail_changed)

    def attach(self, toolbar: QToolBar) -> None:
        """Put the lists on `toolbar`'s Back and Forward buttons (made when first needed)."""
        nav = self._navigator
        for direction, action in ((BACK, nav.back_action), (FORWARD, nav.forward_action)):
            button = toolbar.widgetForAction(action)
            if not isinstance(button, QToolButton):
                log.warning("no toolbar button for %s: no list of pages on it", action.text())
                continue
            # Held down, not a separate arrow: the whole big button is the target for a finger,
            # and a click still goes one step. Styles mark a button that has a menu with a small
            # arrow in its corner, so the list is not hidden from those who look.
            button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(lambda _, b=button: self._pop_up(b))
            self._buttons[direction] = button
        self._trail_changed()

    def add_to_go_menu(self, go: QMenu) -> None:
        """List the trail at the foot of `go` each time it opens."""
        go.aboutToShow.connect(lambda: self._fill_go(go))

    def _trail_changed(self) -> None:
        self._empty()
        nav = self._navigator.navigation
        for direction, button in self._buttons.items():
            ahead = nav.can_go_forward if direction == FORWARD else nav.can_go_back
            if ahead and button.menu() is None:
                button.setMenu(self._make_menu(button, direction))

    def _make_menu(self, button: QToolButton, direction: int) -> QMenu:
        menu = QMenu(button)
        if direction == BACK:
            menu.setTitle(self.tr("Pages before this one"))
            menu.setAccessibleDescription(self.tr("Choose a page to go back to it"))
        else:
            menu.setTitle(self.tr("Pages after this one"))
            menu.setAccessibleDescription(self.tr("Choose a page to go forward to it"))
        menu.setAccessibleName(menu.title())
        menu.aboutToShow.connect(lambda: self._fill(menu, direction))
        return menu

    def _pop_up(self, button: QToolButton) -> None:
        """The right button or the menu key on Back or Forward: its list at once."""
        if button.isEnabled() and button.menu() is not None:
            button.showMenu()

    def _fill(self, menu: QMenu, direction: int) -> None:
        self._empty(menu)
        nav = self._navigator.navigation
        places = nav.forward_places if direction == FORWARD else nav.back_places
        for n, place in enumerate(places[:MENU_LIMIT], start=1):
            self._add(menu, place, direction * n)

    def _fill_go(self, go: QMenu) -> None:
        self._empty(go)
        nav = self._navigator.navigation
        if nav.current is None or not (nav.can_go_back or nav.can_go_forward):
            return
        self._entries.append((go, go.addSeparator()))
        ahead = nav.forward_places[:GO_MENU_LIMIT]
        for n in range(len(ahead), 0, -1):  # the newest (furthest ahead) at the top
            self._add(go, ahead[n - 1], n)
        here = self._add(go, nav.current, 0)
        here.setCheckable(True)
        here.setChecked(True)  # screen readers say "checked": the page that is open
        for n, place in enumerate(nav.back_places[:GO_MENU_LIMIT], start=1):
            self._add(go, place, -n)

    def _add(self, menu: QMenu, place: Place, steps: int) -> QAction:
        title = self._title_of(place.slug) or place.slug
        action = QAction(title.replace("&", "&&"), menu)
        action.triggered.connect(lambda *_: self._navigator.jump(steps))
        menu.addAction(action)
        self._entries.append((menu, action))
        return action

    def _empty(self, menu: QMenu | None = None) -> None:
        """Take the pages out of `menu` (None: of every list). Deleted later, not now: this
        runs under the entry just chosen, whose jump changed the trail."""
        kept: list[tuple[QMenu, QAction]] = []
        for owner, action in self._entries:
            if menu is None or owner is menu:
                owner.removeAction(action)
                action.deleteLater()
            else:
                kept.append((owner, action))
        self._entries = kept
