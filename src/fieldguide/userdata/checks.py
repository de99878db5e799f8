"""What every way of opening the user-data file shares: the outcome, and the checks of a file."""

from __future__ import annotations

import sqlite3
from typing import Literal

from fieldguide.userdata.model import Notice, Preferences
from fieldguide.userdata.rows import State, load_state
from fieldguide.userdata.schema import APPLICATION_ID, SCHEMA_VERSION, create_schema, migrate

BadKind = Literal["corrupt", "foreign", "newer"]
# SQLite result codes (low byte of the extended code) that mean "this file is bad", as opposed
# to "this file cannot be reached or written right now" (busy, permissions, I/O, disk full).
_BAD_FILE_CODES = {1, 11, 17, 20, 26}  # ERROR, CORRUPT, SCHEMA, MISMATCH, NOTADB


class BadFile(Exception):
    """The file is there but is not a user-data file this version can use."""

    def __init__(self, kind: BadKind, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind


class Opened:
    """The outcome of opening: `conn` is None when the store keeps data in memory only.
    (A plain class: a dataclass costs ~3 M instructions to build at every start.)"""

    __slots__ = ("conn", "notices", "state")

    def __init__(
        self,
        conn: sqlite3.Connection | None,
        state: State,
        notices: list[Notice] | None = None,
    ) -> None:
        self.conn = conn
        self.state = state
        self.notices: list[Notice] = notices if notices is not None else []

    def __repr__(self) -> str:
        return f"Opened(conn={self.conn!r}, state={self.state!r}, notices={self.notices!r})"


def result_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of the error (0 when it has none)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def is_bad_file(exc: sqlite3.Error) -> bool:
    """The error says the file itself is bad (not that it cannot be reached right now)."""
    return result_code(exc) in _BAD_FILE_CODES


def check_and_load(conn: sqlite3.Connection, defaults: Preferences, history_limit: int) -> State:
    """Check that the file is ours and sound, bring it to this schema, and read it all."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and version == 0 and tables == 0:
        create_schema(conn)  # a new file, or one whose creation was cut short
    elif app_id != APPLICATION_ID:
        raise BadFile("foreign", f"application_id is {app_id:#x}, not ours")
    elif version > SCHEMA_VERSION:
        raise BadFile("newer", f"schema version {version} is newer than {SCHEMA_VERSION}")
    else:
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise BadFile("corrupt", f"quick_check: {check[:3]!r}")
        if version < SCHEMA_VERSION:
            try:
                migrate(conn, version)
            except ValueError as exc:
                raise BadFile("corrupt", str(exc)) from exc
    return load_state(conn, defaults, history_limit)
