"""Qt settings for the widgets of the first paint, made without PySide6's `Qt` namespace.

The first use of any enum of `PySide6.QtCore.Qt` makes PySide6 build all of them (93 enums,
about 1,200 values, in Python's enum module): ~20 ms, a sixth of a bare PySide6 window's start.
The first paint needs none of them. What it draws is set here by name through Qt's property
system (as Qt Designer's .ui files and style sheets do: Qt checks the name), item roles are
plain numbers (PySide6 passes roles as ints), and what only matters once the reader acts
(focus, key contexts, cursors, event filters) is set by `MainWindow.finish_start()`, right
after the first paint. tests/ui/test_first_paint.py checks that the start needs no `Qt`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance
    from PySide6.QtGui import QAction

# Qt.ItemDataRole values (Qt's own numbers: qnamespace.h).
DISPLAY_ROLE = 0
TOOL_TIP_ROLE = 3
USER_ROLE = 256


def set_by_name(obj: QObject, prop: str, value: str) -> None:
    """Set the enum or flags property `prop` of `obj` to the key `value` ("PlainText",
    "TextSelectableByMouse|TextSelectableByKeyboard"). A name Qt does not know is an error."""
    if not obj.setProperty(prop, value):
        raise ValueError(f"{type(obj).__name__} has no property {prop!r} that takes {value!r}")


def once(signal: SignalInstance, slot: Callable[[], object]) -> None:
    """Call `slot` at the next emission of `signal` only (Qt's single-shot connection)."""

    def fire(*_: object) -> None:
        signal.disconnect(fire)
        slot()

    signal.connect(fire)


# The keys an action asked for with keys_after_paint(), kept on it until give_keys().
_KEYS = "fieldguideKeys"
_STANDARD_KEY = "fieldguideStandardKey"


def keys_after_paint(action: QAction, *keys: str, standard: str = "") -> None:
    """Give `action` its keyboard shortcuts right after the first paint (give_keys): `standard`
    names a QKeySequence.StandardKey ("ZoomIn": the platform's keys for it, first), `keys` are
    more in Qt's portable text ("Ctrl+="). QKeySequence costs ~6 M instructions to make (its
    StandardKey enum has 71 values), and no key can be pressed before the window is painted."""
    action.setProperty(_KEYS, "\n".join(keys))
    action.setProperty(_STANDARD_KEY, standard)


def give_keys(root: QObject) -> None:
    """Set the shortcuts asked for with keys_after_paint() on every action under `root`."""
    from PySide6.QtGui import QAction, QKeySequence

    for action in root.findChildren(QAction):
        keys, standard = action.property(_KEYS), action.property(_STANDARD_KEY)
        if keys is None and standard is None:
            continue
        sequences = []
        if standard:
            sequences += QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, standard))
        sequences += [QKeySequence(key) for key in (keys or "").split("\n") if key]
        action.setShortcuts(sequences)
        action.setProperty(_KEYS, None)
        action.setProperty(_STANDARD_KEY, None)
