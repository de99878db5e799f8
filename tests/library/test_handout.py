"""The sources and "last reviewed" block of a printed handout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldguide.library.handout import long_date, source_text, sources_html
from fieldguide.library.loader import load_library
from fieldguide.library.model import Article, Source
from tests.library_factory import write_library


def test_long_date_names_the_month() -> None:
    assert long_date(dt.date(2026, 11, 20)) == "20 November 2026"
    assert long_date(dt.date(2027, 1, 2)) == "2 January 2027"


def test_source_text_has_every_part_once() -> None:
    full = Source("a", "Title.", "Publisher", "Smith J", 2024, "https://example.org/a")
    assert source_text(full) == "Title. Smith J, Publisher, 2024. https://example.org/a"
    assert source_text(Source("b", "Only a title")) == "Only a title."


def test_block_lists_known_sources_and_the_reviewed_date(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path / "lib"))
    article = library.articles["withdrawal/how-long"]
    block = sources_html(article, library)
    assert "Opioid withdrawal. MedlinePlus, 2024. https://medlineplus.gov/" in block
    assert "Last reviewed: 20 November 2026." in block
    assert block.index("Last reviewed") < block.index("Sources")


def test_block_skips_unknown_sources_and_missing_dates(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path / "lib"))
    bare = Article("x", "X", "S", "body", "x.md", sources=("no-such-source",))
    assert sources_html(bare, library) == ""
