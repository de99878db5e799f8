"""Article → safe HTML for QTextBrowser: Python-Markdown with our extensions, then an allow-list.

A `Renderer` holds one configured `markdown.Markdown` and is NOT thread-safe: make one per thread
(the UI thread has its own; a worker that checks a library makes another). Raw HTML in articles is
never markup: the `html_block` and `html` processors are removed, so it shows as text, and the
result goes through `sanitize.clean` all the same. `plain_text` (from `plaintext`) gives the text
without markup for grading and indexing.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension

from fieldguide.library import mdext, sanitize
from fieldguide.library.links import heading_id
from fieldguide.library.mdext import boxes, glossary, images, links
from fieldguide.library.mdext.qtcompat import QtCompatExtension
from fieldguide.library.model import Article, GlossaryTerm, Heading, Library, Problem, Severity
from fieldguide.library.plaintext import markdown_text, plain_text
from fieldguide.library.style import DEFAULT_CSS

__all__ = ["DEFAULT_CSS", "Heading", "Rendered", "Renderer", "markdown_text", "plain_text"]

log = logging.getLogger(__name__)

_NOTICE_OUTPUTS = (links.NOTICES, images.NOTICES, boxes.NOTICES)


@dataclass(frozen=True)
class Rendered:
    """A rendered document: safe HTML and what was found while making it."""

    html: str
    headings: tuple[Heading, ...] = ()
    links: tuple[str, ...] = ()  # slugs of existing articles linked, in order, once each
    terms: tuple[str, ...] = ()  # canonical glossary terms used, in order
    images: tuple[str, ...] = ()  # library-relative paths of pictures shown
    problems: tuple[Problem, ...] = ()  # broken links, missing pictures, things removed


def _slugify(value: str, separator: str) -> str:
    return heading_id(value)


def _base_markdown(*extensions: Any) -> Markdown:
    """Markdown with tables, heading ids, boxes and no raw HTML, plus `extensions`."""
    md = Markdown(
        extensions=[
            TableExtension(use_align_attribute=True),
            TocExtension(slugify=_slugify, marker="", toc_depth=6),
            boxes.BoxExtension(),
            *extensions,
        ],
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def build_markdown(
    *,
    root: str = "",
    terms: Collection[GlossaryTerm] = (),
    anchors: Callable[[str], Collection[str] | None] | None = None,
    locate: images.Locate | None = None,
) -> Markdown:
    """The fully configured Markdown instance a Renderer uses (exposed for tests and tools).

    `locate` (document, picture) -> (folder, path) replaces `root` for a library with site
    libraries mounted in it."""
    return _base_markdown(
        links.LinkExtension(anchors=anchors or (lambda slug: None)),
        images.ImageExtension(root=root, locate=locate),
        glossary.GlossaryExtension(terms=tuple(terms)),
        QtCompatExtension(),
    )


def _headings(md: Markdown) -> tuple[Heading, ...]:
    out: list[Heading] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            text = html.unescape(str(token.get("name", "")))
            out.append(Heading(int(token["level"]), str(token["id"]), text))
            walk(token.get("children", []))

    walk(getattr(md, "toc_tokens", []))
    return tuple(out)


def _line(text: str, needle: str, first_line: int) -> int | None:
    at = text.find(needle) if needle else -1
    return None if at < 0 else first_line + text.count("\n", 0, at)


class _LazyIds(Collection[str]):
    """A set of heading ids made the first time it is looked at."""

    def __init__(self, make: Callable[[], frozenset[str]]) -> None:
        self._make = make
        self._ids: frozenset[str] | None = None

    def _get(self) -> frozenset[str]:
        if self._ids is None:
            self._ids = self._make()
        return self._ids

    def __contains__(self, value: object) -> bool:
        return value in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


class Renderer:
    """Renders the articles of one library. One per thread: it is not thread-safe."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._md = build_markdown(
            root=str(library.root),
            terms=library.glossary,
            anchors=self._anchors,
            locate=library.file_location if library.mounts else None,
        )
        self._outline_md = _base_markdown()
        self._ids: dict[str, frozenset[str]] = {}

    def heading_ids(self, slug: str) -> frozenset[str] | None:
        """The heading ids of an article (as links may target them), or None if it is missing."""
        article = self.library.article(slug)
        if article is None:
            return None
        if slug not in self._ids:
            self._outline_md.reset()
            self._outline_md.convert(article.body)
            self._ids[slug] = frozenset(h.id for h in _headings(self._outline_md))
        return self._ids[slug]

    def _anchors(self, slug: str) -> Collection[str] | None:
        """For links: None for a missing article, else its heading ids, worked out only when a
        link names a heading (most links do not; the start page links to 30 articles)."""
        if self.library.article(slug) is None:
            return None
        return _LazyIds(lambda: self.heading_ids(slug) or frozenset())

    def render(self, article: Article) -> Rendered:
        """The article body as safe HTML (the title is not included). Never raises."""
        return self._render(article.body, article.path, article.body_line)

    def render_markdown(self, text: str, *, path: str = "") -> Rendered:
        """Any Markdown of the library (links resolve from `path`). Never raises."""
        return self._render(text, path, 1)

    def _render(self, text: str, path: str, first_line: int) -> Rendered:
        try:
            return self._convert(text, path, first_line)
        except Exception:  # a renderer bug must not take the reader down
            log.exception("rendering %s failed", path or "a document")
            problem = Problem(
                path, None, Severity.ERROR, "This page could not be shown.", "render-failed"
            )
            message = "Sorry, this page could not be shown."
            return Rendered(f'<p class="render-failed">{message}</p>', problems=(problem,))

    def _convert(self, text: str, path: str, first_line: int) -> Rendered:
        md = self._md
        md.reset()
        mdext.set_document_path(md, path)
        body = sanitize.clean(md.convert(text))
        problems = [
            Problem(path, _line(text, n.needle, first_line), n.severity, n.message, n.code)
            for name in _NOTICE_OUTPUTS
            for n in mdext.notices(md, name)
        ]
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        return Rendered(
            html=body,
            headings=_headings(md),
            links=tuple(mdext.outputs(md, links.LINKS)),
            terms=tuple(mdext.outputs(md, glossary.TERMS)),
            images=tuple(mdext.outputs(md, images.IMAGES)),
            problems=tuple(problems),
        )
