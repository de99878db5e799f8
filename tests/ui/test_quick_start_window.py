"""The window opened from the index's catalog: it works as usual, and shows a changed library."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldguide import app, cli, startup
from fieldguide.library.service import LibraryService
from fieldguide.startup import LazyLibrary
from fieldguide.ui import MainWindow
from tests.library_factory import write_library


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    root = write_library(tmp_path / "lib")
    assert cli.main(["index", "build", str(root)]) == 0
    library, page = startup.open_library(root)
    assert isinstance(library, LazyLibrary) and page is not None
    # As for a library too big to compare with its index before the first paint:
    library.quick = library.quick._replace(verified=False)
    win = MainWindow(LibraryService(library))
    qtbot.addWidget(win)
    win.show_page(page)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_opens_on_the_stored_start_page_without_reading_the_library(window: MainWindow) -> None:
    assert window.current_slug == "home"
    assert "Welcome" in window.view.toPlainText()
    assert window.model.index_of("withdrawal/how-long").isValid()
    library = window.service.library
    assert isinstance(library, LazyLibrary) and not library.loaded


def test_opening_another_article_reads_the_library(window: MainWindow) -> None:
    window.open("withdrawal/how-long")
    assert "It starts within a day" in window.view.toPlainText()
    library = window.service.library
    assert isinstance(library, LazyLibrary) and library.loaded


def test_a_library_changed_since_its_index_is_shown_as_it_is(
    window: MainWindow, qtbot: QtBot
) -> None:
    library = window.service.library
    assert isinstance(library, LazyLibrary)
    (library.root / "withdrawal" / "new.md").write_text(
        "---\ntitle: Brand new\nsummary: New.\n---\nNew words.\n", encoding="utf-8"
    )
    assert not window.model.index_of("withdrawal/new").isValid()
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        app._preload(window)
    assert library.stale
    assert window.model.index_of("withdrawal/new").isValid()
    assert window.current_slug == "home"
