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
