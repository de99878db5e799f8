"""Where user data goes: per-user, portable beside the program, fallbacks with one notice, and a
kiosk that touches nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fieldguide import paths
from fieldguide.paths import (
    NOTICE_COMPUTER_TO_MEMORY,
    NOTICE_STICK_READ_ONLY,
    NOTICE_STICK_TO_COMPUTER,
    NOTICE_STICK_TO_MEMORY,
    USER_DB_NAME,
    DataLocation,
    can_read_file,
    can_write_file,
    is_portable_data_file,
    is_writable,
    locate_user_data,
)

ROOT_IGNORES_MODES = os.name != "posix" or os.geteuid() == 0


def snapshot(root: Path) -> dict[str, tuple[bool, int, int]]:
    """Every file and folder under `root`: (is a folder, size, modification time)."""
    found: dict[str, tuple[bool, int, int]] = {}
    for path in [root, *root.rglob("*")]:
        info = path.stat()
        found[str(path.relative_to(root))] = (path.is_dir(), info.st_size, info.st_mtime_ns)
    return found


@pytest.fixture
def program(tmp_path: Path) -> Path:
    folder = tmp_path / "stick" / "FieldGuide"
    folder.mkdir(parents=True)
    (folder / "FieldGuide.exe").write_bytes(b"")
    return folder


@pytest.fixture
def user(tmp_path: Path) -> dict[str, Path]:
    return {"user_data_dir": tmp_path / "home" / "data", "user_cache_dir": tmp_path / "home" / "c"}


def locked(tmp_path: Path) -> Path:
    """A folder that can never be made: it would be under a regular file."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    return blocker / "data"


def test_normal_mode_uses_the_per_user_folders(program: Path, user: dict[str, Path]) -> None:
    where = locate_user_data(program, **user)
    assert where == DataLocation(
        user["user_data_dir"] / USER_DB_NAME, user["user_cache_dir"], "normal", ""
    )
    assert not (program / "data").exists()


@pytest.mark.parametrize("marker", ["portable", ".portable"])
def test_a_marker_puts_everything_in_data_beside_the_program(
    program: Path, user: dict[str, Path], marker: str
) -> None:
    (program / marker).write_text("")
    where = locate_user_data(program, **user)
    assert where.mode == "portable"
    assert where.notice == ""
    assert where.user_db is not None and where.cache_dir is not None
    assert where.user_db.relative_to(program) == Path("data") / USER_DB_NAME
    assert where.cache_dir.relative_to(program) == Path("data") / "cache"
    assert not user["user_data_dir"].exists()  # nothing outside the stick
    assert not user["user_cache_dir"].exists()


def test_a_folder_named_portable_is_not_a_marker(program: Path, user: dict[str, Path]) -> None:
    (program / "portable").mkdir()
    assert locate_user_data(program, **user).mode == "normal"


def test_the_stick_works_under_another_drive_letter(tmp_path: Path, user: dict[str, Path]) -> None:
    first = tmp_path / "E" / "FieldGuide"
    first.mkdir(parents=True)
    (first / "portable").write_text("")
    assert locate_user_data(first, **user).user_db == first / "data" / USER_DB_NAME
    (first / "data" / USER_DB_NAME).write_bytes(b"bookmarks")
    moved = tmp_path / "F" / "FieldGuide"
    moved.parent.mkdir()
    first.rename(moved)
    where = locate_user_data(moved, **user)
    assert where.user_db == moved / "data" / USER_DB_NAME
    assert where.user_db.read_bytes() == b"bookmarks"
    # Nothing written in the data folder names the old place.
    for path in (moved / "data").rglob("*"):
        if path.is_file():
            assert str(tmp_path / "E").encode() not in path.read_bytes()


def test_a_locked_stick_falls_back_to_this_computer_with_a_notice(
    program: Path, user: dict[str, Path]
) -> None:
    (program / "portable").write_text("")
    (program / "data").write_text("a file where the data folder should be")
    where = locate_user_data(program, **user)
    assert where == DataLocation(
        user["user_data_dir"] / USER_DB_NAME,
        user["user_cache_dir"],
        "fallback",
        NOTICE_STICK_TO_COMPUTER,
    )
    assert NOTICE_STICK_TO_COMPUTER.startswith("This copy of Field Guide is on a locked USB stick")


def test_a_locked_stick_and_a_locked_computer_keep_data_in_memory(
    tmp_path: Path, program: Path
) -> None:
    (program / ".portable").write_text("")
    (program / "data").write_text("")
    where = locate_user_data(
        program, user_data_dir=locked(tmp_path), user_cache_dir=locked(tmp_path) / "c"
    )
    assert where == DataLocation(None, None, "memory", NOTICE_STICK_TO_MEMORY)
    assert where.notice.endswith("kept only until you close Field Guide.")


def test_a_computer_that_cannot_be_written_to_keeps_data_in_memory(
    tmp_path: Path, program: Path
) -> None:
    where = locate_user_data(program, user_data_dir=locked(tmp_path), user_cache_dir=tmp_path / "c")
    assert where == DataLocation(None, tmp_path / "c", "memory", NOTICE_COMPUTER_TO_MEMORY)


def test_a_user_data_file_that_cannot_be_opened_for_writing_falls_back(
    program: Path, user: dict[str, Path]
) -> None:
    (program / "portable").write_text("")
    (program / "data" / USER_DB_NAME).mkdir(parents=True)  # cannot be opened as a file
    assert locate_user_data(program, **user).mode == "fallback"


@pytest.mark.skipif(ROOT_IGNORES_MODES, reason="root (or Windows) writes to read-only folders")
def test_a_read_only_program_folder_falls_back(program: Path, user: dict[str, Path]) -> None:
    (program / "portable").write_text("")
    program.chmod(0o555)
    try:
        where = locate_user_data(program, **user)
    finally:
        program.chmod(0o755)
    assert (where.mode, where.notice) == ("fallback", NOTICE_STICK_TO_COMPUTER)
    assert not (program / "data").exists()


@pytest.mark.skipif(ROOT_IGNORES_MODES, reason="root (or Windows) writes to read-only files")
def test_a_read_only_user_data_file_on_the_stick_is_shown(
    program: Path, user: dict[str, Path]
) -> None:
    (program / "portable").write_text("")
    (program / "data").mkdir()
    db = program / "data" / USER_DB_NAME
    db.write_bytes(b"")
    db.chmod(0o444)
    assert locate_user_data(program, **user).mode == "portable-readonly"


@pytest.mark.skipif(ROOT_IGNORES_MODES, reason="root (or Windows) writes to read-only folders")
def test_a_read_only_stick_with_saved_data_shows_it(program: Path, user: dict[str, Path]) -> None:
    (program / "portable").write_text("")
    (program / "data").mkdir()
    (program / "data" / USER_DB_NAME).write_bytes(b"saved")
    before = snapshot(program)
    for folder in (program / "data", program):
        folder.chmod(0o555)
    try:
        where = locate_user_data(program, **user)
    finally:
        for folder in (program, program / "data"):
            folder.chmod(0o755)
    assert (where.mode, where.notice) == ("portable-readonly", NOTICE_STICK_READ_ONLY)
    assert snapshot(program) == before


# -- a locked stick that holds saved data ------------------------------------------------------
# Root writes through file modes, so these tests make the checks say "cannot write" for every
# path on the stick, as they do for a write-protected stick, and then see what is decided.


def lock_stick(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    """From now on, nothing under `stick` can be written, as `paths` sees it."""
    real_folder, real_file = paths.is_writable, paths.can_write_file

    def is_writable(folder: Path) -> bool:
        return False if folder.is_relative_to(stick) else real_folder(folder)

    def can_write_file(path: Path) -> bool:
        return False if path.is_relative_to(stick) else real_file(path)

    monkeypatch.setattr(paths, "is_writable", is_writable)
    monkeypatch.setattr(paths, "can_write_file", can_write_file)


def saved_on_stick(program: Path, marker: str = "portable") -> Path:
    (program / marker).write_text("")
    db = program / "data" / USER_DB_NAME
    db.parent.mkdir()
    db.write_bytes(b"the reader's bookmarks")
    return db


@pytest.mark.parametrize("marker", ["portable", ".portable"])
def test_a_locked_stick_with_saved_data_shows_the_sticks_data(
    tmp_path: Path,
    program: Path,
    user: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    marker: str,
) -> None:
    db = saved_on_stick(program, marker)
    lock_stick(monkeypatch, program)
    before = snapshot(tmp_path)
    where = locate_user_data(program, **user)
    # The stick's file, read only; no cache anywhere: nothing is written on the stick or here.
    assert where == DataLocation(db, None, "portable-readonly", NOTICE_STICK_READ_ONLY)
    assert snapshot(tmp_path) == before  # no data/cache made, no per-user folders either
    assert not user["user_data_dir"].exists() and not user["user_cache_dir"].exists()


def test_the_sticks_data_is_preferred_to_this_computers(
    program: Path, user: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = saved_on_stick(program)
    home = user["user_data_dir"]
    home.mkdir(parents=True)
    (home / USER_DB_NAME).write_bytes(b"from an earlier run on this computer")
    lock_stick(monkeypatch, program)
    assert locate_user_data(program, **user).user_db == db


def test_a_locked_stick_without_saved_data_still_falls_back_to_this_computer(
    program: Path, user: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    (program / "portable").write_text("")
    lock_stick(monkeypatch, program)
    where = locate_user_data(program, **user)
    assert (where.mode, where.notice) == ("fallback", NOTICE_STICK_TO_COMPUTER)
    assert not (program / "data").exists()


def test_saved_data_that_cannot_be_read_is_not_the_sticks_data(
    program: Path, user: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = saved_on_stick(program)
    lock_stick(monkeypatch, program)
    monkeypatch.setattr(paths, "can_read_file", lambda path: path != db)
    assert locate_user_data(program, **user).mode == "fallback"


def test_a_writable_stick_is_not_read_only(program: Path, user: dict[str, Path]) -> None:
    db = saved_on_stick(program)
    assert locate_user_data(program, **user) == DataLocation(
        db, program / "data" / "cache", "portable", ""
    )


def test_the_checks_of_the_user_data_file(tmp_path: Path, program: Path) -> None:
    db = saved_on_stick(program)
    assert can_read_file(db) and can_write_file(db)
    assert can_write_file(tmp_path / "missing")  # not there yet: the folder decides
    assert not can_read_file(tmp_path / "missing")
    assert not can_read_file(program / "data") and not can_write_file(program / "data")
    assert is_portable_data_file(db)
    assert not is_portable_data_file(program / "data" / "other.sqlite3")
    assert not is_portable_data_file(tmp_path / "home" / "data" / USER_DB_NAME)  # no marker
    (program / "portable").unlink()
    assert not is_portable_data_file(db)


def test_checking_leaves_no_file_behind(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "folder"
    assert is_writable(folder)
    assert list(folder.iterdir()) == []
    assert not is_writable(locked(tmp_path))


def test_kiosk_mode_touches_nothing(
    tmp_path: Path, program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (program / "portable").write_text("")
    user_dirs = {"user_data_dir": tmp_path / "u", "user_cache_dir": tmp_path / "c"}
    before = snapshot(tmp_path)

    def refuse() -> Path:
        raise AssertionError("kiosk mode asked where the per-user folder is")

    monkeypatch.setattr(paths, "default_user_data_dir", refuse)
    monkeypatch.setattr(paths, "default_user_cache_dir", refuse)
    assert locate_user_data(program, kiosk=True) == DataLocation(None, None, "kiosk", "")
    assert locate_user_data(program, kiosk=True, **user_dirs).mode == "kiosk"
    assert snapshot(tmp_path) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
@pytest.mark.parametrize("xdg", ["absolute", "relative", "empty", "unset"])
@pytest.mark.parametrize("home", ["/home/reader", "/home/reader/", "relative", None])
def test_the_per_user_folders_are_the_ones_platformdirs_gives(
    xdg: str, home: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start finds them without importing platformdirs (paths._xdg_folder): the same."""
    import platformdirs

    values = {"absolute": str(tmp_path / "x"), "relative": "x/y", "empty": "", "unset": None}
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if values[xdg] is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, values[xdg])
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home)
    assert paths.default_user_data_dir() == Path(platformdirs.user_data_dir("FieldGuide", False))
    assert paths.default_user_cache_dir() == Path(platformdirs.user_cache_dir("FieldGuide", False))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_the_per_user_folders_come_from_platformdirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert paths.default_user_data_dir() == tmp_path / "share" / "FieldGuide"
    assert paths.default_user_cache_dir() == tmp_path / "cache" / "FieldGuide"
    assert not (tmp_path / "share").exists()  # asking does not create it
    where = locate_user_data(tmp_path / "program")
    assert where.user_db == tmp_path / "share" / "FieldGuide" / USER_DB_NAME
