"""What the reader typed, as words, and the only place that writes FTS5 query syntax.

Every word is quoted, so nothing the reader types (quotes, `*`, `-`, `:`, parentheses, NEAR,
AND, OR, NOT, column names) is ever read as FTS5 syntax.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldguide.search.text import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    MAX_WORD_CHARS,
    STOPWORDS,
    clean,
    words,
)


def quote(word: str) -> str:
    """A word as an FTS5 string: in double quotes, inner quotes doubled, control characters
    (NUL would end the string early) and lone surrogates removed.

    >>> quote('a"b')
    '"a""b"'
    """
    return '"' + clean(word).replace('"', '""') + '"'


@dataclass(frozen=True)
class Alternative:
    """Words that must appear together, in this order; the last may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """This alternative in FTS5 syntax: a quoted phrase, maybe with a prefix star."""
        return quote(" ".join(self.words)) + ("*" if self.prefix else "")


def any_of(alternatives: Sequence[Alternative]) -> str:
    """FTS5 for "any of these alternatives"; "" when there are none."""
    parts = list(dict.fromkeys(a.fts() for a in alternatives if a.words))
    if len(parts) <= 1:
        return "".join(parts)
    return "(" + " OR ".join(parts) + ")"


def combine(groups: Sequence[str], operator: str = "OR") -> str:
    """Join group expressions with AND or OR (nothing else is accepted)."""
    if operator not in ("AND", "OR"):
        raise ValueError(f"not an FTS5 operator we use: {operator!r}")
    return f" {operator} ".join(g for g in groups if g)


@dataclass(frozen=True)
class SearchQuery:
    """A reader's query as words: the safe, parsed form of any text.

    >>> SearchQuery.from_string("How long does Withdrawal last?").words
    ('how', 'long', 'does', 'withdrawal', 'last')
    >>> SearchQuery.from_string("How long does Withdrawal last?").content_words
    ('long', 'withdrawal', 'last')
    >>> SearchQuery.from_string('kratom" OR body:*').match_expression()
    '"kratom" OR "body"*'
    >>> SearchQuery.from_string('kratom" OR body:* ').match_expression()
    '"kratom" OR "body"'
    >>> SearchQuery.from_string("withd").match_expression()
    '"withd"*'
    >>> SearchQuery.from_string("withd ").match_expression()
    '"withd"'
    >>> SearchQuery.from_string("7-OH (NEAR) -naloxone").words
    ('7', 'oh', 'near', 'naloxone')
    >>> SearchQuery.from_string("  \\x00 ").is_empty
    True
    """

    text: str  # the reader's text, cleaned and cut to MAX_QUERY_CHARS
    words: tuple[str, ...]  # folded words, at most MAX_QUERY_WORDS
    typing: bool = False  # the last word may be unfinished (no space after it yet)
    exact: bool = False  # no spelling help: "search instead for kratum"

    @classmethod
    def from_string(
        cls, text: str, *, typing: bool | None = None, exact: bool = False
    ) -> SearchQuery:
        """Parse any text. `typing` defaults to "the text does not end with a space"."""
        text = clean(str(text))[:MAX_QUERY_CHARS]
        found = tuple(w[:MAX_WORD_CHARS] for w in words(text)[:MAX_QUERY_WORDS])
        if typing is None:
            typing = bool(text) and not text[-1].isspace()
        return cls(text.strip(), found, typing=typing and bool(found), exact=exact)

    @property
    def is_empty(self) -> bool:
        """True when there is no word to search for."""
        return not self.words

    @property
    def content_words(self) -> tuple[str, ...]:
        """The words without stop words ("how", "does" …), unless only stop words were typed.

        The last word stays while the reader is typing it: "wh" may become "wheel"."""
        kept = tuple(
            w
            for i, w in enumerate(self.words)
            if w not in STOPWORDS or (self.typing and i == len(self.words) - 1)
        )
        return kept or self.words

    def match_expression(self) -> str:
        """FTS5 for the plain words (no synonyms, no spelling help): any of them may match; the
        last is a prefix while typing. "" for an empty query."""
        content = self.content_words
        groups = [
            Alternative((w,), prefix=self.typing and i == len(content) - 1 and w == self.words[-1])
            for i, w in enumerate(content)
        ]
        return combine([any_of([g]) for g in groups])
