"""Lint a library for editors and CI: loader problems, reading level, unused glossary terms.

`check_sites` lints site libraries as they are shown: mounted in the guide, so that their links
to the guide's articles are checked against it (see `library.sites`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldguide.library.loader import load_library
from fieldguide.library.model import Library, Problem, Severity
from fieldguide.library.readability import grade
from fieldguide.library.render import Renderer
from fieldguide.library.sites import Combined, combine, load_sites

MAX_GRADE = 8.0


@dataclass(frozen=True)
class ArticleReport:
    """What `check` says of one article."""

    slug: str
    path: str
    grade: float


@dataclass(frozen=True)
class CheckReport:
    """Everything `fieldguide check` found in one library."""

    library: Library
    problems: tuple[Problem, ...]
    articles: tuple[ArticleReport, ...]

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def check_library(root: Path) -> CheckReport:
    """Load `root` and lint it; never raises."""
    return lint(load_library(root))


def check_sites(bundled: Library, folders: Iterable[Path]) -> tuple[Combined, list[CheckReport]]:
    """Lint each site library folder as mounted in the guide `bundled`; never raises.

    A site's report holds its problems (files relative to its own folder), with its links
    checked against the guide and itself, plus reading level and unused glossary words.
    """
    combined = combine(bundled, load_sites(folders))
    return combined, [lint(site.library, site.problems) for site in combined.sites]


def lint(library: Library, found: Sequence[Problem] | None = None) -> CheckReport:
    """`library`'s problems (or `found`), plus reading level and unused glossary words."""
    problems = list(library.problems if found is None else found)
    articles: list[ArticleReport] = []
    renderer = Renderer(library)
    used_terms: set[str] = set()
    for slug, article in sorted(library.articles.items()):
        level = grade(article.body)
        articles.append(ArticleReport(slug, article.path, level))
        if level > MAX_GRADE:
            problems.append(
                Problem(
                    article.path,
                    None,
                    Severity.WARNING,
                    f"Reading level is grade {level:.1f}; keep it at grade {MAX_GRADE:.0f} or "
                    "below (aim for 6): use shorter sentences and everyday words.",
                    "reading-level",
                )
            )
        used_terms.update(renderer.render(article).terms)
    for term in library.glossary:
        if term.term not in used_terms:
            problems.append(
                Problem(
                    "glossary.yml",
                    None,
                    Severity.WARNING,
                    f"The glossary word “{term.term}” is not used in any article. Use it in an "
                    "article or remove it from the glossary.",
                    "unused-term",
                )
            )
    return CheckReport(library, tuple(problems), tuple(articles))
