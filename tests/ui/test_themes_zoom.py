"""Reading comfort: zoom keys (remembered), light/dark/system themes that really change the
colours, pictures untouched, and WCAG AA contrast computed for every text colour pair."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from fieldguide.library.render import DEFAULT_CSS
from fieldguide.library.service import LibraryService
from fieldguide.ui import MainWindow
from fieldguide.ui.themes import DARK, DARK_CSS, LIGHT, Colors
from fieldguide.ui.zoom import STEPS, larger, smaller
from tests.ui.window_factory import library, reader

AA = 4.5  # WCAG 2 level AA for normal text
AA_NON_TEXT = 3.0  # icons and other graphics (WCAG 1.4.11)


def luminance(color: str) -> float:
    """Relative luminance of "#rrggbb" (WCAG 2)."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def css_rules(css: str) -> dict[str, dict[str, str]]:
    """selector -> {property: value} for a flat stylesheet (selector lists split)."""
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        decls = dict(
            (k.strip(), v.strip())
            for k, v in (d.split(":", 1) for d in body.split(";") if ":" in d)
        )
        for selector in selectors.split(","):
            rules.setdefault(selector.strip(), {}).update(decls)
    return rules


def test_contrast_helper_knows_the_extremes() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


@pytest.mark.parametrize(("colors", "css"), [(LIGHT, DEFAULT_CSS), (DARK, DARK_CSS)])
def test_article_colours_meet_aa(colors: Colors, css: str) -> None:
    rules = css_rules(css)
    backgrounds = {
        "page": colors.base,
        "danger box": rules["td.danger"]["background-color"],
        "note box": rules["td.note"]["background-color"],
        "table header": rules["th"]["background-color"],
    }
    pairs: list[tuple[str, str, str, str]] = []
    for selector in ("a", "a.external", "a.term", "a.broken"):
        for where, bg in backgrounds.items():
            pairs.append((selector, where, rules[selector]["color"], bg))
    for selector in ("h1", "h2", "span.missing-image", "p.render-failed", "p.reviewed"):
        pairs.append((selector, "page", rules[selector]["color"], colors.base))
    pairs.append(("body text", "page", colors.text, colors.base))
    pairs.append(("body text", "table header", colors.text, backgrounds["table header"]))
    for box in ("danger", "note"):
        bg = rules[f"td.{box}"]["background-color"]
        pairs.append((f"td.{box}", box, rules[f"td.{box}"]["color"], bg))
        pairs.append((f"{box} title", box, rules[f"table.{box} p.box-title"]["color"], bg))
    low = [(s, w, round(contrast(fg, bg), 2)) for s, w, fg, bg in pairs if contrast(fg, bg) < AA]
    assert not low, f"below {AA}:1 in the {colors.name} theme: {low}"


@pytest.mark.parametrize("colors", [LIGHT, DARK])
def test_window_colours_meet_aa(colors: Colors) -> None:
    text_pairs = {
        "window": (colors.window_text, colors.window),
        "text": (colors.text, colors.base),
        "alternate rows": (colors.text, colors.alternate_base),
        "buttons": (colors.button_text, colors.button),
        "selection": (colors.highlighted_text, colors.highlight),
        "links": (colors.link, colors.base),
        "placeholder": (colors.placeholder, colors.base),
        "tooltips": (colors.tooltip_text, colors.tooltip_base),
        "banner": (colors.banner_text, colors.banner),
    }
    low = {k: round(contrast(*v), 2) for k, v in text_pairs.items() if contrast(*v) < AA}
    assert not low, f"below {AA}:1 in the {colors.name} theme: {low}"
    assert contrast(colors.icon, colors.window) >= AA_NON_TEXT
    assert contrast(colors.icon, colors.button) >= AA_NON_TEXT


def test_dark_css_styles_every_class_the_light_one_does() -> None:
    assert set(css_rules(DEFAULT_CSS)) <= set(css_rules(DARK_CSS))


# -- in the window -------------------------------------------------------------------------


@pytest.fixture
def service(tmp_path: Path) -> LibraryService:
    return library(tmp_path)


def _key(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.view, key, Qt.KeyboardModifier.ControlModifier)


def test_zoom_keys_change_the_article_text_size(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service) as window:
        normal = window.view.font().pointSizeF()
        _key(qtbot, window, Qt.Key.Key_Plus)
        assert window.zoom.percent == 110
        assert window.view.font().pointSizeF() == pytest.approx(normal * 1.1)
        _key(qtbot, window, Qt.Key.Key_Equal)  # Ctrl+= too, as on a US keyboard
        assert window.zoom.percent == 125
        _key(qtbot, window, Qt.Key.Key_Minus)
        _key(qtbot, window, Qt.Key.Key_Minus)
        _key(qtbot, window, Qt.Key.Key_Minus)
        assert window.zoom.percent == 90
        _key(qtbot, window, Qt.Key.Key_0)
        assert window.zoom.percent == 100
        assert window.view.font().pointSizeF() == pytest.approx(normal)
        assert window.user.preferences.zoom == 100


def test_zoom_stops_at_the_ends_and_is_remembered(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service) as window:
        for _ in range(len(STEPS) + 2):
            window.zoom.zoom_in.trigger()
        assert window.zoom.percent == STEPS[-1]
        assert not window.zoom.zoom_in.isEnabled()
        assert window.user.preferences.zoom == STEPS[-1]


def test_zoom_steps() -> None:
    assert larger(100) == 110 and smaller(100) == 90
    assert larger(105) == 110 and smaller(105) == 100  # a size from the config between steps
    assert larger(300) == 300 and smaller(50) == 50


def _page_colour(window: MainWindow) -> str:
    return window.view.palette().color(QPalette.ColorRole.Base).name()


def test_dark_theme_changes_chrome_and_article_colours(
    qtbot: QtBot, service: LibraryService
) -> None:
    with reader(qtbot, service) as window:
        window.themes.actions["light"].trigger()
        window.open("withdrawal/how-long")
        assert _page_colour(window) == LIGHT.base
        assert window.view.document().defaultStyleSheet() == DEFAULT_CSS
        with qtbot.waitSignal(window.themes.applied) as applied:
            window.themes.actions["dark"].trigger()
        assert applied.args == ["dark"]
        assert _page_colour(window) == DARK.base
        assert window.palette().color(QPalette.ColorRole.Window).name() == DARK.window
        assert window.view.document().defaultStyleSheet() == DARK_CSS
        assert "How long it lasts" in window.view.toPlainText()  # the page is still shown
        grabbed = window.view.viewport().grab().toImage()
        corner = grabbed.pixelColor(grabbed.width() - 2, grabbed.height() - 2).name()
        assert corner == DARK.base
        assert window.user.preferences.theme == "dark"


def test_follow_the_system(qtbot: QtBot, service: LibraryService) -> None:
    with reader(qtbot, service) as window:
        themes = window.themes
        themes.system = lambda: "dark"
        themes.actions["system"].trigger()
        assert themes.choice == "system" and themes.resolved == "dark"
        themes.system = lambda: "light"
        themes.apply()  # what a change of the system's colour scheme does
        assert themes.resolved == "light"
        assert _page_colour(window) == LIGHT.base


def test_pictures_keep_their_colours_in_the_dark_theme(
    qtbot: QtBot, service: LibraryService
) -> None:
    root = service.library.root
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#e0301e"))
    (root / "images").mkdir(exist_ok=True)
    assert image.save(str(root / "images" / "red.png"))
    (root / "withdrawal" / "picture.md").write_text(
        "---\ntitle: A picture\nsummary: Red.\nreviewed: 2026-11-20\nsources: [medline]\n---\n"
        "![A red square](../images/red.png)\n",
        encoding="utf-8",
    )
    fresh = library(root.parent)  # reload with the new article
    with reader(qtbot, fresh) as window:
        window.themes.set_choice("dark")
        window.open("withdrawal/picture")
        shot = window.view.viewport().grab().toImage()
        reds = sum(
            1
            for x in range(0, shot.width(), 4)
            for y in range(0, shot.height(), 4)
            if shot.pixelColor(x, y).name() == "#e0301e"
        )
        assert reds > 10
