"""The Qt widgets of Field Guide; only app.py imports this package."""

from fieldguide.ui.main_window import MainWindow

__all__ = ["MainWindow"]
