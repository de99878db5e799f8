"""LibraryService: pages end with their sources and reviewed date; missing pages say so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldguide import paths
from fieldguide.library.handout import long_date
from fieldguide.library.loader import load_library
from fieldguide.library.model import Source
from fieldguide.library.service import LibraryService, source_html, sources_html
from tests.library_factory import write_library


def _service(tmp_path: Path, extra: dict[str, str] | None = None) -> LibraryService:
    return LibraryService(load_library(write_library(tmp_path / "lib", extra)))


def test_an_article_ends_with_its_sources_and_reviewed_date(tmp_path: Path) -> None:
    page = _service(tmp_path).page("withdrawal/how-long")
    assert page.reviewed == dt.date(2026, 11, 20)
    assert [s.id for s in page.sources] == ["medline"]
    assert "Sources" not in page.html  # the footer is apart, so a handout can write its own
    tail = page.footer_html
    assert "Opioid withdrawal" in tail
    assert "MedlinePlus, 2024." in tail
    assert '<a class="external" href="https://medlineplus.gov/"' in tail
    assert tail.endswith('<p class="reviewed">Last reviewed: 20 November 2026</p></div>')


def test_sources_keep_the_articles_order_and_skip_unknown_ids(tmp_path: Path) -> None:
    extra = {
        "sources.yml": (
            "a:\n  title: First\n  publisher: P\n  url: https://a.example/\n"
            "b:\n  title: Second\n  authors: Smith J\n  year: 2001\n"
        ),
        "home.md": "---\ntitle: Welcome\nsummary: Hi.\nsources: [b, nosuch, a]\n---\nHello.\n",
    }
    service = _service(tmp_path, extra)
    assert [s.id for s in service.sources_of("home")] == ["b", "a"]
    assert service.sources_of("no/such") == ()


def test_an_article_without_sources_or_date_gets_no_empty_section() -> None:
    assert sources_html((), None) == ""
    only_date = sources_html((), dt.date(2025, 1, 2))
    assert "Sources" not in only_date
    assert "Last reviewed: 2 January 2025" in only_date


def test_a_source_line_escapes_text_and_links_only_web_addresses() -> None:
    line = source_html(
        Source("x", "A <b>bold</b> title", publisher="WHO", authors="Lee K", url="javascript:x")
    )
    assert "&lt;b&gt;" in line
    assert "Lee K. WHO." in line
    assert "<a " not in line
    assert "javascript:x" in line


def test_long_dates_are_the_same_on_every_computer() -> None:
    assert long_date(dt.date(2026, 11, 20)) == "20 November 2026"
    assert long_date(dt.date(2024, 2, 29)) == "29 February 2024"


def test_topic_pages_have_no_sources_section(tmp_path: Path) -> None:
    page = _service(tmp_path).page("withdrawal")
    assert page.kind == "topic"
    assert page.footer_html == ""
    assert page.sources == ()


def test_a_missing_page_says_so_and_links_to_the_start(tmp_path: Path) -> None:
    page = _service(tmp_path).page("gone/away")
    assert page.kind == "message"
    assert "Page not found" in page.html
    assert 'href="article:home"' in page.html


def test_topic_trail_gives_slugs_and_titles_from_the_top(tmp_path: Path) -> None:
    service = _service(tmp_path)
    assert service.topic_trail("withdrawal/how-long") == (("withdrawal", "Withdrawal"),)
    assert service.topic_trail("home") == ()
    assert service.topic_path("withdrawal/how-long") == ("Withdrawal",)


def test_title_of_names_articles_and_topics(tmp_path: Path) -> None:
    service = _service(tmp_path)
    assert service.title_of("withdrawal/how-long") == "How long it lasts"
    assert service.title_of("withdrawal") == "Withdrawal"
    assert service.title_of("gone/away") == service.title_of("") == ""


def test_every_bundled_article_ends_with_sources_and_a_reviewed_date() -> None:
    service = LibraryService(load_library(paths.bundled_library_dir()))
    for slug in service.library.articles:
        page = service.page(slug)
        assert page.sources, slug
        assert page.reviewed is not None, slug
        assert "Last reviewed:" in page.footer_html, slug
