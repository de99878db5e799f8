"""What a search gives back: plain values for the search panel and the command line."""

from __future__ import annotations

from dataclasses import dataclass


class Cancelled(Exception):
    """The search was cancelled because a newer one replaced it: drop it quietly."""


@dataclass(frozen=True)
class SearchHit:
    """One article found."""

    slug: str
    title: str
    topic_path: tuple[str, ...]  # titles of the topics above it, top first
    snippet: str  # HTML-escaped text; matched words in <b>…</b>
    score: float  # higher is better
    first_match: str  # a matched word as written in the article: scroll to and highlight it
    matched: tuple[str, ...] = ()  # every matched word seen in the snippet


@dataclass(frozen=True)
class TopicRef:
    """A topic offered when nothing matched."""

    slug: str
    title: str


@dataclass(frozen=True)
class SearchResults:
    """Everything the search panel shows for one query."""

    query: str  # what the reader typed
    hits: tuple[SearchHit, ...] = ()
    corrected: str | None = None  # "Showing results for <corrected> — search instead for <query>"
    suggestions: tuple[str, ...] = ()  # "Did you mean …" words, when nothing was found
    nearest_topics: tuple[TopicRef, ...] = ()  # topics to offer when nothing was found
    offer_help: bool = False  # nothing found: offer Get help now

    @property
    def is_empty(self) -> bool:
        """True when no article was found."""
        return not self.hits
