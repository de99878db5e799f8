"""Site libraries: a clinic's own folders shown beside the bundled guide, as one combined library.

A site library is a folder of the same format as the guide's. It is *mounted* in the guide: it
becomes one more top-level topic whose slug is the site's `id` (from its library.yml), its pages
get that prefix, and its links are read as if the site folder sat inside the guide's library
folder, beside `withdrawal/` and `kratom/`:

    clinic-pages/local-services.md        ->  slug "our-clinic/local-services"
    [How long it lasts](../withdrawal/how-long-it-lasts.md)   ->  the guide's article
    ![Map](images/map.png)                ->  clinic-pages/images/map.png (its own folder only)

So links between the site's own pages are ordinary relative links, and a link to the guide is
written exactly as the guide's own articles link between topics. Nothing is copied or rebuilt:
the site is read from its folder at every start.

    bundled = load_library(guide_dir)
    combined = combine(bundled, load_sites(config.libraries))
    combined.library        # one Library: the guide's topics, then one topic per site
    combined.sites[0].problems   # that site's problems, files relative to its own folder
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldguide.library.links import heading_id
from fieldguide.library.loader import load_library
from fieldguide.library.model import Article, Library, Problem, Source, Topic
from fieldguide.library.problems import ProblemLog, quoted
from fieldguide.library.sitelinks import check_site_links

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Site:
    """One site library and how it is shown in the combined library."""

    library: Library  # as loaded from its folder: its own slugs and paths
    prefix: str  # slug prefix (and top-level topic slug) in the combined library; "" = not shown
    problems: tuple[Problem, ...]  # the loader's, its links, mounting; files relative to its folder

    @property
    def folder(self) -> Path:
        """The site library's folder."""
        return self.library.root

    @property
    def shown(self) -> bool:
        """True when the site's pages are in the combined library."""
        return bool(self.prefix)


@dataclass(frozen=True)
class Combined:
    """The guide with its site libraries mounted in it."""

    library: Library  # the guide's topics, then one top-level topic per site shown
    sites: tuple[Site, ...]  # every site given, in order, shown or not


def load_sites(folders: Iterable[Path]) -> list[Library]:
    """Load each site folder (its links are checked later, by `combine`, against the guide)."""
    return [load_library(folder, check_links=False) for folder in folders]


def combine(bundled: Library, sites: Sequence[Library], *, check_links: bool = True) -> Combined:
    """Mount `sites` (loaded with `load_sites`) in the guide `bundled`. Never raises.

    With `check_links`, every link and picture of the sites' pages is checked against the
    combined library, so a link to a guide article is fine and a link to a missing one is a
    `broken-link` of that site, at its file and line.
    """
    if not sites:
        return Combined(bundled, ())
    taken = _top_level_names(bundled)
    articles: dict[str, Article] = dict(bundled.articles)
    files = set(bundled.files)
    sources: dict[str, Source] = dict(bundled.sources)
    glossary = list(bundled.glossary)
    known_terms = {form.casefold() for term in glossary for form in term.forms}
    children = list(bundled.topics.children)
    mounts: dict[str, Path] = {}
    logs: list[ProblemLog] = []
    prefixes: list[str] = []
    for site in sites:
        problems = ProblemLog()
        logs.append(problems)
        prefix = _mount_point(bundled, site, taken, problems)
        prefixes.append(prefix)
        if not prefix:
            continue
        taken.add(prefix.casefold())
        mounts[prefix] = site.root
        files.update(f"{prefix}/{name}" for name in site.files)
        sources.update({f"{prefix}/{key}": value for key, value in site.sources.items()})
        for article in site.articles.values():
            moved = _moved_article(article, prefix)
            articles[moved.slug] = moved
        children.append(_moved_topic(site.topics, prefix))
        for term in site.glossary:
            if any(form.casefold() in known_terms for form in term.forms):
                problems.warning(
                    "glossary.yml",
                    None,
                    "site-glossary-duplicate",
                    f"The word {quoted(term.term)} is already in the glossary of the guide (or "
                    "of a site before this one), so that definition is shown. Remove it here, "
                    "or use another word.",
                )
                continue
            glossary.append(term)
            known_terms.update(form.casefold() for form in term.forms)
    library = bundled.replace(
        topics=bundled.topics._replace(children=tuple(children)),
        articles=articles,
        sources=sources,
        glossary=tuple(glossary),
        files=frozenset(files),
        mounts=mounts,
    )
    if check_links:
        for prefix, problems in zip(prefixes, logs, strict=True):
            if prefix:
                check_site_links(library, prefix, problems)
    mounted = tuple(
        Site(site, prefix, tuple(sorted((*site.problems, *log_.items), key=_problem_order)))
        for site, prefix, log_ in zip(sites, prefixes, logs, strict=True)
    )
    every = [*bundled.problems]
    for shown in mounted:
        every.extend(_as_seen_from_guide(shown, problem) for problem in shown.problems)
    return Combined(library.replace(problems=tuple(every)), mounted)


def _problem_order(problem: Problem) -> tuple[str, int]:
    return (problem.file, problem.line if problem.line is not None else 0)


def _as_seen_from_guide(site: Site, problem: Problem) -> Problem:
    """A site's problem in the combined library: its file under the site's prefix (or its
    folder, when the site is not shown)."""
    where = site.prefix or site.folder.as_posix()
    return problem._replace(file=f"{where}/{problem.file}" if problem.file else where)


def _top_level_names(bundled: Library) -> set[str]:
    """Names a site's prefix must not take: the guide's top topics, top articles, top files."""
    names = {topic.slug for topic in bundled.topics.children}
    names.update(slug for slug in bundled.articles if "/" not in slug)
    names.update(name.partition("/")[0] for name in bundled.files)
    names.add("images")
    return {name.casefold() for name in names}


def _mount_point(bundled: Library, site: Library, taken: set[str], problems: ProblemLog) -> str:
    """The prefix the site is shown under, or "" when it cannot be shown (and why)."""
    if _same_folder(site.root, bundled.root):
        problems.error(
            "",
            None,
            "site-is-guide",
            "This folder is the guide's own library, so it is not shown a second time. Name "
            "your clinic's own folder in 'libraries' instead.",
        )
        return ""
    if not site.articles:
        if not any(problem.file == "" for problem in site.errors):  # missing, empty folder…
            problems.warning(
                "",
                None,
                "site-no-articles",
                "This site library has no articles, so nothing of it is shown. Add a page "
                "(a .md file with 'title:' and 'summary:' at the top).",
            )
        return ""
    prefix = _address(site.id) or _address(site.root.name) or "site"
    if prefix != site.id:
        problems.warning(
            "library.yml",
            None,
            "site-id",
            f"The id {quoted(site.id)} cannot be part of a page address as it is, so this "
            f"site's pages are found under '{prefix}/…' (for 'start_page' in the settings). "
            f"Write 'id: {prefix}' in library.yml to make that plain.",
        )
    if prefix.casefold() not in taken:
        return prefix
    number = 2
    while f"{prefix}-{number}".casefold() in taken:
        number += 1
    problems.error(
        "library.yml",
        None,
        "site-id-taken",
        f"The id {quoted(prefix)} is already the name of a topic of the guide or of another "
        f"site, so this site is shown under '{prefix}-{number}/…' for now. Give the site its "
        "own id in library.yml, for example your clinic's name: 'id: riverside-clinic'.",
    )
    return f"{prefix}-{number}"


def _address(text: str) -> str:
    """`text` as one part of a page address: small letters, digits, "-" and "_"."""
    return heading_id(text).strip("-")


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _moved_article(article: Article, prefix: str) -> Article:
    return article._replace(
        slug=f"{prefix}/{article.slug}",
        path=f"{prefix}/{article.path}",
        sources=tuple(f"{prefix}/{key}" for key in article.sources),
    )


def _moved_topic(topic: Topic, prefix: str) -> Topic:
    return topic._replace(
        slug=f"{prefix}/{topic.slug}" if topic.slug else prefix,
        articles=tuple(f"{prefix}/{slug}" for slug in topic.articles),
        children=tuple(_moved_topic(child, prefix) for child in topic.children),
    )


def site_notice(combined: Combined, missing: int = 0) -> str:
    """One plain line for the window when some of the clinic's own pages are not shown ("" when
    every site is): the sites that could not be mounted, and `missing` folders that the settings
    name but that are not there (the settings' own problems say which)."""
    parts = [f"“{site.folder.name or site.folder}”" for site in combined.sites if not site.shown]
    if missing:
        parts.append(f"{missing} folder{'s' if missing > 1 else ''} not found")
    if not parts:
        return ""
    return (
        f"Some of this clinic's own pages are not shown ({', '.join(parts)}). Whoever looks "
        "after this computer can run “fieldguide check --config” to see why."
    )
