"""`fieldguide search QUERY [--library DIR] [--limit N] [--json]`: what a reader would find."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

from fieldguide import paths
from fieldguide.errors import SearchError
from fieldguide.search import SearchQuery, SearchResults, default_index_path, ensure_index

_BOLD = re.compile(r"</?b>")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `search`."""
    parser.add_argument("query", help="the words to search for, as a reader would type them")
    parser.add_argument(
        "--library", metavar="DIR", help="library folder (default: the bundled one)"
    )
    parser.add_argument(
        "--index", metavar="FILE", help="a prebuilt index (default: the one beside the library)"
    )
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="results (default 10)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable result")
    parser.add_argument(
        "--typing", action="store_true", help="treat the last word as unfinished, as while typing"
    )


def as_dict(results: SearchResults) -> dict[str, object]:
    """The results as plain JSON-ready data."""
    return {
        "query": results.query,
        "corrected": results.corrected,
        "hits": [
            {
                "slug": h.slug,
                "title": h.title,
                "topic_path": list(h.topic_path),
                "score": h.score,
                "snippet": h.snippet,
                "first_match": h.first_match,
            }
            for h in results.hits
        ],
        "suggestions": list(results.suggestions),
        "nearest_topics": [{"slug": t.slug, "title": t.title} for t in results.nearest_topics],
        "offer_help": results.offer_help,
    }


def _plain(snippet: str) -> str:
    """A snippet for the terminal: matched words in *stars*."""
    return html.unescape(_BOLD.sub("*", snippet))


def print_text(results: SearchResults) -> None:
    """The results as a reader-like list."""
    if results.corrected:
        print(f"Showing results for: {results.corrected}  (you typed: {results.query})")
    for rank, hit in enumerate(results.hits, start=1):
        where = " > ".join(hit.topic_path)
        print(f"{rank:2}. {hit.title}  [{hit.slug}]  score {hit.score:.2f}")
        if where:
            print(f"    in: {where}")
        print(f"    {_plain(hit.snippet)}")
    if results.is_empty:
        print(f"Nothing found for: {results.query}")
        if results.suggestions:
            print("Did you mean: " + ", ".join(results.suggestions))
        if results.nearest_topics:
            print("Topics to try: " + ", ".join(t.title for t in results.nearest_topics))
        if results.offer_help:
            print("The reader is also offered: Get help now")


def run(args: argparse.Namespace) -> int:
    """Search and print; exit 0 (also when nothing is found), 2 when there is no library."""
    root = Path(args.library) if args.library else paths.bundled_library_dir()
    if not root.is_dir():
        print(f"There is no library folder at {root}.", file=sys.stderr)
        return 2
    shipped = Path(args.index) if args.index else default_index_path(root)
    try:
        handle = ensure_index(root, shipped_index=shipped, cache_dir=None)
        try:
            searcher = handle.searcher()
            query = SearchQuery.from_string(args.query, typing=args.typing)
            results = searcher.search(query, limit=max(1, args.limit))
        finally:
            handle.close()
    except SearchError as exc:
        print(f"Search failed: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(as_dict(results), indent=2, ensure_ascii=False))
    else:
        print_text(results)
    return 0
