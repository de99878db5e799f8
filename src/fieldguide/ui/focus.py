"""Keyboard access: visible focus where the style draws none, toolbar buttons on the Tab key.

The rules use palette colours, so they follow the light and dark themes: a 2 px frame in the
highlight colour marks the widget that has the keyboard. The frame is there (in the base
colour) when the widget has no focus too, so that nothing moves when focus arrives.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QToolBar

    from fieldguide.ui.find_bar import FindBar
    from fieldguide.ui.main_window import MainWindow

FOCUS_CSS = """
QTextBrowser { border: 2px solid palette(mid); }
QTextBrowser:focus { border: 2px solid palette(highlight); }
QToolButton { border: 2px solid transparent; border-radius: 4px; padding: 4px 8px; }
QToolButton:hover { background-color: palette(midlight); }
QToolButton:focus { border: 2px solid palette(highlight); }
"""


def show_focus(*widgets: QWidget) -> None:
    """Give `widgets` (and their children) a visible focus frame."""
    for widget in widgets:
        widget.setStyleSheet(widget.styleSheet() + FOCUS_CSS)


def name_buttons(toolbar: QToolBar) -> None:
    """Give the toolbar's action buttons that have no name of their own their action's words,
    for screen readers."""
    for action in toolbar.actions():
        if action.isSeparator() or not action.text():
            continue  # not asked for a separator's widget: see chrome._name_buttons
        button = toolbar.widgetForAction(action)
        if button is not None:
            if not button.accessibleName():
                button.setAccessibleName(action.text().replace("&", "").rstrip("…").strip())
            if not button.accessibleDescription():
                button.setAccessibleDescription(action.toolTip())


def reachable_by_tab(toolbar: QToolBar) -> list[QWidget]:
    """Put the toolbar's action buttons on the Tab key; return them. (After the first paint:
    MainWindow.finish_start.)"""
    from PySide6.QtCore import Qt

    buttons: list[QWidget] = []
    for action in toolbar.actions():
        if action.isSeparator() or not action.text():
            continue  # not asked for a separator's widget: see chrome._name_buttons
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.append(button)
    return buttons


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through `widgets` in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def tab_through_window(w: MainWindow) -> None:
    """Tab goes through the window in reading order: the toolbars, the search, the topics, the
    contents list and the article (after the first paint: MainWindow.finish_start)."""
    panel = w.contents
    chain_tab_order(
        [
            *reachable_by_tab(w.toolbar),
            *reachable_by_tab(w.get_help.toolbar),
            *(w.search.box, w.search.instead, w.search.results),
            *(w.tree, panel.toggle, panel.list, w.view),
        ]
    )


def tab_through_find_bar(view: QWidget, find: FindBar) -> None:
    """From the article, Tab goes on into the find bar."""
    chain_tab_order([view, find.field, find.previous_button, find.next_button, find.close_button])
