"""In a kiosk the reader's personal tools are left out, and a reset forgets the visitor's
trail: Back, history, bookmarks, zoom and theme."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from fieldguide.ui.kiosk_style import TOUCH_TARGET_PX
from fieldguide.ui.zoom import NORMAL
from tests.ui.kiosk_helpers import SETTINGS, KioskFactory


def test_a_kiosk_offers_no_bookmarks_or_history(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    assert not window.star.action.isVisible()
    assert window.toolbar.widgetForAction(window.star.action) is None or not (
        window.toolbar.widgetForAction(window.star.action).isVisible()
    )
    window.open("withdrawal/how-long")
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.user.bookmarks == ()
    assert window.navigator.back_action.isVisible()
    assert window.get_help.button.isVisible()


def test_a_reset_forgets_the_visitor(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    window.open("withdrawal/how-long")
    window.star.toggle()  # as if bookmarked before the kiosk hid the star
    window.zoom.zoom_in.trigger()
    window.themes.set_choice("dark")
    window.history_panel.show()
    assert window.user.bookmarks and window.navigator.back_action.isEnabled()
    with qtbot.waitSignal(kiosk.reset_done):
        kiosk.reset("idle")
    assert window.current_slug == "home"
    assert window.user.bookmarks == ()
    assert [h.slug for h in window.user.history] == ["home"]
    assert not window.navigator.back_action.isEnabled()
    assert window.zoom.percent == NORMAL
    assert window.themes.choice == "system"
    assert not window.history_panel.isVisible()


def test_a_visitor_holds_back_down_to_pick_a_page(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    settings = SETTINGS._replace(idle_timeout=1000)  # no idle reset while held
    window = make_kiosk(settings).window
    window.open("withdrawal")
    window.open("withdrawal/how-long")
    back = window.toolbar.widgetForAction(window.navigator.back_action)
    assert isinstance(back, QToolButton)
    seen: list[int] = []

    def pick() -> None:
        menu = back.menu()
        try:
            seen.extend(menu.actionGeometry(a).height() for a in menu.actions())
            qtbot.mouseClick(
                menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(menu.actions()[1]).center()
            )  # a tap on the second page: home
        finally:
            menu.close()

    back.menu().aboutToShow.connect(
        lambda: QTimer.singleShot(0, pick), Qt.ConnectionType.SingleShotConnection
    )
    qtbot.mousePress(back, Qt.MouseButton.LeftButton)  # held down, as a finger does
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.mouseRelease(back, Qt.MouseButton.LeftButton)
    assert window.current_slug == "home"
    assert min(seen) >= TOUCH_TARGET_PX  # big enough for a finger
    assert not window.navigator.back_action.isEnabled()
    assert window.navigator.forward_action.isEnabled()
