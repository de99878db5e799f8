"""Markup QTextBrowser needs: `<a name>` anchors in headings, and borders on data tables.

QTextBrowser.scrollToAnchor() looks for named anchors, so each heading that has an id (given by
`toc`) also gets an empty `<a name="ID"></a>` as its first child. Markdown tables get
`class="data"`, `border="1"`, `cellspacing="0"` and `cellpadding="4"`, because the view draws no
grid from CSS alone. Tables that already have a class (our boxes) are left alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADING = re.compile(r"^h[1-6]$")


class QtCompatTreeprocessor(Treeprocessor):
    """Add named anchors to headings and grid attributes to data tables."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if HEADING.match(str(el.tag)) and el.get("id"):
                anchor = etree.Element("a", {"name": el.get("id", "")})
                anchor.tail, el.text = el.text, None
                el.insert(0, anchor)
            elif el.tag == "table" and not el.get("class"):
                el.attrib.update(
                    {"class": "data", "border": "1", "cellspacing": "0", "cellpadding": "4"}
                )


class QtCompatExtension(Extension):
    """Register the QTextBrowser helper."""

    def __init__(self, **kwargs: Any) -> None:
        self.config: dict[str, list[Any]] = {}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processor.

        | Class                   | Registry       | Name       | Priority |
        | ----------------------- | -------------- | ---------- | -------- |
        | `QtCompatTreeprocessor` | treeprocessors | `qtcompat` | 2        |

        2 is after `toc` (5), which gives the ids, and after `links` (4), which must not see
        the anchors (they have no href, so it would skip them anyway).
        """
        md.treeprocessors.register(QtCompatTreeprocessor(md), "qtcompat", 2)


def makeExtension(**kwargs: Any) -> QtCompatExtension:
    """Entry point for `markdown.Markdown(extensions=[...])`."""
    return QtCompatExtension(**kwargs)
