"""Where things live: bundled resources (checkout, wheel or frozen bundle) and per-user data."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """The folder that holds the bundled resources (library, icons, example config)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    # Source checkout or editable install: src/fieldguide/ -> <repo>/resources
    return _PACKAGE_DIR.parent.parent / "resources"


def bundled_library_dir() -> Path:
    """The folder of the library that ships with the program."""
    return resources_dir() / "library"


def program_dir() -> Path:
    """The folder the program runs from (beside it: portable marker, fieldguide.toml)."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return _PACKAGE_DIR.parent.parent
