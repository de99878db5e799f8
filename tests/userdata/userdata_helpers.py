"""Helpers shared by the user-data tests."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from fieldguide.userdata.schema import APPLICATION_ID


class FakeClock:
    """A clock that moves one second per reading, so that order by time is predictable."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read the file with a plain connection of its own, as another program would."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def running_as_root() -> bool:
    """Root ignores file permissions, so chmod cannot make a folder unwritable for it."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


# The version-1 schema, written out by hand as a version-1 Field Guide would have left it.
V1_FILE = f"""
CREATE TABLE bookmarks (library_id TEXT NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL,
                        created REAL NOT NULL, PRIMARY KEY (library_id, slug));
CREATE TABLE history (library_id TEXT NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL,
                      visited REAL NOT NULL, PRIMARY KEY (library_id, slug));
CREATE TABLE last_position (id INTEGER PRIMARY KEY CHECK (id = 1), library_id TEXT NOT NULL,
                            slug TEXT NOT NULL, scroll REAL NOT NULL, anchor TEXT);
CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO bookmarks VALUES ('guide', 'later', 'Made later', 300.0);
INSERT INTO bookmarks VALUES ('guide', 'first', 'Made first', 100.0);
INSERT INTO bookmarks VALUES ('guide', 'middle', 'Made in between', 200.0);
INSERT INTO history VALUES ('guide', 'first', 'Made first', 500.0);
INSERT INTO last_position VALUES (1, 'guide', 'first', 0.25, NULL);
INSERT INTO preferences VALUES ('theme', '"dark"');
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = 1;
"""


def make_v1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1_FILE)
    conn.close()


def snapshot(root: Path) -> dict[str, tuple[object, ...]]:
    """Every file and folder under `root`: kind, size, modification time and content hash."""
    found: dict[str, tuple[object, ...]] = {}
    for path in [root, *root.rglob("*")]:
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(root))] = (path.is_dir(), info.st_size, info.st_mtime_ns, digest)
    return found
