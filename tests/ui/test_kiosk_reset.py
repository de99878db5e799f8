"""Kiosk mode forgets each visitor: "Still reading?", the idle reset and "Leave quickly"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from fieldguide.ui.kiosk import KioskController
from fieldguide.ui.kiosk_style import TOUCH_TARGET_PX
from fieldguide.ui.session_reset import Resettable
from fieldguide.ui.zoom import ARTICLE_SCALE, NORMAL
from fieldguide.userdata import UserData
from tests.ui.kiosk_helpers import FakePart, KioskFactory

ARTICLE = "withdrawal/how-long"


def normal_article_size() -> float:
    """The article's text size at 100 %: a little above the (kiosk's larger) system size."""
    return QGuiApplication.font().pointSizeF() * ARTICLE_SCALE


def read_something(kiosk: KioskController, qtbot: QtBot) -> None:
    """What a visitor leaves behind: an article, zoom, a selection, an open branch, a popup."""
    window = kiosk.window
    window.open(ARTICLE)
    window.tree.expand(window.model.index_of("withdrawal"))
    window.view.zoomIn(4)
    window.view.selectAll()
    QGuiApplication.clipboard().setText("what they copied")
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "week")
    window.contents.set_expanded(True)  # a kiosk starts with "On this page" folded
    window.statusBar().showMessage("Sent the handout to the printer.")
    qtbot.keyClick(window.view, Qt.Key.Key_Down)  # a key press: someone is there
    assert window.current_slug == ARTICLE
    assert window.view.font().pointSizeF() > normal_article_size()


def assert_fresh(kiosk: KioskController, part: FakePart) -> None:
    window = kiosk.window
    assert window.current_slug == "home"
    assert "Welcome" in window.view.toPlainText()
    assert window.zoom.percent == NORMAL  # zoom reset
    assert window.view.font().pointSizeF() == pytest.approx(normal_article_size())
    assert not window.view.textCursor().hasSelection()
    assert not window.tree.isExpanded(window.model.index_of("withdrawal"))
    assert window.view.verticalScrollBar().value() == 0
    assert QGuiApplication.clipboard().text() == ""
    assert not window.find_bar.isVisible() and window.find_bar.field.text() == ""
    assert not window.contents.expanded  # folded again, as a kiosk starts
    assert window.statusBar().currentMessage() == ""
    assert part.resets == 1
    assert not kiosk.countdown.isVisible()


def test_no_countdown_before_anyone_touched_it(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk()
    assert not kiosk.idle_timer.isActive()


def test_only_real_mouse_moves_count_as_someone_there(
    make_kiosk: KioskFactory, qtbot: QtBot
) -> None:
    kiosk = make_kiosk()
    viewport = kiosk.window.view.viewport()
    qtbot.mouseMove(viewport, QPoint(50, 60))
    assert kiosk.idle_timer.isActive()
    kiosk.idle_timer.stop()
    qtbot.mouseMove(viewport, QPoint(50, 60))  # Qt's "moves" when something appears
    assert not kiosk.idle_timer.isActive()
    qtbot.mouseMove(viewport, QPoint(51, 60))
    assert kiosk.idle_timer.isActive()


def test_idle_shows_still_reading_then_resets(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    part = FakePart()
    kiosk = make_kiosk(parts=(part,))
    with qtbot.waitSignal(kiosk.countdown_started, timeout=2000):
        read_something(kiosk, qtbot)
    assert kiosk.countdown.isVisible()
    assert kiosk.countdown.heading.text() == "Still reading?"
    assert kiosk.countdown.seconds.text() == "2"
    assert "2 seconds" in kiosk.countdown.text.text()
    assert kiosk.countdown.button.hasFocus()
    assert part.resets == 0
    with qtbot.waitSignal(kiosk.reset_done, timeout=2000) as done:
        pass
    assert done.args == ["idle"]
    assert_fresh(kiosk, part)
    assert not kiosk.idle_timer.isActive()  # no countdown again until someone is there


def test_keep_reading_keeps_the_page(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    part = FakePart()
    kiosk = make_kiosk(parts=(part,))
    with qtbot.waitSignal(kiosk.countdown_started, timeout=2000):
        read_something(kiosk, qtbot)
    qtbot.mouseClick(kiosk.countdown.button, Qt.MouseButton.LeftButton)
    assert not kiosk.countdown.isVisible()
    assert kiosk.window.current_slug == ARTICLE
    assert part.resets == 0
    assert kiosk.idle_timer.isActive()  # and it will ask again later


def test_a_touch_anywhere_on_the_countdown_keeps_reading(
    make_kiosk: KioskFactory, qtbot: QtBot
) -> None:
    kiosk = make_kiosk()
    kiosk.start_countdown()
    qtbot.mouseClick(
        kiosk.countdown, Qt.MouseButton.LeftButton, pos=kiosk.countdown.rect().topLeft()
    )
    assert not kiosk.countdown.isVisible()
    assert not kiosk.ticker.isActive()


def test_keys_under_the_countdown_go_to_it(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    kiosk.start_countdown()
    kiosk.window.view.setFocus()
    qtbot.keyClick(kiosk.window.view, Qt.Key.Key_Down)
    assert kiosk.countdown.button.hasFocus()
    qtbot.keyClick(kiosk.countdown.button, Qt.Key.Key_Space)
    assert not kiosk.countdown.isVisible()


def test_leave_quickly_resets_and_shows_a_neutral_page(
    make_kiosk: KioskFactory, qtbot: QtBot
) -> None:
    part = FakePart()
    kiosk = make_kiosk(parts=(part,))
    read_something(kiosk, qtbot)
    dialog = QDialog(kiosk.window)
    dialog.show()
    leave = kiosk.leave_button
    assert leave.isVisible() and leave.text() == "Leave quickly"
    with qtbot.waitSignal(kiosk.reset_done) as done:
        qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    assert done.args == ["leave"]
    assert_fresh(kiosk, part)
    assert not dialog.isVisible()
    neutral = kiosk.neutral
    assert neutral.isVisible() and neutral.geometry() == kiosk.window.rect()
    assert "Welcome" in neutral.page.text()
    assert not kiosk.idle_timer.isActive()
    qtbot.mouseClick(neutral.button, Qt.MouseButton.LeftButton)
    assert not neutral.isVisible()
    assert kiosk.window.current_slug == "home"


def test_leave_quickly_closes_the_pin_pad_too(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    kiosk.ask_for_pin()
    kiosk.pin_pad.field.insert("12")
    kiosk.leave_quickly()
    assert not kiosk.pin_pad.isVisible()
    assert kiosk.pin_pad.field.text() == ""


def test_the_memory_store_is_wiped_by_a_reset(make_kiosk: KioskFactory) -> None:
    store = UserData.in_memory()
    assert isinstance(store, Resettable)
    kiosk = make_kiosk(parts=(store,))
    store.add_bookmark("test-guide", ARTICLE, "How long it lasts")
    store.record_visit("test-guide", ARTICLE, "How long it lasts")
    store.set_last_position("test-guide", ARTICLE, scroll=0.5)
    kiosk.leave_quickly()
    assert store.bookmarks == () and store.history == () and store.last_position is None
    assert not store.is_saving


def test_one_failing_part_does_not_stop_the_reset(make_kiosk: KioskFactory) -> None:
    class Broken:
        def reset(self) -> None:
            raise RuntimeError("boom")

    after = FakePart()
    kiosk = make_kiosk(parts=(Broken(), after))
    kiosk.window.open(ARTICLE)
    kiosk.reset()
    assert after.resets == 1
    assert kiosk.window.current_slug == "home"


def test_touch_targets_are_big_enough(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    window.open(ARTICLE)
    kiosk.ask_for_pin()
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons, "nothing to measure"
    for button in buttons:
        assert min(button.width(), button.height()) >= TOUCH_TARGET_PX, button.text()
    assert kiosk.pin_pad.field.height() >= TOUCH_TARGET_PX
    row = window.tree.visualRect(window.model.index_of("home"))
    assert row.height() >= TOUCH_TARGET_PX
    assert window.view.verticalScrollBar().width() >= 24


def test_text_is_larger_in_kiosk_mode(make_kiosk: KioskFactory) -> None:
    normal = QGuiApplication.font().pointSizeF()
    kiosk = make_kiosk()
    window = kiosk.window
    window.open(ARTICLE)
    for widget in (window.view, window.tree, window.find_bar.field, window.title_line):
        assert widget.font().pointSizeF() >= normal * 1.2, widget.accessibleName()
    assert window.view.document().defaultFont().pointSizeF() >= normal * 1.2
    kiosk.uninstall()
    assert QGuiApplication.font().pointSizeF() == normal


def test_every_kiosk_control_has_an_accessible_name(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk()
    for overlay in kiosk.overlays():
        overlay.open_overlay()
        controls = overlay.findChildren(QAbstractButton) + overlay.findChildren(QLineEdit)
        assert controls
        for control in controls:
            assert control.accessibleName(), control
            assert control.accessibleDescription(), control.accessibleName()
        overlay.hide()
    assert kiosk.leave_button.accessibleDescription()
