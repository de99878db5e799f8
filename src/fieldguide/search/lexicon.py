"""The index's words, loaded once: spelling help (rapidfuzz), completions while typing, synonyms."""

from __future__ import annotations

import bisect
import heapq
import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from fieldguide.search.synonyms import Synonym, Synonyms

# Spelling help starts at this length: shorter words are too easy to "correct" into another word.
MIN_CORRECTABLE = 3
MAX_CORRECTABLE = 30


def _cutoff(word: str) -> float:
    """Least rapidfuzz ratio (0-100) for a correction of `word`: stricter for short words."""
    return 80.0 if len(word) <= 4 else 72.0


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Immutable, so one instance can serve searches on several threads."""

    words: tuple[str, ...]  # every known word, sorted: the index's words and the synonyms' words
    df: Mapping[str, int]  # in how many articles a word appears (synonym words count as common)
    synonyms: Synonyms
    index_df: Mapping[str, int] = field(default_factory=dict)  # the index's own counts only
    topic_titles: Mapping[str, str] = field(default_factory=dict)  # topic slug -> title
    topic_summaries: Mapping[str, str] = field(default_factory=dict)  # topic slug -> summary
    # Words by length, and by first letter and length: spelling help compares a word with
    # words of about its length, those with its first letter first (readers seldom miss it).
    by_length: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    by_start: Mapping[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.words and not self.by_length:
            by_length: dict[int, list[str]] = {}
            by_start: dict[tuple[str, int], list[str]] = {}
            for word in self.words:
                by_length.setdefault(len(word), []).append(word)
                by_start.setdefault((word[0], len(word)), []).append(word)
            object.__setattr__(self, "by_length", {k: tuple(v) for k, v in by_length.items()})
            object.__setattr__(self, "by_start", {k: tuple(v) for k, v in by_start.items()})

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Lexicon:
        """Read the vocabulary, synonyms and titles from an open index."""
        index_df = {str(w): int(n) for w, n in conn.execute("SELECT word, df FROM words")}
        df = dict(index_df)
        rules = [
            Synonym(tuple(p.split()), tuple(t.split()), k)
            for p, t, k in conn.execute("SELECT phrase, term, kind FROM synonyms")
        ]
        synonyms = Synonyms.of(rules)
        common = max(df.values(), default=1)
        for rule in synonyms.rules:
            for word in (*rule.phrase, *rule.term):
                df.setdefault(word, common)
        topics = conn.execute(
            "SELECT slug, title, summary FROM topics ORDER BY position"
        ).fetchall()
        return cls(
            tuple(sorted(df)),
            df,
            synonyms,
            index_df,
            {str(s): str(t) for s, t, _ in topics},
            {str(s): str(m) for s, _, m in topics},
        )

    def is_known(self, word: str) -> bool:
        """True when the word is in the index or in a synonym."""
        return word in self.df

    def completions(self, prefix: str, limit: int = 6) -> list[str]:
        """The most common known words that start with `prefix` (the prefix itself included)."""
        start = bisect.bisect_left(self.words, prefix)
        end = bisect.bisect_left(self.words, prefix + "\U0010ffff", lo=start)
        if end - start <= limit:
            return list(self.words[start:end])
        return heapq.nlargest(limit, self.words[start:end], key=self.df.__getitem__)

    def corrections(self, word: str, limit: int = 1, *, cutoff: float | None = None) -> list[str]:
        """Known words close to an unknown `word`, best first: similar spelling first, then
        the same first letter, then common words."""
        if not MIN_CORRECTABLE <= len(word) <= MAX_CORRECTABLE or word.isdigit():
            return []
        least = _cutoff(word) if cutoff is None else cutoff
        spread = 1 if len(word) <= 5 else 2
        lengths = range(len(word) - spread, len(word) + spread + 1)
        same_start = [w for n in lengths for w in self.by_start.get((word[0], n), ())]
        found = process.extract(
            word, same_start, scorer=fuzz.ratio, score_cutoff=least, limit=max(10, limit)
        )
        if not found:
            any_start = [w for n in lengths for w in self.by_length.get(n, ())]
            found = process.extract(
                word, any_start, scorer=fuzz.ratio, score_cutoff=least, limit=max(10, limit)
            )

        def score(item: tuple[str, float, int]) -> float:
            candidate, similarity, _ = item
            same_start = 3.0 if candidate[0] == word[0] else 0.0
            return float(similarity) + same_start + min(4.0, math.log2(self.df[candidate] + 1))

        ranked = sorted(found, key=score, reverse=True)
        return [candidate for candidate, _, _ in ranked[:limit]]
