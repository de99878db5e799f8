"""Back, Forward and Home: actions with the platform's keys, over the pure `Navigation` stacks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from fieldguide.navigation import Navigation, Place
from fieldguide.ui.article_view import ArticleView
from fieldguide.ui.lean import keys_after_paint
from fieldguide.ui.themes import IconBook

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

log = logging.getLogger(__name__)

HOME_KEYS = ("Alt+Home",)  # what Firefox, Chrome and Edge use for the home page


class Navigator(QObject):
    """Keeps the reader's trail. Every page opened by any means (tree, link, bookmark, history,
    search) passes `about_to_open(slug, anchor)` before it is shown; Back and Forward reopen a
    page where the reader left it.

    `open_page(slug, anchor)` shows a page; `home()` gives the start page's slug.
    """

    moved = Signal()  # the trail changed (Back/Forward may have become possible)

    def __init__(
        self,
        view: ArticleView,
        about_to_open: SignalInstance,
        open_page: Callable[[str, str], None],
        home: Callable[[], str],
        icons: IconBook,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.navigation = Navigation()
        self._view = view
        self._open_page = open_page
        self._home = home
        self._stepping = False
        about_to_open.connect(self._before_open)

        self.back_action = QAction(self.tr("Back"), self)
        keys_after_paint(self.back_action, standard="Back")
        self.back_action.setStatusTip(self.tr("Go back to the page you were on before"))
        self.back_action.setToolTip(
            self.tr("Go back to the page you were on before (hold down for a list of pages)")
        )
        self.back_action.triggered.connect(self.back)
        icons.attach(self.back_action, "back")

        self.forward_action = QAction(self.tr("Forward"), self)
        keys_after_paint(self.forward_action, standard="Forward")
        self.forward_action.setStatusTip(self.tr("Go forward again, after going back"))
        self.forward_action.setToolTip(
            self.tr("Go forward again, after going back (hold down for a list of pages)")
        )
        self.forward_action.triggered.connect(self.forward)
        icons.attach(self.forward_action, "forward")

        self.home_action = QAction(self.tr("Home"), self)
        keys_after_paint(self.home_action, *HOME_KEYS)
        self.home_action.setToolTip(self.tr("Go to the start page of the guide"))
        self.home_action.setStatusTip(self.home_action.toolTip())
        self.home_action.triggered.connect(self.go_home)
        icons.attach(self.home_action, "home")

        self.actions = (self.back_action, self.forward_action, self.home_action)
        self._update()

    def _before_open(self, slug: str, anchor: str) -> None:
        if self._stepping:
            return
        self.navigation.remember_scroll(self._view.scroll_fraction())
        if self.navigation.visit(slug, anchor):
            self._update()

    def back(self) -> None:
        """Show the previous page, where the reader left it."""
        self.navigation.remember_scroll(self._view.scroll_fraction())
        self._show(self.navigation.back())

    def forward(self) -> None:
        """Show the next page again, after Back."""
        self.navigation.remember_scroll(self._view.scroll_fraction())
        self._show(self.navigation.forward())

    def jump(self, steps: int) -> None:
        """Show the page `steps` away on the trail (negative: back) in one move, where the
        reader left it: a page chosen from the Back or Forward list."""
        if steps:
            self.navigation.remember_scroll(self._view.scroll_fraction())
            self._show(self.navigation.jump(steps))

    def go_home(self) -> None:
        """Open the start page (a normal step: Back returns from it)."""
        home = self._home()
        if home:
            self._open_page(home, "")

    def reset(self) -> None:
        """Forget the trail (a kiosk session ends)."""
        self.navigation.clear()
        self._update()

    def _show(self, place: Place | None) -> None:
        if place is None:
            return
        self._stepping = True
        try:
            self._open_page(place.slug, "" if place.scroll else place.anchor)
        finally:
            self._stepping = False
        if place.scroll:
            self._view.set_scroll_fraction(place.scroll)
        self._update()

    def _update(self) -> None:
        nav = self.navigation
        self.back_action.setEnabled(nav.can_go_back)
        self.forward_action.setEnabled(nav.can_go_forward)
        back = nav.back_places[0].slug if nav.can_go_back else ""
        log.debug("trail: back to %r, %d ahead", back, len(nav.forward_places))
        self.moved.emit()
