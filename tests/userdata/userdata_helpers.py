"""Helpers shared by the user-data tests."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


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
