"""The article's layout: a readable column on wide screens, pictures that fit a narrow one, and
the Get help now button in sight beside the navigation toolbar at 800x600."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QTextImageFormat
from pytestqt.qtbot import QtBot

from fieldguide.ui import MainWindow
from tests.ui.window_factory import library, reader

PICTURE = (
    "---\ntitle: A wide picture\nsummary: Wide.\nreviewed: 2026-11-20\nsources: [medline]\n---\n"
    "![A wide blue picture](../images/wide.png)\n\nText under the picture.\n"
)


def _picture_widths(window: MainWindow) -> list[float]:
    widths = []
    block = window.view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(QTextImageFormat(fmt.toImageFormat()).width())
            it += 1
        block = block.next()
    return widths


def test_a_wide_picture_fits_a_narrow_window_and_grows_back(qtbot: QtBot, tmp_path: Path) -> None:
    service = library(tmp_path)
    root = service.library.root
    image = QImage(600, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b6cb0"))
    (root / "images").mkdir(exist_ok=True)
    assert image.save(str(root / "images" / "wide.png"))
    (root / "withdrawal" / "wide.md").write_text(PICTURE, encoding="utf-8")
    with reader(qtbot, library(tmp_path), size=(1000, 700)) as window:
        window.open("withdrawal/wide")
        assert _picture_widths(window) == [600]
        window.resize(560, 500)
        qtbot.waitUntil(lambda: _picture_widths(window)[0] < 600)
        assert _picture_widths(window)[0] <= window.view.viewport().width()
        assert window.view.horizontalScrollBar().maximum() == 0
        window.resize(1000, 700)
        qtbot.waitUntil(lambda: _picture_widths(window) == [600])


def test_wide_screens_get_a_centred_column(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path), size=(780, 560)) as window:
        narrow = window.view.viewportMargins().left()
        window.view.resize(1800, 500)  # as on a big screen
        assert window.view.viewportMargins().left() > narrow
        margins = window.view.viewportMargins()
        assert margins.left() == margins.right()


def test_get_help_now_stays_in_sight_at_800_by_600(qtbot: QtBot, tmp_path: Path) -> None:
    with reader(qtbot, library(tmp_path), size=(800, 600)) as window:
        window.resize(800, 600)
        qtbot.waitUntil(lambda: window.width() <= 800)
        assert window.get_help.button.isVisible()
        right = window.get_help.button.mapTo(window, window.get_help.button.rect().topRight())
        assert right.x() <= window.width()
        assert window.navigator.back_action in window.toolbar.actions()


def test_the_first_page_fits_the_column_without_a_sideways_scroll_bar(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The window is sized before it is shown (as a start restores it): the page is laid out
    once the column is known, not at the width it had before the column was centred."""
    for size in ((800, 600), (1000, 700), (1600, 900)):
        with reader(qtbot, library(tmp_path), size=size) as window:
            view = window.view
            assert view.horizontalScrollBar().maximum() == 0, size
            assert view.document().textWidth() <= view.viewport().width(), size


def test_larger_and_smaller_text_keep_a_long_page_in_its_column(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with reader(qtbot, library(tmp_path), size=(1400, 800)) as window:
        window.open("withdrawal/getting-through")  # 80 paragraphs: laid out a part at a time
        view = window.view
        for action in (window.zoom.zoom_in, window.zoom.zoom_in, window.zoom.zoom_out):
            action.trigger()
            assert view.horizontalScrollBar().maximum() == 0
            assert view.document().textWidth() <= view.viewport().width()


LONG = (
    "---\ntitle: A long page\nsummary: Long.\nreviewed: 2026-11-20\nsources: [medline]\n---\n"
    + "\n\n".join(f"Paragraph {n} of a page longer than the window." for n in range(80))
    + "\n"
)


def test_the_scroll_bar_shows_only_for_a_page_longer_than_the_view(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Until the first paint the bar is always there (the start page is laid out once, at its
    final width); after it, as in any reader, only when the page needs it."""
    service = library(tmp_path)
    (service.library.root / "withdrawal" / "long.md").write_text(LONG, encoding="utf-8")
    with reader(qtbot, library(tmp_path), size=(1000, 700)) as window:
        bar = window.view.verticalScrollBar()
        window.open("withdrawal/long")
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        assert bar.isVisible()
        window.open("home")  # a short page
        qtbot.waitUntil(lambda: not bar.isVisible())
        assert bar.maximum() == 0


def test_larger_text_widens_the_column_on_a_wide_screen(qtbot: QtBot, tmp_path: Path) -> None:
    """The column holds about the same number of characters at any text size."""
    with reader(qtbot, library(tmp_path), size=(1800, 700)) as window:
        before = window.view.viewportMargins().left()
        window.zoom.zoom_in.trigger()
        window.zoom.zoom_in.trigger()
        assert window.view.viewportMargins().left() < before  # wider column, narrower margins
        window.zoom.zoom_reset.trigger()
        assert window.view.viewportMargins().left() == before
