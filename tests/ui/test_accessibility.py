"""Accessibility: every control is named and described, Tab goes in reading order, focus shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
    QWidgetAction,
)
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from tests.ui.reading_fixtures import LONG, make_window

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QTabBar,
)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt makes and names itself: scroll bars, a hidden tree header, a field's clear
    button, the toolbar's overflow arrow."""
    parent = widget.parent()
    return (
        widget.objectName().startswith("qt_")
        or isinstance(widget, QScrollBar)
        or (isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView))
        or (isinstance(widget, QAbstractButton) and isinstance(parent, QLineEdit))
    )


def unnamed_controls(window: QWidget) -> list[str]:
    """Every interactive widget of `window` (popups and dialogs included) that a screen reader
    could not name or describe."""
    missing: list[str] = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _qt_internal(widget):
            continue
        label = f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        if not widget.accessibleName().strip():
            missing.append(f"{label}: no accessible name")
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None or not iface.text(QAccessible.Text.Description).strip():
            missing.append(f"{label}: no accessible description")
    return missing


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = make_window(qtbot, tmp_path)
    win.open(LONG)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def test_every_control_has_an_accessible_name_and_description(window: MainWindow) -> None:
    window.find_bar.open_bar()  # shown or hidden, every control is checked
    assert unnamed_controls(window) == []


def test_the_walk_finds_controls_without_a_name(window: MainWindow) -> None:
    QPushButton("Nameless", window.view)
    assert unnamed_controls(window) == ["QPushButton '': no accessible name"]


def test_the_walk_sees_the_window_s_controls(window: MainWindow) -> None:
    assert window.find_bar is not None  # made at its first use, as the reader's Ctrl+F does
    controls = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and not _qt_internal(w)
    ]
    names = {w.accessibleName() for w in controls}
    for name in (
        "Topics",
        "Article",
        "Get help now",
        "Print handout",
        "Find on this page",
        "Search the guide",
        "Search results",
    ):
        assert name in names
    assert len(controls) >= 15


def test_toolbar_and_window_actions_have_words(window: MainWindow) -> None:
    actions = [a for bar in window.findChildren(QToolBar) for a in bar.actions()]
    actions += window.actions()
    spoken = [a for a in actions if not (isinstance(a, QWidgetAction) or a.isSeparator())]
    assert len(spoken) >= 6
    for action in spoken:
        assert action.text().strip() and action.toolTip().strip()


def _tab_through(qtbot: QtBot, count: int, backwards: bool = False) -> list[str]:
    names = []
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(count):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key)
        names.append(QApplication.focusWidget().accessibleName())
    return names


def test_tab_goes_from_the_topics_to_the_sections_then_the_article(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tree.setFocus()
    assert _tab_through(qtbot, 3) == ["On this page", "Sections of this article", "Article"]


def test_shift_tab_from_the_topics_reaches_the_search_box_then_the_toolbar(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tree.setFocus()
    assert _tab_through(qtbot, 4, backwards=True) == [
        "Search the guide",
        "Get help now",
        "Save as PDF",
        "Print handout",
    ]


def test_tab_in_the_find_bar(window: MainWindow, qtbot: QtBot) -> None:
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "rest")
    assert _tab_through(qtbot, 3) == ["Previous", "Next", "Close"]


def test_focus_is_visible_on_every_control(window: MainWindow, qtbot: QtBot) -> None:
    """Each control looks different once Tab (or Shift+Tab) has moved the keyboard to it."""
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "rest")
    bar, panel, find = window.get_help.toolbar, window.contents, window.find_bar
    print_button, pdf_button = (bar.widgetForAction(a) for a in bar.actions()[:2])
    chain = [print_button, pdf_button, window.get_help.button, window.search.box, window.tree]
    chain += [panel.toggle]
    chain += [panel.list, window.view, find.field, find.previous_button, find.next_button]
    chain += [find.close_button]
    for at, widget in enumerate(chain):
        # Tab from the one before; Shift+Tab from the one after where Tab would walk links
        backwards = at == 0 or chain[at - 1] is window.view
        source = chain[at + 1] if backwards else chain[at - 1]
        source.setFocus()
        qtbot.waitUntil(source.hasFocus)
        before = widget.grab().toImage()
        qtbot.keyClick(source, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
        qtbot.waitUntil(widget.hasFocus)
        assert widget.grab().toImage() != before, widget.accessibleName()
