"""The reader's own data: bookmarks, history, last position, preferences and window state."""

from __future__ import annotations

from fieldguide.userdata.model import (
    THEMES,
    Bookmark,
    Changes,
    HistoryEntry,
    ImportResult,
    LastPosition,
    Notice,
    Preferences,
    Session,
)
from fieldguide.userdata.store import HISTORY_LIMIT, UserData

__all__ = [
    "HISTORY_LIMIT",
    "THEMES",
    "Bookmark",
    "Changes",
    "HistoryEntry",
    "ImportResult",
    "LastPosition",
    "Notice",
    "Preferences",
    "Session",
    "UserData",
]
