"""The lists of pages on Back and Forward (held down, right-clicked, menu key) and in Go: they
name the pages, jump several steps at once, restore the scroll, and keep Back/Forward right."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from fieldguide.ui.trail_menus import GO_MENU_LIMIT, MENU_LIMIT, TrailMenus
from tests.ui.window_factory import library, reader

Reason = QContextMenuEvent.Reason

THREE = ("withdrawal/how-long", "withdrawal/getting-through", "kratom/what-is-kratom")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    extra = {"kratom/safety.md": "---\ntitle: Kratom & safety\nsummary: Risks.\n---\nText.\n"}
    with reader(qtbot, library(tmp_path, extra)) as win:
        yield win


def button(window: MainWindow, which: str) -> QToolButton:
    nav = window.navigator
    found = window.toolbar.widgetForAction(
        nav.back_action if which == "back" else nav.forward_action
    )
    assert isinstance(found, QToolButton)
    return found


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def choose_when_shown(qtbot: QtBot, menu: QMenu, row: int, seen: list[list[str]]) -> None:
    """When `menu` next opens, note its entries and choose entry `row` (1 = the first) with the
    arrow keys and Enter, as a reader would. The menu is closed whatever happens."""

    def pick() -> None:
        try:
            seen.append(texts(menu))
            for _ in range(row):
                qtbot.keyClick(menu, Qt.Key.Key_Down)
            qtbot.keyClick(menu, Qt.Key.Key_Return)
        finally:
            menu.close()

    menu.aboutToShow.connect(
        lambda: QTimer.singleShot(0, pick), Qt.ConnectionType.SingleShotConnection
    )


def right_click(widget: QWidget, reason: Reason = Reason.Mouse) -> None:
    """The context-menu event that the platform sends for the right button (or for the menu
    key, Shift+F10 and a touch screen's long press, with their reason); QTest's clicks skip it."""
    centre = widget.rect().center()
    QApplication.sendEvent(widget, QContextMenuEvent(reason, centre, widget.mapToGlobal(centre)))


def three_pages(window: MainWindow) -> None:
    assert window.current_slug == "home"
    for slug in THREE:
        window.open(slug)


def states(window: MainWindow) -> tuple[bool, bool]:
    return window.navigator.back_action.isEnabled(), window.navigator.forward_action.isEnabled()


def test_nothing_is_built_until_there_is_somewhere_to_go(window: MainWindow) -> None:
    assert window.findChildren(TrailMenus) == []  # the start page alone: nothing to list
    assert button(window, "back").menu() is None
    assert button(window, "forward").menu() is None
    window.open(THREE[0])
    assert button(window, "back").menu() is not None
    assert button(window, "forward").menu() is None
    assert button(window, "back").popupMode() == QToolButton.ToolButtonPopupMode.DelayedPopup
    assert len(window.findChildren(TrailMenus)) == 1
    window.open(THREE[1])
    assert len(window.findChildren(TrailMenus)) == 1  # made once


def test_the_second_page_of_the_back_list_is_two_steps_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    three_pages(window)
    back = button(window, "back")
    seen: list[list[str]] = []
    choose_when_shown(qtbot, back.menu(), 2, seen)
    with qtbot.waitSignal(window.page_shown) as shown:
        right_click(back)  # opens the list (and waits in it)
    assert seen == [["Getting through it", "How long it lasts", "Welcome"]]
    assert shown.args == ["withdrawal/how-long"]
    assert window.current_slug == "withdrawal/how-long"
    assert states(window) == (True, True)
    assert [p.slug for p in window.navigator.navigation.forward_places] == list(THREE[1:])

    forward = button(window, "forward")
    choose_when_shown(qtbot, forward.menu(), 2, seen)
    right_click(forward)
    assert seen[-1] == ["Getting through it", "What is kratom?"]
    assert window.current_slug == "kratom/what-is-kratom"
    assert states(window) == (True, False)


def test_holding_back_down_opens_the_list(window: MainWindow, qtbot: QtBot) -> None:
    three_pages(window)
    back = button(window, "back")
    seen: list[list[str]] = []
    choose_when_shown(qtbot, back.menu(), 3, seen)
    qtbot.mousePress(back, Qt.MouseButton.LeftButton)  # held: the list opens after a moment
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.mouseRelease(back, Qt.MouseButton.LeftButton)
    assert window.current_slug == "home"
    assert states(window) == (False, True)


def test_the_menu_key_opens_the_list_on_a_focused_button(window: MainWindow, qtbot: QtBot) -> None:
    three_pages(window)
    back = button(window, "back")
    back.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[list[str]] = []
    choose_when_shown(qtbot, back.menu(), 1, seen)
    right_click(back, Reason.Keyboard)  # what the menu key sends
    assert seen and window.current_slug == THREE[1]


def test_a_page_chosen_from_the_list_is_where_the_reader_left_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open("withdrawal/getting-through")
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    kept = window.view.scroll_fraction()
    window.open("kratom/what-is-kratom")
    window.open("withdrawal/how-long")
    choose_when_shown(qtbot, button(window, "back").menu(), 2, [])
    right_click(button(window, "back"))
    assert window.current_slug == "withdrawal/getting-through"
    qtbot.waitUntil(lambda: abs(window.view.scroll_fraction() - kept) < 0.02)


def go_menu(window: MainWindow) -> QMenu:
    (go,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Go"]
    assert isinstance(go, QMenu)
    return go


def test_the_go_menu_lists_the_trail_and_is_reached_by_keys(
    window: MainWindow, qtbot: QtBot
) -> None:
    three_pages(window)
    window.navigator.back()  # one page ahead, three behind
    go = go_menu(window)
    fixed = texts(go)
    assert "Welcome" not in fixed  # nothing is added until the menu opens
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(go.isVisible)
    entries = texts(go)[len(fixed) :]
    assert entries == ["What is kratom?", "Getting through it", "How long it lasts", "Welcome"]
    here = go.actions()[-3]
    assert here.text() == "Getting through it" and here.isChecked()
    qtbot.keyClick(go, Qt.Key.Key_Up)  # from the first entry round to the last
    qtbot.keyClick(go, Qt.Key.Key_Return)
    assert window.current_slug == "home"
    assert states(window) == (False, True)
    assert [p.slug for p in window.navigator.navigation.forward_places] == list(THREE)


def test_the_lists_are_short_and_escape_ampersands(window: MainWindow, qtbot: QtBot) -> None:
    for n in range(MENU_LIMIT + 5):
        window.open("kratom/safety" if n % 2 else "gone/for-good")
    seen: list[list[str]] = []
    choose_when_shown(qtbot, button(window, "back").menu(), 0, seen)  # Enter on nothing: closes
    right_click(button(window, "back"))
    (entries,) = seen
    assert len(entries) == MENU_LIMIT
    assert entries[:2] == ["gone/for-good", "Kratom && safety"]  # "&&" shows as "&"
    go = go_menu(window)
    fixed = texts(go)
    go.popup(QPoint(0, 0))
    qtbot.waitUntil(go.isVisible)
    assert len(texts(go)) == len(fixed) + 1 + GO_MENU_LIMIT  # this page and those behind
    go.close()


def test_a_reset_takes_every_page_name_out_of_the_lists(window: MainWindow, qtbot: QtBot) -> None:
    three_pages(window)
    choose_when_shown(qtbot, button(window, "back").menu(), 0, [])
    right_click(button(window, "back"))
    go = go_menu(window)
    go.popup(QPoint(0, 0))
    qtbot.waitUntil(go.isVisible)
    go.close()
    window.navigator.reset()
    names = {"Welcome", "How long it lasts", "Getting through it", "What is kratom?"}
    menus: list[QMenu] = [go, button(window, "back").menu()]
    assert not names & {a.text() for m in menus for a in m.actions()}
    assert states(window) == (False, False)


def test_the_lists_have_names_for_screen_readers(window: MainWindow) -> None:
    three_pages(window)
    window.navigator.back()
    back, forward = button(window, "back"), button(window, "forward")
    assert back.menu().accessibleName() == "Pages before this one"
    assert forward.menu().accessibleName() == "Pages after this one"
    assert "list of pages" in back.accessibleDescription()
    assert back.accessibleName() == "Back"
