"""The main toolbar (big icons with words under them), the page tools beside Get help now, the
menus and the toolbars' » buttons, built from the actions that the window's parts own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from fieldguide.ui.focus import name_buttons
from fieldguide.ui.lean import set_by_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from fieldguide.ui.main_window import MainWindow

TOOLBAR_ICON_SIZE = 32


def _name_buttons(toolbar: QToolBar) -> None:
    """Give each toolbar button its action's words as its accessible name and description."""
    for action in toolbar.actions():
        if action.isSeparator():  # asked first: a separator's widget is of a class private to
            continue  # Qt, and its first lookup makes PySide6 load every widget type (~10 ms)
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(action.text().replace("&", ""))
            button.setAccessibleDescription(action.toolTip())


def _lists_of_pages_when_needed(w: MainWindow, toolbar: QToolBar, go: QMenu) -> None:
    """Give Back, Forward and Go their lists of pages once there is a page to list: nothing of
    them is imported or built before the first paint (the start page alone has none)."""
    navigator = w.navigator

    def add_lists() -> None:
        if not (navigator.navigation.can_go_back or navigator.navigation.can_go_forward):
            return
        navigator.moved.disconnect(add_lists)
        from fieldguide.ui.trail_menus import TrailMenus

        lists = TrailMenus(navigator, lambda slug: w.service.title_of(slug))
        lists.attach(toolbar)
        lists.add_to_go_menu(go)

    navigator.moved.connect(add_lists)
    add_lists()


def build_chrome(w: MainWindow) -> QToolBar:
    """Add the main toolbar, the Go, Bookmarks and View menus, and the page tools beside Get help
    now to `w`; returns the main toolbar."""
    bookmarks_toggle = w.panels.bookmarks_action
    history_toggle = w.panels.history_action

    toolbar = QToolBar(w.tr("Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName(w.tr("Main toolbar"))
    toolbar.setAccessibleDescription(w.tr("Buttons to move around the guide and change the text"))
    toolbar.setIconSize(QSize(TOOLBAR_ICON_SIZE, TOOLBAR_ICON_SIZE))
    set_by_name(toolbar, "toolButtonStyle", "ToolButtonTextUnderIcon")
    toolbar.setMovable(False)
    toolbar.addActions(list(w.navigator.actions))
    toolbar.addSeparator()
    toolbar.addAction(w.star.action)
    toolbar.addAction(bookmarks_toggle)
    toolbar.addAction(history_toggle)
    toolbar.addSeparator()
    toolbar.addAction(w.zoom.zoom_out)
    toolbar.addAction(w.zoom.zoom_in)
    w.addToolBar(toolbar)  # at the top
    _name_buttons(toolbar)
    w.star.action.changed.connect(lambda: _name_buttons(toolbar))

    bar = w.menuBar()
    go = bar.addMenu(w.tr("&Go"))
    go.addActions(list(w.navigator.actions))
    go.addSeparator()
    go.addAction(history_toggle)
    _lists_of_pages_when_needed(w, toolbar, go)

    marks = bar.addMenu(w.tr("&Bookmarks"))
    marks.addAction(w.star.action)
    marks.addAction(bookmarks_toggle)
    if w.files is not None:
        marks.addSeparator()

        def export() -> None:
            bookmarks_toggle.setChecked(True)  # the panel says how it went
            w.bookmarks_panel.export()

        def add() -> None:
            bookmarks_toggle.setChecked(True)
            w.bookmarks_panel.import_()

        export_action = QAction(w.tr("Save bookmarks to a file…"), w)
        export_action.triggered.connect(export)
        add_action = QAction(w.tr("Add bookmarks from a file…"), w)
        add_action.triggered.connect(add)
        marks.addActions([export_action, add_action])

    view = bar.addMenu(w.tr("&View"))
    view.addActions(list(w.zoom.actions))
    view.addSeparator()
    theme = view.addMenu(w.tr("Colours"))
    theme.addActions(list(w.themes.actions.values()))
    view.addSeparator()
    view.addAction(w.show_topics_action)
    view.addAction(bookmarks_toggle)
    view.addAction(history_toggle)
    toolbar_toggle = toolbar.toggleViewAction()
    toolbar_toggle.setText(w.tr("Toolbar"))
    view.addAction(toolbar_toggle)
    _add_page_tools(w)
    return toolbar


def _add_page_tools(w: MainWindow) -> None:
    """Print, Save as PDF and (at the far end, in red) Get help now, in one toolbar."""
    tools = w.get_help.toolbar
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    first = tools.actions()[0]
    tools.insertActions(first, [w.handout.print_action, w.handout.pdf_action])
    tools.insertWidget(first, spacer)
    set_by_name(tools, "toolButtonStyle", "ToolButtonTextOnly")
    w.addToolBar(tools)
    name_buttons(tools)


def dress_more_buttons(w: MainWindow) -> None:
    """Qt's » buttons of both toolbars (for the buttons that do not fit): drawn in the theme's
    colour, big enough to touch, named for screen readers."""
    for bar in (w.toolbar, w.get_help.toolbar):
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            w.themes.icons.attach_button(more, "more")
            more.setStyleSheet("padding: 0px;")  # its own: room for the arrows in any style
            more.setAccessibleName(w.tr("More buttons"))
            more.setAccessibleDescription(w.tr("The toolbar buttons that do not fit"))
