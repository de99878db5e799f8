"""Text rules: the fast ASCII path splits words exactly as the general rule does."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from fieldguide.search.text import _WORD, clean, fold, marks_to_html, words


@given(st.text(alphabet=st.sampled_from(string.printable)))
def test_ascii_words_match_the_general_rule(text: str) -> None:
    assert words(text) == _WORD.findall(fold(text))


@given(st.text())
def test_clean_leaves_nothing_that_could_fake_a_mark(text: str) -> None:
    cleaned = clean(text)
    assert "\ue000" not in cleaned and "\ue001" not in cleaned and "\x00" not in cleaned
    assert "<" not in marks_to_html(cleaned).replace("<b>", "").replace("</b>", "")


def test_words_follow_the_index_tokenizer() -> None:
    assert words("Naloxone_spray 7-OH, café") == ["naloxone", "spray", "7", "oh", "cafe"]
