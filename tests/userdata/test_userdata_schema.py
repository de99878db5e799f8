"""Files written by older versions are migrated in place, all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from userdata_helpers import make_v1, rows

from fieldguide.userdata import Preferences, UserData
from fieldguide.userdata.schema import MIGRATIONS, SCHEMA_VERSION, migrate


def test_a_version_1_file_opens_with_everything_kept(db_path: Path) -> None:
    make_v1(db_path)
    with UserData.open(db_path) as store:
        assert not store.notices and store.is_saving
        assert [b.slug for b in store.bookmarks] == ["first", "middle", "later"]
        assert all(b.label is None for b in store.bookmarks)
        assert [h.slug for h in store.history] == ["first"]
        assert store.last_position is not None and store.last_position.scroll == 0.25
        assert store.preferences == Preferences(theme="dark")
        store.rename_bookmark("guide", "later", "Mine")  # the new column works
    assert rows(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(db_path, "SELECT label FROM bookmarks WHERE slug = 'later'") == [("Mine",)]


def test_migrate_names_the_version_it_reaches(tmp_path: Path) -> None:
    make_v1(tmp_path / "v1.sqlite")
    conn = sqlite3.connect(tmp_path / "v1.sqlite", isolation_level=None)
    assert migrate(conn, 1) == SCHEMA_VERSION
    assert migrate(conn, SCHEMA_VERSION) == SCHEMA_VERSION
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()


def test_there_is_a_step_for_every_older_version() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("version", [0, -1, SCHEMA_VERSION + 1])
def test_migrate_refuses_versions_it_has_no_path_from(tmp_path: Path, version: int) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    with pytest.raises(ValueError):
        migrate(conn, version)
    conn.close()


def test_a_failing_step_leaves_the_old_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v1.sqlite"
    make_v1(path)

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE bookmarks ADD COLUMN label TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(MIGRATIONS, 1, half_then_fail)
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, 1)
    conn.close()
    assert rows(path, "PRAGMA user_version") == [(1,)]
    columns = [r[1] for r in rows(path, "PRAGMA table_info(bookmarks)")]
    assert "label" not in columns
