"""Kiosk mode keeps the window locked: every way out is blocked; only the PIN opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QContextMenuEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from fieldguide.config import KioskSettings, PinAttempts
from fieldguide.ui.kiosk import KioskController
from tests.ui.kiosk_helpers import CHORD, PIN, FakeClock, KioskFactory, new_window

Mod = Qt.KeyboardModifier
KEYS: dict[str, tuple[Qt.Key, Mod]] = {
    "Alt+F4": (Qt.Key.Key_F4, Mod.AltModifier),
    "Ctrl+Q": (Qt.Key.Key_Q, Mod.ControlModifier),
    "Ctrl+W": (Qt.Key.Key_W, Mod.ControlModifier),
    "Esc": (Qt.Key.Key_Escape, Mod.NoModifier),
    "F11": (Qt.Key.Key_F11, Mod.NoModifier),
}
ATTEMPTS = [*KEYS, "close request", "context menu", "drop a file"]


class Exits:
    """Ways out a reader might offer: an action per key (untagged, so only the key filter can
    stop them) and a field that takes drops."""

    def __init__(self, window: QMainWindow) -> None:
        self.fired: list[str] = []
        for name in KEYS:
            action = QAction(name, window)
            action.setShortcut(QKeySequence(name))
            leave_full_screen = name in ("Esc", "F11")
            action.triggered.connect(
                lambda _=False, n=name, fs=leave_full_screen: self._fire(window, n, fs)
            )
            window.addAction(action)
        self.drop_target = QLineEdit()
        self.drop_target.setAccessibleName("drop target")
        bar = QToolBar()
        bar.addWidget(self.drop_target)
        window.addToolBar(bar)

    def _fire(self, window: QMainWindow, name: str, leave_full_screen: bool) -> None:
        self.fired.append(name)
        if leave_full_screen:
            window.showNormal()
        else:
            window.close()


def attempt(window: QMainWindow, exits: Exits, qtbot: QtBot, what: str) -> list[str]:
    """Try one way out; return what popped up (context menus), closing it."""
    popups: list[str] = []
    checked: list[bool] = []
    if what in KEYS:
        key, modifiers = KEYS[what]
        window.view.setFocus()
        qtbot.keyClick(window.view, key, modifiers)
    elif what == "close request":
        window.close()
    elif what == "context menu":

        def close_popup() -> None:
            popup = QApplication.activePopupWidget()
            if popup is not None:
                popups.append(type(popup).__name__)
                popup.close()
            checked.append(True)

        QTimer.singleShot(0, close_popup)
        viewport = window.view.viewport()
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(10, 10), viewport.mapToGlobal(QPoint(10, 10))
        )
        QApplication.sendEvent(viewport, event)
        qtbot.waitUntil(lambda: bool(checked))
    elif what == "drop a file":
        data = QMimeData()
        data.setText("/home/someone/private.txt")
        data.setUrls([QUrl.fromLocalFile("/home/someone/private.txt")])
        point = QPointF(5, 5)
        action = Qt.DropAction.CopyAction
        buttons, mods = Qt.MouseButton.LeftButton, Mod.NoModifier
        QApplication.sendEvent(
            exits.drop_target, QDragEnterEvent(point.toPoint(), action, data, buttons, mods)
        )
        QApplication.sendEvent(exits.drop_target, QDropEvent(point, action, data, buttons, mods))
    QApplication.processEvents()
    return popups


@pytest.mark.parametrize("what", ATTEMPTS)
def test_without_kiosk_each_way_out_works(qtbot: QtBot, tmp_path: Path, what: str) -> None:
    """The control: the same attempts on a plain full-screen window do get out."""
    window = new_window(tmp_path, qtbot)
    exits = Exits(window)
    window.open("home")
    window.showFullScreen()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    popups = attempt(window, exits, qtbot, what)
    if what in KEYS:
        assert exits.fired == [what]
    if what == "context menu":
        assert popups
    elif what == "drop a file":
        assert exits.drop_target.text()
    else:
        assert not (window.isVisible() and window.isFullScreen())


@pytest.mark.parametrize("what", ATTEMPTS)
def test_kiosk_blocks_each_way_out(make_kiosk: KioskFactory, qtbot: QtBot, what: str) -> None:
    holder: list[Exits] = []
    kiosk = make_kiosk(prepare=lambda window: holder.append(Exits(window)))
    window, exits = kiosk.window, holder[0]
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    popups = attempt(window, exits, qtbot, what)
    assert exits.fired == []
    assert popups == []
    assert exits.drop_target.text() == ""
    assert window.isVisible()
    assert window.isFullScreen()
    assert not kiosk.pin_pad.isVisible()


def test_leaving_full_screen_is_undone(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    kiosk.window.showNormal()
    qtbot.waitUntil(kiosk.window.isFullScreen)
    kiosk.window.showMinimized()
    qtbot.waitUntil(kiosk.window.isFullScreen)


def press_chord(kiosk: KioskController, qtbot: QtBot) -> None:
    mods = Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier
    qtbot.keyClick(kiosk.window.view, Qt.Key.Key_K, mods)


def type_pin(kiosk: KioskController, qtbot: QtBot, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(kiosk.pin_pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.pin_pad.unlock_button, Qt.MouseButton.LeftButton)


def test_the_chord_opens_the_pin_pad(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    assert kiosk.settings.exit_chord == CHORD
    press_chord(kiosk, qtbot)
    assert kiosk.pin_pad.isVisible()
    assert kiosk.pin_pad.field.hasFocus()
    assert kiosk.window.isVisible()


def test_a_long_press_on_the_corner_opens_the_pin_pad(
    make_kiosk: KioskFactory, qtbot: QtBot
) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    corner = QPoint(4, window.height() - 4)
    target = window.childAt(corner)
    assert isinstance(target, QWidget)
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))
    qtbot.waitUntil(kiosk.pin_pad.isVisible)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))


def test_a_short_press_or_a_press_elsewhere_does_not(
    make_kiosk: KioskFactory, qtbot: QtBot
) -> None:
    kiosk = make_kiosk()
    viewport = kiosk.window.view.viewport()
    corner = viewport.mapFrom(kiosk.window, QPoint(4, kiosk.window.height() - 4))
    timer = kiosk.guard.long_press_timer
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 100))
    assert not timer.isActive()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 100))
    target = kiosk.window.childAt(QPoint(4, kiosk.window.height() - 4))
    corner = target.mapFrom(kiosk.window, QPoint(4, kiosk.window.height() - 4))
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=corner)
    assert timer.isActive()
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=corner)
    assert not timer.isActive()
    assert not kiosk.pin_pad.isVisible()


def test_a_wrong_pin_is_refused(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    press_chord(kiosk, qtbot)
    type_pin(kiosk, qtbot, "1111")
    assert kiosk.pin_pad.isVisible()
    assert "not right" in kiosk.pin_pad.message.text()
    assert kiosk.pin_pad.field.text() == ""
    assert kiosk.window.isVisible() and kiosk.window.isFullScreen()


def test_wrong_pins_are_rate_limited(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    clock = FakeClock()
    attempts = PinAttempts(free_tries=3, first_wait=30, clock=clock)
    kiosk = make_kiosk(attempts=attempts)
    press_chord(kiosk, qtbot)
    for _ in range(3):
        type_pin(kiosk, qtbot, "1111")
    pad = kiosk.pin_pad
    assert "Try again in 30 seconds" in pad.message.text()
    assert not pad.unlock_button.isEnabled() and not pad.keys["2"].isEnabled()
    pad.submitted.emit(PIN)  # even the right PIN is refused while the wait runs
    assert kiosk.window.isVisible() and attempts.failures == 3
    # Cancel and ask again: still waiting (a reset of the pad does not reset the brake).
    pad.cancel()
    press_chord(kiosk, qtbot)
    assert not pad.unlock_button.isEnabled()
    clock.now += 31
    qtbot.waitUntil(pad.unlock_button.isEnabled)
    assert "try again now" in pad.message.text()
    with qtbot.waitSignal(kiosk.exited):
        type_pin(kiosk, qtbot, PIN)
    assert not kiosk.window.isVisible()


def test_the_right_pin_exits(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    press_chord(kiosk, qtbot)
    with qtbot.waitSignal(kiosk.exited):
        type_pin(kiosk, qtbot, PIN)
    assert not kiosk.window.isVisible()
    assert not kiosk.active


def test_the_pin_can_be_typed_on_a_keyboard(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    press_chord(kiosk, qtbot)
    qtbot.keyClicks(kiosk.pin_pad.field, "12ab34")  # letters are not taken
    assert kiosk.pin_pad.field.text() == "1234"
    kiosk.pin_pad.field.clear()
    with qtbot.waitSignal(kiosk.exited):
        qtbot.keyClicks(kiosk.pin_pad.field, PIN)
        qtbot.keyClick(kiosk.pin_pad.field, Qt.Key.Key_Return)


def test_esc_or_cancel_closes_the_pin_pad_and_stays_locked(
    make_kiosk: KioskFactory, qtbot: QtBot
) -> None:
    kiosk = make_kiosk()
    press_chord(kiosk, qtbot)
    qtbot.keyClick(kiosk.pin_pad.field, Qt.Key.Key_Escape)
    assert not kiosk.pin_pad.isVisible()
    press_chord(kiosk, qtbot)
    qtbot.mouseClick(kiosk.pin_pad.cancel_button, Qt.MouseButton.LeftButton)
    assert not kiosk.pin_pad.isVisible()
    assert kiosk.window.isVisible() and kiosk.window.isFullScreen()


def test_keys_go_to_the_pin_pad_alone(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    press_chord(kiosk, qtbot)
    kiosk.window.tree.setFocus()  # something under the pad
    qtbot.keyClick(kiosk.window.tree, Qt.Key.Key_Down)
    assert kiosk.pin_pad.field.hasFocus()


def test_with_no_pin_set_the_chord_alone_exits(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk(KioskSettings(enabled=True))
    with qtbot.waitSignal(kiosk.exited):
        press_chord(kiosk, qtbot)
    assert not kiosk.window.isVisible()


def test_a_chord_from_the_config_is_used(make_kiosk: KioskFactory, qtbot: QtBot) -> None:
    kiosk = make_kiosk(KioskSettings(enabled=True, exit_chord="Ctrl+Shift+F12"))
    press_chord(kiosk, qtbot)  # the default chord is just a key now (and nothing happens)
    assert kiosk.window.isVisible()
    with qtbot.waitSignal(kiosk.exited):
        mods = Mod.ControlModifier | Mod.ShiftModifier
        qtbot.keyClick(kiosk.window.view, Qt.Key.Key_F12, mods)


def test_unlocking_lets_the_window_close(qtbot: QtBot, make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk()
    kiosk.window.close()
    assert kiosk.window.isVisible()
    kiosk.uninstall()
    kiosk.window.close()
    assert not kiosk.window.isVisible()
