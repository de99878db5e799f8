"""Article Markdown → plain text (no markup), for reading-level grading and search indexing.

The text is what a reader sees: Markdown is parsed by Python-Markdown (tables, boxes, raw HTML
kept as the text it shows as) and the tree's text is gathered directly, without building or
stripping HTML. Each block (paragraph, heading, list item, table row, box title) becomes one
paragraph, blocks are separated by a blank line and runs of spaces are collapsed. Pictures and
link addresses are left out; link text is kept. The article's title and summary are not included.

One Markdown instance is kept per thread, so this is safe to call from worker threads.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from fieldguide.library.mdext.boxes import BoxExtension
from fieldguide.library.model import Article

BLOCKS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre", "blockquote",
        "div", "table", "ul", "ol", "hr",
    }
)  # fmt: skip
CELLS = frozenset({"td", "th"})  # a table row is one block, its cells separated by a space
_RESULT = "fieldguide_plain_text"
_local = threading.local()


class _Gather(Treeprocessor):
    """Collect the document's text block by block, then empty the tree (nothing to serialize)."""

    def run(self, root: etree.Element) -> None:
        blocks: list[str] = []
        current: list[str] = []
        self.gather(root, blocks, current)
        self.flush(blocks, current)
        stash = self.md.htmlStash.rawHtmlBlocks

        def restore(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(stash[index]) if index < len(stash) else ""

        text = "\n\n".join(blocks)
        text = HTML_PLACEHOLDER_RE.sub(restore, text).replace(AMP_SUBSTITUTE, "&")
        setattr(self.md, _RESULT, html.unescape(text))
        for child in list(root):
            root.remove(child)

    def gather(self, el: etree.Element, blocks: list[str], current: list[str]) -> None:
        block = el.tag in BLOCKS
        if block:
            self.flush(blocks, current)
        if el.text and el.tag != "img":
            current.append(el.text)
        for child in el:
            self.gather(child, blocks, current)
            if child.tail:
                current.append(child.tail)
            elif child.tag in CELLS:
                current.append(" ")
        if block:
            self.flush(blocks, current)

    @staticmethod
    def flush(blocks: list[str], current: list[str]) -> None:
        text = " ".join("".join(current).split())
        if text:
            blocks.append(text)
        current.clear()


def _converter() -> Markdown:
    md: Markdown | None = getattr(_local, "md", None)
    if md is None:
        md = Markdown(extensions=["tables", BoxExtension()])
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Gather(md), "plain_text", -1)
        _local.md = md
    return md


def markdown_text(text: str) -> str:
    """The plain text a reader sees in the Markdown `text`."""
    md = _converter()
    md.reset()
    setattr(md, _RESULT, "")
    md.convert(text)
    result = getattr(md, _RESULT, "")
    return result if isinstance(result, str) else ""


def plain_text(article: Article) -> str:
    """The plain text of an article's body (see the module docstring for what is kept)."""
    return markdown_text(article.body)
