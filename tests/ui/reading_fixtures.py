"""A test library with a long article (headings, glossary words, links out, a picture) and a
window on it, for the reading-tool tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from pytestqt.qtbot import QtBot

from fieldguide.config import Config, HelpContact
from fieldguide.helpinfo import HELP_SLUG, LocalHelpService
from fieldguide.library.loader import load_library
from fieldguide.ui import MainWindow
from tests.library_factory import write_library

FILLER = "\n\n".join(
    f"Rest, drink water and eat small meals. This is line {n} of the advice." for n in range(20)
)
LONG = "withdrawal/coping"
EXTRA = {
    f"{LONG}.md": (
        "---\ntitle: Coping at home\nsummary: Getting through it.\norder: 2\n"
        "keywords: [home]\nreviewed: 2026-10-01\nsources: [medline]\n---\n"
        "Withdrawal is hard. ![A person resting](../images/rest.png)\n\n"
        f"## First day\n\n{FILLER}\n\n"
        f"## The worst days\n\n{FILLER}\n\n"
        f"### Sleep\n\n{FILLER}\n\n"
        "## Getting help\n\nRead [MedlinePlus](https://medlineplus.gov/ency/article/000949.htm),"
        " write to [the helpline](mailto:help@example.org) or call [988](tel:988).\n\n"
        "Withdrawal ends. The end of withdrawal is near.\n"
    ),
    f"{HELP_SLUG}.md": (
        "---\ntitle: Get help now\nsummary: Who to call.\nreviewed: 2026-11-20\n"
        "sources: [medline]\n---\nIn the United States, call **911**.\n"
    ),
    "help/_topic.yml": "title: Get help now\norder: 0\n",
}

CLINIC = Config(
    clinic_name="Riverside Clinic",
    emergency_number="112",
    help_contacts=(HelpContact("Riverside front desk", "555-0100", "Mon to Fri, 8 to 6"),),
)


def write_reading_library(root: Path) -> Path:
    """The small test library plus a long article, a help page and a picture."""
    write_library(root, EXTRA)
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b6cb0"))
    (root / "images").mkdir(parents=True, exist_ok=True)
    assert image.save(str(root / "images" / "rest.png"))
    return root


def make_window(
    qtbot: QtBot, tmp_path: Path, config: Config | None = None, size: tuple[int, int] = (1000, 700)
) -> MainWindow:
    """A shown window on the reading library, on the home page."""
    root = write_reading_library(tmp_path / "lib")
    window = MainWindow(LocalHelpService(load_library(root), config or Config()))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.started)  # the keys are ready after the first paint
    window.open("home")
    return window


def point_in_text(window: MainWindow, text: str, occurrence: int = 0) -> QPoint:
    """The viewport point over the 2nd character of the `occurrence`-th `text` in the page."""
    view = window.view
    view.ensureCursorVisible()
    cursor = QTextCursor(view.document())
    for _ in range(occurrence + 1):
        cursor = view.document().find(text, cursor)
        assert not cursor.isNull(), f"{text!r} not in the page"
    here = QTextCursor(cursor)
    here.setPosition(cursor.selectionStart() + 1)
    view.setTextCursor(here)
    view.ensureCursorVisible()
    return view.cursorRect(here).center()


def click_text(qtbot: QtBot, window: MainWindow, text: str, occurrence: int = 0) -> None:
    """Click the `occurrence`-th `text` in the article view."""
    point = point_in_text(window, text, occurrence)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
