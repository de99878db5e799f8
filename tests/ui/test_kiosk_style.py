"""The kiosk's pure text: the neutral page says nothing about health; the stylesheet is sized."""

from __future__ import annotations

import re

from fieldguide import paths
from fieldguide.library.loader import load_library
from fieldguide.ui.kiosk_style import TOUCH_TARGET_PX, kiosk_stylesheet, neutral_page_html

HEALTH_WORDS = {
    "health", "clinic", "drug", "drugs", "opioid", "opioids", "withdrawal", "kratom", "help",
    "treatment", "overdose", "medicine", "addiction", "guide",
}  # fmt: skip


def words_of(html: str) -> set[str]:
    return set(re.findall(r"[a-z]+", re.sub(r"<[^>]*>", " ", html).lower()))


def test_the_neutral_page_has_plain_words_only() -> None:
    words = words_of(neutral_page_html())
    assert words == {"welcome", "touch", "start", "to", "begin"}


def test_the_neutral_page_shares_no_word_with_the_bundled_guide() -> None:
    library = load_library(paths.bundled_library_dir())
    titles = [library.title, *(a.title for a in library.articles.values())]
    topic_words = set(re.findall(r"[a-z]{4,}", " ".join(titles).lower()))
    assert len(topic_words) > 20
    assert not words_of(neutral_page_html()) & (topic_words | HEALTH_WORDS)


def test_the_neutral_page_escapes_its_text() -> None:
    html = neutral_page_html("<b>Hi</b>", "a & b")
    assert "&lt;b&gt;Hi&lt;/b&gt;" in html and "a &amp; b" in html


def test_the_stylesheet_sizes_every_control_for_a_finger() -> None:
    css = kiosk_stylesheet()
    for selector in ("QPushButton, QToolButton", "QLineEdit", "QTreeView::item", "QMenu::item"):
        rule = css[css.index(selector) :].split("}", 1)[0]
        assert f"min-height: {TOUCH_TARGET_PX}px" in rule, selector
    assert "hover" not in css  # nothing depends on hovering
    assert "font-size" not in css.split("QPushButton#kiosk_leave")[0]  # zoom stays possible
