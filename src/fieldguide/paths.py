"""Where things live: bundled resources, and user data (per-user, portable or in memory)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Literal, NamedTuple

log = logging.getLogger(__name__)

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


# --- Where user data lives ---------------------------------------------------------------------

APP_NAME = "FieldGuide"
PORTABLE_MARKERS = ("portable", ".portable")
PORTABLE_DATA = "data"  # beside the program, in portable mode
USER_DB_NAME = "userdata.sqlite3"
CACHE_NAME = "cache"  # inside the portable data folder

DataMode = Literal["normal", "portable", "portable-readonly", "fallback", "memory", "kiosk"]

NOTICE_STICK_TO_COMPUTER = (
    "This copy of Field Guide is on a locked USB stick, so your bookmarks are kept on this "
    "computer instead."
)
NOTICE_STICK_TO_MEMORY = (
    "This copy of Field Guide is on a locked USB stick, so your bookmarks are kept only until "
    "you close Field Guide."
)
NOTICE_STICK_READ_ONLY = (
    "This copy of Field Guide is on a locked USB stick: your bookmarks on it are shown, but "
    "changes are kept only until you close Field Guide."
)
NOTICE_COMPUTER_TO_MEMORY = (
    "Field Guide cannot save on this computer, so your bookmarks are kept only until you close "
    "Field Guide."
)


class DataLocation(NamedTuple):
    """Where this run keeps user data; `None` means in memory only (nothing written)."""

    user_db: Path | None  # the user-data SQLite file (portable-readonly: only read, never written)
    cache_dir: Path | None  # for search indexes rebuilt at run time
    mode: DataMode
    notice: str = ""  # one quiet line for the UI's banner ("" = say nothing)


def is_portable(program_dir: Path) -> bool:
    """True when a `portable` or `.portable` marker file is beside the program."""
    try:
        return any((program_dir / name).is_file() for name in PORTABLE_MARKERS)
    except OSError:
        return False


def default_user_data_dir() -> Path:
    """The platform's per-user data folder for Field Guide (not created here)."""
    xdg = _xdg_folder("XDG_DATA_HOME", ".local/share")
    if xdg is not None:
        return xdg
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_user_cache_dir() -> Path:
    """The platform's per-user cache folder for Field Guide (not created here)."""
    xdg = _xdg_folder("XDG_CACHE_HOME", ".cache")
    if xdg is not None:
        return xdg
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _xdg_folder(variable: str, under_home: str) -> Path | None:
    """On Linux, the folder platformdirs gives, by the XDG Base Directory rule it follows:
    $variable when it is an absolute path, else under_home in the home folder. The start asks
    for it at every start, and importing platformdirs costs ~15 M instructions, 2% of a bare
    PySide6 window's start; tests/test_paths.py checks the two agree. None elsewhere (Windows
    and macOS folders come from system calls), and when HOME is no absolute path (platformdirs
    then asks the password database): platformdirs answers then."""
    if sys.platform != "linux" or "ANDROID_ROOT" in os.environ:
        return None
    value = os.environ.get(variable, "")
    if os.path.isabs(value):
        return Path(value) / APP_NAME
    home = os.environ.get("HOME", "")
    if os.path.isabs(home):
        return Path(home) / under_home / APP_NAME
    return None


def is_writable(folder: Path) -> bool:
    """Create `folder` if needed, then create and delete a file in it: True if all of that worked.

    A write-protected stick, a read-only folder or a path under a file all give False. Checking by
    doing rather than with os.access, which says yes to root and knows nothing of locked media.
    """
    import tempfile  # only when user data is placed, not for the first paint

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".fieldguide-write-test-", dir=folder)
        os.close(handle)
        os.unlink(name)
    except (OSError, ValueError):
        return False
    return True


def can_write_file(path: Path) -> bool:
    """The file can be opened for writing, or does not exist yet (then its folder decides).

    Opening for writing changes nothing in the file; it fails on locked media (even for root),
    for a read-only file and, on Windows, for a file with the read-only attribute.
    """
    try:
        with path.open("r+b"):
            return True
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False


def can_read_file(path: Path) -> bool:
    """`path` is a regular file that can be opened for reading (nothing is written)."""
    try:
        if not path.is_file():  # first: opening a pipe or a device could wait or read
            return False
        with path.open("rb"):
            return True
    except (OSError, ValueError):
        return False


def is_portable_data_file(db: Path) -> bool:
    """True when `db` is the user-data file in `data/` beside a program with a portable marker."""
    return (
        db.name == USER_DB_NAME
        and db.parent.name == PORTABLE_DATA
        and is_portable(db.parent.parent)
    )


def _usable_data_dir(folder: Path) -> bool:
    return is_writable(folder) and can_write_file(folder / USER_DB_NAME)


def _first_writable(*folders: Path) -> Path | None:
    return next((folder for folder in folders if is_writable(folder)), None)


def locate_user_data(
    program: Path | None = None,
    *,
    kiosk: bool = False,
    user_data_dir: Path | None = None,
    user_cache_dir: Path | None = None,
) -> DataLocation:
    """Decide where user data goes this run; touches the disk only to test that it can write.

    - kiosk: memory only; nothing is read, created or written.
    - portable (a marker beside the program): `data/` beside the program, found again from the
      program's folder at every start, so the stick works under any drive letter.
    - normal: the per-user data folder (`user_data_dir`, by default from platformdirs).
    - portable-readonly: the stick is locked (its `data/` cannot be written) but holds saved
      data that can be read. The saved data is shown, read into memory; changes are kept only
      until the program closes; nothing is written to the stick or to the computer (no cache
      folder either: search indexes are rebuilt in memory).
    - a folder that cannot be written falls back: portable -> per-user -> memory, with a notice.

    A locked stick WITH saved data shows the stick's data rather than the per-user folder's: the
    bookmarks and reading position on the stick are the reader's own and travel with them, while
    the per-user folder on this computer may be empty, older, or another person's (a shared or
    clinic computer). A locked stick with NO saved data has nothing of the reader's to show, so
    it still falls back to the per-user folder (then memory), where changes can at least be kept.
    """
    if kiosk:
        return DataLocation(None, None, "kiosk")
    program = program_dir() if program is None else program
    home = default_user_data_dir() if user_data_dir is None else user_data_dir
    cache = default_user_cache_dir() if user_cache_dir is None else user_cache_dir
    if is_portable(program):
        portable = program / PORTABLE_DATA
        if _usable_data_dir(portable):
            # Nothing outside the stick: no per-user cache either.
            cache_dir = _first_writable(portable / CACHE_NAME)
            return DataLocation(portable / USER_DB_NAME, cache_dir, "portable")
        log.warning("The portable data folder %s cannot be written to.", portable)
        saved = portable / USER_DB_NAME
        if can_read_file(saved):
            return DataLocation(saved, None, "portable-readonly", NOTICE_STICK_READ_ONLY)
        if _usable_data_dir(home):
            cache_dir = _first_writable(cache)
            return DataLocation(
                home / USER_DB_NAME, cache_dir, "fallback", NOTICE_STICK_TO_COMPUTER
            )
        log.warning("The user data folder %s cannot be written to either.", home)
        return DataLocation(None, _first_writable(cache), "memory", NOTICE_STICK_TO_MEMORY)
    if _usable_data_dir(home):
        return DataLocation(home / USER_DB_NAME, _first_writable(cache), "normal")
    log.warning("The user data folder %s cannot be written to.", home)
    return DataLocation(None, _first_writable(cache), "memory", NOTICE_COMPUTER_TO_MEMORY)
