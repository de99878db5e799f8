"""Pages carry their article's headings, for the in-article contents list."""

from __future__ import annotations

from pathlib import Path

from fieldguide.library.loader import load_library
from fieldguide.library.service import LibraryService
from tests.library_factory import write_library


def test_article_pages_carry_their_headings(tmp_path: Path) -> None:
    service = LibraryService(load_library(write_library(tmp_path / "lib")))
    headings = service.page("withdrawal/how-long").headings
    assert [(h.level, h.id, h.text) for h in headings] == [(2, "timeline", "Timeline")]
    assert service.page("withdrawal").headings == ()  # a topic overview has none
