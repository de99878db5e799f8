"""A missing or empty library folder gets a plain message in the window, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldguide.library.loader import load_library
from fieldguide.library.service import LibraryService
from fieldguide.ui import MainWindow


@pytest.mark.parametrize("make", ["missing", "empty", "not-a-library"])
def test_window_explains_a_library_it_cannot_use(qtbot: QtBot, tmp_path: Path, make: str) -> None:
    root = tmp_path / "library"
    if make == "empty":
        root.mkdir()
    elif make == "not-a-library":
        root.mkdir()
        (root / "notes.txt").write_text("hello", encoding="utf-8")
    service = LibraryService(load_library(root))
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show_page(service.start_page())
    text = window.view.toPlainText()
    assert "No articles to show" in text
    assert str(root) in text
    assert "Traceback" not in text
    assert window.model.rowCount() == 0
