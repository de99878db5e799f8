"""Helpers for the loader tests: fixture copies, the broken extras, well-formedness checks."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from fieldguide.library.model import Library, Problem, Severity
from fieldguide.library.textfile import MAX_BYTES

FIXTURES = Path(__file__).parent / "fixtures"


def copy_fixture(name: str, dest: Path) -> Path:
    """A fresh copy of fixture library `name` at `dest`."""
    shutil.copytree(FIXTURES / name, dest)
    return dest


def symlink(link: Path, target: str, *, folder: bool = False) -> None:
    """Create a symlink, or skip the test where the system does not allow it."""
    try:
        os.symlink(target, link, target_is_directory=folder)
    except (OSError, NotImplementedError) as exc:
        if sys.platform == "win32":  # Windows without developer mode or admin rights
            pytest.skip(f"cannot create symlinks here: {exc}")
        raise


def make_broken(tmp_path: Path) -> Path:
    """The broken fixture plus what git keeps badly: bad bytes, a huge file, symlinks."""
    root = copy_fixture("broken", tmp_path / "broken")
    (root / "articles" / "bad-encoding.md").write_bytes(
        b"---\ntitle: Bad encoding\nsummary: A byte that is not UTF-8.\nkeywords: [encoding]\n"
        b"reviewed: 2026-01-01\nsources: [good-source]\n---\nCaf\xe9 au lait.\n"
    )
    (root / "articles" / "huge.md").write_bytes(
        b"---\ntitle: Huge\nsummary: Too big.\n---\n" + b"word " * (MAX_BYTES // 5 + 10)
    )
    (tmp_path / "outside.md").write_text("---\ntitle: Outside\nsummary: Secret.\n---\nSecret.\n")
    symlink(root / "articles" / "link.md", "../good/fine.md")
    symlink(root / "articles" / "outside.md", "../../outside.md")
    symlink(root / "linked", "good", folder=True)
    return root


def problem_keys(library: Library) -> Counter[tuple[str, str, int | None]]:
    """(code, file, line) of every problem, counted."""
    return Counter((p.code, p.file, p.line) for p in library.problems)


def codes(library: Library) -> list[str]:
    """The codes of all problems, in order."""
    return [p.code for p in library.problems]


def assert_well_formed(library: Library) -> None:
    """Everything the rest of the program relies on about a loaded Library."""
    assert isinstance(library.title, str) and library.title
    assert isinstance(library.problems, tuple)
    for problem in library.problems:
        assert isinstance(problem, Problem)
        assert "\\" not in problem.file
        assert problem.line is None or problem.line >= 1
        assert problem.code and problem.code != "internal-error", problem
        assert problem.message.strip()
        assert isinstance(problem.severity, Severity)
    listed = Counter(slug for topic in library.topics.walk() for slug in topic.articles)
    assert listed == Counter(list(library.articles)), (
        "each article is in the topic tree exactly once"
    )
    for slug, article in library.articles.items():
        assert article.slug == slug and slug
        assert article.path == slug + ".md"
        assert isinstance(article.title, str) and article.title == article.title.strip()
        assert article.title
        assert isinstance(article.summary, str)
        assert isinstance(article.body, str)
        assert isinstance(article.body_line, int) and article.body_line >= 1
        assert type(article.order) is int
        assert all(isinstance(k, str) and k for k in article.keywords)
        assert article.reviewed is None or type(article.reviewed) is dt.date
        assert all(source in library.sources for source in article.sources)
    if library.home:
        assert library.home in library.articles
    for term in library.glossary:
        assert term.term and term.definition
        assert all(isinstance(alias, str) and alias for alias in term.aliases)
