"""Search benchmark: build, catalog load and query speed at 20,000 articles; relevance of the
bundled library. Prints one JSON object. Run by hand (not by the test suite):

    .venv/bin/python build_scripts/bench_search.py                 # about two minutes
    .venv/bin/python build_scripts/bench_search.py --library /tmp/big   # reuse a generated one

Budgets (2-core machine): build <= 30 s, catalog load <= 50 ms, query p95 <= 10 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fieldguide import paths
from fieldguide.library.loader import load_library
from fieldguide.search import SearchQuery, build_index_file, ensure_index, library_hash
from fieldguide.search.handle import open_index
from fieldguide.search.relevance import evaluate, load_cases
from fieldguide.search.synonyms import load_synonyms
from synthetic_library import generate_library

ROOT = Path(__file__).resolve().parent.parent
RELEVANCE = ROOT / "tests" / "search" / "relevance.yml"
BUDGETS = {"build_seconds": 30.0, "catalog_load_ms": 50.0, "query_p95_ms": 10.0}

# Standard-library modules that any start-up has loaded already are imported before the clock
# starts; Field Guide's own imports, opening the file and reading the catalog are timed.
CATALOG_PROBE = """
import dataclasses, enum, logging, pathlib, re, sqlite3, sys, threading, time, typing
from pathlib import Path
t = time.perf_counter()
from fieldguide.search import open_index
handle = open_index(Path(sys.argv[1]))
catalog = handle.catalog()
ms = (time.perf_counter() - t) * 1000
print(ms, len(catalog.articles), catalog.start)
"""


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def typo(rng: random.Random, word: str) -> str:
    """One slip of the finger or the ear: drop, double, swap or change one inner letter."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeioustrnl") + word[i + 1 :]


def make_queries(titles: list[str], count: int, seed: int) -> list[tuple[str, str, bool]]:
    """(kind, text, typing): a third plain words from titles, a third with a typo, a third an
    unfinished last word as while typing."""
    rng = random.Random(seed)
    queries: list[tuple[str, str, bool]] = []
    for i in range(count):
        words = rng.choice(titles).lower().split()
        chosen = rng.sample(words, min(len(words), rng.randint(1, 3)))
        kind = ("words", "typo", "prefix")[i % 3]
        if kind == "typo":
            j = max(range(len(chosen)), key=lambda k: len(chosen[k]))
            chosen[j] = typo(rng, chosen[j])
            queries.append((kind, " ".join(chosen), False))
        elif kind == "prefix":
            last = chosen[-1]
            chosen[-1] = last[: rng.randint(min(2, len(last)), max(2, len(last) - 1))]
            queries.append((kind, " ".join(chosen), True))
        else:
            queries.append((kind, " ".join(chosen), False))
    return queries


def time_queries(index: Path, queries: list[tuple[str, str, bool]]) -> dict[str, object]:
    """Run the queries (top 20 with snippets) through a fresh searcher; wall and CPU times."""
    handle = open_index(index)
    assert handle is not None, "the index just built cannot be opened"
    started = time.perf_counter()
    searcher = handle.searcher()
    lexicon_ms = (time.perf_counter() - started) * 1000
    searcher.search("warm up")
    wall: dict[str, list[float]] = {"words": [], "typo": [], "prefix": []}
    cpu: list[float] = []
    found = 0
    for kind, text, typing in queries:
        query = SearchQuery.from_string(text, typing=typing)
        t0, c0 = time.perf_counter(), time.process_time()
        results = searcher.search(query, limit=20)
        wall[kind].append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        found += bool(results.hits)
    every = [v for values in wall.values() for v in values]
    return {
        "queries": len(every),
        "query_p50_ms": round(statistics.median(every), 2),
        "query_p95_ms": round(percentile(every, 0.95), 2),
        "query_max_ms": round(max(every), 2),
        "query_cpu_p95_ms": round(percentile(cpu, 0.95), 2),
        "query_p95_ms_by_kind": {k: round(percentile(v, 0.95), 2) for k, v in wall.items()},
        "queries_with_results": round(found / len(every), 3),
        "lexicon_load_ms": round(lexicon_ms, 1),
    }


def catalog_times(index: Path) -> dict[str, float]:
    """Catalog load: warm in this process (the budget), and in a new process (our imports, an
    empty SQLite page cache)."""
    cold = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", CATALOG_PROBE, str(index)],
            capture_output=True,
            text=True,
            check=True,
        )
        cold.append(float(out.stdout.split()[0]))
    handle = open_index(index)
    assert handle is not None
    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        handle.catalog()
        warm.append((time.perf_counter() - t0) * 1000)
    return {
        "catalog_load_ms": round(statistics.median(warm), 1),
        "catalog_load_new_process_ms": round(statistics.median(cold), 1),
    }


def bundled_relevance() -> dict[str, object]:
    """recall@1 and recall@3 of tests/search/relevance.yml on the bundled library."""
    handle = ensure_index(paths.bundled_library_dir(), None, None)
    try:
        report = evaluate(handle.searcher(), load_cases(RELEVANCE))
    finally:
        handle.close()
    return {
        "relevance_queries": len(report.outcomes),
        "recall_at_1": round(report.recall(1), 3),
        "recall_at_3": round(report.recall(3), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=600)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--library", type=Path, help="use (or create) the synthetic library here")
    args = parser.parse_args(argv)

    machine: dict[str, object] = {
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    result: dict[str, object] = {
        "machine": machine,
        "articles": args.articles,
        "seed": args.seed,
    }
    with tempfile.TemporaryDirectory(prefix="fieldguide-bench-") as tmp:
        root = args.library or Path(tmp) / "library"
        if not (root / "library.yml").is_file():
            t0 = time.perf_counter()
            generate_library(root, articles=args.articles, seed=args.seed)
            result["generate_seconds"] = round(time.perf_counter() - t0, 2)
        index = Path(tmp) / "library.index.sqlite"
        t0 = time.perf_counter()
        content_hash = library_hash(root)
        t1 = time.perf_counter()
        library = load_library(root, check_links=False)
        t2 = time.perf_counter()
        build_index_file(library, index, content_hash, load_synonyms(root)[0])
        t3 = time.perf_counter()
        titles = [a.title for a in library.articles.values()]
        del library
        result.update(
            {
                "build_seconds": round(t3 - t0, 2),
                "build_parts_seconds": {
                    "content_hash": round(t1 - t0, 2),
                    "load_library": round(t2 - t1, 2),
                    "index": round(t3 - t2, 2),
                },
                "index_mb": round(index.stat().st_size / 1e6, 1),
            }
        )
        result.update(catalog_times(index))
        result.update(time_queries(index, make_queries(titles, args.queries, args.seed)))
    result.update(bundled_relevance())
    if sys.platform != "win32":
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result["peak_memory_mb"] = round(peak / (1e6 if sys.platform == "darwin" else 1e3), 1)
    machine["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["within_budget"] = {key: float(str(result[key])) <= top for key, top in BUDGETS.items()}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
