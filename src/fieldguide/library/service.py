"""What the reader asks of a library: pages by slug, the topic tree, and plain messages when
something is missing. Plain values in and out; the UI never touches files or Markdown."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, NamedTuple

from fieldguide.library.handout import long_date
from fieldguide.library.model import Heading, Library, Source, Topic

if TYPE_CHECKING:  # Markdown is imported when the first article is rendered, not at start-up
    from fieldguide.library.render import Renderer

log = logging.getLogger(__name__)

SOURCES_ID = "article-sources"  # anchor of the sources list at the end of each article


class Page(NamedTuple):
    """A page ready to show: an article, a topic overview or a message."""

    slug: str  # article or topic slug; "" for a message page
    title: str
    html: str
    kind: str = "article"  # "article", "topic" or "message"
    topic_path: tuple[str, ...] = ()  # titles from the top topic down to the page's topic
    headings: tuple[Heading, ...] = ()  # the article's headings, for an in-article contents list
    sources: tuple[Source, ...] = ()  # what an article cites, in its own order
    reviewed: dt.date | None = None  # when an article was last checked by a reviewer
    # Shown on screen after `html`: the sources (addresses as links) and the reviewed date.
    # A printed handout writes its own (library/handout.py), with the addresses spelled out.
    footer_html: str = ""


def _escape(text: str) -> str:
    """html.escape, imported at its first use: the html package loads its table of 2,000
    named characters, which the first paint does not need (it shows a stored page)."""
    from html import escape

    return escape(text)


def source_html(source: Source) -> str:
    """One source as a line: title, who published or wrote it, the year, the address as a link.

    The address keeps the renderer's external-link form (class "external", the address as the
    title, text ending " ↗") so that the reader handles it like any other link to the web.
    """
    parts = [f'<span class="source-title">{_escape(source.title)}</span>.']
    who = ". ".join(p for p in (source.authors, source.publisher) if p)
    when = str(source.year) if source.year else ""
    byline = ", ".join(p for p in (who, when) if p)
    if byline:
        parts.append(f"{_escape(byline)}.")
    if source.url.startswith(("https://", "http://")):
        url = _escape(source.url)
        parts.append(f'<a class="external" href="{url}" title="{url}">{url} ↗</a>')
    elif source.url:
        parts.append(_escape(source.url))
    return " ".join(parts)


def sources_html(sources: tuple[Source, ...], reviewed: dt.date | None) -> str:
    """The end of an article: its sources as a numbered list, then the "Last reviewed" date."""
    parts: list[str] = []
    if sources:
        items = "".join(f"<li>{source_html(s)}</li>" for s in sources)
        parts.append(f'<h2 id="{SOURCES_ID}">Sources</h2><ol class="sources">{items}</ol>')
    if reviewed is not None:
        parts.append(f'<p class="reviewed">Last reviewed: {long_date(reviewed)}</p>')
    if not parts:
        return ""
    return f'<hr><div class="sources">{"".join(parts)}</div>'


def message_page(title: str, text: str) -> Page:
    """A page that explains a problem in plain words."""
    body = "".join(f"<p>{_escape(p)}</p>" for p in text.split("\n\n"))
    return Page(slug="", title=title, html=f"<h1>{_escape(title)}</h1>{body}", kind="message")


class LibraryService:
    """Turns slugs into pages for one library; renders lazily and keeps what it rendered."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._renderer: Renderer | None = None
        self._cache: dict[str, Page] = {}

    @property
    def home(self) -> str:
        """Slug of the start page ("" when the library has none)."""
        if self.library.home in self.library.articles:
            return self.library.home
        return next(iter(self.library.articles), "")

    def start_page(self) -> Page:
        """The page to show first: the home article, or a plain message when there is none."""
        if self.home:
            return self.page(self.home)
        errors = [p.message for p in self.library.errors[:3]]
        return message_page(
            "No articles to show",
            f"Field Guide could not find any articles in “{self.library.root}”.\n\n"
            + "\n\n".join(errors)
            + ("\n\n" if errors else "")
            + "If you use a USB stick, check that it is plugged in and copied whole.",
        )

    def topic_path(self, slug: str) -> tuple[str, ...]:
        """Titles of the topics that hold the article or topic `slug`, from the top down."""
        return tuple(title for _, title in self.topic_trail(slug))

    def exists(self, slug: str) -> bool:
        """True when the library has an article or topic called `slug`."""
        if not slug:
            return False
        return self.library.article(slug) is not None or self.library.topic(slug) is not None

    def title_of(self, slug: str) -> str:
        """The title of the article or topic `slug` ("" when there is none), from what the
        library already holds: nothing is rendered, and a quick-start catalog answers it."""
        if not slug:
            return ""
        article = self.library.articles.get(slug)
        if article is not None:
            return str(article.title)
        topic = next((t for t in self.library.topics.walk() if t.slug == slug), None)
        return topic.title if topic is not None else ""

    def sources_of(self, slug: str) -> tuple[Source, ...]:
        """The sources an article cites, in its order (ids missing from sources.yml skipped)."""
        article = self.library.article(slug)
        if article is None:
            return ()
        found = (self.library.sources.get(sid) for sid in article.sources)
        return tuple(s for s in found if isinstance(s, Source))

    def page(self, slug: str) -> Page:
        """The page for an article or topic slug; a message page when there is none."""
        if slug in self._cache:
            return self._cache[slug]
        article = self.library.article(slug)
        if article is not None:
            if self._renderer is None:
                from fieldguide.library.render import Renderer

                self._renderer = Renderer(self.library)
            rendered = self._renderer.render(article)
            sources = self.sources_of(slug)
            body = f"<h1>{_escape(article.title)}</h1>{rendered.html}"
            page = Page(
                slug,
                article.title,
                body,
                "article",
                self.topic_path(slug),
                rendered.headings,
                sources=sources,
                reviewed=article.reviewed,
                footer_html=sources_html(sources, article.reviewed),
            )
        else:
            topic = self.library.topic(slug) if slug else None
            if topic is None:
                log.info("no article or topic %r", slug)
                return self.not_found(slug)
            page = self._topic_page(topic)
        self._cache[slug] = page
        return page

    def not_found(self, slug: str) -> Page:
        """The message for a page this library does not have, with a way back to the start."""
        page = message_page(
            "Page not found",
            f"This guide has no page called “{slug}”. It may have been moved or "
            "removed.\n\nUse Back to return, or pick a topic from the list.",
        )
        if not self.home:
            return page
        link = f'<p><a href="article:{_escape(self.home)}">Go to the start page</a></p>'
        return Page(page.slug, page.title, page.html + link, page.kind)

    def topic_trail(self, slug: str) -> tuple[tuple[str, str], ...]:
        """(slug, title) of each topic that holds `slug`, from the top down (for a breadcrumb)."""
        parts = slug.split("/")
        trail: list[tuple[str, str]] = []
        for depth in range(1, len(parts)):
            topic = self.library.topic("/".join(parts[:depth]))
            if topic is not None:
                trail.append((topic.slug, topic.title))
        return tuple(trail)

    def _topic_page(self, topic: Topic) -> Page:
        """A topic overview: its summary, then its articles and sub-topics with summaries."""
        parts = [f"<h1>{_escape(topic.title)}</h1>"]
        if topic.summary:
            parts.append(f"<p>{_escape(topic.summary)}</p>")
        items = []
        for slug in topic.articles:
            article = self.library.articles[slug]
            items.append(
                f'<li><a href="article:{_escape(slug)}">{_escape(article.title)}</a>'
                f"<br>{_escape(article.summary)}</li>"
            )
        for child in topic.children:
            items.append(
                f'<li><a href="article:{_escape(child.slug)}">{_escape(child.title)}</a>'
                f"<br>{_escape(child.summary)}</li>"
            )
        if items:
            parts.append(f'<ul class="topic-list">{"".join(items)}</ul>')
        return Page(topic.slug, topic.title, "".join(parts), "topic", self.topic_path(topic.slug))
