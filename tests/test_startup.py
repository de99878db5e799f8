"""The quick start: catalog and start page from the prebuilt index, the library read later."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import cast

import pytest

from fieldguide import cli
from fieldguide.library.loader import load_library
from fieldguide.library.model import Library
from fieldguide.library.service import LibraryService
from fieldguide.search import default_index_path
from fieldguide.startup import ROOT_TOKEN, LazyLibrary, QuickStart, read_quick_start
from tests.library_factory import write_library

PICTURE = "images/dot.png"
HOME = (
    "---\ntitle: Welcome\nsummary: Start here.\norder: 0\nkeywords: [start]\n"
    f"reviewed: 2026-11-20\nsources: [medline]\n---\n![A dot]({PICTURE})\n\n"
    "Read [how long withdrawal lasts](withdrawal/how-long.md#timeline).\n"
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    root = write_library(tmp_path / "lib", {"home.md": HOME})
    (root / "images").mkdir()
    (root / PICTURE).write_bytes(PNG)
    assert cli.main(["index", "build", str(root)]) == 0
    return root


def test_start_page_is_the_one_the_service_renders(library_dir: Path) -> None:
    quick = read_quick_start(library_dir)
    assert quick is not None
    expected = LibraryService(load_library(library_dir, check_links=False)).start_page()
    assert quick.page == expected
    assert quick.catalog.title == "Test guide"
    assert [t.term for t in quick.glossary] == ["withdrawal"]


def test_pictures_follow_the_folder_when_it_is_copied(library_dir: Path, tmp_path: Path) -> None:
    index = default_index_path(library_dir)
    stored = sqlite3.connect(index).execute("SELECT value FROM start_page WHERE key='page'")
    assert ROOT_TOKEN in stored.fetchone()[0]  # no path of the build machine in the file
    moved = tmp_path / "stick" / "lib"
    shutil.copytree(library_dir, moved)
    shutil.copy(index, default_index_path(moved))
    quick = read_quick_start(moved)
    assert quick is not None
    assert (moved / PICTURE).resolve().as_uri() in quick.page.html
    assert str(library_dir) not in quick.page.html


@pytest.mark.parametrize("spoil", ["no index", "damaged index", "no start page", "no library.yml"])
def test_no_quick_start_without_a_good_index(library_dir: Path, spoil: str) -> None:
    index = default_index_path(library_dir)
    if spoil == "no index":
        index.unlink()
    elif spoil == "damaged index":
        index.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    elif spoil == "no start page":
        with sqlite3.connect(index) as conn:
            conn.execute("DROP TABLE start_page")
    else:
        (library_dir / "library.yml").unlink()
    assert read_quick_start(library_dir) is None


def test_start_page_of_other_content_is_not_used(library_dir: Path) -> None:
    with sqlite3.connect(default_index_path(library_dir)) as conn:
        conn.execute("UPDATE start_page SET value='0000' WHERE key='content_hash'")
    assert read_quick_start(library_dir) is None


def lazy(library_dir: Path, verify_up_to: int = 500) -> tuple[LazyLibrary, list[int]]:
    quick = read_quick_start(library_dir, verify_up_to=verify_up_to)
    assert isinstance(quick, QuickStart)
    loads: list[int] = []

    def load() -> Library:
        loads.append(1)
        return load_library(library_dir, check_links=False)

    return LazyLibrary(quick, load), loads


def test_the_catalog_answers_the_window_without_reading_the_library(library_dir: Path) -> None:
    library, loads = lazy(library_dir)
    assert library.title == "Test guide"
    assert library.home == "home"
    assert [t.slug for t in library.topics.children] == ["withdrawal"]
    assert library.articles["withdrawal/how-long"].title == "How long it lasts"
    assert "home" in library.articles
    assert library.glossary[0].definition.startswith("What your body")
    assert dict(library.mounts) == {}  # asked by search and the renderer: no sites here
    service = LibraryService(cast(Library, library))
    assert service.title_of("withdrawal") == "Withdrawal"  # the Back and Forward lists ask
    assert service.title_of("withdrawal/how-long") == "How long it lasts"
    assert loads == []
    assert not library.loaded


def test_anything_else_reads_the_library_once(library_dir: Path) -> None:
    library, loads = lazy(library_dir)
    article = library.article("withdrawal/how-long")
    assert article is not None and "Timeline" in article.body
    assert library.problems == ()
    assert library.articles["home"].body  # the real articles now
    assert loads == [1]


def test_preload_reads_in_a_thread_and_finds_the_index_current(library_dir: Path) -> None:
    library, loads = lazy(library_dir)
    finished = threading.Event()
    library.preload(lambda _: finished.set()).join(10)
    assert finished.is_set()
    assert library.loaded and loads == [1]
    assert library.stale is False


def add_article(library_dir: Path) -> None:
    (library_dir / "withdrawal" / "new.md").write_text(
        "---\ntitle: New\nsummary: New.\n---\nNew.\n", encoding="utf-8"
    )


def test_a_small_library_changed_since_its_index_is_read_first(library_dir: Path) -> None:
    add_article(library_dir)
    assert read_quick_start(library_dir) is None
    assert read_quick_start(library_dir, verify_up_to=0) is not None


def test_preload_notices_an_index_older_than_a_big_library(library_dir: Path) -> None:
    add_article(library_dir)
    library, _ = lazy(library_dir, verify_up_to=0)  # as if it had more articles than that
    assert library.quick.verified is False
    library.preload().join(10)
    assert library.stale is True
    assert "withdrawal/new" in library.articles


def test_problems_are_counted_without_reading_the_library(library_dir: Path) -> None:
    library, loads = lazy(library_dir)
    assert library.problem_count() == 0
    assert loads == []


def test_the_first_paint_needs_no_markdown_yaml_printing_or_openssl(library_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from fieldguide import startup\n"
        "from fieldguide.config import load_config\n"
        "from fieldguide.helpinfo import LocalHelpService\n"
        "from fieldguide.ui import MainWindow\n"
        "qt = QApplication([])\n"
        f"library, page = startup.open_library(Path({str(library_dir)!r}))\n"
        "assert page is not None\n"
        "window = MainWindow(LocalHelpService(library, load_config(None)[0]))\n"
        "window.show_page(page)\n"
        "window.show()\n"
        "qt.processEvents()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('markdown', 'yaml', 'nh3', 'rapidfuzz', 'pyphen') or m in "
        "('PySide6.QtPrintSupport', 'fieldguide.library.loader', 'fieldguide.library.render', "
        "'fieldguide.config.validate', 'tomllib', 'fieldguide.ui.printing', "
        "'fieldguide.ui.bookmarks_panel', 'fieldguide.ui.history_panel', "
        "'fieldguide.search.query', 'fieldguide.ui.link_dialog', 'hashlib', '_hashlib', "
        "'secrets'))\n"
        "print(heavy)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_garbage_collection_while_the_window_is_built(library_dir: Path) -> None:
    """app.run turns Python's cyclic collector off as it starts and on at the first paint."""
    code = (
        "import gc, sys\n"
        "import fieldguide.ui.main_window as M\n"
        "seen = {}\n"
        "build = M.MainWindow.__init__\n"
        "def init(self, *a, **k):\n"
        "    seen['building'] = gc.isenabled()\n"
        "    build(self, *a, **k)\n"
        "M.MainWindow.__init__ = init\n"
        "from fieldguide import cli\n"
        "code = cli.main(['--library', sys.argv[1], '--exit-after-start'])\n"
        "print('collector', seen['building'], gc.isenabled(), code, file=sys.stderr)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(library_dir)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("collector"))
    assert line.split()[1:] == ["False", "True", "0"]  # off while built, on after the paint
