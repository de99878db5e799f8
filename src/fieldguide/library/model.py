"""Frozen records of a loaded library: Library, Topic, Article, Source, GlossaryTerm.

The small records are NamedTuples: defining one costs a fifth of a frozen dataclass
(~0.8 M instructions against ~4 M, compiled at every start), and they are made by the
thousand for a big library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar


class Severity(StrEnum):
    """How bad a problem is: errors stop a library from passing `fieldguide check`."""

    ERROR = "error"
    WARNING = "warning"


class Problem(NamedTuple):
    """One thing wrong in a library, said so that a clinic editor can fix it."""

    file: str  # path relative to the library root, with forward slashes ("" for the folder)
    line: int | None  # 1-based line in that file, when known
    severity: Severity
    message: str  # a plain sentence: what is wrong and how to fix it
    code: str  # short stable identifier, e.g. "bad-yaml", "unknown-source", "broken-link"

    def __str__(self) -> str:
        where = self.file or "."
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.severity.value}: {self.message}"


class Source(NamedTuple):
    """A published source that articles cite (from sources.yml)."""

    id: str
    title: str
    publisher: str = ""
    authors: str = ""
    year: int | None = None
    url: str = ""


class GlossaryTerm(NamedTuple):
    """A medical or technical word with its plain definition (from glossary.yml)."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and all its aliases."""
        return (self.term, *self.aliases)


class Article(NamedTuple):
    """One article: front matter plus its Markdown body."""

    slug: str  # path without ".md", forward slashes: "withdrawal/how-long-it-lasts"
    title: str
    summary: str
    body: str  # Markdown, without the front matter
    path: str  # file path relative to the library root ("withdrawal/how-long-it-lasts.md")
    body_line: int = 1  # line of the file on which the body starts (for problem reports)
    order: int = 0
    keywords: tuple[str, ...] = ()
    reviewed: dt.date | None = None
    sources: tuple[str, ...] = ()

    @property
    def topic(self) -> str:
        """Slug of the topic (folder) the article is in; "" for the library root."""
        return self.slug.rpartition("/")[0]


class Heading(NamedTuple):
    """One heading of a rendered document, for an in-article list of contents."""

    level: int
    id: str
    text: str


class Topic(NamedTuple):
    """A folder of the library: its articles and sub-topics, sorted by order then title."""

    slug: str  # folder path relative to the root; "" for the root itself
    title: str
    summary: str = ""
    order: int = 0
    articles: tuple[str, ...] = ()  # article slugs, sorted
    children: tuple[Topic, ...] = ()

    def walk(self) -> tuple[Topic, ...]:
        """This topic and every topic below it, depth first."""
        out: list[Topic] = [self]
        for child in self.children:
            out.extend(child.walk())
        return tuple(out)


_V = TypeVar("_V")


def _frozen_map(value: Mapping[str, _V]) -> Mapping[str, _V]:
    return MappingProxyType(dict(value))


class Library:
    """A loaded library: everything that loaded well, plus the problems found.

    Read-only: its maps cannot be changed, and `replace(**changes)` makes a changed copy. A
    plain class, not a frozen dataclass, which costs ~3.5 M instructions to build at every
    start (Python compiles its methods from source)."""

    __slots__ = (
        "articles",
        "files",
        "glossary",
        "home",
        "id",
        "language",
        "mounts",
        "problems",
        "publisher",
        "root",
        "sources",
        "title",
        "topics",
        "version",
    )

    def __init__(
        self,
        root: Path,
        id: str,
        title: str,
        home: str,  # slug of the start article ("" when the library has none)
        language: str = "en",
        version: str = "",
        publisher: str = "",
        topics: Topic | None = None,
        articles: Mapping[str, Article] | None = None,
        sources: Mapping[str, Source] | None = None,
        glossary: tuple[GlossaryTerm, ...] = (),
        problems: tuple[Problem, ...] = (),
        files: frozenset[str] = frozenset(),  # every ordinary file, relative, "/"-separated
        # Site libraries shown inside this one (see library.sites): slug prefix -> their folder.
        mounts: Mapping[str, Path] | None = None,
    ) -> None:
        self.root = root
        self.id = id
        self.title = title
        self.home = home
        self.language = language
        self.version = version
        self.publisher = publisher
        self.topics = topics if topics is not None else Topic(slug="", title="")
        self.articles: Mapping[str, Article] = _frozen_map(articles or {})
        self.sources: Mapping[str, Source] = _frozen_map(sources or {})
        self.glossary = glossary
        self.problems = problems
        self.files = files
        self.mounts: Mapping[str, Path] = _frozen_map(mounts or {})

    def replace(self, **changes: Any) -> Library:
        """A copy with `changes`."""
        values = {name: getattr(self, name) for name in self.__slots__}
        return Library(**(values | changes))

    def __repr__(self) -> str:
        return f"Library({self.root!r}, {self.id!r}, {len(self.articles)} articles)"

    def article(self, slug: str) -> Article | None:
        """The article with this slug, or None."""
        return self.articles.get(slug)

    def topic(self, slug: str) -> Topic | None:
        """The topic with this slug, or None."""
        for topic in self.topics.walk():
            if topic.slug == slug:
                return topic
        return None

    def mount_of(self, path: str) -> str:
        """The prefix of the site library that holds library-relative `path` ("" for none)."""
        head = path.partition("/")[0]
        return head if head in self.mounts and "/" in path else ""

    def file_location(self, document: str, target: str) -> tuple[Path, str] | None:
        """The folder, and the path inside it, of file `target` as seen from `document` (both
        library-relative). A document reads files of its own library only: a site page never
        shows a picture of the guide or of another site, and the guide none of a site's.
        """
        site = self.mount_of(document)
        if self.mount_of(target) != site:
            return None
        if site:
            return self.mounts[site], target[len(site) + 1 :]
        return self.root, target

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems of severity error."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)
