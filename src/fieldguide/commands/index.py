"""`fieldguide index build [DIR] [--out FILE]`: build a library's search index (for packaging)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

from fieldguide import paths
from fieldguide.search import build_index_file, default_index_path, library_hash
from fieldguide.search.handle import load_for_index
from fieldguide.search.synonyms import load_synonyms
from fieldguide.startup import store_start_page


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the `build` action and its options."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser("build", help="build the search index of a library folder")
    build.add_argument("library", nargs="?", help="library folder (default: the bundled one)")
    build.add_argument(
        "--out", metavar="FILE", help="index file to write (default: DIR.index.sqlite beside DIR)"
    )
    build.add_argument("--json", action="store_true", help="print a machine-readable summary")


def run(args: argparse.Namespace) -> int:
    """Build the index; exit 0 when written, 1 when it cannot be written, 2 without a library."""
    root = Path(args.library) if args.library else paths.bundled_library_dir()
    if not root.is_dir():
        print(f"There is no library folder at {root}.", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else default_index_path(root)
    started = time.perf_counter()
    content_hash = library_hash(root)
    library = load_for_index(root)
    rules, problems = load_synonyms(root)
    try:
        build_index_file(library, out, content_hash, rules)
        # The start page, rendered now, so that the reader opens without parsing the library.
        store_start_page(out, library, content_hash)
    except (OSError, sqlite3.Error) as exc:
        print(f"The index cannot be written to {out}: {exc}", file=sys.stderr)
        return 1
    seconds = round(time.perf_counter() - started, 3)
    found = [str(p) for p in (*library.problems, *problems)]
    summary = {
        "library": str(root),
        "out": str(out),
        "articles": len(library.articles),
        "synonym_rules": len(rules),
        "content_hash": content_hash,
        "seconds": seconds,
        "problems": found,
    }
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        for problem in found:
            print(problem)
        print(f"Indexed {len(library.articles)} articles in {seconds} s: {out}")
    return 0
