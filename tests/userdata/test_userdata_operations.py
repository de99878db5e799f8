"""The pure list edits behind the bookmarks panel and the history list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldguide.userdata import operations as ops
from fieldguide.userdata.model import Bookmark, HistoryEntry

slugs = st.lists(st.sampled_from("abcdefgh"), unique=True, max_size=8)


def marks(names: list[str]) -> tuple[Bookmark, ...]:
    return tuple(Bookmark("g", n, n.upper(), None, float(i)) for i, n in enumerate(names))


@given(slugs, st.sampled_from("abcdefgh"), st.integers(-3, 12))
def test_move_keeps_every_bookmark_once(names: list[str], slug: str, index: int) -> None:
    before = marks(names)
    after = ops.move_bookmark(before, "g", slug, index)
    assert sorted(b.slug for b in after) == sorted(names)
    if slug in names:
        assert after[max(0, min(index, len(names) - 1))].slug == slug


def test_move_to_front_and_back() -> None:
    start = marks(["a", "b", "c"])
    assert [b.slug for b in ops.move_bookmark(start, "g", "c", 0)] == ["c", "a", "b"]
    assert [b.slug for b in ops.move_bookmark(start, "g", "a", 99)] == ["b", "c", "a"]


@given(slugs, st.lists(st.sampled_from("abcdefghxyz")))
def test_reorder_keeps_every_bookmark_once(names: list[str], order: list[str]) -> None:
    after = ops.reorder_bookmarks(marks(names), [("g", s) for s in order])
    assert sorted(b.slug for b in after) == sorted(names)


def test_reorder_puts_unnamed_bookmarks_last_in_their_old_order() -> None:
    after = ops.reorder_bookmarks(marks(["a", "b", "c", "d"]), [("g", "c"), ("g", "a")])
    assert [b.slug for b in after] == ["c", "a", "b", "d"]


def test_sort_by_name_uses_the_label_and_ignores_case() -> None:
    start = (
        Bookmark("g", "1", "banana", None, 3.0),
        Bookmark("g", "2", "zebra", "Apple", 1.0),
        Bookmark("g", "3", "Cherry", None, 2.0),
    )
    assert [b.slug for b in ops.sort_bookmarks(start, "name")] == ["2", "1", "3"]
    assert [b.slug for b in ops.sort_bookmarks(start, "created")] == ["2", "3", "1"]
    with pytest.raises(ValueError):
        ops.sort_bookmarks(start, "colour")  # type: ignore[arg-type]


def test_rename_with_blank_goes_back_to_the_title() -> None:
    start = ops.rename_bookmark(marks(["a"]), "g", "a", "Mine")
    assert start[0].name == "Mine"
    assert ops.rename_bookmark(start, "g", "a", "   ")[0].name == "A"
    assert ops.rename_bookmark(start, "g", "a", None)[0].label is None


def test_an_article_needs_a_library_and_a_slug() -> None:
    with pytest.raises(ValueError):
        ops.add_bookmark((), "", "a", "A", 0.0)
    with pytest.raises(ValueError):
        ops.record_visit((), "g", "", "A", 0.0, 10)


@given(st.lists(st.sampled_from("abcdefghij"), max_size=40), st.integers(0, 6))
def test_history_is_unique_capped_and_newest_first(visits: list[str], limit: int) -> None:
    history: tuple[HistoryEntry, ...] = ()
    for t, slug in enumerate(visits):
        history = ops.record_visit(history, "g", slug, slug, float(t), limit)
    assert len(history) <= limit
    assert len({h.slug for h in history}) == len(history)
    assert [h.visited for h in history] == sorted((h.visited for h in history), reverse=True)
    if visits and limit:
        assert history[0].slug == visits[-1]


def test_merge_adds_new_keeps_old_and_adopts_a_label_only_where_none() -> None:
    mine = (
        Bookmark("g", "a", "A", "My name", 1.0),
        Bookmark("g", "b", "B", None, 2.0),
    )
    incoming = [
        Bookmark("g", "a", "A", "Their name", 5.0),
        Bookmark("g", "b", "B", "Their B", 5.0),
        Bookmark("g", "c", "C", "New", 5.0),
        Bookmark("g", "c", "C", "Duplicate in file", 6.0),
    ]
    merged, added, already = ops.merge_bookmarks(mine, incoming)
    assert (added, already) == (1, 3)
    assert [(b.slug, b.name) for b in merged] == [("a", "My name"), ("b", "Their B"), ("c", "New")]
