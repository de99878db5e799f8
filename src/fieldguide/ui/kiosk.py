"""Kiosk mode: a locked, full-screen reader for a shared clinic computer that forgets each visitor.

app.py builds it when `--kiosk` is given or the config enables it:

    kiosk = KioskController(window, config.kiosk, go_home=..., resets=SessionReset([...]))
    kiosk.install(qt_app)       # before the window is shown
    kiosk.exited.connect(qt_app.quit)
    kiosk.show()

What it does, and where:
- `kiosk_guard.KioskGuard` (an event filter on the QApplication) blocks the ways out and
  notices the exit chord, the long press on the bottom-left corner, and activity;
- `kiosk_policy.ActionPolicy` hides the menu bar and the reader's actions tagged as opening
  files or dialogs, and sends printing to the default printer when the config allows it;
- `kiosk_pin_pad.PinPad` asks for the PIN (checked with `config.PinAttempts`, which slows
  guessing); no PIN set means the gesture alone exits (for administrators trying it out);
- after `idle_timeout` seconds without activity, "Still reading?" counts down `countdown`
  seconds, then the session is reset: every part in `resets` forgets, the start page opens;
- "Leave quickly" (always on screen) resets at once and covers the window with a neutral page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QScroller,
    QToolTip,
    QWidget,
)

from fieldguide.config.model import KioskSettings
from fieldguide.config.pin import PinAttempts
from fieldguide.ui.kiosk_guard import KioskGuard
from fieldguide.ui.kiosk_overlays import CountdownOverlay, KioskBar, NeutralScreen, Overlay
from fieldguide.ui.kiosk_pin_pad import PinPad
from fieldguide.ui.kiosk_policy import ActionPolicy
from fieldguide.ui.kiosk_style import TEXT_SCALE, kiosk_stylesheet
from fieldguide.ui.session_reset import SessionReset

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QApplication,
        QMainWindow,
    )

log = logging.getLogger(__name__)

LONG_PRESS_MS = 4000  # hold the bottom-left corner this long to ask for the PIN
MESSAGE_MS = 6000  # how long a message (no printer) stays in the kiosk bar


class KioskController(QObject):
    """Locks a main window into kiosk mode; see the module docstring."""

    exited = Signal()  # the administrator left kiosk mode (the app should quit)
    countdown_started = Signal()
    reset_done = Signal(str)  # "idle" or "leave"

    def __init__(
        self,
        window: QMainWindow,
        settings: KioskSettings,
        *,
        go_home: Callable[[], None],
        resets: SessionReset | None = None,
        attempts: PinAttempts | None = None,
        print_page: Callable[[], bool] | None = None,
        tick_ms: int = 1000,
        long_press_ms: int = LONG_PRESS_MS,
    ) -> None:
        """`tick_ms` is one "second" of the idle timeout, countdown and PIN waits (tests make it
        short); `print_page` prints directly and says whether a printer was there."""
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.resets = resets if resets is not None else SessionReset()
        self.attempts = attempts if attempts is not None else PinAttempts()
        self._go_home = go_home
        self._print_page = print_page
        self._app: QApplication | None = None
        self._app_font = QFont()
        self.active = False

        self.countdown = CountdownOverlay(window)
        self.neutral = NeutralScreen(window)
        self.pin_pad = PinPad(window)
        self.countdown.keep_reading.connect(self.keep_reading)
        self.neutral.start.connect(self._start_fresh)
        self.pin_pad.submitted.connect(self._check_pin)
        self.pin_pad.cancelled.connect(self._pin_cancelled)

        self.bar = KioskBar()
        self.message, self.leave_button = self.bar.message, self.bar.leave_button
        self.leave_button.clicked.connect(self.leave_quickly)
        self.guard = KioskGuard(
            window,
            exit_chord=settings.exit_chord,
            allow_printing=settings.allow_printing,
            long_press_ms=long_press_ms,
            overlays=self.overlays,
        )
        self.guard.chord.connect(self.ask_for_pin)
        self.guard.corner_held.connect(self.ask_for_pin)
        self.guard.activity.connect(self._on_activity)
        self.policy = ActionPolicy(
            window, allow_printing=settings.allow_printing, print_page=self.print_page
        )
        self.guard.action_seen.connect(self.policy.check)

        self.idle_timer = self._timer(settings.idle_timeout * tick_ms, self.start_countdown)
        self.idle_timer.setSingleShot(True)
        self.ticker = self._timer(tick_ms, self._tick)
        self.pin_wait_timer = self._timer(tick_ms, self._show_pin_wait)
        self.message_timer = self._timer(MESSAGE_MS * tick_ms // 1000, self.message.clear)
        self.message_timer.setSingleShot(True)
        self.seconds_left = 0

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(max(1, interval))
        timer.timeout.connect(slot)
        return timer

    # --- Installing ---------------------------------------------------------------------------

    def install(self, app: QApplication) -> None:
        """Lock the window down; call before it is shown."""
        self._app = app
        window = self.window
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        # A row of its own: beside the reader's toolbars, "Leave quickly" could be folded away.
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        window.setStyleSheet(window.styleSheet() + kiosk_stylesheet())
        self._enlarge_text(app)
        for area in window.findChildren(QAbstractScrollArea):
            QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.policy.apply()
        self.guard.install(app)
        self.active = True

    def _enlarge_text(self, app: QApplication) -> None:
        """Larger text everywhere. Set on the application, then each widget told to follow it
        again: under style sheets (the kiosk's, the focus frames) a widget keeps the font it
        had when polished instead of following its parent."""
        self._app_font = QFont(app.font())
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
        app.setFont(font)
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                widget.setFont(QFont())  # nothing set: follow the application's font

    def show(self) -> None:
        """Show the window full screen."""
        self.window.showFullScreen()

    def uninstall(self) -> None:
        """Stop guarding (the window may close again); timers stop."""
        for timer in (self.idle_timer, self.ticker, self.pin_wait_timer, self.message_timer):
            timer.stop()
        if self._app is not None and self.active:
            self.guard.remove(self._app)
            self._app.setFont(self._app_font)
        self.active = False

    def release(self) -> None:
        """Leave kiosk mode: stop guarding, close the window, emit `exited`."""
        log.info("Leaving kiosk mode.")
        self.uninstall()
        self.window.close()
        self.exited.emit()

    # --- Idle, countdown, reset -----------------------------------------------------------------

    def _on_activity(self) -> None:
        if self.countdown.isVisible() or self.neutral.isVisible():
            return
        self.idle_timer.start()  # (re)start: the countdown comes after idle_timeout quiet seconds

    def start_countdown(self) -> None:
        """Show "Still reading?" and count down to the reset."""
        self.seconds_left = self.settings.countdown
        self.countdown.show_seconds(self.seconds_left)
        self.countdown.open_overlay()
        if self.pin_pad.isVisible():
            self.pin_pad.raise_()
        self.ticker.start()
        self.countdown_started.emit()

    def _tick(self) -> None:
        self.seconds_left -= 1
        if self.seconds_left <= 0:
            self.reset("idle")
        else:
            self.countdown.show_seconds(self.seconds_left)

    def keep_reading(self) -> None:
        """The visitor is still there: close the countdown and wait again."""
        self.ticker.stop()
        self.countdown.hide()
        self.idle_timer.start()

    def reset(self, reason: str = "idle") -> None:
        """Forget the session: close what is open, reset every part, open the start page."""
        self.ticker.stop()
        self.idle_timer.stop()
        self.countdown.hide()
        self.pin_pad.cancel()
        self._close_popups()
        failed = self.resets.reset()
        if failed:
            log.error("%d part(s) could not be reset.", len(failed))
        self._go_home()
        self.message.clear()
        QGuiApplication.clipboard().clear()
        log.info("Kiosk session reset (%s).", reason)
        self.reset_done.emit(reason)

    def leave_quickly(self) -> None:
        """Reset at once and cover the window with a neutral page."""
        self.reset("leave")
        self.neutral.open_overlay()

    def _start_fresh(self) -> None:
        self.neutral.hide()
        self.window.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_popups(self) -> None:
        QToolTip.hideText()
        if self._app is not None:
            while (popup := self._app.activePopupWidget()) is not None and popup.close():
                pass
        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    # --- The PIN --------------------------------------------------------------------------------

    def ask_for_pin(self) -> None:
        """The hidden gesture: ask for the PIN (no PIN set: leave at once)."""
        if not self.settings.has_pin:
            log.info("Kiosk exit gesture, and no PIN is set.")
            self.release()
            return
        if self.pin_pad.isVisible():
            return
        self.pin_pad.open_overlay()
        self._show_pin_wait()

    def _check_pin(self, pin: str) -> None:
        if self.attempts.try_pin(pin, self.settings.pin_hash):
            self.pin_pad.hide()
            self.release()
            return
        if self.attempts.seconds_to_wait() > 0:
            self._show_pin_wait()
        else:
            self.pin_pad.refuse(self.tr("That PIN is not right. Try again."))

    def _show_pin_wait(self) -> None:
        wait = self.attempts.seconds_to_wait()
        if wait > 0:
            seconds = int(wait + 0.999)
            text = self.tr("Too many wrong PINs. Try again in {} seconds.").format(seconds)
            self.pin_pad.set_waiting(True, text)
            self.pin_wait_timer.start()
        else:
            was_waiting = self.pin_wait_timer.isActive()
            self.pin_wait_timer.stop()
            self.pin_pad.set_waiting(
                False, self.tr("You can try again now.") if was_waiting else ""
            )

    def _pin_cancelled(self) -> None:
        self.pin_wait_timer.stop()

    # --- Printing -------------------------------------------------------------------------------

    def print_page(self) -> None:
        """Print directly on the default printer (only reached when the config allows it)."""
        if self._print_page is None:
            return
        if self._print_page():
            self.message.setText(self.tr("Printing on this computer's printer."))
        else:
            self.message.setText(self.tr("No printer is set up on this computer."))
        self.message_timer.start()

    def overlays(self) -> list[Overlay]:
        """The kiosk's screens, top first."""
        return [self.pin_pad, self.countdown, self.neutral]
