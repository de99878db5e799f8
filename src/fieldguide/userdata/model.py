"""Plain values of the user-data store: bookmarks, history, position, preferences, changes."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Literal, NamedTuple

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")
ZOOM_MIN = 50
ZOOM_MAX = 300


class Bookmark(NamedTuple):
    """A saved article. `label` is the reader's own name for it (None: show the title).

    Bookmarks are kept in the reader's order; the position is the index in `UserData.bookmarks`.
    `created` is seconds since the epoch.
    """

    library_id: str
    slug: str
    title: str
    label: str | None = None
    created: float = 0.0

    @property
    def key(self) -> tuple[str, str]:
        """(library id, slug): what identifies the article."""
        return (self.library_id, self.slug)

    @property
    def name(self) -> str:
        """What the bookmarks panel shows: the reader's label, else the article title."""
        return self.label if self.label else self.title


class HistoryEntry(NamedTuple):
    """An article the reader opened; `visited` is seconds since the epoch of the latest visit."""

    library_id: str
    slug: str
    title: str
    visited: float

    @property
    def key(self) -> tuple[str, str]:
        """(library id, slug): what identifies the article."""
        return (self.library_id, self.slug)


@dataclass(frozen=True, slots=True)
class LastPosition:
    """Where the reader was: the article, how far down (0.0 top to 1.0 bottom), or an anchor."""

    library_id: str
    slug: str
    scroll: float = 0.0
    anchor: str | None = None

    def __post_init__(self) -> None:
        scroll = self.scroll if math.isfinite(self.scroll) else 0.0
        object.__setattr__(self, "scroll", min(1.0, max(0.0, float(scroll))))


@dataclass(frozen=True, slots=True)
class Preferences:
    """The reader's choices. Only values that differ from the defaults are saved.

    `zoom` is the text size in percent of normal. The `show_*` flags say which panels are open.
    """

    zoom: int = 100
    theme: Theme = "system"
    show_topics: bool = True
    show_bookmarks: bool = False
    show_history: bool = False

    def __post_init__(self) -> None:
        problem = preference_problem(self)
        if problem:
            raise ValueError(problem)


def preference_problem(prefs: Preferences) -> str | None:
    """Say what is wrong with a Preferences value, or None when it is fine."""
    for field in fields(prefs):
        value = getattr(prefs, field.name)
        expected = bool if field.type == "bool" else int if field.type == "int" else str
        if type(value) is not expected:
            return f"preference {field.name} must be {expected.__name__}, not {value!r}"
    if not ZOOM_MIN <= prefs.zoom <= ZOOM_MAX:
        return f"zoom must be between {ZOOM_MIN} and {ZOOM_MAX}, not {prefs.zoom}"
    if prefs.theme not in THEMES:
        return f"theme must be one of {', '.join(THEMES)}, not {prefs.theme!r}"
    return None


class Session(NamedTuple):
    """Window state as produced by the UI (base64 text of Qt's saveGeometry/saveState)."""

    geometry: str = ""
    window_state: str = ""
    splitter_state: str = ""


class Changes(NamedTuple):
    """What an operation changed, so that the UI refreshes only those parts. True when
    anything changed (unlike a plain tuple, which is true when it has fields)."""

    bookmarks: bool = False
    history: bool = False
    position: bool = False
    preferences: bool = False
    session: bool = False

    def __or__(self, other: object) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(*(a or b for a, b in zip(self, other, strict=True)))

    def __bool__(self) -> bool:
        return any(self)

    @property
    def areas(self) -> frozenset[str]:
        """The names of the changed parts (the store uses them as dirty marks)."""
        return frozenset(name for name, changed in zip(self._fields, self, strict=True) if changed)


NO_CHANGES = Changes()
ALL_CHANGES = Changes(True, True, True, True, True)

NoticeKind = Literal["started_fresh", "newer_version", "memory_only", "save_failed"]


class Notice(NamedTuple):
    """Something the reader should be told once, in plain words (`text`)."""

    kind: NoticeKind
    text: str


class ImportResult(NamedTuple):
    """What an import of a bookmarks file did."""

    added: int
    already_there: int
    changes: Changes


def clean_text(text: str) -> str:
    """`text` with any lone surrogate (invalid in UTF-8, so unsavable) replaced by '?'."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text
