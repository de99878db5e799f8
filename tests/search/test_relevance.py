"""The bundled library answers readers' own words: recall@3 >= 0.9 on tests/search/relevance.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldguide import paths
from fieldguide.search import ensure_index
from fieldguide.search.relevance import evaluate, load_cases

CASES = Path(__file__).with_name("relevance.yml")


def test_the_relevance_set_is_big_enough_and_names_real_articles() -> None:
    cases = load_cases(CASES)
    assert len(cases) >= 40
    root = paths.bundled_library_dir()
    if not any(root.glob("*/*.md")):
        pytest.skip("the bundled library has no articles yet")
    missing = {s for c in cases for s in c.expect if not (root / f"{s}.md").is_file()}
    assert not missing


def test_recall_at_3_on_the_bundled_library() -> None:
    root = paths.bundled_library_dir()
    if not any(root.glob("*/*.md")):
        pytest.skip("the bundled library has no articles yet")
    handle = ensure_index(root, None, None)
    try:
        report = evaluate(handle.searcher(), load_cases(CASES))
    finally:
        handle.close()
    misses = "\n".join(
        f"  {o.case.query!r}: want {o.case.expect[0]}, got {list(o.found[:3])}"
        for o in report.misses(3)
    )
    assert report.recall(3) >= 0.9, f"recall@3 = {report.recall(3):.2f}; misses:\n{misses}"
