"""Bookmarks: the star and Ctrl+D, the panel (open, rename, remove, reorder, sort), and
export/import through file dialogs, where a bad file changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from fieldguide.library.service import LibraryService
from fieldguide.ui import MainWindow
from fieldguide.ui.file_dialogs import QtFileDialogs
from fieldguide.userdata import UserData
from tests.ui.window_factory import FakeFiles, library, reader

LIB = "test-guide"
MARKS = [
    ("withdrawal/how-long", "How long it lasts"),
    ("home", "Welcome"),
    ("kratom/what-is-kratom", "What is kratom?"),
]


def three_bookmarks(store: UserData) -> None:
    for (slug, title), created in zip(MARKS, (300.0, 100.0, 200.0), strict=True):
        store.clock = lambda created=created: created
        store.add_bookmark(LIB, slug, title)
    store.clock = lambda: 400.0


@pytest.fixture
def service(tmp_path: Path) -> LibraryService:
    return library(tmp_path)


def names(window: MainWindow) -> list[str]:
    return window.bookmarks_panel.names()


def shown_rows(window: MainWindow) -> list[str]:
    panel = window.bookmarks_panel
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def choose(window: MainWindow, row: int) -> None:
    panel = window.bookmarks_panel
    panel.show()
    panel.list.setFocus()
    panel.list.setCurrentRow(row)


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


# -- the star ------------------------------------------------------------------------------


def test_ctrl_d_stars_and_unstars_the_page(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service) as window:
        window.open("withdrawal/how-long")
        star = window.star.action
        button = window.toolbar.widgetForAction(star)
        assert not star.isChecked()
        qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert star.isChecked() and button.isChecked()
        assert window.user.is_bookmarked("withdrawal/how-long")
        assert [b.title for b in window.user.bookmarks] == ["How long it lasts"]
        window.open("home")
        assert not star.isChecked()
        window.navigator.back()
        assert star.isChecked()
        click(qtbot, button)
        assert not star.isChecked()
        assert window.user.bookmarks == ()


def test_a_message_page_has_no_star(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service) as window:
        window.open("gone/away")
        assert not window.star.action.isEnabled()
        qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert window.user.bookmarks == ()


def test_the_panel_follows_the_star(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service) as window:
        qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        panel = window.bookmarks_panel
        assert panel.isVisible() and panel.empty.isVisible()
        window.star.toggle()
        qtbot.waitUntil(lambda: shown_rows(window) == ["Welcome"])
        assert not panel.empty.isVisible()


# -- the panel -----------------------------------------------------------------------------


def test_enter_opens_the_chosen_bookmark(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service, prepare=three_bookmarks) as window:
        choose(window, 2)
        with qtbot.waitSignal(window.page_shown) as shown:
            qtbot.keyClick(window.bookmarks_panel.list, Qt.Key.Key_Return)
        assert shown.args == ["kratom/what-is-kratom"]
        choose(window, 0)
        with qtbot.waitSignal(window.page_shown) as shown:
            click(qtbot, window.bookmarks_panel.open_button)
        assert shown.args == ["withdrawal/how-long"]


def test_rename_in_place_and_back_to_the_title(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service, prepare=three_bookmarks) as window:
        choose(window, 1)
        click(qtbot, window.bookmarks_panel.rename_button)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, "Start page")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: shown_rows(window)[1] == "Start page")
        assert window.user.store.bookmark(LIB, "home").label == "Start page"  # type: ignore[union-attr]
        choose(window, 1)
        qtbot.keyClick(window.bookmarks_panel.list, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: shown_rows(window)[1] == "Welcome")


def test_remove_with_the_button_and_the_delete_key(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service, prepare=three_bookmarks) as window:
        panel = window.bookmarks_panel
        choose(window, 0)
        click(qtbot, panel.remove_button)
        assert names(window) == ["Welcome", "What is kratom?"]
        assert "Removed “How long it lasts”." in panel.message.text()
        qtbot.waitUntil(lambda: panel.list.count() == 2)
        assert panel.list.currentRow() == 0  # the next one is chosen
        panel.list.setFocus()
        qtbot.waitUntil(panel.list.hasFocus)
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
        assert names(window) == ["What is kratom?"]


def test_move_up_and_down(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service, prepare=three_bookmarks) as window:
        panel = window.bookmarks_panel
        choose(window, 2)
        assert not panel.down_button.isEnabled()
        click(qtbot, panel.up_button)
        assert names(window) == ["How long it lasts", "What is kratom?", "Welcome"]
        click(qtbot, panel.up_button)
        assert names(window) == ["What is kratom?", "How long it lasts", "Welcome"]
        assert panel.list.currentRow() == 0
        assert not panel.up_button.isEnabled()
        click(qtbot, panel.down_button)
        assert names(window) == ["How long it lasts", "What is kratom?", "Welcome"]


def test_a_drag_reorders_the_store(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service, prepare=three_bookmarks) as window:
        window.bookmarks_panel.show()
        model = window.bookmarks_panel.list.model()
        # What an internal-move drop does: move row 0 below the last row.
        assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
        assert names(window) == ["Welcome", "What is kratom?", "How long it lasts"]


def test_sort_by_name_and_by_date(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service, prepare=three_bookmarks) as window:
        panel = window.bookmarks_panel
        panel.show()
        assert panel.sort_button.menu() is panel.sort_menu
        panel.sort_by_name.trigger()
        assert names(window) == ["How long it lasts", "Welcome", "What is kratom?"]
        qtbot.waitUntil(lambda: shown_rows(window)[0] == "How long it lasts")
        panel.sort_by_date.trigger()
        assert names(window) == ["Welcome", "What is kratom?", "How long it lasts"]


def test_a_bookmark_to_a_removed_page_says_so_and_offers_a_way_back(
    qtbot: QtBot, service: LibraryService
) -> None:
    def prepare(store: UserData) -> None:
        store.add_bookmark(LIB, "gone/page", "An old page")
        store.add_bookmark("other-guide", "home", "Someone else's")

    with reader(qtbot, service, prepare=prepare) as window:
        rows = shown_rows(window)
        assert rows[0] == "An old page — no longer in this guide"
        assert rows[1] == "Someone else's — from another guide"
        choose(window, 0)
        click(qtbot, window.bookmarks_panel.open_button)
        text = window.view.toPlainText()
        assert "Page not found" in text and "Go to the start page" in text
        window.navigator.back()
        assert window.current_slug == "home"
        choose(window, 1)
        click(qtbot, window.bookmarks_panel.open_button)
        assert window.current_slug == "home"
        assert "from another guide" in window.bookmarks_panel.message.text()


# -- files ---------------------------------------------------------------------------------


def test_export_then_import_into_another_store(
    qtbot: QtBot, service: LibraryService, tmp_path: Path
) -> None:
    target = tmp_path / "mine.json"
    files = FakeFiles()
    with reader(qtbot, service, files=files, prepare=three_bookmarks) as window:
        window.bookmarks_panel.show()
        files.answers = [target]
        click(qtbot, window.bookmarks_panel.export_button)
        assert "Saved 3 bookmarks in mine.json." in window.bookmarks_panel.message.text()
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "fieldguide-bookmarks"

    def one_already(store: UserData) -> None:
        store.add_bookmark(LIB, "home", "Welcome")

    with reader(qtbot, service, files=files, prepare=one_already) as window:
        panel = window.bookmarks_panel
        panel.show()
        files.answers = [target]
        click(qtbot, panel.import_button)
        assert panel.message.text() == "Added 2 bookmarks from mine.json. 1 were already here."
        assert names(window) == ["Welcome", "How long it lasts", "What is kratom?"]
        qtbot.waitUntil(lambda: panel.list.count() == 3)


def test_a_dialog_closed_without_a_file_does_nothing(qtbot: QtBot, service: LibraryService) -> None:
    files = FakeFiles()
    with reader(qtbot, service, files=files, prepare=three_bookmarks) as window:
        before = window.user.bookmarks
        click(qtbot, window.bookmarks_panel.import_button)
        assert files.asked == ["Add bookmarks from a file"]
        assert window.user.bookmarks == before
        assert not window.bookmarks_panel.message.isVisible()


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)  # a hole: no 100 MB is written
    return path


BAD_FILES = {
    "empty.json": lambda p: (p.write_bytes(b""), p)[1],
    "wrong-types.json": lambda p: (
        p.write_text(
            json.dumps({"format": "fieldguide-bookmarks", "version": 1, "bookmarks": [{"slug": 7}]})
        ),
        p,
    )[1],
    "foreign.json": lambda p: (p.write_text('{"bookmarks": {"a": 1}}'), p)[1],
    "not-json.json": lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n binary"), p)[1],
    "huge.json": lambda p: _sparse(p, 100 * 1024 * 1024),
    "missing.json": lambda p: p,
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_a_message_and_changes_nothing(
    qtbot: QtBot, service: LibraryService, tmp_path: Path, name: str
) -> None:
    bad = BAD_FILES[name](tmp_path / name)
    files = FakeFiles()
    with reader(qtbot, service, files=files, prepare=three_bookmarks) as window:
        panel = window.bookmarks_panel
        panel.show()
        before = window.user.bookmarks
        files.answers = [bad]
        with qtbot.assertNotEmitted(window.user.changed):
            click(qtbot, panel.import_button)
        assert window.user.bookmarks == before
        message = panel.message.text()
        assert panel.message.isVisible()
        assert name in message and "Nothing was changed." in message
        assert "Traceback" not in message


def test_import_through_the_real_file_dialog(
    qtbot: QtBot, service: LibraryService, tmp_path: Path
) -> None:
    source = tmp_path / "from-a-friend.json"
    source.write_text(
        json.dumps(
            {
                "format": "fieldguide-bookmarks",
                "version": 1,
                "bookmarks": [{"library": LIB, "slug": "home", "title": "Welcome"}],
            }
        ),
        encoding="utf-8",
    )
    files = QtFileDialogs(start_dir=tmp_path)
    with reader(qtbot, service, files=files) as window:  # type: ignore[arg-type]
        window.bookmarks_panel.show()
        click(qtbot, window.bookmarks_panel.import_button)
        dialog = files.last_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.testOption(dialog.Option.DontUseNativeDialog)
        dialog.selectFile(str(source))
        dialog.accept()
        assert names(window) == ["Welcome"]


def test_a_kiosk_offers_no_files(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service, files=None) as window:
        window.bookmarks_panel.show()
        assert not window.bookmarks_panel.import_button.isVisible()
        assert not window.bookmarks_panel.export_button.isVisible()
        menu_texts = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
        assert not any("file" in t for t in menu_texts)
