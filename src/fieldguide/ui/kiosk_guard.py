"""The kiosk's application-wide event filter: blocks every way out and notices the hidden gestures.

Installed on the QApplication, it sees each event before any widget or shortcut does:
- keys that close, quit, leave full screen or open files and dialogs (Alt+F4, Ctrl+Q, Ctrl+W, Esc,
  F11 and the platform's standard keys for these) never reach a widget or a shortcut;
- right-click (context) menus, drag and drop and "open this file" requests from the system are
  dropped; closing the main window is refused; leaving full screen is undone;
- the exit chord from the config, or a long press on the bottom-left corner, emits `chord` or
  `corner_held`; any key, click, touch, wheel or mouse move emits `activity`;
- actions added to a widget, or changed, are reported (`action_seen`) so the kiosk can check them;
- while an overlay (PIN pad, "Still reading?") is open, keys go to it alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionEvent, QKeySequence, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from fieldguide.config.model import DEFAULT_EXIT_CHORD
from fieldguide.ui.kiosk_overlays import Overlay

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

log = logging.getLogger(__name__)

Key = Qt.Key
Mod = Qt.KeyboardModifier
StandardKey = QKeySequence.StandardKey
E = QEvent.Type

BLOCKED_STANDARD_KEYS = (
    StandardKey.Quit,
    StandardKey.Close,
    StandardKey.Open,
    StandardKey.Save,
    StandardKey.SaveAs,
    StandardKey.New,
    StandardKey.AddTab,
    StandardKey.Preferences,
    StandardKey.FullScreen,
    StandardKey.Print,
)
BLOCKED_KEYS: tuple[tuple[Mod, Key], ...] = (
    (Mod.AltModifier, Key.Key_F4),
    (Mod.ControlModifier, Key.Key_F4),
    (Mod.ControlModifier, Key.Key_Q),
    (Mod.ControlModifier, Key.Key_W),
    (Mod.NoModifier, Key.Key_Escape),
    (Mod.NoModifier, Key.Key_F11),
    (Mod.NoModifier, Key.Key_F10),  # the menu bar on Windows and Linux
    (Mod.AltModifier, Key.Key_Space),  # the window menu on Windows
    (Mod.ControlModifier | Mod.MetaModifier, Key.Key_F),  # full screen on macOS
)
KEY_EVENTS = frozenset({E.KeyPress, E.ShortcutOverride})
ACTIVITY_EVENTS = frozenset(
    {E.MouseButtonPress, E.MouseMove, E.Wheel, E.TouchBegin, E.TouchUpdate, E.TabletPress}
)
DROP_EVENTS = frozenset({E.DragEnter, E.DragMove, E.Drop})
REFUSED_EVENTS = frozenset({E.ContextMenu, E.FileOpen, E.WhatsThis, E.QueryWhatsThis})
CORNER_PX = 64  # the hidden corner is this many pixels square


def combined(modifiers: Qt.KeyboardModifier, key: int) -> int:
    """One integer for a key with its modifiers (the keypad flag ignored)."""
    mods = modifiers & ~Mod.KeypadModifier
    return int(mods.value) | int(key)


def chord_combination(text: str) -> int:
    """The exit chord in Qt's portable spelling ("Ctrl+Alt+Shift+K") as one integer."""
    sequence = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    if sequence.isEmpty():
        log.warning("The exit chord %r is not a key; using %s.", text, DEFAULT_EXIT_CHORD)
        sequence = QKeySequence.fromString(DEFAULT_EXIT_CHORD)
    return int(sequence[0].toCombined())  # type: ignore[index]


def blocked_combinations(*, allow_printing: bool) -> frozenset[int]:
    """Every key the kiosk swallows, as integers (printing stays if the config allows it)."""
    found = {combined(mods, key) for mods, key in BLOCKED_KEYS}
    for standard in BLOCKED_STANDARD_KEYS:
        if allow_printing and standard == StandardKey.Print:
            continue
        for sequence in QKeySequence.keyBindings(standard):
            found.add(int(sequence[0].toCombined()))  # type: ignore[index]
    return frozenset(found)


class KioskGuard(QObject):
    """The event filter; `install(app)` / `remove(app)`."""

    chord = Signal()
    corner_held = Signal()
    activity = Signal()
    action_seen = Signal(QAction)  # an action was added to a widget, or changed

    def __init__(
        self,
        window: QWidget,
        *,
        exit_chord: str,
        allow_printing: bool,
        long_press_ms: int,
        overlays: Callable[[], list[Overlay]] = list,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._chord = chord_combination(exit_chord)
        self._blocked = blocked_combinations(allow_printing=allow_printing)
        self._overlays = overlays
        self._last_mouse = QPoint(-1, -1)
        self.long_press_timer = QTimer(self)
        self.long_press_timer.setSingleShot(True)
        self.long_press_timer.setInterval(long_press_ms)
        self.long_press_timer.timeout.connect(self.corner_held)

    def install(self, app: QObject) -> None:
        app.installEventFilter(self)

    def remove(self, app: QObject) -> None:
        self.long_press_timer.stop()
        app.removeEventFilter(self)

    def _is_window(self, obj: QObject) -> bool:
        return obj is self.window or obj is self.window.windowHandle()

    def active_overlay(self) -> Overlay | None:
        """The top open overlay, which alone gets keys."""
        return next((o for o in self._overlays() if o.isVisible()), None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in KEY_EVENTS:
            return self._key(obj, event)  # type: ignore[arg-type]
        if kind in ACTIVITY_EVENTS:
            if kind != E.MouseMove or self._moved(event):
                self.activity.emit()
            if kind in (E.MouseButtonPress, E.TouchBegin):
                self._press(event)
            return False
        if kind in (E.MouseButtonRelease, E.TouchEnd, E.TouchCancel):
            self.long_press_timer.stop()
            return False
        if kind in (E.ActionAdded, E.ActionChanged) and isinstance(event, QActionEvent):
            self.action_seen.emit(event.action())
            return False
        if kind in DROP_EVENTS:
            event.ignore()
            return True
        if kind in REFUSED_EVENTS:
            event.accept()
            return True
        if kind == E.Close and self._is_window(obj):
            log.info("Kiosk: closing the window is refused.")
            event.ignore()
            return True
        if kind == E.WindowStateChange and obj is self.window and not self.window.isFullScreen():
            QTimer.singleShot(0, self._back_to_full_screen)
        return False

    def _moved(self, event: QEvent) -> bool:
        """True for a real move: Qt also sends moves when widgets appear under a still mouse,
        which must not keep the idle timer going at an empty kiosk."""
        if not isinstance(event, QMouseEvent):
            return False
        point = event.globalPosition().toPoint()
        moved = point != self._last_mouse
        self._last_mouse = point
        return moved

    def _back_to_full_screen(self) -> None:
        if not self.window.isFullScreen():
            self.window.showFullScreen()

    def _key(self, obj: QObject, event: QKeyEvent) -> bool:
        is_press = event.type() == E.KeyPress
        if is_press:
            self.activity.emit()
        key = event.key()
        if key in (Key.Key_Control, Key.Key_Alt, Key.Key_Shift, Key.Key_Meta, Key.Key_AltGr):
            return False
        combo = combined(event.modifiers(), key)
        if combo == self._chord:
            event.accept()
            if is_press and not event.isAutoRepeat():
                self.chord.emit()
            return True
        overlay = self.active_overlay()
        if overlay is not None and not _inside(obj, overlay):
            event.accept()
            if is_press:
                overlay.default_button().setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if combo in self._blocked:
            event.accept()  # a ShortcutOverride accepted here means no shortcut fires
            if is_press and overlay is not None and key == Key.Key_Escape:
                overlay.cancel()
            return True
        return False

    def _press(self, event: QEvent) -> None:
        point: QPoint | None = None
        if isinstance(event, QMouseEvent):
            point = event.globalPosition().toPoint()
        elif isinstance(event, QTouchEvent) and event.points():
            point = event.points()[0].globalPosition().toPoint()
        if point is None:
            return
        local = self.window.mapFromGlobal(point)
        size = min(CORNER_PX, self.window.width(), self.window.height())
        corner = QRect(0, self.window.height() - size, size, size)
        if corner.contains(local):
            self.long_press_timer.start()
        else:
            self.long_press_timer.stop()


def _inside(obj: QObject, overlay: QWidget) -> bool:
    return isinstance(obj, QWidget) and (obj is overlay or overlay.isAncestorOf(obj))
