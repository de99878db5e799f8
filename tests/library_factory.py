"""Builds small, valid libraries on disk for tests."""

from __future__ import annotations

import struct
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


# A clinic's site library for the test library above: a page that links to one of the guide's
# articles (written as if the site folder sat inside the guide's folder) and shows a picture.
SITE_FILES = {
    "library.yml": "title: Our clinic\nid: clinic\nlanguage: en\nhome: local-services\n",
    "glossary.yml": "walk-in:\n  definition: You can come without booking.\n",
    "local-services.md": (
        "---\ntitle: Local services\nsummary: Where to find us.\norder: 1\n"
        "keywords: [riverside, opening hours]\nreviewed: 2026-11-20\nsources: []\n---\n"
        "Call the Riverside desk at 555-0100. We are a walk-in clinic.\n\n"
        "![Our front door](images/door.png)\n\n"
        "Read [how long withdrawal lasts](../withdrawal/how-long.md#timeline).\n\n"
        "See also [your first visit](visits/first-visit.md).\n"
    ),
    "visits/_topic.yml": "title: Visits\norder: 1\nsummary: Coming to see us.\n",
    "visits/first-visit.md": (
        "---\ntitle: Your first visit\nsummary: What happens the first time.\norder: 1\n"
        "keywords: [first visit]\nreviewed: 2026-11-20\nsources: []\n---\n"
        "Bring your medicines. Withdrawal help is free: see "
        "[the welcome page](../../home.md).\n"
    ),
}


def png(path: Path, width: int = 200, height: int = 100) -> Path:
    """A tiny PNG header (enough for the size reader) at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", width, height))
    return path


def write_site(root: Path, extra: dict[str, str] | None = None) -> Path:
    """Write the small site library (plus `extra` files, and its picture) under `root`."""
    for name, text in {**SITE_FILES, **(extra or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    png(root / "images" / "door.png")
    return root
