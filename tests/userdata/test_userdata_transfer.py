"""Bookmarks export and import: a round trip, a merge, and every bad file refused with no change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldguide.errors import UserDataError
from fieldguide.userdata import Changes, UserData
from fieldguide.userdata.model import Bookmark
from fieldguide.userdata.operations import merge_bookmarks
from fieldguide.userdata.transfer import (
    FORMAT,
    MAX_FILE_BYTES,
    bookmarks_to_json,
    parse_bookmarks,
    read_bookmarks_file,
)


def fill(store: UserData) -> None:
    store.add_bookmark("guide", "withdrawal/how-long", "How long withdrawal lasts")
    store.add_bookmark("guide", "kratom/what-is-it", "What kratom is")
    store.add_bookmark("clinic", "services", "Local services")
    store.rename_bookmark("guide", "kratom/what-is-it", "Kratom, read first")


def test_export_then_import_into_an_empty_store_gives_the_same_list(
    store: UserData, tmp_path: Path
) -> None:
    fill(store)
    (tmp_path / "export").mkdir()
    target = tmp_path / "export" / "my bookmarks.json"
    store.export_bookmarks(target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == 1
    fresh = UserData.in_memory()
    result = fresh.import_bookmarks(target)
    assert (result.added, result.already_there) == (3, 0)
    assert result.changes == Changes(bookmarks=True)
    assert fresh.bookmarks == store.bookmarks
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_import_merges_without_duplicates_and_keeps_labels(store: UserData, tmp_path: Path) -> None:
    fill(store)
    target = tmp_path / "b.json"
    store.export_bookmarks(target)
    other = UserData.in_memory()
    other.add_bookmark("guide", "kratom/what-is-it", "What kratom is")
    other.rename_bookmark("guide", "kratom/what-is-it", "My own name")
    other.add_bookmark("guide", "other", "Something else")
    result = other.import_bookmarks(target)
    assert (result.added, result.already_there) == (2, 1)
    assert [b.name for b in other.bookmarks] == [
        "My own name",
        "Something else",
        "How long withdrawal lasts",
        "Local services",
    ]
    again = other.import_bookmarks(target)
    assert (again.added, again.already_there, again.changes) == (0, 3, Changes())


def test_export_replaces_an_old_file_whole(store: UserData, tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text("old content that is much longer than the new file will be " * 100)
    store.add_bookmark("g", "a", "A")
    store.export_bookmarks(target)
    assert [b["slug"] for b in json.loads(target.read_text())["bookmarks"]] == ["a"]


def test_export_to_a_place_that_cannot_be_written_says_so(store: UserData, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserDataError, match=r"could not be saved as b\.json"):
        store.export_bookmarks(blocker / "b.json")
    assert blocker.read_text() == "x"


def test_an_imported_file_with_a_naive_date_or_no_date_is_accepted(tmp_path: Path) -> None:
    doc = {
        "format": FORMAT,
        "version": 1,
        "bookmarks": [
            {"library": "g", "slug": "a", "title": "A", "created": "2026-01-02T03:04:05"},
            {"library": "g", "slug": "b", "title": "B"},
        ],
    }
    found = parse_bookmarks(json.dumps(doc).encode(), "b.json", now=42.0)
    assert found[0].created == 1767323045.0 and found[1].created == 42.0


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    text = bookmarks_to_json([Bookmark("g", "a", "A", None, 0.0)])
    assert len(parse_bookmarks(b"\xef\xbb\xbf" + text.encode(), "b.json", 0.0)) == 1


def good(**changes: Any) -> dict[str, Any]:
    item = {"library": "g", "slug": "a", "title": "A", "label": None}
    item.update(changes)
    return {"format": FORMAT, "version": 1, "bookmarks": [item]}


BAD_FILES: dict[str, bytes] = {
    "empty": b"",
    "only spaces": b"  \n\t ",
    "not json": b"My bookmarks: the one about sleep, and the one about pain.",
    "not text": bytes(range(256)) * 4,
    "a json list": b"[1, 2, 3]",
    "a json string": b'"fieldguide-bookmarks"',
    "wrong marker": json.dumps({**good(), "format": "firefox-bookmarks"}).encode(),
    "no marker": json.dumps({"version": 1, "bookmarks": []}).encode(),
    "version as text": json.dumps({**good(), "version": "1"}).encode(),
    "version true": json.dumps({**good(), "version": True}).encode(),
    "version zero": json.dumps({**good(), "version": 0}).encode(),
    "newer version": json.dumps({**good(), "version": 2}).encode(),
    "bookmarks a dict": json.dumps({**good(), "bookmarks": {"a": 1}}).encode(),
    "bookmarks missing": json.dumps({"format": FORMAT, "version": 1}).encode(),
    "item a string": json.dumps({**good(), "bookmarks": ["a"]}).encode(),
    "slug a number": json.dumps(good(slug=7)).encode(),
    "slug empty": json.dumps(good(slug="  ")).encode(),
    "library missing": json.dumps(good(library=None)).encode(),
    "title a list": json.dumps(good(title=["A"])).encode(),
    "label a number": json.dumps(good(label=3)).encode(),
    "created a number": json.dumps(good(created=12345)).encode(),
    "created nonsense": json.dumps(good(created="last tuesday")).encode(),
    "title too long": json.dumps(good(title="x" * 5000)).encode(),
    "lone surrogate": json.dumps(good(title="\ud800")).encode(),
    "NaN": json.dumps(good()).replace(b'"A"'.decode(), "NaN").encode(),
    "deeply nested": b"[" * 200_000 + b"]" * 200_000,
    "deep inside a good file": json.dumps(good())
    .replace('"A"', "[" * 50_000 + "]" * 50_000)
    .encode(),
    "huge number": json.dumps(good()).replace('"A"', "9" * 10_000).encode(),
    "too many": json.dumps(
        {"format": FORMAT, "version": 1, "bookmarks": [good()["bookmarks"][0]] * 10_001}
    ).encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_a_message_and_changes_nothing(
    name: str, store: UserData, tmp_path: Path
) -> None:
    fill(store)
    store.flush()
    before = store.bookmarks
    path = tmp_path / "bookmarks.json"
    path.write_bytes(BAD_FILES[name])
    with pytest.raises(UserDataError) as caught:
        store.import_bookmarks(path)
    message = str(caught.value)
    assert "Nothing was changed." in message and "bookmarks.json" in message
    assert "Traceback" not in message and "Error" not in message
    assert store.bookmarks == before and not store.pending


def test_a_100_mb_file_is_refused_without_reading_it_all(store: UserData, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(UserDataError, match="too big"):
        store.import_bookmarks(path)
    assert store.bookmarks == ()


def test_a_file_just_under_the_cap_is_read(tmp_path: Path) -> None:
    text = bookmarks_to_json([Bookmark("g", "a", "A", None, 0.0)])
    path = tmp_path / "padded.json"
    path.write_text(text + " " * (MAX_FILE_BYTES - len(text)))
    assert len(read_bookmarks_file(path, 0.0)) == 1


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_missing_file_or_a_folder_is_refused(kind: str, store: UserData, tmp_path: Path) -> None:
    path = tmp_path / "nothing.json"
    if kind == "folder":
        path.mkdir()
    with pytest.raises(UserDataError, match="Nothing was changed"):
        store.import_bookmarks(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
# Mostly the right keys, each value sometimes right and sometimes any JSON at all.
some_text = st.text(min_size=1, max_size=12)
mostly_text = st.one_of(some_text, some_text, some_text, some_text, json_values)
dates = st.datetimes().map(lambda d: d.isoformat())
item_values = st.fixed_dictionaries(
    {"library": mostly_text, "slug": mostly_text, "title": mostly_text},
    optional={
        "label": st.none() | mostly_text,
        "created": st.one_of(st.none(), dates, dates, json_values),
        "other": json_values,
    },
)


@settings(max_examples=200)
@given(json_values)
def test_any_json_value_is_either_read_or_refused_cleanly(value: Any) -> None:
    check_either_way(value)


@settings(max_examples=200)
@given(st.lists(item_values | json_values, max_size=5), st.sampled_from([1, 1, 2, "1"]))
def test_any_bookmark_list_is_either_read_or_refused_cleanly(
    items: list[Any], version: Any
) -> None:
    check_either_way({"format": FORMAT, "version": version, "bookmarks": items})


def check_either_way(value: Any) -> None:
    data = json.dumps(value).encode()
    store = UserData.in_memory()
    store.add_bookmark("g", "mine", "Mine")
    before = store.bookmarks
    try:
        found = parse_bookmarks(data, "b.json", now=0.0)
    except UserDataError as exc:
        assert "Nothing was changed." in str(exc)
        assert store.bookmarks == before
        return
    assert all(isinstance(b, Bookmark) and b.library_id.strip() and b.slug.strip() for b in found)
    merged, added, already = merge_bookmarks(before, found)
    assert {b.key for b in merged} == {b.key for b in before} | {b.key for b in found}
    assert added + already == len(found)


bookmark_lists = st.lists(
    st.builds(
        Bookmark,
        library_id=st.text(min_size=1, max_size=20).filter(str.strip),
        slug=st.text(min_size=1, max_size=40).filter(str.strip),
        title=st.text(max_size=40),
        label=st.none()
        | st.text(min_size=1, max_size=20).filter(lambda s: s == " ".join(s.split())),
        created=st.integers(0, 4_000_000_000).map(float),
    ),
    max_size=8,
    unique_by=lambda b: b.key,
)


@given(bookmark_lists)
def test_export_then_parse_gives_back_the_same_bookmarks(bookmarks: list[Bookmark]) -> None:
    text = bookmarks_to_json(bookmarks)
    assert parse_bookmarks(text.encode("utf-8"), "b.json", now=0.0) == bookmarks
