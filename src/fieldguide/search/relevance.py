"""Measure search quality: recall@1 and recall@3 of reader queries with expected articles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from fieldguide.search.searcher import Searcher


@dataclass(frozen=True)
class Case:
    """A query and the articles that answer it (any of them counts)."""

    query: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """Where the expected article came for one case (None: not in the first results)."""

    case: Case
    found: tuple[str, ...]  # slugs of the first results
    position: int | None  # 1-based


@dataclass(frozen=True)
class Report:
    """The outcomes and their summary."""

    outcomes: tuple[Outcome, ...]

    def recall(self, k: int) -> float:
        """Share of cases whose expected article is among the first k results."""
        if not self.outcomes:
            return 0.0
        good = sum(1 for o in self.outcomes if o.position is not None and o.position <= k)
        return good / len(self.outcomes)

    def misses(self, k: int) -> list[Outcome]:
        """Cases whose expected article is not among the first k results."""
        return [o for o in self.outcomes if o.position is None or o.position > k]


def load_cases(path: Path) -> list[Case]:
    """Cases from a YAML list of {query, expect: [slug, ...]}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Case(str(item["query"]), tuple(str(s) for s in item["expect"])) for item in data]


def evaluate(searcher: Searcher, cases: list[Case], depth: int = 10) -> Report:
    """Run every case as a finished query (as if the reader pressed Enter)."""
    from fieldguide.search.query import SearchQuery

    outcomes: list[Outcome] = []
    for case in cases:
        hits = searcher.search(SearchQuery.from_string(case.query, typing=False), limit=depth).hits
        found = tuple(h.slug for h in hits)
        position = next((i for i, slug in enumerate(found, 1) if slug in case.expect), None)
        outcomes.append(Outcome(case, found, position))
    return Report(tuple(outcomes))
