"""Building an index and reading its catalog: the tree and titles without parsing articles."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from fieldguide.library.model import Library
from fieldguide.search import IndexHandle, build_index_file, build_memory_index, load_catalog
from fieldguide.search.extract import headings
from fieldguide.search.synonyms import load_synonyms
from tests.search.conftest import ARTICLES, make_library


def test_catalog_holds_metadata_and_the_topic_tree(mini_index: IndexHandle) -> None:
    catalog = mini_index.catalog()
    assert catalog.title == "Mini guide"
    assert catalog.home == "home"
    assert catalog.library_id == "mini"
    assert catalog.content_hash == mini_index.content_hash
    assert [t.slug for t in catalog.topics.children][:3] == ["help", "withdrawal", "treatment"]
    assert catalog.topics.articles == ("home",)
    withdrawal = catalog.topics.children[1]
    assert withdrawal.title == "Opioid withdrawal"
    assert withdrawal.articles == (
        "withdrawal/what-is-withdrawal",
        "withdrawal/how-long-it-lasts",
    )


def test_catalog_entries_and_topic_paths(mini_index: IndexHandle) -> None:
    catalog = mini_index.catalog()
    entry = catalog.entry("kratom-risks/liver-injury")
    assert entry is not None
    assert entry.title == "Kratom and liver injury"
    assert entry.path == "kratom-risks/liver-injury.md"
    assert catalog.topic_path("kratom-risks/liver-injury") == ("Kratom side effects and risks",)
    assert catalog.topic_path("home") == ()
    assert catalog.entry("nope") is None
    assert len(catalog.articles) == 10


def test_every_catalog_entry_is_the_library_s_article(
    mini_library: Library, mini_index: IndexHandle
) -> None:
    """Titles and summaries are split a topic at a time, when first asked for: each entry, in
    any order of asking, is still its own article's (topics with no articles included)."""
    articles = mini_index.catalog().articles
    for slug in reversed(list(articles)):  # from the last topic back: each split on its own
        entry = articles[slug]
        article = mini_library.articles[slug]
        assert (entry.title, entry.summary) == (article.title, article.summary)
        assert entry.topic == slug.rpartition("/")[0]
        assert articles.title(slug) == article.title
    assert articles.title("nope") == ""


def test_catalog_order_follows_the_tree(mini_index: IndexHandle) -> None:
    slugs = list(mini_index.catalog().articles)
    assert slugs[0] == "home"
    assert slugs.index("help/get-help-now") < slugs.index("withdrawal/what-is-withdrawal")


def test_index_file_is_written_atomically_and_readable(
    mini_library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "mini.index.sqlite"
    rules, problems = load_synonyms(mini_library.root)
    assert not problems
    build_index_file(mini_library, out, "hash", rules)
    assert out.is_file()
    assert [p.name for p in out.parent.iterdir()] == ["mini.index.sqlite"]  # no temp file left
    conn = sqlite3.connect(out)
    catalog = load_catalog(conn)
    assert catalog.content_hash == "hash"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # fine read-only
    phrases = {r[0] for r in conn.execute("SELECT phrase FROM synonyms")}
    assert {"dope sick", "kratum", "yellowing"} <= phrases
    conn.close()


def test_headings_include_titled_boxes() -> None:
    body = '# One\n\ntext\n\n## Two ##\n\n!!! danger "Get help right away"\n    - x\n'
    assert headings(body).splitlines() == ["One", "Two", "Get help right away"]


def test_text_cannot_fake_a_highlight(tmp_path: Path) -> None:
    articles = dict(ARTICLES)
    articles["kratom/fake"] = ("Fake", "x", (), "A \ue000fake\ue001 mark <i>and html</i> & more")
    library = make_library(tmp_path / "fake", articles)
    handle = build_memory_index(library, "h")
    hit = handle.searcher().search("fake").hits[0]
    assert hit.snippet == "A <b>fake</b> mark &lt;i&gt;and html&lt;/i&gt; &amp; more"
    handle.close()


def test_catalog_articles_around_topics_with_no_articles() -> None:
    from fieldguide.search import schema
    from fieldguide.search.catalog import CatalogArticles, _Chunk

    u = schema.UNIT
    chunks = [
        _Chunk(0, 1, "", "Home", "Start here."),
        _Chunk(1, 0, "empty", "", ""),  # a topic with no articles, before one with some
        _Chunk(1, 2, "t", f"One{u}Two", f"First.{u}Second."),
        _Chunk(3, 0, "also-empty", "", ""),  # and one at the end
    ]
    articles = CatalogArticles(["home", "t/one", "t/two"], chunks)
    assert [articles[s][1:] for s in ("t/two", "home", "t/one")] == [
        ("Two", "Second.", "t"),
        ("Home", "Start here.", ""),
        ("One", "First.", "t"),
    ]


def test_summaries_left_in_the_index_are_read_once_when_first_asked_for(
    mini_library: Library, mini_index: IndexHandle
) -> None:
    eager = mini_index.catalog()
    lazy = mini_index.catalog(summaries_later=True)
    assert not lazy.articles.summaries_read
    slug = "kratom/what-is-kratom"
    assert lazy.articles.title(slug) == eager.articles[slug].title  # titles need no summary
    assert slug in lazy.articles and len(lazy.articles) == len(eager.articles)
    assert not lazy.articles.summaries_read
    assert lazy.articles[slug] == eager.articles[slug]  # an entry reads them all, once
    assert lazy.articles.summaries_read
    assert dict(lazy.articles) == dict(eager.articles)
    assert eager.articles[slug].summary == mini_library.articles[slug].summary


def test_summaries_that_cannot_be_read_are_empty_and_said(caplog: pytest.LogCaptureFixture) -> None:
    from fieldguide.search.catalog import CatalogArticles, _Chunk

    def unreadable() -> list[str]:
        raise sqlite3.OperationalError("disk I/O error")

    articles = CatalogArticles(["home"], [_Chunk(0, 1, "", "Home", None)], unreadable)
    assert articles.title("home") == "Home"
    with caplog.at_level(logging.WARNING):
        assert articles["home"].summary == ""
    assert "summaries could not be read" in caplog.text
