"""The user-data file's SQLite schema, its version number, and the migrations between versions.

The version lives in `PRAGMA user_version`; `PRAGMA application_id` marks the file as ours, so that
another program's SQLite file put in our place is recognised as foreign and never altered.

History of the schema:
  1  bookmarks (no label, no order), history, last_position, preferences.
  2  bookmarks gain `label` (the reader's rename) and `position` (the reader's order);
     a `session` table holds window state.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

log = logging.getLogger(__name__)

APPLICATION_ID = 0x46475544  # "FGUD": Field Guide user data
SCHEMA_VERSION = 2

_CREATE_V2 = """
CREATE TABLE bookmarks (
    library_id TEXT NOT NULL,
    slug       TEXT NOT NULL,
    title      TEXT NOT NULL,
    label      TEXT,
    position   INTEGER NOT NULL,
    created    REAL NOT NULL,
    PRIMARY KEY (library_id, slug)
);
CREATE TABLE history (
    library_id TEXT NOT NULL,
    slug       TEXT NOT NULL,
    title      TEXT NOT NULL,
    visited    REAL NOT NULL,
    PRIMARY KEY (library_id, slug)
);
CREATE TABLE last_position (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    library_id TEXT NOT NULL,
    slug       TEXT NOT NULL,
    scroll     REAL NOT NULL,
    anchor     TEXT
);
CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE session (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE bookmarks ADD COLUMN label TEXT")
    conn.execute("ALTER TABLE bookmarks ADD COLUMN position INTEGER NOT NULL DEFAULT 0")
    # Version 1 had no order of its own: the panel showed bookmarks oldest first.
    conn.execute(
        "UPDATE bookmarks SET position = (SELECT COUNT(*) FROM bookmarks AS older"
        " WHERE older.created < bookmarks.created"
        " OR (older.created = bookmarks.created AND older.rowid < bookmarks.rowid))"
    )
    conn.execute("CREATE TABLE session (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


# MIGRATIONS[n] turns a version-n file into a version-(n + 1) file.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2}


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT our open transaction first; run the statements one by one.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already done so after an error."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the current schema in an empty database, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        _run_script(conn, _CREATE_V2)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def migrate(conn: sqlite3.Connection, from_version: int) -> int:
    """Bring a file of `from_version` up to SCHEMA_VERSION in one transaction; return it.

    Either every step applies or none does: a crash halfway leaves the old version intact.
    Raises ValueError for a version this program has no path from (0, or newer than ours).
    """
    if from_version == SCHEMA_VERSION:
        return SCHEMA_VERSION
    if not 1 <= from_version < SCHEMA_VERSION:
        raise ValueError(f"no migration from user-data schema version {from_version}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version, SCHEMA_VERSION):
            log.info("migrating user data from schema %d to %d", version, version + 1)
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return SCHEMA_VERSION
