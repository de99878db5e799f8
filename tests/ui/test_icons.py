"""Toolbar icons are drawn from SVG when Qt asks, at the size and screen scale asked, in the
theme's colour, faded when disabled; a missing or broken file gives an empty icon, not an error."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from fieldguide.ui import icons


def ink(image: QImage) -> list[QColor]:
    """The pixels that are not transparent."""
    found = []
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 0:
                found.append(colour)
    return found


def test_an_icon_is_drawn_at_the_size_asked_in_the_colour_asked(qtbot: QtBot) -> None:
    icon = icons.icon("home", "#ff0000")
    image = icon.pixmap(QSize(32, 32)).toImage()
    assert (image.width(), image.height()) == (32, 32)
    drawn = ink(image)
    assert len(drawn) > 50
    solid = [c for c in drawn if c.alpha() == 255]
    assert solid and all((c.red(), c.green(), c.blue()) == (255, 0, 0) for c in solid)


def test_a_sharp_icon_on_a_high_density_screen(qtbot: QtBot) -> None:
    pixmap = icons.icon("home").pixmap(QSize(32, 32), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert (pixmap.width(), pixmap.height()) == (64, 64)  # drawn at 64, not scaled up from 32


def test_a_disabled_icon_is_fainter(qtbot: QtBot) -> None:
    icon = icons.icon("back")
    normal = ink(icon.pixmap(QSize(32, 32)).toImage())
    disabled = ink(icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage())
    assert max(c.alpha() for c in disabled) < max(c.alpha() for c in normal)


def test_a_missing_icon_is_empty(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert icons.icon("no-such-icon").isNull()
    assert "no-such-icon" in caplog.text


def test_a_broken_icon_draws_nothing_and_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "broken.svg").write_text("<svg this is not", encoding="utf-8")
    monkeypatch.setattr(icons, "icons_dir", lambda: tmp_path)
    icons._svg_text.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            image = icons.icon("broken").pixmap(QSize(16, 16)).toImage()
    finally:
        icons._svg_text.cache_clear()
    assert ink(image) == []
    assert "broken" in caplog.text


def test_every_icon_the_window_names_is_listed_and_has_a_file() -> None:
    """ICON_NAMES (which the self-test of a built copy draws) covers every icon the code uses."""
    import re

    used: set[str] = set()
    for source in Path(icons.__file__).parent.glob("*.py"):
        for line in source.read_text(encoding="utf-8").splitlines():
            if re.search(r"\b(attach|attach_button|icons\.get)\(", line):
                used |= set(re.findall(r'"([a-z][a-z-]*)"', line))
    assert {"back", "star", "star-filled", "more"} <= used  # the scan sees the calls
    assert used <= set(icons.ICON_NAMES)
    for name in icons.ICON_NAMES:
        assert (icons.icons_dir() / f"{name}.svg").is_file(), name
