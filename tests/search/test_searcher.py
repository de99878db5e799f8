"""Searching the mini library: the reader's words, typos, prefixes, snippets and dead ends."""

from __future__ import annotations

import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldguide.search import Cancelled, Searcher, SearchQuery


def first(searcher: Searcher, text: str) -> str:
    results = searcher.search(text)
    assert results.hits, f"nothing found for {text!r}"
    return results.hits[0].slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("dope sick", "withdrawal/what-is-withdrawal"),
        ("subs", "treatment/buprenorphine"),
        ("bupe ", "treatment/buprenorphine"),
        ("narcan", "overdose/overdose-and-naloxone"),
        ("dark skin patches", "kratom-risks/skin-darkening"),
        ("yellow eyes", "kratom-risks/liver-injury"),
        ("yellowing", "kratom-risks/liver-injury"),  # glossary alias of "jaundice"
        ("how long does withdrawal last", "withdrawal/how-long-it-lasts"),
        ("can kratom hurt my liver", "kratom-risks/liver-injury"),
    ],
)
def test_the_readers_words_find_the_article(searcher: Searcher, text: str, slug: str) -> None:
    assert first(searcher, text) == slug


def test_a_listed_misspelling_is_searched_as_the_right_word(searcher: Searcher) -> None:
    results = searcher.search("kratum")
    assert results.corrected == "kratom"
    assert {h.slug for h in results.hits} >= {"kratom/what-is-kratom"}


def test_an_unlisted_typo_is_corrected_from_the_index_words(searcher: Searcher) -> None:
    results = searcher.search("buprenorfine liver")
    assert results.corrected == "buprenorphine liver"
    assert results.hits[0].slug in {"treatment/buprenorphine", "kratom-risks/liver-injury"}


def test_search_instead_for_the_typed_word_skips_spelling_help(searcher: Searcher) -> None:
    results = searcher.search(SearchQuery.from_string("buprenorfine", exact=True))
    assert results.corrected is None
    assert results.is_empty


def test_an_unfinished_word_finds_its_completions(searcher: Searcher) -> None:
    assert first(searcher, "withd") == "withdrawal/what-is-withdrawal"
    assert first(searcher, "nalox") == "overdose/overdose-and-naloxone"


def test_snippet_highlights_matches_and_escapes_the_text(searcher: Searcher) -> None:
    hit = searcher.search("naloxone").hits[0]
    assert "<b>Naloxone</b>" in hit.snippet
    assert hit.first_match == "Naloxone"
    assert hit.topic_path == ("Overdose and naloxone",)
    assert hit.score > 0


def test_a_title_only_match_shows_the_summary(searcher: Searcher) -> None:
    hit = searcher.search("dark skin patches").hits[0]
    assert hit.snippet == "Years of heavy kratom use can turn skin gray-blue."
    assert hit.first_match == ""


def test_hits_are_ranked_best_first(searcher: Searcher) -> None:
    scores = [h.score for h in searcher.search("kratom liver").hits]
    assert scores == sorted(scores, reverse=True)


def test_limit_is_respected(searcher: Searcher) -> None:
    assert len(searcher.search("opioid", limit=2).hits) == 2


def test_nothing_found_is_not_a_dead_end(searcher: Searcher) -> None:
    results = searcher.search("zzqxv wobble")
    assert results.is_empty
    assert results.offer_help
    assert results.nearest_topics  # at least the top topics


def test_nothing_found_offers_close_words(searcher: Searcher) -> None:
    results = searcher.search(SearchQuery.from_string("overdoze", exact=True))
    assert results.is_empty
    assert "overdose" in results.suggestions


def test_nearest_topics_look_like_the_query(searcher: Searcher) -> None:
    results = searcher.search(SearchQuery.from_string("treatmint", exact=True))
    assert results.nearest_topics[0].slug == "treatment"


def test_empty_query_finds_nothing_quietly(searcher: Searcher) -> None:
    results = searcher.search("   ")
    assert results.is_empty
    assert not results.offer_help


def test_a_set_cancel_flag_cancels(searcher: Searcher) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        searcher.search("opioid", cancel=cancel)
    assert searcher.search("opioid").hits  # the connection still works afterwards


NASTY = [
    "",
    '"',
    '""""',
    "*",
    "kratom*",
    "-kratom",
    "title:kratom",
    "NEAR(kratom liver, 2)",
    "kratom AND OR NOT liver",
    "(((",
    "^kratom",
    "{title body}: x",
    "\x00kratom\x00",
    "\ue000kratom\ue001",
    "😀🔥💊",
    "\u202e\u200b",
    "a" * 10_000,
    "kratom " * 3000,
    "'; DROP TABLE articles; --",
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_input_never_raises(searcher: Searcher, text: str) -> None:
    results = searcher.search(text)
    assert all("\ue000" not in h.snippet for h in results.hits)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.text(), st.text(st.sampled_from('"*-:()^ kratomliverNEAR\x00'), max_size=40)))
def test_any_text_is_safe_to_search(searcher: Searcher, text: str) -> None:
    results = searcher.search(text)
    for hit in results.hits:
        assert "<script" not in hit.snippet


def test_the_big_library_path_ranks_heads_and_still_gives_snippets(
    searcher: Searcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fieldguide.search.searcher as module

    monkeypatch.setattr(module, "FULL_RANKING_LIMIT", 0)  # as if every word were very common
    results = searcher.search("naloxone overdose")
    assert results.hits[0].slug == "overdose/overdose-and-naloxone"
    assert "<b>" in results.hits[0].snippet
    assert len(searcher.search("opioid", limit=5).hits) == 5  # head matches, then body matches


def test_a_phrase_is_found_before_its_last_word_is_finished(searcher: Searcher) -> None:
    assert first(searcher, "dope si") == "withdrawal/what-is-withdrawal"
    assert first(searcher, "dark skin pat") == "kratom-risks/skin-darkening"


def test_a_short_general_title_wins_a_tie(searcher: Searcher) -> None:
    # Both titles hold "kratom"; the one about nothing else comes first.
    hits = [h.slug for h in searcher.search("kratom").hits]
    assert hits.index("kratom/what-is-kratom") < hits.index("kratom-risks/liver-injury")


class FlipsAfter(threading.Event):
    """An event that becomes set by itself after it was looked at `calls` times: a newer
    query arriving while this one runs, without any sleeping."""

    def __init__(self, calls: int) -> None:
        super().__init__()
        self.calls = calls
        self.looked = 0

    def is_set(self) -> bool:
        self.looked += 1
        return self.looked > self.calls or super().is_set()


def test_a_running_query_is_cancelled_between_sqlite_steps(
    searcher: Searcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fieldguide.search.searcher as module

    monkeypatch.setattr(module, "_PROGRESS_STEPS", 1)  # look at the flag at every SQLite step
    cancel = FlipsAfter(20)
    with pytest.raises(Cancelled):
        searcher.search("opioid withdrawal kratom", cancel=cancel)
    assert cancel.looked <= 22  # stopped at the first look after the flag turned (+1 to tell why)
    assert searcher.search("opioid withdrawal kratom", cancel=threading.Event()).hits


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.builds(
        lambda part, times: part * times, st.text(min_size=1, max_size=8), st.integers(1, 2500)
    )
)
def test_long_repeated_text_is_safe_to_search(searcher: Searcher, text: str) -> None:
    searcher.search(text)
