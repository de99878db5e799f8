"""The Qt widgets of Field Guide; only app.py imports this package.

`MainWindow` is imported on first use, so that importing one small part of the package (as the
start-up path does) does not import the whole window and everything it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldguide.ui.main_window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from fieldguide.ui.main_window import MainWindow

        return MainWindow
    raise AttributeError(name)
