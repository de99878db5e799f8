"""Plain values of the user-data store: bookmarks, history, position, preferences, changes."""

from __future__ import annotations

import math
from typing import Any, ClassVar, Literal, NamedTuple, Self

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


class _Value:
    """An immutable value whose fields are its __slots__: compared, hashed and shown by them;
    `replace(**changes)` makes a changed copy through __init__, so it is checked again.

    Plain classes: a frozen dataclass costs ~5 M instructions to build at every start (Python
    compiles its methods from source), and these two are needed before the first paint."""

    __slots__: tuple[str, ...] = ()

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def as_dict(self) -> dict[str, Any]:
        """The fields by name."""
        return {name: getattr(self, name) for name in self.__slots__}

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` (checked as a new value is)."""
        return type(self)(**{**self.as_dict(), **changes})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot change: use replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot change")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.as_dict() == other.as_dict()

    def __hash__(self) -> int:
        return hash(tuple(self.as_dict().values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.as_dict().items())
        return f"{type(self).__name__}({fields})"


class LastPosition(_Value):
    """Where the reader was: the article, how far down (0.0 top to 1.0 bottom), or an anchor."""

    __slots__ = ("anchor", "library_id", "scroll", "slug")
    library_id: str
    slug: str
    scroll: float
    anchor: str | None

    def __init__(
        self, library_id: str, slug: str, scroll: float = 0.0, anchor: str | None = None
    ) -> None:
        scroll = min(1.0, max(0.0, float(scroll))) if math.isfinite(scroll) else 0.0
        self._set(library_id=library_id, slug=slug, scroll=scroll, anchor=anchor)


class Preferences(_Value):
    """The reader's choices. Only values that differ from the defaults are saved.

    `zoom` is the text size in percent of normal. The `show_*` flags say which panels are open.
    """

    __slots__ = ("show_bookmarks", "show_history", "show_topics", "theme", "zoom")
    # Each preference, by the name it is saved under, and the type of its value.
    TYPES: ClassVar[dict[str, type]] = {
        "zoom": int,
        "theme": str,
        "show_topics": bool,
        "show_bookmarks": bool,
        "show_history": bool,
    }
    zoom: int
    theme: Theme
    show_topics: bool
    show_bookmarks: bool
    show_history: bool

    def __init__(
        self,
        zoom: int = 100,
        theme: Theme = "system",
        show_topics: bool = True,
        show_bookmarks: bool = False,
        show_history: bool = False,
    ) -> None:
        values = {
            "zoom": zoom,
            "theme": theme,
            "show_topics": show_topics,
            "show_bookmarks": show_bookmarks,
            "show_history": show_history,
        }
        problem = preference_problem(values)
        if problem:
            raise ValueError(problem)
        self._set(**values)


def preference_problem(values: dict[str, Any]) -> str | None:
    """Say what is wrong with the values of a Preferences, or None when they are fine."""
    for name, expected in Preferences.TYPES.items():
        value = values[name]
        if type(value) is not expected:
            return f"preference {name} must be {expected.__name__}, not {value!r}"
    if not ZOOM_MIN <= values["zoom"] <= ZOOM_MAX:
        return f"zoom must be between {ZOOM_MIN} and {ZOOM_MAX}, not {values['zoom']}"
    if values["theme"] not in THEMES:
        return f"theme must be one of {', '.join(THEMES)}, not {values['theme']!r}"
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
