"""Portable and read-only, end to end: the real program, started in its own process from a copy
of the program folder, with HOME, the XDG folders and TMPDIR in temporary folders.

- A write-protected stick (the program copy read-only, a `portable` marker beside it) opens, shows
  the bundled guide, says once that bookmarks are kept on this computer, keeps them there, and
  writes nothing on the stick. With the computer locked too, it keeps them in memory and writes
  nothing anywhere.
- A stick locked after bookmarks were saved on it shows them and the page the reader was on,
  keeps this run's changes in memory and writes nothing, on the stick or on the computer; a
  damaged file on a locked stick is named in plain words and left as it is.
- A read-only library folder given with `--library` is read, searched and left as it was (the
  search index goes to the per-user cache).
- A writable stick with a `portable` (or `.portable`) marker keeps everything in `data/` beside
  the program and nothing on the computer; the data names no folder, so the stick moved to
  another place (another drive letter) finds it all again.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldguide.paths import (
    APP_NAME,
    NOTICE_STICK_READ_ONLY,
    NOTICE_STICK_TO_COMPUTER,
    NOTICE_STICK_TO_MEMORY,
    USER_DB_NAME,
)
from tests.deploy.sandbox import (
    Locker,
    Sandbox,
    copy_program,
    differences,
    last_json,
    run,
    snapshot,
    unlock,
)
from tests.library_factory import write_library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX folders and modes")

DRIVER = str(Path(__file__).with_name("reader_session.py"))
START = ["-m", "fieldguide", "--exit-after-start"]

LockFn = Callable[[list[Path], Path], Locker]


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    return Sandbox(tmp_path / "computer")


@pytest.fixture
def lock(sandbox: Sandbox) -> Iterator[LockFn]:
    """lock(folders, program) makes the folders read-only for the reader started from the
    program copy; skips when this machine offers no way to do that for this user."""
    locked: list[Path] = []

    def make(folders: list[Path], program: Path) -> Locker:
        locked.extend(folders)
        found = Locker.find(folders, sandbox.env(program))
        if isinstance(found, str):
            pytest.skip(found)
        return found

    yield make
    unlock(locked)


def stick(tmp_path: Path, marker: str = "portable") -> Path:
    """A copy of the program as it sits on a USB stick, with its portable marker."""
    program = copy_program(tmp_path / "stick" / APP_NAME)
    (program / marker).write_text("")
    return program


def per_user(sandbox: Sandbox) -> tuple[Path, Path]:
    """The per-user data and cache folders of Field Guide in the sandbox."""
    return sandbox.folders["data"] / APP_NAME, sandbox.folders["cache"] / APP_NAME


# -- a write-protected stick ------------------------------------------------------------------


def test_a_locked_stick_opens_and_says_where_bookmarks_go(
    tmp_path: Path, sandbox: Sandbox, lock: LockFn
) -> None:
    program = stick(tmp_path)
    locker = lock([program], program)
    before = snapshot([program])
    done = run(START, sandbox.env(program), sandbox.folders["home"], locker)
    line = last_json(done)
    assert (line["event"], line["slug"], line["problems"]) == ("first-paint", "home", 0)
    assert line["user_data"] == "fallback"
    assert line["banner"] == [NOTICE_STICK_TO_COMPUTER]  # said once, in the window
    assert differences(before, snapshot([program])) == []
    assert not (program / "data").exists()


def test_a_session_on_a_locked_stick_is_kept_on_this_computer(
    tmp_path: Path, sandbox: Sandbox, lock: LockFn
) -> None:
    program = stick(tmp_path, ".portable")
    locker = lock([program], program)
    before = snapshot([program])
    env, home = sandbox.env(program), sandbox.folders["home"]
    report = last_json(run([DRIVER], env, home, locker))
    assert report["package"] == str(program / "src" / "fieldguide")  # the copy ran
    assert report["start"]["banner"] == [NOTICE_STICK_TO_COMPUTER]
    assert report["hits"] > 0
    read = report["read"]
    assert report["bookmarks"] == [read]
    data, cache = per_user(sandbox)
    assert (data / USER_DB_NAME).is_file()
    assert any(cache.glob("index-library-*.sqlite"))  # the search index, built at run time
    # The next start comes back to the page and the bookmark, and tells the reader again.
    again = last_json(run([DRIVER], env, home, locker))
    assert again["start"] == {
        "slug": read,
        "banner": [NOTICE_STICK_TO_COMPUTER],
        "bookmarks": [read],
    }
    assert differences(before, snapshot([program])) == []


def test_a_locked_stick_on_a_locked_computer_writes_nothing_anywhere(
    tmp_path: Path, sandbox: Sandbox, lock: LockFn
) -> None:
    program = stick(tmp_path)
    locker = lock([program], program)
    blocker = tmp_path / "a-file"  # no folder can be made under a file: not even root can
    blocker.write_text("")
    env = {
        **sandbox.env(program),
        "XDG_DATA_HOME": str(blocker / "data"),
        "XDG_CACHE_HOME": str(blocker / "cache"),
    }
    roots = [program, *sandbox.roots]
    before = snapshot(roots)
    line = last_json(run(START, env, sandbox.folders["home"], locker))
    assert (line["slug"], line["user_data"]) == ("home", "memory")
    assert line["banner"] == [NOTICE_STICK_TO_MEMORY]
    assert differences(before, snapshot(roots)) == []


def test_a_stick_locked_after_saving_shows_what_was_saved_and_writes_nothing(
    tmp_path: Path, sandbox: Sandbox, lock: LockFn
) -> None:
    program = stick(tmp_path)
    env, home = sandbox.env(program), sandbox.folders["home"]
    saved = last_json(run([DRIVER], env, home))  # while the stick can still be written
    read = saved["read"]
    assert saved["bookmarks"] == [read]
    locker = lock([program], program)
    roots = [program, *sandbox.roots]
    before = snapshot(roots)
    line = last_json(run(START, env, home, locker))
    assert (line["slug"], line["problems"]) == ("home", 0)
    assert line["user_data"] == "portable-readonly"
    assert line["banner"] == [NOTICE_STICK_READ_ONLY]
    report = last_json(run([DRIVER], env, home, locker))
    # Back on the page the reader left, with the bookmark, told once that nothing is saved.
    assert report["start"] == {
        "slug": read,
        "banner": [NOTICE_STICK_READ_ONLY],
        "bookmarks": [read],
    }
    assert report["hits"] > 0  # searching works (its index is built in memory)
    assert differences(before, snapshot(roots)) == []  # not on the stick, not on the computer


def test_a_damaged_file_on_a_locked_stick_is_named_and_left_alone(
    tmp_path: Path, sandbox: Sandbox, lock: LockFn
) -> None:
    program = stick(tmp_path)
    db = program / "data" / USER_DB_NAME
    db.parent.mkdir()
    db.write_bytes(b"\x00\xff not a database \x00" * 64)
    locker = lock([program], program)
    roots = [program, *sandbox.roots]
    before = snapshot(roots)
    report = last_json(run([DRIVER], sandbox.env(program), sandbox.folders["home"], locker))
    start = report["start"]
    assert (start["slug"], start["bookmarks"]) == ("home", [])
    stick_notice, damaged = start["banner"]
    assert stick_notice == NOTICE_STICK_READ_ONLY
    assert "could not be read" in damaged and USER_DB_NAME in damaged
    assert "left as it is" in damaged and "Traceback" not in damaged
    assert report["bookmarks"] == [report["read"]]  # the reader keeps going, in memory
    assert differences(before, snapshot(roots)) == []


# -- a read-only library folder -----------------------------------------------------------------


def test_a_read_only_library_folder_is_read_searched_and_left_alone(
    tmp_path: Path, sandbox: Sandbox, lock: LockFn
) -> None:
    program = copy_program(tmp_path / "installed" / APP_NAME)
    media = tmp_path / "media"  # the library and the place an index beside it would go
    library = write_library(media / "guide")
    locker = lock([media], program)
    before = snapshot([media, program])
    env, home = sandbox.env(program), sandbox.folders["home"]
    line = last_json(run([*START, "--library", str(library)], env, home, locker))
    assert (line["slug"], line["problems"], line["user_data"]) == ("home", 0, "normal")
    assert line["banner"] == []
    report = last_json(run([DRIVER, "--library", str(library)], env, home, locker))
    assert report["hits"] > 0
    assert report["read"] == "withdrawal/how-long"
    assert report["bookmarks"] == ["withdrawal/how-long"]
    data, cache = per_user(sandbox)
    assert (data / USER_DB_NAME).is_file()
    assert any(cache.glob("index-guide-*.sqlite"))  # not beside the library: in the cache
    assert differences(before, snapshot([media, program])) == []


# -- a writable stick -------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["portable", ".portable"])
def test_a_portable_stick_keeps_everything_on_the_stick(
    tmp_path: Path, sandbox: Sandbox, marker: str
) -> None:
    program = stick(tmp_path, marker)
    computer = snapshot(sandbox.roots)
    before = snapshot([program])
    report = last_json(run([DRIVER], sandbox.env(program), sandbox.folders["home"]))
    assert report["package"] == str(program / "src" / "fieldguide")
    assert report["start"]["banner"] == []
    assert report["hits"] > 0
    read = report["read"]
    assert report["bookmarks"] == [read]
    # On the stick: data/ (so the program folder changed) and nothing else new or changed.
    data = program / "data"
    assert (data / USER_DB_NAME).is_file()
    assert any((data / "cache").glob("index-library-*.sqlite"))
    found = differences(before, snapshot([program]))
    outside = [line for line in found if not line.startswith(f"new: {data}")]
    assert outside == [f"changed: {program}"], found
    # On the computer: nothing at all.
    assert differences(computer, snapshot(sandbox.roots)) == []
    # The data names no folder: it holds no absolute path of the stick.
    for name in {str(program), str(program.resolve()), str(tmp_path)}:
        for path in data.rglob("*"):
            if path.is_file():
                assert name.encode() not in path.read_bytes(), path

    # The stick in another computer, under another drive letter: all found again.
    moved = tmp_path / "other-drive" / APP_NAME
    moved.parent.mkdir()
    shutil.move(program, moved)
    again = last_json(run([DRIVER], sandbox.env(moved), sandbox.folders["home"]))
    assert again["package"] == str(moved / "src" / "fieldguide")
    assert again["start"] == {"slug": read, "banner": [], "bookmarks": [read]}
    assert differences(computer, snapshot(sandbox.roots)) == []
