"""Pure edits of bookmark and history lists: each takes a tuple and returns the new tuple."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from fieldguide.userdata.model import Bookmark, HistoryEntry, clean_text

Key = tuple[str, str]
SortKey = Literal["name", "created"]


def _checked_key(library_id: str, slug: str) -> Key:
    if not library_id or not slug:
        raise ValueError(f"an article needs a library id and a slug, not {(library_id, slug)!r}")
    return clean_text(library_id), clean_text(slug)


def index_of(items: Sequence[Bookmark | HistoryEntry], key: Key) -> int | None:
    """Where the item with `key` is, or None."""
    for i, item in enumerate(items):
        if item.key == key:
            return i
    return None


def add_bookmark(
    bookmarks: tuple[Bookmark, ...], library_id: str, slug: str, title: str, now: float
) -> tuple[Bookmark, ...]:
    """Append a bookmark at the end; an article already bookmarked stays as it is."""
    key = _checked_key(library_id, slug)
    if index_of(bookmarks, key) is not None:
        return bookmarks
    return (*bookmarks, Bookmark(*key, clean_text(title), None, now))


def remove_bookmark(
    bookmarks: tuple[Bookmark, ...], library_id: str, slug: str
) -> tuple[Bookmark, ...]:
    """Drop the bookmark of an article, if there is one."""
    return tuple(b for b in bookmarks if b.key != (library_id, slug))


def rename_bookmark(
    bookmarks: tuple[Bookmark, ...], library_id: str, slug: str, label: str | None
) -> tuple[Bookmark, ...]:
    """Give a bookmark the reader's own name; an empty name goes back to the article title."""
    i = index_of(bookmarks, (library_id, slug))
    if i is None:
        return bookmarks
    clean = " ".join(clean_text(label or "").split()) or None
    return (*bookmarks[:i], bookmarks[i]._replace(label=clean), *bookmarks[i + 1 :])


def move_bookmark(
    bookmarks: tuple[Bookmark, ...], library_id: str, slug: str, new_index: int
) -> tuple[Bookmark, ...]:
    """Move a bookmark to `new_index` (clamped to the list), the others keeping their order."""
    i = index_of(bookmarks, (library_id, slug))
    if i is None:
        return bookmarks
    rest = [*bookmarks[:i], *bookmarks[i + 1 :]]
    rest.insert(max(0, min(new_index, len(rest))), bookmarks[i])
    return tuple(rest)


def reorder_bookmarks(bookmarks: tuple[Bookmark, ...], keys: Iterable[Key]) -> tuple[Bookmark, ...]:
    """Put the bookmarks in the order of `keys`; any not named keep their order, at the end."""
    by_key = {b.key: b for b in bookmarks}
    ordered: list[Bookmark] = []
    for key in keys:
        bookmark = by_key.pop(key, None)
        if bookmark is not None:
            ordered.append(bookmark)
    return (*ordered, *by_key.values())


def sort_bookmarks(bookmarks: tuple[Bookmark, ...], by: SortKey) -> tuple[Bookmark, ...]:
    """Sort by shown name (case-insensitive) or by when they were made (oldest first)."""
    if by == "name":
        return tuple(sorted(bookmarks, key=lambda b: (b.name.casefold(), b.name)))
    if by == "created":
        return tuple(sorted(bookmarks, key=lambda b: b.created))
    raise ValueError(f"cannot sort bookmarks by {by!r}")


def merge_bookmarks(
    bookmarks: tuple[Bookmark, ...], incoming: Iterable[Bookmark]
) -> tuple[tuple[Bookmark, ...], int, int]:
    """Add imported bookmarks not already there; return (new list, added, already there).

    A bookmark already there keeps its place and the reader's label; it takes the imported
    label only when it has none of its own.
    """
    result = list(bookmarks)
    where = {b.key: i for i, b in enumerate(result)}
    added = already = 0
    for bookmark in incoming:
        i = where.get(bookmark.key)
        if i is None:
            where[bookmark.key] = len(result)
            result.append(bookmark)
            added += 1
            continue
        already += 1
        if result[i].label is None and bookmark.label:
            result[i] = result[i]._replace(label=bookmark.label)
    return tuple(result), added, already


def record_visit(
    history: tuple[HistoryEntry, ...],
    library_id: str,
    slug: str,
    title: str,
    now: float,
    limit: int,
) -> tuple[HistoryEntry, ...]:
    """Put an article at the top of the history (one entry per article), keeping `limit`."""
    key = _checked_key(library_id, slug)
    rest = (h for h in history if h.key != key)
    entry = HistoryEntry(*key, clean_text(title), now)
    return (entry, *rest)[: max(0, limit)]


def remove_visit(
    history: tuple[HistoryEntry, ...], library_id: str, slug: str
) -> tuple[HistoryEntry, ...]:
    """Drop one article from the history."""
    return tuple(h for h in history if h.key != (library_id, slug))
