"""Opening a user-data file that must not be written (a locked stick): read into memory, left
as it is. Nothing is written in or beside the file: no lock, no journal, no migration on disk."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Literal

from fieldguide import paths
from fieldguide.userdata.checks import BadFile, BadKind, Opened, check_and_load, is_bad_file
from fieldguide.userdata.model import Notice, Preferences
from fieldguide.userdata.rows import State

log = logging.getLogger(__name__)

Unusable = BadKind | Literal["unreadable"]  # unreadable: cannot be read now (permissions, I/O)


def read_only_uri(path: Path) -> str:
    """An SQLite URI for `path` that opens it read-only and immutable: SQLite then takes no
    lock and neither reads nor makes a journal, so nothing is ever written beside the file."""
    return uri_for(path.absolute().as_posix())


def uri_for(posix: str) -> str:
    """The read-only URI of an absolute path in / spelling, with an empty authority:
    file:///a/b here, file:///C:/a on Windows, file:////server/share/a for a network path."""
    from urllib.parse import quote  # only for a locked file, not on a normal start

    prefix = "file://" if posix.startswith("/") else "file:///"
    return f"{prefix}{quote(posix, safe='/:')}?mode=ro&immutable=1"


def _copy_into_memory(path: Path) -> sqlite3.Connection:
    """A copy of the file in a memory database, made without writing anything on its disk."""
    journal = Path(f"{path}-journal")
    if journal.is_file() and journal.stat().st_size > 0:
        # A save was cut short before the media was locked; rolling it back would need a write.
        log.warning("%s has an unfinished save (%s); reading the file as it is", path, journal)
    source = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    try:
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            source.backup(memory)
        except BaseException:
            memory.close()
            raise
    finally:
        source.close()
    return memory


def open_read_only(path: Path, defaults: Preferences, history_limit: int) -> Opened:
    """Show what the file holds without writing it: copied into memory, checked and migrated
    there, then loaded; changes are kept in memory only. A file that cannot be read gives an
    empty memory store and a notice; the file is left exactly as it is. Never raises."""
    try:
        memory = _copy_into_memory(path)
        try:
            state = check_and_load(memory, defaults, history_limit)
        finally:
            memory.close()
    except BadFile as exc:
        log.warning("the read-only user-data file %s is unusable: %s", path, exc)
        return Opened(None, State(preferences=defaults), [_read_only_bad_notice(exc.kind, path)])
    except (sqlite3.Error, OSError) as exc:
        log.warning("cannot read the read-only user-data file %s: %s", path, exc)
        bad = isinstance(exc, sqlite3.Error) and is_bad_file(exc)
        notice = _read_only_bad_notice("corrupt" if bad else "unreadable", path)
        return Opened(None, State(preferences=defaults), [notice])
    log.info("the user-data file %s cannot be written; read into memory", path)
    return Opened(None, state, [_read_only_notice(path)])


def _read_only_notice(path: Path) -> Notice:
    if paths.is_portable_data_file(path):
        # The same words as the window's notice for a locked stick, so the reader sees them once.
        return Notice("memory_only", paths.NOTICE_STICK_READ_ONLY)
    return Notice(
        "memory_only",
        "Field Guide cannot save in the folder "
        f"{path.absolute().parent}, so your saved bookmarks and reading history are shown, "
        "but changes are kept only until you close it.",
    )


def _read_only_bad_notice(kind: Unusable, path: Path) -> Notice:
    where = f"the file {path.name} in the folder {path.absolute().parent}"
    left = "That file was left as it is, and changes are kept only until you close Field Guide."
    if kind == "newer":
        return Notice(
            "newer_version",
            "Your saved bookmarks and reading history were made by a newer version of Field "
            f"Guide, which this version cannot read ({where}). {left}",
        )
    if kind == "unreadable":
        return Notice(
            "memory_only",
            f"Field Guide could not read your saved bookmarks and reading history ({where}), "
            f"so none are shown. {left}",
        )
    return Notice(
        "memory_only",
        f"Your saved bookmarks and reading history could not be read ({where} may be damaged), "
        f"so none are shown. {left}",
    )
