"""One search over the guide's index and each site library's: hits merged, named as in the tree."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldguide.errors import SearchError
from fieldguide.library.loader import load_library
from fieldguide.library.sites import combine, load_sites
from fieldguide.search import (
    Cancelled,
    IndexHandle,
    IndexSource,
    SearchHit,
    SearchQuery,
    SearchResults,
    TopicRef,
    ensure_index,
    index_sources,
    make_search_fn,
    merge_results,
    search_all,
)
from tests.library_factory import write_library, write_site


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[IndexSource]]:
    root = tmp_path_factory.mktemp("multi")
    guide_dir = write_library(root / "guide")
    site_dir = write_site(root / "clinic-pages")
    combined = combine(load_library(guide_dir), load_sites([site_dir]))
    found = index_sources(combined.library, ensure_index(guide_dir), None)
    yield found
    for source in found:
        source.handle.close()


def slugs(results: SearchResults) -> list[str]:
    return [hit.slug for hit in results.hits]


def test_a_word_only_in_the_site_is_found_under_the_sites_prefix(
    sources: list[IndexSource],
) -> None:
    results = make_search_fn(sources)("riverside", typing=False)
    assert slugs(results) == ["clinic/local-services"]
    [hit] = results.hits
    assert hit.title == "Local services" and hit.topic_path == ("Our clinic",)
    assert "<b>Riverside</b>" in hit.snippet
    assert results.corrected is None and not results.offer_help


def test_a_word_in_both_finds_pages_of_both_best_first(sources: list[IndexSource]) -> None:
    results = make_search_fn(sources)("withdrawal", typing=False)
    assert "home" in slugs(results)
    assert "clinic/visits/first-visit" in slugs(results)
    visit = next(h for h in results.hits if h.slug == "clinic/visits/first-visit")
    assert visit.topic_path == ("Our clinic", "Visits")
    scores = [hit.score for hit in results.hits]
    assert scores == sorted(scores, reverse=True)


def test_nothing_found_offers_help_and_topics_of_both(sources: list[IndexSource]) -> None:
    results = make_search_fn(sources)("qqqzzzxx", typing=False)
    assert results.is_empty and results.offer_help
    assert any(ref.slug == "withdrawal" for ref in results.nearest_topics)
    assert TopicRef("clinic/visits", "Visits") in results.nearest_topics


def test_each_thread_gets_its_own_searchers(sources: list[IndexSource]) -> None:
    search = make_search_fn(sources)
    here = search("riverside", typing=False)
    there: list[SearchResults] = []
    worker = threading.Thread(target=lambda: there.append(search("riverside", typing=False)))
    worker.start()
    worker.join()
    assert there == [here]


def test_a_set_cancel_flag_cancels(sources: list[IndexSource]) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        make_search_fn(sources)("withdrawal", cancel=cancel)


def test_site_indexes_are_kept_in_the_cache_folder(tmp_path: Path) -> None:
    guide_dir = write_library(tmp_path / "guide")
    combined = combine(load_library(guide_dir), load_sites([write_site(tmp_path / "site")]))
    found = index_sources(combined.library, ensure_index(guide_dir), tmp_path / "cache")
    assert [(s.prefix, s.title, s.handle.where) for s in found[1:]] == [
        ("clinic", "Our clinic", "cache")
    ]
    assert list((tmp_path / "cache").glob("index-site-*.sqlite"))


# --- merging, with stand-in searchers ----------------------------------------------------------


def hit(slug: str, score: float) -> SearchHit:
    return SearchHit(slug, slug.title(), ("Topic",), "", score, "")


class Fake:
    """A searcher that answers from a table: exact searches may answer differently."""

    def __init__(self, results: SearchResults, exact: SearchResults | None = None) -> None:
        self.results = results
        self.exact = exact
        self.asked: list[SearchQuery] = []

    def search(
        self,
        text: str | SearchQuery,
        *,
        limit: int = 20,
        cancel: threading.Event | None = None,
    ) -> SearchResults:
        assert isinstance(text, SearchQuery)
        self.asked.append(text)
        return self.exact if text.exact and self.exact is not None else self.results


class Broken(Fake):
    def search(self, text: str | SearchQuery, **kwargs: object) -> SearchResults:
        raise SearchError("The search index cannot be read.")


GUIDE = IndexSource(handle=IndexHandle("file:x", "memory", ""))
SITE = IndexSource(handle=IndexHandle("file:y", "memory", ""), prefix="clinic", title="Our clinic")


def test_hits_are_merged_by_score_and_the_guide_wins_a_tie() -> None:
    guide = SearchResults("q", (hit("a", 3.0), hit("b", 1.0)))
    site = SearchResults("q", (hit("c", 3.0), hit("d", 2.0)))
    merged = merge_results("q", [(GUIDE, guide), (SITE, site)], limit=3)
    assert slugs(merged) == ["a", "clinic/c", "clinic/d"]
    assert merged.hits[1].topic_path == ("Our clinic", "Topic")
    assert merged.hits[0].topic_path == ("Topic",)


def test_words_found_as_typed_somewhere_are_searched_as_typed_everywhere() -> None:
    # "riverside": only the site knows it; the guide would have "corrected" it to "rivers".
    guide = Fake(
        SearchResults("riverside", (hit("rivers", 2.0),), corrected="rivers"),
        exact=SearchResults("riverside", offer_help=True),
    )
    site = Fake(SearchResults("riverside", (hit("local", 2.5),)))
    merged = search_all([(GUIDE, guide), (SITE, site)], "riverside", typing=False)
    assert slugs(merged) == ["clinic/local"]
    assert merged.corrected is None
    assert [q.exact for q in guide.asked] == [False, True]
    assert [q.exact for q in site.asked] == [False]


def test_a_correction_stands_when_nothing_was_found_as_typed() -> None:
    guide = Fake(SearchResults("kratum", (hit("kratom", 3.0),), corrected="kratom"))
    site = Fake(SearchResults("kratum", offer_help=True))
    merged = search_all([(GUIDE, guide), (SITE, site)], "kratum", typing=False)
    assert slugs(merged) == ["kratom"] and merged.corrected == "kratom"
    assert len(guide.asked) == 1


def test_search_instead_for_is_exact_everywhere() -> None:
    guide = Fake(SearchResults("kratum", offer_help=True))
    site = Fake(SearchResults("kratum", offer_help=True))
    search_all([(GUIDE, guide), (SITE, site)], "kratum", exact=True)
    assert [q.exact for q in guide.asked + site.asked] == [True, True]


def test_a_broken_site_index_is_left_out_but_a_broken_guide_index_is_an_error() -> None:
    guide = Fake(SearchResults("q", (hit("a", 1.0),)))
    merged = search_all([(GUIDE, guide), (SITE, Broken(SearchResults("q")))], "q")
    assert slugs(merged) == ["a"]
    with pytest.raises(SearchError):
        search_all([(GUIDE, Broken(SearchResults("q"))), (SITE, guide)], "q")


def test_suggestions_and_topics_come_from_all_when_nothing_is_found() -> None:
    guide = SearchResults("q", suggestions=("kratom",), nearest_topics=(TopicRef("kratom", "K"),))
    site = SearchResults(
        "q", suggestions=("kratom", "clinic"), nearest_topics=(TopicRef("visits", "Visits"),)
    )
    merged = merge_results("q", [(GUIDE, guide), (SITE, site)])
    assert merged.suggestions == ("kratom", "clinic")
    assert merged.nearest_topics == (TopicRef("kratom", "K"), TopicRef("clinic/visits", "Visits"))
    assert merged.offer_help
