"""A clinic's site library in the window: beside the guide in the tree, linking into it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from fieldguide.app import load_guide_with_sites, start_slug
from fieldguide.config import load_config
from fieldguide.helpinfo import LocalHelpService
from fieldguide.ui import MainWindow
from tests.library_factory import write_library, write_site


def settings(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "fieldguide.toml"
    file.write_text(text, encoding="utf-8")
    return file


def open_window(qtbot: QtBot, guide: Path, config_file: Path) -> tuple[MainWindow, str]:
    """The window as app.py builds it, on the start page; and the notice it shows."""
    config, problems = load_config(config_file)
    library, notice = load_guide_with_sites(guide, config, problems)
    service = LocalHelpService(library, config)
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.resize(900, 600)
    start = start_slug(config, service)
    if start:
        window.open(start)
    else:
        window.show_page(service.start_page())
    if notice:
        window.statusBar().showMessage(notice)
    window.show()
    qtbot.waitExposed(window)
    return window, notice


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    guide = write_library(tmp_path / "guide")
    write_site(tmp_path / "clinic-pages")
    win, notice = open_window(qtbot, guide, settings(tmp_path, 'libraries = ["clinic-pages"]\n'))
    assert notice == ""
    return win


def click_row(window: MainWindow, qtbot: QtBot, slug: str) -> None:
    rect = window.tree.visualRect(window.model.index_of(slug))
    assert rect.isValid(), f"{slug} is not visible in the tree"
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(window: MainWindow, qtbot: QtBot, text: str) -> None:
    cursor = window.view.document().find(text)
    assert not cursor.isNull(), f"link text {text!r} not in the page"
    cursor.setPosition(cursor.selectionStart() + 1)
    rect = window.view.cursorRect(cursor)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def test_the_site_is_a_topic_beside_the_guides(window: MainWindow) -> None:
    model = window.model
    tops = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert tops == ["Welcome", "Withdrawal", "Our clinic"]
    assert model.index_of("clinic").data() == "Our clinic"


def test_clicking_a_site_article_opens_it_and_its_link_opens_the_guide(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.tree.expand(window.model.index_of("clinic"))
    with qtbot.waitSignal(window.page_shown) as shown:
        click_row(window, qtbot, "clinic/local-services")
    assert shown.args == ["clinic/local-services"]
    assert "Call the Riverside desk at 555-0100." in window.view.toPlainText()
    assert window.title_line.text() == "Our clinic › Local services"
    door = (tmp_path / "clinic-pages" / "images" / "door.png").resolve().as_uri()
    assert f'src="{door}"' in window.view.toHtml()

    with qtbot.waitSignal(window.page_shown) as shown:
        click_link(window, qtbot, "how long withdrawal lasts")
    assert shown.args == ["withdrawal/how-long"]
    assert "It starts within a day." in window.view.toPlainText()
    assert window.tree.currentIndex() == window.model.index_of("withdrawal/how-long")


def test_a_nested_site_page_links_back_to_the_guides_home(window: MainWindow, qtbot: QtBot) -> None:
    window.open("clinic/visits/first-visit")
    assert window.title_line.text() == "Our clinic › Visits › Your first visit"
    with qtbot.waitSignal(window.page_shown) as shown:
        click_link(window, qtbot, "the welcome page")
    assert shown.args == ["home"]


def test_the_start_page_may_be_a_site_page(qtbot: QtBot, tmp_path: Path) -> None:
    guide = write_library(tmp_path / "guide")
    write_site(tmp_path / "clinic-pages")
    text = 'libraries = ["clinic-pages"]\nstart_page = "clinic/local-services"\n'
    win, _ = open_window(qtbot, guide, settings(tmp_path, text))
    assert win.current_slug == "clinic/local-services"


@pytest.mark.parametrize("broken", ["missing", "not-a-library"])
def test_a_missing_or_broken_site_folder_leaves_the_guide_working(
    qtbot: QtBot, tmp_path: Path, broken: str
) -> None:
    guide = write_library(tmp_path / "guide")
    if broken == "not-a-library":
        (tmp_path / "clinic-pages").mkdir()
        (tmp_path / "clinic-pages" / "notes.txt").write_text("hello", encoding="utf-8")
    text = 'libraries = ["clinic-pages"]\nstart_page = "clinic/local-services"\n'
    win, notice = open_window(qtbot, guide, settings(tmp_path, text))
    assert win.current_slug == "home"
    assert "Welcome" in win.view.toPlainText()
    tops = [win.model.index(row, 0).data() for row in range(win.model.rowCount())]
    assert tops == ["Welcome", "Withdrawal"]
    assert notice.startswith("Some of this clinic's own pages are not shown")
    assert win.statusBar().currentMessage() == notice


def test_the_program_starts_with_the_example_site_and_without_it(tmp_path: Path) -> None:
    """The real start (`fieldguide --config … --exit-after-start`): the example settings open on
    the example clinic page; settings naming a missing folder still open the guide."""
    resources = Path(__file__).resolve().parents[2] / "resources"
    missing = settings(
        tmp_path, 'libraries = ["nowhere"]\nstart_page = "our-clinic/local-services"\n'
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    slugs = []
    for config in (resources / "example-site.toml", missing):
        done = subprocess.run(
            [sys.executable, "-m", "fieldguide", "--config", str(config), "--exit-after-start"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        slugs.append(json.loads(done.stdout.strip().splitlines()[-1])["slug"])
    assert slugs == ["our-clinic/local-services", "home"]
