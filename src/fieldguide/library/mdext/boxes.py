"""Danger-sign and note boxes: admonition syntax in, a one-cell table QTextBrowser draws well out.

    !!! danger "Get help right away"
        Chest pain, a seizure, or you cannot stay awake.

becomes

    <table class="box danger" width="100%" cellpadding="10" cellspacing="0" border="2">
    <tr><td class="box danger"><p class="box-title"><strong>Get help right away</strong></p>
    <p>Chest pain, …</p></td></tr></table>

QTextBrowser ignores most CSS on `div` (borders, backgrounds), but it draws table borders and cell
backgrounds reliably, so the box is a table. Colours come from the view's style sheet through the
classes (`table.danger`, `td.danger`, `.box-title`). A box without a title gets the kind's title
("Danger signs", "Note"); an unknown kind becomes a note and is reported.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionProcessor
from markdown.treeprocessors import Treeprocessor

from fieldguide.library.mdext import Notice, outputs, reset_outputs
from fieldguide.library.model import Severity

NOTICES = "fieldguide_box_notices"
DEFAULT_TITLES = {"danger": "Danger signs", "note": "Note"}


class BoxBlockProcessor(AdmonitionProcessor):
    """Python-Markdown's admonition parser, with our default titles."""

    def __init__(self, parser: BlockParser, titles: dict[str, str]) -> None:
        super().__init__(parser)
        self.titles = titles

    def get_class_and_title(self, match: re.Match[str]) -> tuple[str, str | None]:
        klass, title = super().get_class_and_title(match)
        if match.group(2) is None:
            title = self.titles.get(klass.split(" ", 1)[0], title)
        return klass, title


class BoxTreeprocessor(Treeprocessor):
    """Turn each admonition `div` into a one-cell table with our classes."""

    def __init__(self, md: Markdown, titles: dict[str, str], fallback: str) -> None:
        super().__init__(md)
        self.titles = titles
        self.fallback = fallback

    def run(self, root: etree.Element) -> None:
        for div in list(root.iter("div")):
            classes = div.get("class", "").split()
            if not classes or classes[0] != AdmonitionProcessor.CLASSNAME:
                continue
            kind = classes[1] if len(classes) > 1 else ""
            if kind not in self.titles:
                outputs(self.md, NOTICES).append(
                    Notice(
                        code="unknown-box",
                        message=(
                            f'There is no box of the kind "{kind}"; it is shown as a '
                            f"{self.fallback} box. Use one of: {', '.join(sorted(self.titles))}."
                        ),
                        needle=f"!!! {kind}",
                        severity=Severity.WARNING,
                    )
                )
                kind = self.fallback
            self.to_table(div, kind)

    @staticmethod
    def to_table(div: etree.Element, kind: str) -> None:
        """Rebuild `div` in place (keeping its tail) as a one-cell table."""
        children = list(div)
        text = div.text
        for child in children:
            div.remove(child)
        div.text = None
        div.tag = "table"
        div.attrib.clear()
        div.attrib.update(
            {
                "class": f"box {kind}",
                "width": "100%",
                "cellpadding": "10",
                "cellspacing": "0",
                "border": "2",
            }
        )
        row = etree.SubElement(div, "tr")
        cell = etree.SubElement(row, "td", {"class": f"box {kind}"})
        cell.text = text
        for child in children:
            if child.tag == "p" and child.get("class") == AdmonitionProcessor.CLASSNAME_TITLE:
                child.set("class", "box-title")
                strong = etree.Element("strong")
                strong.text, child.text = child.text, None
                for inner in list(child):
                    child.remove(inner)
                    strong.append(inner)
                child.append(strong)
            cell.append(child)


class BoxExtension(Extension):
    """Register the box syntax and its table output."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "titles": [dict(DEFAULT_TITLES), "Box kinds and their default titles."],
            "fallback": ["note", "Kind used for a box of unknown kind."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processors.

        | Class                | Registry        | Name  | Priority |
        | -------------------- | --------------- | ----- | -------- |
        | `BoxBlockProcessor`  | blockprocessors | `box` | 105      |
        | `BoxTreeprocessor`   | treeprocessors  | `box` | 19       |

        105 runs before every built-in block processor, as admonition does; 19 runs right
        after inline parsing (20), so later processors see the finished table.
        """
        titles: dict[str, str] = dict(self.getConfig("titles"))
        md.registerExtension(self)
        self.md = md
        self.reset()
        md.parser.blockprocessors.register(BoxBlockProcessor(md.parser, titles), "box", 105)
        md.treeprocessors.register(
            BoxTreeprocessor(md, titles, str(self.getConfig("fallback"))), "box", 19
        )

    def reset(self) -> None:
        """Forget the previous document's notices."""
        reset_outputs(self.md, NOTICES)


def makeExtension(**kwargs: Any) -> BoxExtension:
    """Entry point for `markdown.Markdown(extensions=[...])`."""
    return BoxExtension(**kwargs)
