"""Rendered HTML in a real QTextBrowser: anchors scroll, boxes and pictures are drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot
from render_support import article, make_library

from fieldguide.library.render import DEFAULT_CSS, Renderer

FILLER = "\n\n".join(f"Paragraph {n} about sleep and food." for n in range(80))
BODY = f"""\
Intro about withdrawal. [Jump](#what-helps) or read [the NHS page](https://www.nhs.uk).

!!! danger "Get help right away"
    Call if you have a seizure or chest pain.

!!! note
    Small sips of water help.

![A blue chart](../images/chart.png)

{FILLER}

## What helps

Rest.

{FILLER}

## What helps

Again.

{FILLER}
"""
CHART_BLUE = QColor("#3366cc")


@pytest.fixture
def renderer(tmp_path: Path) -> Renderer:
    root = tmp_path / "library"
    (root / "images").mkdir(parents=True)
    chart = QImage(300, 120, QImage.Format.Format_RGB32)
    chart.fill(CHART_BLUE)
    assert chart.save(str(root / "images" / "chart.png"))
    return Renderer(make_library(root, article("withdrawal/help", BODY)))


@pytest.fixture
def browser(qtbot: QtBot, renderer: Renderer) -> QTextBrowser:
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.resize(640, 600)
    view.document().setDefaultStyleSheet(DEFAULT_CSS)
    doc = renderer.library.article("withdrawal/help")
    assert doc is not None
    result = renderer.render(doc)
    assert result.problems == ()
    view.setHtml(result.html)
    view.show()
    qtbot.waitExposed(view)
    return view


def top_line(view: QTextBrowser) -> str:
    return view.cursorForPosition(QPoint(10, 10)).block().text()


def count(image: QImage, colour: QColor) -> int:
    wanted = colour.rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == wanted
    )


def test_scroll_to_heading_anchor(browser: QTextBrowser) -> None:
    bar = browser.verticalScrollBar()
    assert bar.value() == 0
    browser.scrollToAnchor("what-helps")
    first = bar.value()
    assert first > 0
    assert top_line(browser) == "What helps"
    browser.scrollToAnchor("what-helps_1")
    assert bar.value() > first
    assert top_line(browser) == "What helps"


def test_boxes_and_picture_are_drawn(browser: QTextBrowser, tmp_path: Path) -> None:
    image = browser.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    image.save(str(tmp_path / "render-boxes.png"))
    assert count(image, QColor("#fdecea")) > 500  # danger background
    assert count(image, QColor("#eaf2fb")) > 500  # note background
    assert count(image, QColor("#b3261e")) > 50  # danger border
    assert count(image, CHART_BLUE) > 3000  # the picture, read from the library folder


def test_links_keep_their_addresses(browser: QTextBrowser) -> None:
    html = browser.document().toHtml()
    assert 'href="#what-helps"' in html
    assert 'href="https://www.nhs.uk"' in html
    assert 'href="term:withdrawal"' in html
