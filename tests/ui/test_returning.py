"""Returning: a new window on the same data folder finds the same page, scroll, zoom, theme,
panels and bookmarks. Saved data is written within a second and never blocks start-up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldguide.library.service import LibraryService
from fieldguide.ui.userdata_bridge import SAVE_DELAY_MS
from fieldguide.userdata import Session, UserData
from tests.ui.window_factory import library, reader

LONG = "withdrawal/getting-through"


@pytest.fixture
def service(tmp_path: Path) -> LibraryService:
    return library(tmp_path)


def test_a_new_window_finds_everything_as_it_was(
    qtbot: QtBot, service: LibraryService, tmp_path: Path
) -> None:
    db = tmp_path / "data" / "userdata.sqlite3"
    db.parent.mkdir()
    with reader(qtbot, service, db) as first:
        first.resize(720, 540)  # within the offscreen screen (800x600): restore keeps it there
        first.open("kratom/what-is-kratom")
        qtbot.keyClick(first.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        first.open(LONG)
        qtbot.keyClick(first.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(first.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(first.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        first.themes.actions["dark"].trigger()
        qtbot.keyClick(first.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        bar = first.view.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        bar.setValue(round(bar.maximum() * 0.6))
        scroll = first.view.scroll_fraction()
        size = first.size()
        point_size = first.view.font().pointSizeF()
    assert 0.55 < scroll < 0.65

    with reader(qtbot, service, db) as second:
        assert second.current_slug == LONG
        assert second.zoom.percent == 125
        assert second.view.font().pointSizeF() == pytest.approx(point_size)
        assert second.themes.choice == "dark"
        assert [b.slug for b in second.user.bookmarks] == ["kratom/what-is-kratom", LONG]
        assert second.star.action.isChecked()
        assert second.bookmarks_panel.isVisible()
        assert second.bookmarks_panel.list.count() == 2
        assert second.size() == size
        qtbot.waitUntil(lambda: abs(second.view.scroll_fraction() - scroll) < 0.02)
        assert [h.slug for h in second.user.history][:2] == [LONG, "kratom/what-is-kratom"]
        assert not second.banner.isVisible()


def test_changes_reach_the_disk_within_a_second(
    qtbot: QtBot, service: LibraryService, tmp_path: Path
) -> None:
    assert SAVE_DELAY_MS <= 1000
    db = tmp_path / "userdata.sqlite3"
    with reader(qtbot, service, db) as window:
        window.star.toggle()
        assert window.user.saving_soon

        def on_disk() -> list[tuple[str]]:  # what another process would read now
            with sqlite3.connect(db) as other:
                return other.execute("SELECT slug FROM bookmarks").fetchall()

        assert on_disk() == []
        qtbot.waitUntil(lambda: on_disk() == [("home",)], timeout=SAVE_DELAY_MS + 1000)


def test_a_page_removed_since_last_time_opens_the_start_with_a_note(
    qtbot: QtBot, service: LibraryService
) -> None:
    def prepare(store: UserData) -> None:
        store.set_last_position("test-guide", "gone/since", 0.5)

    with reader(qtbot, service, prepare=prepare) as window:
        assert window.current_slug == "home"
        assert window.banner.isVisible()
        assert "no longer in this guide" in window.banner.label.text()
        qtbot.mouseClick(window.banner.close_button, Qt.MouseButton.LeftButton)
        assert not window.banner.isVisible()


def test_a_damaged_data_file_never_stops_the_window(
    qtbot: QtBot, service: LibraryService, tmp_path: Path
) -> None:
    db = tmp_path / "userdata.sqlite3"
    db.write_bytes(b"this is not a database at all" * 100)
    with reader(qtbot, service, db) as window:
        assert window.current_slug == "home"
        assert window.banner.isVisible()
        assert window.banner.messages  # the store's own words, shown once
        window.star.toggle()
    assert any(p.name != db.name for p in tmp_path.iterdir())  # the bad file was kept aside


def test_nonsense_window_state_is_ignored(qtbot: QtBot, service: LibraryService) -> None:
    def prepare(store: UserData) -> None:
        store.set_session(Session("not base64 at all!", "%%%", "\u00e9"))

    with reader(qtbot, service, prepare=prepare) as window:
        assert window.current_slug == "home"
        assert window.isVisible()


def test_a_location_notice_is_shown_quietly(qtbot: QtBot, service: LibraryService) -> None:
    text = "Field Guide cannot save on this computer."
    with reader(qtbot, service, notice=text) as window:
        assert window.banner.messages == (text,)
        assert window.banner.isVisible()


def test_a_save_that_fails_later_is_said_once(
    qtbot: QtBot, service: LibraryService, tmp_path: Path
) -> None:
    with reader(qtbot, service, tmp_path / "userdata.sqlite3") as window:
        window.user.store._conn.close()  # type: ignore[union-attr]  # the disk went away
        window.star.toggle()
        qtbot.waitUntil(window.banner.isVisible, timeout=3000)
        assert len(window.banner.messages) == 1
        assert "could not save" in window.banner.messages[0]
        assert window.user.is_bookmarked("home")  # still kept, in memory
