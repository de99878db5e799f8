"""The store keeps what the reader did across restarts, saves in batches and reports changes."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from userdata_helpers import FakeClock, rows

from fieldguide.userdata import Changes, LastPosition, Preferences, Session, UserData


def test_everything_survives_a_restart(store: UserData, db_path: Path) -> None:
    store.add_bookmark("guide", "withdrawal/how-long", "How long withdrawal lasts")
    store.add_bookmark("guide", "kratom/what-is-it", "What kratom is")
    store.rename_bookmark("guide", "kratom/what-is-it", "  Read   first ")
    store.move_bookmark("guide", "kratom/what-is-it", 0)
    store.record_visit("guide", "withdrawal/how-long", "How long withdrawal lasts")
    store.record_visit("clinic", "services", "Local services")
    store.set_last_position("clinic", "services", 0.42, "opening-hours")
    store.set_preferences(store.preferences.replace(zoom=130, theme="dark", show_history=True))
    store.set_session(Session(geometry="AdnQywADAAA=", window_state="AAAA/wAAAAD9"))
    assert store.flush()
    before = (store.bookmarks, store.history, store.last_position, store.preferences)
    store.close()

    again = UserData.open(db_path)
    assert not again.notices
    assert (again.bookmarks, again.history, again.last_position, again.preferences) == before
    assert [b.name for b in again.bookmarks] == ["Read first", "How long withdrawal lasts"]
    assert [h.slug for h in again.history] == ["services", "withdrawal/how-long"]
    assert again.last_position == LastPosition("clinic", "services", 0.42, "opening-hours")
    assert again.session == Session(geometry="AdnQywADAAA=", window_state="AAAA/wAAAAD9")
    again.close()


def test_changes_name_what_changed(store: UserData) -> None:
    assert store.add_bookmark("g", "a", "A") == Changes(bookmarks=True)
    assert store.add_bookmark("g", "a", "A") == Changes()  # already there: nothing changed
    assert not store.add_bookmark("g", "a", "A")
    assert store.record_visit("g", "a", "A") == Changes(history=True)
    assert store.set_last_position("g", "a", 0.5) == Changes(position=True)
    assert store.set_last_position("g", "a", 0.5) == Changes()
    assert store.set_preferences(Preferences(zoom=110)) == Changes(preferences=True)
    assert store.set_session(Session(geometry="AA==")) == Changes(session=True)
    assert store.remove_bookmark("g", "missing") == Changes()
    assert Changes(bookmarks=True) | Changes(history=True) == Changes(bookmarks=True, history=True)
    assert store.reset().areas == {"bookmarks", "history", "position", "preferences", "session"}


def test_toggle_lights_and_clears_the_star(store: UserData) -> None:
    store.toggle_bookmark("g", "a", "A")
    assert store.is_bookmarked("g", "a")
    store.toggle_bookmark("g", "a", "A")
    assert not store.is_bookmarked("g", "a")


def test_no_write_happens_before_flush(store: UserData, db_path: Path) -> None:
    for i in range(100):
        store.add_bookmark("g", f"a/{i}", f"A {i}")
        store.set_last_position("g", f"a/{i}", i / 100)
    assert store.pending
    assert rows(db_path, "SELECT COUNT(*) FROM bookmarks") == [(0,)]
    assert store.flush()
    assert not store.pending
    assert rows(db_path, "SELECT COUNT(*) FROM bookmarks") == [(100,)]
    assert rows(db_path, "SELECT slug, scroll FROM last_position") == [("a/99", 0.99)]


def test_flush_writes_in_one_transaction(store: UserData, db_path: Path) -> None:
    store.add_bookmark("g", "a", "A")
    store.record_visit("g", "a", "A")
    store.set_preferences(Preferences(zoom=150))
    statements: list[str] = []
    conn = store._conn  # a test may look inside to count transactions
    assert conn is not None
    conn.set_trace_callback(statements.append)
    assert store.flush()
    assert [s for s in statements if s.startswith(("BEGIN", "COMMIT"))] == [
        "BEGIN IMMEDIATE",
        "COMMIT",
    ]
    assert store.flush()  # nothing pending: no second transaction
    assert sum(s == "COMMIT" for s in statements) == 1


def test_only_preferences_that_differ_from_the_defaults_are_saved(
    store: UserData, db_path: Path
) -> None:
    store.set_preferences(store.preferences.replace(zoom=120, theme="system"))
    store.flush()
    assert rows(db_path, "SELECT key, value FROM preferences") == [("zoom", "120")]


def test_new_defaults_reach_readers_who_never_chose(db_path: Path) -> None:
    with UserData.open(db_path) as first:
        first.set_preferences(first.preferences.replace(zoom=120))
    clinic = Preferences(theme="dark", zoom=140)
    with UserData.open(db_path, defaults=clinic) as second:
        assert second.preferences == Preferences(theme="dark", zoom=120)


def test_bad_saved_preferences_fall_back_one_by_one(store: UserData, db_path: Path) -> None:
    store.close()
    conn = sqlite3.connect(db_path)
    conn.executemany(
        "INSERT INTO preferences (key, value) VALUES (?, ?)",
        [
            ("zoom", '"huge"'),
            ("theme", '"dark"'),
            ("show_topics", "{bad json"),
            ("added_later", '"kept"'),
        ],
    )
    conn.commit()
    conn.close()
    with UserData.open(db_path) as again:
        assert again.preferences == Preferences(theme="dark")
        assert not again.notices
        again.set_preferences(again.preferences.replace(zoom=90))
    # A key from a newer Field Guide is written back as found.
    assert ("added_later", '"kept"') in rows(db_path, "SELECT key, value FROM preferences")


def test_rows_of_the_wrong_shape_are_skipped_not_fatal(store: UserData, db_path: Path) -> None:
    store.add_bookmark("g", "good", "Good")
    store.close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO bookmarks VALUES ('g', 'bad', 42, NULL, 1, 'yesterday')")
    conn.commit()
    conn.close()
    with UserData.open(db_path) as again:
        assert [b.slug for b in again.bookmarks] == ["good"]
        assert not again.notices


def test_history_is_most_recent_first_one_entry_per_article_and_capped(db_path: Path) -> None:
    with UserData.open(db_path, history_limit=5) as capped:
        capped.clock = FakeClock()
        for slug in ["a", "b", "c", "a", "d", "e", "f", "g"]:
            capped.record_visit("g", slug, slug.upper())
        assert [h.slug for h in capped.history] == ["g", "f", "e", "d", "a"]
    with UserData.open(db_path, history_limit=5) as again:
        assert [h.slug for h in again.history] == ["g", "f", "e", "d", "a"]


def test_clear_and_remove_history(store: UserData) -> None:
    store.record_visit("g", "a", "A")
    store.record_visit("g", "b", "B")
    assert store.remove_visit("g", "a") == Changes(history=True)
    assert [h.slug for h in store.history] == ["b"]
    assert store.clear_history() == Changes(history=True)
    assert store.history == ()


def test_scroll_is_kept_between_top_and_bottom(store: UserData) -> None:
    store.set_last_position("g", "a", 7.5)
    assert store.last_position == LastPosition("g", "a", 1.0)
    store.set_last_position("g", "a", float("nan"))
    assert store.last_position == LastPosition("g", "a", 0.0)


def test_reset_forgets_everything_and_restores_the_defaults(db_path: Path) -> None:
    defaults = Preferences(zoom=150)
    with UserData.open(db_path, defaults=defaults) as store:
        store.add_bookmark("g", "a", "A")
        store.record_visit("g", "a", "A")
        store.set_last_position("g", "a", 0.3)
        store.set_preferences(Preferences(zoom=90, theme="dark"))
        store.set_session(Session(geometry="AA=="))
        store.reset()
        assert store.bookmarks == () and store.history == () and store.last_position is None
        assert store.preferences == defaults and store.session == Session()
    with UserData.open(db_path) as again:
        assert again.bookmarks == () and again.history == () and again.last_position is None


def test_memory_store_never_touches_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = UserData.in_memory()
    store.add_bookmark("g", "a", "A")
    store.record_visit("g", "a", "A")
    assert store.flush() is False
    assert not store.is_saving and not store.notices and store.path is None
    assert store.is_bookmarked("g", "a")
    store.reset()
    assert store.bookmarks == ()
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_preferences_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="theme"):
        Preferences(theme="purple")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="zoom"):
        Preferences(zoom=5)
    with pytest.raises(ValueError, match="show_topics"):
        Preferences(show_topics=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="zoom"):
        Preferences().replace(zoom=900)  # a changed copy is checked too


def test_preferences_and_positions_are_values_that_do_not_change() -> None:
    prefs = Preferences(zoom=120, theme="dark")
    assert prefs == Preferences(theme="dark", zoom=120) != Preferences(zoom=120)
    assert hash(prefs) == hash(Preferences(theme="dark", zoom=120))
    assert prefs.replace(show_history=True).show_history and not prefs.show_history
    with pytest.raises(AttributeError):
        prefs.zoom = 90
    where = LastPosition("g", "a", 0.5, "timeline")
    assert where.replace(scroll=3.0) == LastPosition("g", "a", 1.0, "timeline")
    assert {where, LastPosition("g", "a", 0.5, "timeline")} == {where}
    assert "timeline" in repr(where)
    with pytest.raises(AttributeError):
        where.slug = "b"


def test_text_that_cannot_be_saved_is_repaired_not_fatal(store: UserData, db_path: Path) -> None:
    store.add_bookmark("g", "a", "Broken \ud800 title")
    assert store.flush() and store.is_saving
    assert store.bookmarks[0].title == "Broken ? title"


def test_autoflush_writes_soon_after_a_change_without_being_asked(
    store: UserData, db_path: Path
) -> None:
    done = threading.Event()
    results: list[bool] = []

    def flushed(result: bool) -> None:
        results.append(result)
        done.set()

    store.start_autoflush(interval_s=0.05, on_flushed=flushed)
    store.add_bookmark("g", "a", "A")
    assert done.wait(timeout=5)
    assert results == [True]
    assert rows(db_path, "SELECT slug FROM bookmarks") == [("a",)]


def test_close_writes_what_is_pending_and_stops_the_writer(db_path: Path) -> None:
    store = UserData.open(db_path)
    store.start_autoflush(interval_s=60)
    store.add_bookmark("g", "a", "A")
    store.close()
    assert not any(t.name == "userdata-writer" for t in threading.enumerate())
    assert rows(db_path, "SELECT slug FROM bookmarks") == [("a",)]
    store.close()  # twice is fine
