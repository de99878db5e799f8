"""A saved file that cannot be written (a locked stick) is shown from memory and left untouched.

Root writes through file modes, so these tests inject the "cannot write" decision
(`paths.can_write_file` says no under a folder) and then check that the store obeys it: every
SQLite connection to the file is read-only and immutable, and no file or folder there changes.
The real thing (a read-only bind mount) is in tests/deploy/test_portable_readonly.py.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from userdata_helpers import make_v1, rows, snapshot

from fieldguide import paths
from fieldguide.paths import NOTICE_STICK_READ_ONLY, USER_DB_NAME
from fieldguide.userdata import Preferences, UserData, readonly
from fieldguide.userdata.readonly import open_read_only, read_only_uri
from fieldguide.userdata.schema import SCHEMA_VERSION

Lock = Callable[[Path], None]


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The database named by every sqlite3.connect of Field Guide's code, in order."""
    seen: list[str] = []
    real = sqlite3.connect

    def spy(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if sys._getframe(1).f_globals["__name__"].startswith("fieldguide."):
            seen.append(str(database))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    return seen


@pytest.fixture
def lock(monkeypatch: pytest.MonkeyPatch, connections: list[str]) -> Iterator[Lock]:
    """lock(folder): nothing under `folder` can be written, as this process's checks see it.
    At the end, every connection to a file there since it was locked must have been read-only
    and immutable."""
    locked: list[Path] = []
    since = [0]
    real = paths.can_write_file

    def can_write_file(path: Path) -> bool:
        under = any(path.absolute().is_relative_to(folder) for folder in locked)
        return False if under else real(path)

    def make(folder: Path) -> None:
        locked.append(folder.absolute())
        since[0] = len(connections)

    monkeypatch.setattr(paths, "can_write_file", can_write_file)
    yield make
    assert locked, "nothing was locked"
    opened = [name for name in connections[since[0] :] if str(locked[0]) in name]
    assert opened, "the locked file was never opened"
    for name in opened:
        assert name.startswith("file://") and name.endswith("?mode=ro&immutable=1"), name


def saved_store(path: Path) -> None:
    """A store as a reader leaves it: two bookmarks, a visit, a place in an article, a theme."""
    with UserData.open(path) as store:
        store.add_bookmark("guide", "withdrawal/how-long", "How long it lasts")
        store.add_bookmark("guide", "kratom/basics", "Kratom basics")
        store.record_visit("guide", "kratom/basics", "Kratom basics")
        store.set_last_position("guide", "kratom/basics", scroll=0.6, anchor=None)
        store.set_preferences(Preferences(theme="dark", zoom=130))


def test_a_saved_file_that_cannot_be_written_is_shown_and_left_as_it_was(
    db_path: Path, lock: Lock
) -> None:
    saved_store(db_path)
    lock(db_path.parent)
    before = snapshot(db_path.parent)
    with UserData.open(db_path) as store:
        assert [b.slug for b in store.bookmarks] == ["withdrawal/how-long", "kratom/basics"]
        assert [h.slug for h in store.history] == ["kratom/basics"]
        assert store.last_position is not None and store.last_position.scroll == 0.6
        assert store.preferences == Preferences(theme="dark", zoom=130)
        assert not store.is_saving
        [notice] = store.take_notices()
        assert notice.kind == "memory_only"
        assert "shown" in notice.text and "until you close it" in notice.text
        # The reader keeps reading and changing things: in memory, for this run.
        store.remove_bookmark("guide", "kratom/basics")
        store.add_bookmark("guide", "help/now", "Get help now")
        store.clear_history()
        assert [b.slug for b in store.bookmarks] == ["withdrawal/how-long", "help/now"]
        assert store.flush() is False and not store.pending
        assert store.take_notices() == []  # said once
    assert snapshot(db_path.parent) == before  # no journal, no -wal/-shm, not a byte changed
    assert rows(db_path, "SELECT slug FROM bookmarks ORDER BY position") == [
        ("withdrawal/how-long",),
        ("kratom/basics",),
    ]


def test_the_portable_data_file_of_a_locked_stick_speaks_as_the_window_does(
    tmp_path: Path, lock: Lock
) -> None:
    program = tmp_path / "stick" / "FieldGuide"
    db = program / paths.PORTABLE_DATA / USER_DB_NAME
    saved_store(db)
    (program / "portable").write_text("")
    lock(program)
    before = snapshot(program)
    with UserData.open(db) as store:
        # The same words as the location's notice, so the banner shows them once.
        assert [n.text for n in store.take_notices()] == [NOTICE_STICK_READ_ONLY]
        assert len(store.bookmarks) == 2
    assert snapshot(program) == before


def test_an_older_file_is_migrated_in_memory_only(db_path: Path, lock: Lock) -> None:
    make_v1(db_path)
    lock(db_path.parent)
    before = snapshot(db_path.parent)
    with UserData.open(db_path) as store:
        assert [b.slug for b in store.bookmarks] == ["first", "middle", "later"]
        assert store.preferences == Preferences(theme="dark")
        assert [n.kind for n in store.notices] == ["memory_only"]
    assert snapshot(db_path.parent) == before
    assert rows(db_path, "PRAGMA user_version") == [(1,)]


def damage_text(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"These are my notes about the clinic.\n" * 40)


def damage_truncate(path: Path) -> None:
    saved_store(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damage_page(path: Path) -> None:
    with UserData.open(path) as store:
        for i in range(400):
            store.add_bookmark("g", f"a/{i}", f"Article {i} " + "x" * 100)
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 3 * 4096] = bytes(range(256)) * 16
    path.write_bytes(bytes(data))


def damage_foreign(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');")
    conn.close()


@pytest.mark.parametrize("spoil", [damage_text, damage_truncate, damage_page, damage_foreign])
def test_a_damaged_file_that_cannot_be_written_gives_a_clear_message_and_memory(
    db_path: Path, lock: Lock, spoil: Callable[[Path], None]
) -> None:
    spoil(db_path)
    lock(db_path.parent)
    before = snapshot(db_path.parent)
    with UserData.open(db_path) as store:
        assert store.bookmarks == () and not store.is_saving
        [notice] = store.take_notices()
        assert notice.kind == "memory_only"
        assert "could not be read" in notice.text and "may be damaged" in notice.text
        assert db_path.name in notice.text and "left as it is" in notice.text
        assert "Traceback" not in notice.text and "application_id" not in notice.text
        store.add_bookmark("g", "new", "New")  # and it keeps working, in memory
        assert store.is_bookmarked("g", "new") and store.flush() is False
    assert snapshot(db_path.parent) == before  # not moved aside: nothing can be, nothing is


def test_a_newer_file_that_cannot_be_written_says_so(db_path: Path, lock: Lock) -> None:
    saved_store(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    lock(db_path.parent)
    before = snapshot(db_path.parent)
    with UserData.open(db_path) as store:
        [notice] = store.take_notices()
        assert notice.kind == "newer_version" and "newer version" in notice.text
        assert store.bookmarks == () and not store.is_saving
    assert snapshot(db_path.parent) == before


def test_a_file_that_cannot_be_read_now_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-file"  # SQLite cannot open a folder: CANTOPEN, not damage
    folder.mkdir()
    opened = open_read_only(folder, Preferences(), 500)
    assert opened.conn is None and opened.state.bookmarks == ()
    [notice] = opened.notices
    assert "could not read" in notice.text and "may be damaged" not in notice.text
    assert list(folder.iterdir()) == []


def test_an_unfinished_save_is_noted_and_the_file_read_as_it_is(
    db_path: Path, lock: Lock, caplog: pytest.LogCaptureFixture
) -> None:
    saved_store(db_path)
    journal = Path(f"{db_path}-journal")
    journal.write_bytes(b"\x00" * 512)  # left by a save cut short; rolling back would write
    lock(db_path.parent)
    before = snapshot(db_path.parent)
    with (
        caplog.at_level(logging.WARNING, logger=readonly.__name__),
        UserData.open(db_path) as store,
    ):
        assert len(store.bookmarks) == 2
    assert "unfinished save" in caplog.text
    assert snapshot(db_path.parent) == before


@pytest.mark.parametrize(
    "name", ["userdata.sqlite3", "my data?#1.sqlite3", "100% sure.sqlite3", "Données ü.sqlite3"]
)
def test_the_read_only_uri_names_the_file_whatever_its_name(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "a folder with spaces & signs"
    saved_store(folder / name)
    uri = read_only_uri(folder / name)
    assert uri.startswith("file:///") and uri.endswith("?mode=ro&immutable=1")
    conn = sqlite3.connect(uri, uri=True)
    try:
        assert conn.execute("SELECT COUNT(*) FROM bookmarks").fetchone() == (2,)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM bookmarks")
    finally:
        conn.close()
    assert sorted(p.name for p in folder.iterdir()) == [name]


@pytest.mark.parametrize(
    ("posix", "uri"),
    [
        ("/media/stick/data/u.sqlite3", "file:///media/stick/data/u.sqlite3"),
        ("E:/FieldGuide/data/u.sqlite3", "file:///E:/FieldGuide/data/u.sqlite3"),
        ("//server/share/data/u.sqlite3", "file:////server/share/data/u.sqlite3"),
    ],
)
def test_the_read_only_uri_has_no_authority_on_any_system(posix: str, uri: str) -> None:
    assert readonly.uri_for(posix) == f"{uri}?mode=ro&immutable=1"
