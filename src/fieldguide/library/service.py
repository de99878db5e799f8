"""What the reader asks of a library: pages by slug, the topic tree, and plain messages when
something is missing. Plain values in and out; the UI never touches files or Markdown."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldguide.library.model import Heading, Library, Topic

if TYPE_CHECKING:  # Markdown is imported when the first article is rendered, not at start-up
    from fieldguide.library.render import Renderer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """A page ready to show: an article, a topic overview or a message."""

    slug: str  # article or topic slug; "" for a message page
    title: str
    html: str
    kind: str = "article"  # "article", "topic" or "message"
    topic_path: tuple[str, ...] = ()  # titles from the top topic down to the page's topic
    headings: tuple[Heading, ...] = ()  # the article's headings, for an in-article contents list


def message_page(title: str, text: str) -> Page:
    """A page that explains a problem in plain words."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    return Page(slug="", title=title, html=f"<h1>{html.escape(title)}</h1>{body}", kind="message")


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
        parts = slug.split("/")
        path: list[str] = []
        for depth in range(1, len(parts)):
            topic = self.library.topic("/".join(parts[:depth]))
            if topic is not None:
                path.append(topic.title)
        return tuple(path)

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
            body = f"<h1>{html.escape(article.title)}</h1>{rendered.html}"
            page = Page(
                slug, article.title, body, "article", self.topic_path(slug), rendered.headings
            )
        else:
            topic = self.library.topic(slug) if slug else None
            if topic is None:
                log.info("no article or topic %r", slug)
                return message_page(
                    "Page not found",
                    f"This guide has no page called “{slug}”. It may have been moved or "
                    "removed.\n\nUse Back to return, or pick a topic from the list.",
                )
            page = self._topic_page(topic)
        self._cache[slug] = page
        return page

    def _topic_page(self, topic: Topic) -> Page:
        """A topic overview: its summary, then its articles and sub-topics with summaries."""
        parts = [f"<h1>{html.escape(topic.title)}</h1>"]
        if topic.summary:
            parts.append(f"<p>{html.escape(topic.summary)}</p>")
        items = []
        for slug in topic.articles:
            article = self.library.articles[slug]
            items.append(
                f'<li><a href="article:{html.escape(slug)}">{html.escape(article.title)}</a>'
                f"<br>{html.escape(article.summary)}</li>"
            )
        for child in topic.children:
            items.append(
                f'<li><a href="article:{html.escape(child.slug)}">{html.escape(child.title)}</a>'
                f"<br>{html.escape(child.summary)}</li>"
            )
        if items:
            parts.append(f'<ul class="topic-list">{"".join(items)}</ul>')
        return Page(topic.slug, topic.title, "".join(parts), "topic", self.topic_path(topic.slug))
