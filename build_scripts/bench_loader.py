"""Benchmark the library loader on a generated library; prints one JSON line.

    python build_scripts/bench_loader.py [--articles 20000] [--topics 40] [--check-links]

Run by hand and by reviewers, not by the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from fieldguide.library.loader import load_library

ARTICLE = """\
---
title: Article {n} about withdrawal
summary: One or two plain sentences about article {n}, shown in search results.
order: {n}
keywords: [dope sick, detox, coming off]
reviewed: 2026-11-20
sources: [source-a, source-b]
---
# Article {n}

Some text with a [link](article-{prev}.md#article-{prev}) and more words, repeated a few times.
Some text with a [link](article-{prev}.md#article-{prev}) and more words, repeated a few times.

## Symptoms

- aches
- sweats

## Symptoms

Another paragraph with ![a picture](../images/leaf.png).
"""


def build(root: Path, articles: int, topics: int) -> None:
    """Write a library of `articles` articles spread over `topics` topic folders."""
    (root / "library.yml").write_text("title: Bench\nid: bench\nhome: t0/article-0\n")
    (root / "sources.yml").write_text(
        "source-a:\n  title: A\n  publisher: P\nsource-b:\n  title: B\n  publisher: P\n"
    )
    (root / "glossary.yml").write_text("detox:\n  definition: Stopping a drug.\n")
    (root / "images").mkdir()
    (root / "images" / "leaf.png").write_bytes(b"png")
    topics = max(1, min(topics, articles))
    per_topic = -(-articles // topics)
    for t in range(topics):
        folder = root / f"t{t}"
        folder.mkdir()
        (folder / "_topic.yml").write_text(f"title: Topic {t}\norder: {t}\n")
        for n in range(per_topic):
            if t * per_topic + n >= articles:
                break
            text = ARTICLE.format(n=n, prev=max(n - 1, 0))
            (folder / f"article-{n}.md").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--topics", type=int, default=40)
    parser.add_argument("--check-links", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "library"
        root.mkdir()
        build(root, args.articles, args.topics)
        started = time.perf_counter()
        library = load_library(root, check_links=args.check_links)
        seconds = time.perf_counter() - started
    result = {
        "articles": len(library.articles),
        "check_links": args.check_links,
        "problems": len(library.problems),
        "seconds": round(seconds, 3),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
