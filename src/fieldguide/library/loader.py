"""Loading a library folder into a Library; every problem is collected, nothing is raised.

    library = load_library(Path("resources/library"))
    for problem in library.problems:
        print(problem)

Files are found with os.scandir and never through a symlink (see `tree`), read with a size limit
(see `textfile`), and parsed from their own text only. One broken file never stops the rest.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from fieldguide.library.frontmatter import parse_article, title_from_name
from fieldguide.library.linkcheck import LinkChecker
from fieldguide.library.metafiles import (
    LibraryInfo,
    read_glossary,
    read_library_info,
    read_sources,
    read_topic_info,
)
from fieldguide.library.model import Article, GlossaryTerm, Library, Source, Topic
from fieldguide.library.problems import ProblemLog, quoted
from fieldguide.library.textfile import read_text
from fieldguide.library.tree import TOPIC_FILE, Folder, Scan, scan_library

log = logging.getLogger(__name__)

_T = TypeVar("_T")


def load_library(root: Path, *, check_links: bool = True) -> Library:
    """Load the library in folder `root`. Never raises: what is wrong is in `Library.problems`.

    `check_links=False` skips reading every article body for links and headings (the app does
    not need it to start; `fieldguide check` does).
    """
    problems = ProblemLog()
    folder = Path(os.path.abspath(root))
    try:
        return _Loader(folder, problems).load(check_links=check_links)
    except Exception:  # a bug must not take the reader down; the log keeps the details
        log.exception("loading the library %s failed", folder)
        problems.error(
            "",
            None,
            "internal-error",
            "Field Guide could not finish loading this library because of an error in the "
            "program. Please report it, with the log file.",
        )
        return Library(
            root=folder,
            id=folder.name,
            title=folder.name or str(folder),
            home="",
            problems=problems.sorted(),
        )


class _Loader:
    """One load of one folder."""

    def __init__(self, root: Path, problems: ProblemLog) -> None:
        self.root = root
        self.top = str(root)
        self.problems = problems
        self.sources: dict[str, Source] = {}
        self.articles: dict[str, Article] = {}

    def _empty(self, code: str, message: str) -> Library:
        """A library with no content, and (unless `code` is "") the problem that says why."""
        if code:
            self.problems.error("", None, code, message)
        name = self.root.name or str(self.root)
        return Library(
            root=self.root,
            id=name,
            title=name,
            home="",
            topics=Topic(slug="", title=name),
            problems=self.problems.sorted(),
        )

    def load(self, *, check_links: bool) -> Library:
        where = quoted(str(self.root), 200)
        if not os.path.exists(self.top):
            return self._empty(
                "library-missing",
                f"The library folder {where} does not exist. Check the folder name in the "
                "settings, or copy the library there.",
            )
        if not os.path.isdir(self.top):
            return self._empty(
                "library-not-folder",
                f"{where} is a file, not a folder. Choose the folder that holds library.yml.",
            )
        scan = scan_library(self.top, self.problems)
        if scan.empty and self.problems.items:  # the folder itself could not be read
            return self._empty("", "")
        if scan.empty:
            return self._empty(
                "library-empty",
                f"The library folder {where} is empty. Copy a library into it (library.yml, "
                "topic folders with articles).",
            )
        info = self._library_info(scan)
        if "sources.yml" in scan.files:
            self.sources = self._guarded("sources.yml", read_sources, {})
        glossary: tuple[GlossaryTerm, ...] = ()
        if "glossary.yml" in scan.files:
            glossary = self._guarded("glossary.yml", read_glossary, ())
        self._load_articles(scan.root)
        title = info.title or self.root.name or str(self.root)
        topics = self._topic(scan.root, title)
        home = self._home(info, scan)
        if check_links:
            folders = {topic.slug for topic in topics.walk()}
            checker = LinkChecker(self.articles, scan.files, folders, self.problems)
            for article in self.articles.values():
                try:
                    checker.check_article(article)
                except Exception:
                    log.exception("checking the links of %s failed", article.path)
                    self._internal(article.path)
        return Library(
            root=self.root,
            id=info.id or self.root.name,
            title=title,
            home=home,
            language=info.language or "en",
            version=info.version or "",
            publisher=info.publisher or "",
            topics=topics,
            articles=self.articles,
            sources=self.sources,
            glossary=glossary,
            problems=self.problems.sorted(),
            files=frozenset(scan.files),
        )

    def _guarded(self, rel: str, read: Callable[[str, ProblemLog], _T], default: _T) -> _T:
        """Run one file's reader; a bug in it costs that file, not the library."""
        try:
            return read(self.top, self.problems)
        except Exception:
            log.exception("reading %s failed", rel)
            self._internal(rel)
            return default

    def _internal(self, rel: str) -> None:
        self.problems.error(
            rel,
            None,
            "internal-error",
            "Field Guide could not read this file because of an error in the program. "
            "Please report it, with the file.",
        )

    def _library_info(self, scan: Scan) -> LibraryInfo:
        if "library.yml" not in scan.files:
            self.problems.error(
                "library.yml",
                None,
                "no-library-file",
                "This folder has no library.yml, so it may not be a library. Choose the folder "
                "that holds library.yml, or create one with at least 'title: …' and 'home: …'.",
            )
            return LibraryInfo()
        return self._guarded("library.yml", read_library_info, LibraryInfo())

    def _load_articles(self, folder: Folder) -> None:
        for rel in folder.articles:
            try:
                text = read_text(self.top, rel, self.problems)
                article = (
                    None if text is None else parse_article(rel, text, self.sources, self.problems)
                )
            except Exception:
                log.exception("reading article %s failed", rel)
                self._internal(rel)
                continue
            if article is not None:
                self.articles[article.slug] = article
        for child in folder.children:
            self._load_articles(child)

    def _topic(self, folder: Folder, title: str, summary: str = "", order: int = 0) -> Topic:
        children: list[Topic] = []
        for child in folder.children:
            if not child.has_content():
                self.problems.warning(
                    child.rel,
                    None,
                    "empty-topic",
                    "This folder has no articles, so it is not shown. Add an article (a .md "
                    "file) or remove the folder.",
                )
                continue
            children.append(self._child_topic(child))
        children.sort(key=lambda t: (t.order, t.title.casefold(), t.slug))
        articles = [self.articles[a[:-3]] for a in folder.articles if a[:-3] in self.articles]
        articles.sort(key=lambda a: (a.order, a.title.casefold(), a.slug))
        return Topic(
            slug=folder.rel,
            title=title,
            summary=summary,
            order=order,
            articles=tuple(a.slug for a in articles),
            children=tuple(children),
        )

    def _child_topic(self, folder: Folder) -> Topic:
        name = folder.rel.rpartition("/")[2]
        rel = f"{folder.rel}/{TOPIC_FILE}"
        if not folder.has_topic_file:
            self.problems.warning(
                folder.rel,
                None,
                "missing-topic-file",
                f"This topic folder has no {TOPIC_FILE}, so its title is made from the folder "
                f"name ({quoted(title_from_name(name))}). Add {TOPIC_FILE} with 'title: …' and "
                "'order: …'.",
            )
            return self._topic(folder, title_from_name(name))
        try:
            info = read_topic_info(self.top, rel, self.problems)
        except Exception:
            log.exception("reading %s failed", rel)
            self._internal(rel)
            return self._topic(folder, title_from_name(name))
        return self._topic(folder, info.title or title_from_name(name), info.summary, info.order)

    def _home(self, info: LibraryInfo, scan: Scan) -> str:
        if not info.home:
            return ""
        home = info.home.strip().strip("/")
        if home in self.articles:
            return home
        if f"{home}.md" in scan.files:
            return ""  # the article is there but broken: that is reported already
        hint = (
            " Write it without '.md'."
            if home.endswith(".md")
            else " Write the article's path without '.md', like 'withdrawal/how-long-it-lasts'."
        )
        self.problems.error(
            "library.yml",
            info.home_line,
            "unknown-home",
            f"The start page (home) {quoted(info.home)} is not an article of this library.{hint}",
        )
        return ""
