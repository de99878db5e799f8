"""Bad, foreign or unreachable files never stop the reader: moved aside or kept in memory."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from userdata_helpers import rows, running_as_root

from fieldguide.userdata import UserData, opening
from fieldguide.userdata.opening import broken_name
from fieldguide.userdata.schema import APPLICATION_ID, SCHEMA_VERSION


def make_store(path: Path, count: int = 50) -> None:
    with UserData.open(path) as store:
        for i in range(count):
            store.add_bookmark("g", f"a/{i}", f"Article number {i} " + "x" * 100)


def kept_files(path: Path) -> list[Path]:
    found = path.parent.glob(f"{path.name}.broken-*")
    return sorted(p for p in found if not p.name.endswith(("-journal", "-wal", "-shm")))


def assert_started_fresh(path: Path, original: bytes, kind: str) -> None:
    store = UserData.open(path)
    assert store.is_saving
    assert store.bookmarks == ()
    [notice] = store.take_notices()
    assert notice.kind == kind
    assert store.take_notices() == []  # said once
    [kept] = kept_files(path)
    assert kept.read_bytes() == original  # the old file is kept as it was
    assert kept.name in notice.text and "Field Guide" in notice.text
    assert "Traceback" not in notice.text
    store.add_bookmark("g", "new", "New")  # and the fresh store works
    store.close()
    assert rows(path, "SELECT slug FROM bookmarks") == [("new",)]
    with UserData.open(path) as again:
        assert not again.notices


def test_a_truncated_file_is_moved_aside(db_path: Path) -> None:
    make_store(db_path, 400)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    assert_started_fresh(db_path, data[: len(data) // 2], "started_fresh")


def test_a_file_cut_inside_its_header_is_moved_aside(db_path: Path) -> None:
    make_store(db_path)
    data = db_path.read_bytes()[:40]
    db_path.write_bytes(data)
    assert_started_fresh(db_path, data, "started_fresh")


def test_a_file_with_a_damaged_page_is_moved_aside(db_path: Path) -> None:
    make_store(db_path, 400)
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = bytes(range(256)) * 16
    db_path.write_bytes(bytes(data))
    assert_started_fresh(db_path, bytes(data), "started_fresh")


def test_a_text_file_in_our_place_is_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    text = b"These are my notes about the clinic.\n" * 20
    db_path.write_bytes(text)
    assert_started_fresh(db_path, text, "started_fresh")


def test_another_programs_sqlite_file_is_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.executescript("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');")
    conn.close()
    original = db_path.read_bytes()
    assert_started_fresh(db_path, original, "started_fresh")


def test_a_sqlite_file_with_another_application_id_is_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    original = db_path.read_bytes()
    assert_started_fresh(db_path, original, "started_fresh")


def test_a_file_from_a_newer_version_is_moved_aside_with_its_own_words(db_path: Path) -> None:
    make_store(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    original = db_path.read_bytes()
    assert_started_fresh(db_path, original, "newer_version")
    with UserData.open(db_path) as store:
        assert not store.notices


def test_our_file_missing_its_tables_is_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE unrelated (x)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.close()
    assert_started_fresh(db_path, db_path.read_bytes(), "started_fresh")


def test_an_empty_file_is_simply_a_new_store(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")  # left by a first start that was cut short
    with UserData.open(db_path) as store:
        assert store.is_saving and not store.notices
    assert kept_files(db_path) == []


def test_broken_names_are_dated_and_never_reused(tmp_path: Path) -> None:
    path = tmp_path / "userdata.sqlite"
    when = datetime(2026, 11, 25, 10, 15, 0)
    first = broken_name(path, when)
    assert first.name == "userdata.sqlite.broken-2026-11-25T101500"
    first.write_text("x")
    assert broken_name(path, when).name == "userdata.sqlite.broken-2026-11-25T101500-2"


def test_a_leftover_log_file_moves_aside_with_its_file(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"not a database at all" * 10)
    Path(f"{db_path}-wal").write_bytes(b"a write-ahead log of some other program")
    with UserData.open(db_path) as store:
        assert [n.kind for n in store.notices] == ["started_fresh"]
    [kept] = kept_files(db_path)
    assert Path(f"{kept}-wal").exists()
    assert not Path(f"{db_path}-wal").exists()


def test_when_the_bad_file_cannot_be_moved_the_reader_keeps_going_in_memory(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"garbage" * 100)

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(opening.os, "rename", refuse)
    with UserData.open(db_path) as store:
        assert not store.is_saving
        [notice] = store.notices
        assert notice.kind == "memory_only" and "could not be moved aside" in notice.text
        store.add_bookmark("g", "a", "A")
        assert store.is_bookmarked("g", "a")
    assert db_path.read_bytes() == b"garbage" * 100  # untouched


def test_a_folder_that_cannot_be_made_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("I am a file, not a folder")
    path = blocker / "data" / "userdata.sqlite"
    with UserData.open(path) as store:
        assert not store.is_saving
        [notice] = store.take_notices()
        assert notice.kind == "memory_only" and "until you close it" in notice.text
        store.add_bookmark("g", "a", "A")
        assert store.is_bookmarked("g", "a") and store.flush() is False
        assert store.take_notices() == []


@pytest.mark.skipif(running_as_root(), reason="root writes into read-only folders")
def test_a_read_only_folder_falls_back_to_memory(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with UserData.open(folder / "userdata.sqlite") as store:
            assert not store.is_saving
            assert [n.kind for n in store.notices] == ["memory_only"]
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(running_as_root(), reason="root writes into read-only folders")
def test_an_existing_file_in_a_read_only_folder_is_read_but_not_written(db_path: Path) -> None:
    make_store(db_path, 3)
    before = db_path.read_bytes()
    db_path.parent.chmod(0o555)
    try:
        with UserData.open(db_path) as store:
            assert len(store.bookmarks) == 3  # what was saved is still shown
            assert not store.is_saving
            assert [n.kind for n in store.notices] == ["memory_only"]
            store.add_bookmark("g", "new", "New")
    finally:
        db_path.parent.chmod(0o755)
    assert db_path.read_bytes() == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_location_no_one_may_write_falls_back_to_memory() -> None:
    # /proc refuses new files even to root, so this case runs everywhere on Linux.
    with UserData.open(Path("/proc/fieldguide-test/userdata.sqlite")) as store:
        assert not store.is_saving
        assert [n.kind for n in store.notices] == ["memory_only"]


def test_a_file_in_use_elsewhere_is_left_alone(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_store(db_path, 3)
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_S", 0.05)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with UserData.open(db_path) as store:
            assert not store.is_saving
            [notice] = store.notices
            assert notice.kind == "memory_only" and "open twice" in notice.text
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert kept_files(db_path) == []
    with UserData.open(db_path) as again:
        assert len(again.bookmarks) == 3


def test_a_busy_file_at_save_time_is_retried_not_abandoned(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_S", 0.05)
    store = UserData.open(db_path)
    store.add_bookmark("g", "a", "A")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    assert store.flush() is False
    assert store.pending and store.is_saving and not store.notices
    other.execute("ROLLBACK")
    other.close()
    assert store.flush() is True
    store.close()
    assert rows(db_path, "SELECT slug FROM bookmarks") == [("a",)]


DISK_FULL_CHILD = """
import json, os, resource, signal, sys
from pathlib import Path
from fieldguide.userdata import UserData
path = Path(sys.argv[1])
store = UserData.open(path)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
size = os.path.getsize(path)
resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))
for i in range(2000):
    store.add_bookmark("g", f"big/{i}", "y" * 1000)
first = store.flush()
store.add_bookmark("g", "after", "After")
second = store.flush()
print(json.dumps({
    "first": first, "second": second, "saving": store.is_saving,
    "notices": [n.kind for n in store.take_notices()],
    "kept_in_memory": store.is_bookmarked("g", "after"),
}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="file size limits are a Linux feature here")
def test_a_full_disk_at_save_time_falls_back_to_memory_and_says_so_once(db_path: Path) -> None:
    make_store(db_path, 5)
    before = db_path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", DISK_FULL_CHILD, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report == {
        "first": False,
        "second": False,
        "saving": False,
        "notices": ["save_failed"],
        "kept_in_memory": True,
    }
    # The file still holds the last good save, and opens cleanly.
    with UserData.open(db_path) as again:
        assert not again.notices
        assert len(again.bookmarks) == 5
    assert len(db_path.read_bytes()) == len(before)


def test_opening_never_raises_even_for_a_folder_in_the_files_place(db_path: Path) -> None:
    db_path.mkdir(parents=True)
    with UserData.open(db_path) as store:
        assert not store.is_saving
        assert store.notices
    assert db_path.is_dir()
    assert os.listdir(db_path) == []
