"""Builds small, valid libraries on disk for tests."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "library.yml": "title: Test guide\nid: test-guide\nlanguage: en\nhome: home\n",
    "sources.yml": (
        "medline:\n  title: Opioid withdrawal\n  publisher: MedlinePlus\n  year: 2024\n"
        "  url: https://medlineplus.gov/\n"
    ),
    "glossary.yml": (
        "withdrawal:\n  definition: What your body goes through when you stop a drug.\n"
        "  aliases: [withdrawals]\n"
    ),
    "home.md": (
        "---\ntitle: Welcome\nsummary: Start here.\norder: 0\nkeywords: [start]\n"
        "reviewed: 2026-11-20\nsources: [medline]\n---\n"
        "Read [how long withdrawal lasts](withdrawal/how-long.md#timeline).\n"
    ),
    "withdrawal/_topic.yml": "title: Withdrawal\norder: 10\nsummary: Coming off opioids.\n",
    "withdrawal/how-long.md": (
        "---\ntitle: How long it lasts\nsummary: Days, not weeks, for most people.\norder: 1\n"
        "keywords: [dope sick]\nreviewed: 2026-11-20\nsources: [medline]\n---\n"
        "It starts within a day.\n\n## Timeline\n\nMost of it is over "
        "in a week. See [MedlinePlus](https://medlineplus.gov/).\n"
    ),
}


def write_library(root: Path, extra: dict[str, str] | None = None) -> Path:
    """Write the small test library (plus `extra` files) under `root` and return it."""
    for name, text in {**FILES, **(extra or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
