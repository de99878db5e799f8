"""Reading the whole store into memory, and writing changed parts back, as SQL rows."""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from typing import Any

from fieldguide.userdata.model import (
    Bookmark,
    HistoryEntry,
    LastPosition,
    Preferences,
    Session,
)

log = logging.getLogger(__name__)


class State:
    """Everything the store holds. Values are immutable; the store swaps them whole.

    A plain class, not a dataclass: one is made at every start, where a dataclass costs ~3 M
    instructions to build (its methods are compiled from source)."""

    __slots__ = (
        "bookmarks",
        "extra_preferences",
        "extra_session",
        "history",
        "position",
        "preferences",
        "session",
    )

    def __init__(
        self,
        bookmarks: tuple[Bookmark, ...] = (),
        history: tuple[HistoryEntry, ...] = (),
        position: LastPosition | None = None,
        preferences: Preferences | None = None,
        session: Session | None = None,
        extra_preferences: dict[str, str] | None = None,
        extra_session: dict[str, str] | None = None,
    ) -> None:
        self.bookmarks = bookmarks
        self.history = history
        self.position = position
        self.preferences = preferences if preferences is not None else Preferences()
        self.session = session if session is not None else Session()
        # Keys a newer Field Guide wrote that this one does not know: kept and written back.
        self.extra_preferences = extra_preferences if extra_preferences is not None else {}
        self.extra_session = extra_session if extra_session is not None else {}

    def copy(self) -> State:
        """A snapshot that later changes to this state do not reach."""
        return State(
            self.bookmarks,
            self.history,
            self.position,
            self.preferences,
            self.session,
            dict(self.extra_preferences),
            dict(self.extra_session),
        )

    def __repr__(self) -> str:
        return f"State({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def load_state(conn: sqlite3.Connection, defaults: Preferences, history_limit: int) -> State:
    """Read every table. Rows of the wrong shape (only a hand-edited file has them) are skipped."""
    state = State(preferences=defaults)
    bookmarks = []
    for library_id, slug, title, label, created in conn.execute(
        "SELECT library_id, slug, title, label, created FROM bookmarks ORDER BY position, rowid"
    ):
        lib, sl, ti, when = _text(library_id), _text(slug), _text(title), _number(created)
        if lib and sl and ti is not None and when is not None:
            bookmarks.append(Bookmark(lib, sl, ti, _text(label) or None, when))
        else:
            log.warning("skipping a bookmark row of the wrong shape: %r", (library_id, slug))
    state.bookmarks = tuple(bookmarks)
    history = []
    for library_id, slug, title, visited in conn.execute(
        "SELECT library_id, slug, title, visited FROM history ORDER BY visited DESC LIMIT ?",
        (history_limit,),
    ):
        lib, sl, ti, when = _text(library_id), _text(slug), _text(title), _number(visited)
        if lib and sl and ti is not None and when is not None:
            history.append(HistoryEntry(lib, sl, ti, when))
    state.history = tuple(history)
    for library_id, slug, scroll, anchor in conn.execute(
        "SELECT library_id, slug, scroll, anchor FROM last_position WHERE id = 1"
    ):
        lib, sl, fraction = _text(library_id), _text(slug), _number(scroll)
        if lib and sl and fraction is not None:
            state.position = LastPosition(lib, sl, fraction, _text(anchor) or None)
    prefs = dict(conn.execute("SELECT key, value FROM preferences"))
    state.preferences, state.extra_preferences = decode_preferences(prefs, defaults)
    session = dict(conn.execute("SELECT key, value FROM session"))
    state.session, state.extra_session = decode_session(session)
    return state


def decode_preferences(
    rows: dict[Any, Any], defaults: Preferences
) -> tuple[Preferences, dict[str, str]]:
    """Saved preference rows over the defaults; unknown keys come back apart, bad values drop."""
    known = Preferences.TYPES
    prefs = defaults
    extra: dict[str, str] = {}
    for key, raw in rows.items():
        if not isinstance(key, str) or not isinstance(raw, str):
            continue
        if key not in known:
            extra[key] = raw
            continue
        try:
            candidate = prefs.replace(**{key: json.loads(raw)})
        except (ValueError, TypeError):
            log.warning("ignoring a saved preference that is not valid: %s = %.80s", key, raw)
            continue
        prefs = candidate
    return prefs, extra


def encode_preferences(prefs: Preferences, defaults: Preferences) -> dict[str, str]:
    """Only the values that differ from the defaults, each as JSON text."""
    return {
        name: json.dumps(getattr(prefs, name))
        for name in Preferences.TYPES
        if getattr(prefs, name) != getattr(defaults, name)
    }


def decode_session(rows: dict[Any, Any]) -> tuple[Session, dict[str, str]]:
    """Saved window state; unknown keys come back apart."""
    known = set(Session._fields)
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for key, value in rows.items():
        if isinstance(key, str) and isinstance(value, str):
            (values if key in known else extra)[key] = value
    return Session(**values), extra


def encode_session(session: Session) -> dict[str, str]:
    """The non-empty parts of the window state."""
    return {name: value for name, value in session._asdict().items() if value}


def write_areas(
    conn: sqlite3.Connection, areas: frozenset[str], state: State, defaults: Preferences
) -> None:
    """Replace the rows of each named area with `state` (inside the caller's transaction).

    Rewriting a whole area is simpler than tracking row edits and cheap at this size
    (a few hundred bookmarks, a capped history).
    """
    if "bookmarks" in areas:
        conn.execute("DELETE FROM bookmarks")
        conn.executemany(
            "INSERT INTO bookmarks (library_id, slug, title, label, position, created)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (b.library_id, b.slug, b.title, b.label, i, b.created)
                for i, b in enumerate(state.bookmarks)
            ],
        )
    if "history" in areas:
        conn.execute("DELETE FROM history")
        conn.executemany(
            "INSERT INTO history (library_id, slug, title, visited) VALUES (?, ?, ?, ?)",
            [(h.library_id, h.slug, h.title, h.visited) for h in state.history],
        )
    if "position" in areas:
        conn.execute("DELETE FROM last_position")
        if state.position is not None:
            p = state.position
            conn.execute(
                "INSERT INTO last_position (id, library_id, slug, scroll, anchor)"
                " VALUES (1, ?, ?, ?, ?)",
                (p.library_id, p.slug, p.scroll, p.anchor),
            )
    if "preferences" in areas:
        rows = {**state.extra_preferences, **encode_preferences(state.preferences, defaults)}
        conn.execute("DELETE FROM preferences")
        conn.executemany("INSERT INTO preferences (key, value) VALUES (?, ?)", rows.items())
    if "session" in areas:
        rows = {**state.extra_session, **encode_session(state.session)}
        conn.execute("DELETE FROM session")
        conn.executemany("INSERT INTO session (key, value) VALUES (?, ?)", rows.items())
