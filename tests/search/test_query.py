"""SearchQuery: any text becomes words, and the FTS5 text we write is always safe."""

from __future__ import annotations

import doctest
import importlib
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldguide.search import schema
from fieldguide.search.query import Alternative, SearchQuery, any_of, combine, quote

MODULES = ["query", "text", "fingerprint", "catalog", "synonyms", "planner", "lexicon", "extract"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(f"fieldguide.search.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0


# One test per docstring example of SearchQuery.from_string (they also run as doctests above).
def test_question_words_are_folded() -> None:
    query = SearchQuery.from_string("How long does Withdrawal last?")
    assert query.words == ("how", "long", "does", "withdrawal", "last")


def test_stop_words_are_left_out_of_the_content() -> None:
    query = SearchQuery.from_string("How long does Withdrawal last?")
    assert query.content_words == ("long", "withdrawal", "last")


def test_fts_syntax_is_quoted_and_the_last_word_is_a_prefix_while_typing() -> None:
    assert SearchQuery.from_string('kratom" OR body:*').match_expression() == '"kratom" OR "body"*'


def test_a_space_after_the_last_word_ends_typing() -> None:
    assert SearchQuery.from_string('kratom" OR body:* ').match_expression() == '"kratom" OR "body"'


def test_unfinished_word_is_a_prefix() -> None:
    assert SearchQuery.from_string("withd").match_expression() == '"withd"*'


def test_finished_word_is_not_a_prefix() -> None:
    assert SearchQuery.from_string("withd ").match_expression() == '"withd"'


def test_operators_and_punctuation_are_only_words() -> None:
    assert SearchQuery.from_string("7-OH (NEAR) -naloxone").words == ("7", "oh", "near", "naloxone")


def test_nul_and_spaces_are_an_empty_query() -> None:
    assert SearchQuery.from_string("  \x00 ").is_empty


def test_only_stop_words_are_kept_rather_than_searching_nothing() -> None:
    assert SearchQuery.from_string("what is it ").content_words == ("what", "is", "it")


def test_diacritics_are_removed() -> None:
    assert SearchQuery.from_string("Kratóm naloxóna").words == ("kratom", "naloxona")


def test_long_text_is_cut_to_a_few_words() -> None:
    query = SearchQuery.from_string("word " * 5000)
    assert 0 < len(query.words) <= 16
    assert len(query.text) <= 256


def test_quote_doubles_inner_quotes() -> None:
    assert quote('a"b') == '"a""b"'


def test_alternatives_are_grouped_and_deduplicated() -> None:
    alts = [
        Alternative(("dope", "sick")),
        Alternative(("withdrawal",)),
        Alternative(("withdrawal",)),
    ]
    assert any_of(alts) == '("dope sick" OR "withdrawal")'
    assert combine(["a", "", "b"], "AND") == "a AND b"


def test_combine_refuses_other_operators() -> None:
    with pytest.raises(ValueError):
        combine(["a", "b"], "NEAR")


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    schema.create(conn)
    conn.execute(
        "INSERT INTO fts(rowid, title, keywords, summary, headings, body) "
        "VALUES (1, 'Kratom', 'ketum', 'A tree', 'Risks', 'The body of an article')"
    )
    return conn


text_inputs = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from("\"*-:()^+{}[],.NEAROTAD \\\x00\t\n'")),
    st.text(alphabet=st.characters(codec=None), max_size=50),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(1, 3000)),
)


@settings(max_examples=400, deadline=None)
@given(text_inputs)
def test_any_text_makes_a_valid_fts_expression(fts: sqlite3.Connection, text: str) -> None:
    query = SearchQuery.from_string(text)
    expression = query.match_expression()
    if query.is_empty:
        assert expression == ""
        return
    fts.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,)).fetchall()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(min_size=1), min_size=1, max_size=3), max_size=4))
def test_any_words_quote_safely(fts: sqlite3.Connection, groups: list[list[str]]) -> None:
    expression = combine([any_of([Alternative((w,)) for w in g]) for g in groups])
    if expression:
        fts.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,)).fetchall()
