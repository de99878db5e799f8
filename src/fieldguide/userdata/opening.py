"""Opening the user-data file without ever failing: checks, quarantine of bad files, fallback.

Every path ends in a usable result: a connection and the loaded data, or no connection (memory
only) and an empty or loaded state, plus notices in plain words for the reader.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from fieldguide import paths
from fieldguide.userdata.checks import (
    BadFile,
    BadKind,
    Opened,
    check_and_load,
    is_bad_file,
    result_code,
)
from fieldguide.userdata.model import Notice, Preferences
from fieldguide.userdata.readonly import open_read_only
from fieldguide.userdata.rows import State

log = logging.getLogger(__name__)

_BUSY_CODES = {5, 6}  # BUSY, LOCKED
JOURNAL_SUFFIXES = ("-journal", "-wal", "-shm")
# How long to wait for another copy of Field Guide that is writing the same file this moment.
BUSY_TIMEOUT_S = 1.0


def connect(path: Path) -> sqlite3.Connection:
    """A connection with our settings: manual transactions, rollback journal, full sync."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA fullfsync = ON")  # macOS: make fsync reach the disk, not its cache
    return conn


def _open_and_load(path: Path, defaults: Preferences, history_limit: int) -> Opened:
    conn = connect(path)
    try:
        state = check_and_load(conn, defaults, history_limit)
    except BaseException:
        conn.close()
        raise
    return Opened(conn, state)


def _writable(path: Path) -> bool:
    # The file and its folder (for the journal); os.access knows read-only media and modes.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _must_not_write(path: Path) -> bool:
    """An existing file this run cannot write: locked media, a read-only file or folder.

    Decided before SQLite opens it, so that nothing (no journal, no migration) is tried there.
    """
    return path.is_file() and not (paths.can_write_file(path) and _writable(path))


def broken_name(path: Path, now: datetime | None = None) -> Path:
    """A free name beside `path` for a file moved aside, e.g. userdata.sqlite.broken-2026-…."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.broken-{stamp}")
    n = 2
    while any(Path(f"{candidate}{s}").exists() for s in ("", *JOURNAL_SUFFIXES)):
        candidate = path.with_name(f"{path.name}.broken-{stamp}-{n}")
        n += 1
    return candidate


def _move_aside(path: Path) -> Path:
    target = broken_name(path)
    os.rename(path, target)
    for suffix in JOURNAL_SUFFIXES:
        sibling = Path(f"{path}{suffix}")
        if sibling.exists():
            os.rename(sibling, Path(f"{target}{suffix}"))
    return target


def memory_notice(folder: Path) -> Notice:
    """Told when the store cannot write where it should."""
    folder = folder.absolute()
    return Notice(
        "memory_only",
        f"Field Guide cannot save bookmarks or reading history in the folder {folder}, "
        "so they will be kept only until you close it.",
    )


def _bad_file_notice(kind: BadKind, kept: Path) -> Notice:
    where = f"The old file was kept as {kept.name} in the folder {kept.absolute().parent}."
    if kind == "newer":
        return Notice(
            "newer_version",
            "Your saved bookmarks and reading history were made by a newer version of "
            f"Field Guide, which this version cannot read, so it started fresh. {where}",
        )
    return Notice(
        "started_fresh",
        "Your saved bookmarks and reading history could not be read, so Field Guide "
        f"started fresh. {where}",
    )


def open_store_file(path: Path, defaults: Preferences, history_limit: int) -> Opened:
    """Open or create the user-data file at `path`. Never raises (except on programming errors)."""
    if _must_not_write(path):
        return open_read_only(path, defaults, history_limit)
    empty = Opened(None, State(preferences=defaults))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        opened = _open_and_load(path, defaults, history_limit)
    except BadFile as exc:
        return _quarantine_and_restart(path, exc.kind, str(exc), defaults, history_limit)
    except sqlite3.Error as exc:
        if is_bad_file(exc):
            return _quarantine_and_restart(path, "corrupt", str(exc), defaults, history_limit)
        log.warning("cannot open the user-data file %s: %s", path, exc)
        if result_code(exc) in _BUSY_CODES:
            empty.notices.append(
                Notice(
                    "memory_only",
                    "Field Guide seems to be open twice, so this window will keep bookmarks "
                    "and reading history only until you close it.",
                )
            )
        else:
            empty.notices.append(memory_notice(path.parent))
        return empty
    except OSError as exc:
        log.warning("cannot use the folder of the user-data file %s: %s", path, exc)
        empty.notices.append(memory_notice(path.parent))
        return empty
    if opened.conn is not None and not _writable(path):
        log.warning("the user-data file %s is read-only; keeping changes in memory", path)
        opened.conn.close()
        opened.conn = None
        opened.notices.append(memory_notice(path.parent))
    return opened


def _quarantine_and_restart(
    path: Path, kind: BadKind, detail: str, defaults: Preferences, history_limit: int
) -> Opened:
    log.warning("the user-data file %s is unusable (%s: %s); moving it aside", path, kind, detail)
    try:
        kept = _move_aside(path)
    except OSError as exc:
        log.warning("could not move %s aside: %s", path, exc)
        return Opened(
            None,
            State(preferences=defaults),
            [
                Notice(
                    "memory_only",
                    "Your saved bookmarks and reading history could not be read, and the file "
                    f"{path.name} in the folder {path.absolute().parent} could not be moved "
                    "aside, so Field Guide will keep them only until you close it.",
                )
            ],
        )
    notice = _bad_file_notice(kind, kept)
    try:
        fresh = _open_and_load(path, defaults, history_limit)
    except (sqlite3.Error, OSError, BadFile) as exc:
        log.warning("could not start a fresh user-data file %s: %s", path, exc)
        return Opened(None, State(preferences=defaults), [notice, memory_notice(path.parent)])
    fresh.notices.append(notice)
    return fresh
