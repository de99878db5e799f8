"""Links: relative `.md` links become `article:` links, outside links are marked, bad ones removed.

Every `a[href]` is classified with `fieldguide.library.links.classify_link` against the path of the
document being rendered (see `mdext.set_document_path`):

- another article → `article:<slug>#<anchor>`; a missing article or heading gets class "broken";
- `#anchor` in the same document stays as it is, or gets class "broken" when no heading has that id;
- http, https, mailto, tel → kept, class "external", a visible marker after the text and the
  address as its title (the app shows it and never follows it by itself);
- anything else (javascript:, data:, file:, a path out of the library, a link to a non-article
  file, an empty link) → becomes `<span class="broken">` with the text kept.

Heading ids of other articles come from the injected `anchors(slug)` callable, which returns the
set of ids or None when there is no such article (the `build_url` idea of `wikilinks.py`).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, AtomicString

from fieldguide.library import links as rules
from fieldguide.library.mdext import Notice, document_path, outputs, reset_outputs
from fieldguide.library.model import Severity

LINKS = "fieldguide_links"  # slugs of existing articles linked, in document order
NOTICES = "fieldguide_link_notices"

AnchorLookup = Callable[[str], Collection[str] | None]


def _no_articles(slug: str) -> Collection[str] | None:
    return None


def add_class(el: etree.Element, name: str) -> None:
    """Add a CSS class to an element, keeping the ones it has."""
    classes = el.get("class", "").split()
    if name not in classes:
        el.set("class", " ".join([*classes, name]))


class LinkTreeprocessor(Treeprocessor):
    """Resolve, mark or remove every link of the document."""

    def __init__(self, md: Markdown, anchors: AnchorLookup, marker: str) -> None:
        super().__init__(md)
        self.anchors = anchors
        self.marker = marker

    def run(self, root: etree.Element) -> None:
        ids = {el.get("id", "") for el in root.iter() if el.get("id")}
        for a in list(root.iter("a")):
            written = a.get("href")
            if written is not None:
                self.handle(a, written, ids)

    def notice(self, code: str, message: str, needle: str) -> None:
        outputs(self.md, NOTICES).append(Notice(code, message, needle, Severity.ERROR))

    def handle(self, a: etree.Element, written: str, ids: set[str]) -> None:
        href = html.unescape(written.replace(AMP_SUBSTITUTE, "&")).strip()
        target = rules.classify_link(document_path(self.md), href)
        kind = target.kind
        if kind is rules.LinkKind.EXTERNAL:
            self.mark_external(a, href)
        elif kind is rules.LinkKind.ANCHOR and target.anchor:
            a.set("href", "#" + target.anchor)
            if target.anchor not in ids:
                add_class(a, "broken")
                self.notice(
                    "missing-anchor",
                    f'The link "{href}" points to a heading that is not in this page.',
                    written,
                )
        elif kind is rules.LinkKind.ARTICLE:
            self.resolve_article(a, target, written)
        else:
            self.remove(a, kind, href, written)

    def resolve_article(self, a: etree.Element, target: rules.LinkTarget, written: str) -> None:
        a.set("href", rules.article_url(target.slug, target.anchor))
        found = self.anchors(target.slug)
        if found is None:
            add_class(a, "broken")
            self.notice(
                "broken-link",
                f'The link "{target.url}" points to "{target.path}", which is not in the library.',
                written,
            )
            return
        links = outputs(self.md, LINKS)
        if target.slug not in links:
            links.append(target.slug)
        if target.anchor and target.anchor not in found:
            add_class(a, "broken")
            self.notice(
                "missing-anchor",
                f'The link "{target.url}" points to a heading "#{target.anchor}" '
                f'that "{target.path}" does not have.',
                written,
            )

    def mark_external(self, a: etree.Element, href: str) -> None:
        a.set("href", href)
        add_class(a, "external")
        if not a.get("title"):
            a.set("title", href)
        if not self.marker:
            return
        if len(a):
            last = a[-1]
            last.tail = AtomicString((last.tail or "") + self.marker)
        else:
            a.text = AtomicString((a.text or "") + self.marker)

    def remove(self, a: etree.Element, kind: rules.LinkKind, href: str, written: str) -> None:
        reasons = {
            rules.LinkKind.OUTSIDE: ("link-outside", "leads out of the library folder"),
            rules.LinkKind.FILE: ("link-to-file", "points to a file that is not an article"),
            rules.LinkKind.UNSAFE: ("unsafe-link", "uses a kind of address the guide never opens"),
            rules.LinkKind.ANCHOR: ("empty-link", "has no address"),
        }
        code, why = reasons.get(kind, ("unsafe-link", "cannot be followed"))
        self.notice(code, f'The link "{href}" {why}; it is shown as plain text.', written)
        title = a.get("title")
        a.tag = "span"
        a.attrib.clear()
        a.set("class", "broken")
        if title:
            a.set("title", title)


class LinkExtension(Extension):
    """Register the link processor; collect linked slugs and notices per document."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "anchors": [
                _no_articles,
                "Callable(slug) -> heading ids of that article, or None when it does not exist.",
            ],
            "external_marker": [" \u2197", "Text added after a link that leads out of the guide."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processor.

        | Class               | Registry       | Name    | Priority |
        | ------------------- | -------------- | ------- | -------- |
        | `LinkTreeprocessor` | treeprocessors | `links` | 4        |

        4 is after `toc` (5), so every heading already has its id and the marker we add to
        external links cannot change a heading id; it is before the glossary (1), which adds
        `term:` links that must not be treated as article links.
        """
        md.registerExtension(self)
        self.md = md
        self.reset()
        processor = LinkTreeprocessor(
            md, self.getConfig("anchors"), str(self.getConfig("external_marker"))
        )
        md.treeprocessors.register(processor, "links", 4)

    def reset(self) -> None:
        """Forget the previous document's links and notices."""
        reset_outputs(self.md, LINKS, NOTICES)


def makeExtension(**kwargs: Any) -> LinkExtension:
    """Entry point for `markdown.Markdown(extensions=[...])`."""
    return LinkExtension(**kwargs)
