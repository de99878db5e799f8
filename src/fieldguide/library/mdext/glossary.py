"""Glossary words: the first use of each term in a document becomes a `term:` link with its meaning.

Modelled on Python-Markdown's `abbr.py`: one regex built from every term and alias (longest first,
not inside a longer word, any case, any run of spaces between words) runs over the text of the
finished tree. Text inside `a`, `code`, `pre`, `kbd`, headings and box titles, and AtomicString
text, is left alone. A match becomes

    <a class="term" href="term:opioid%20use%20disorder" title="plain definition">OUD</a>

whose text is an AtomicString. Only the first use of each term (by any of its forms) is marked.
The canonical terms used are collected on the Markdown instance (`TERMS`), in document order.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from fieldguide.library.links import TERM_SCHEME
from fieldguide.library.mdext import outputs, reset_outputs
from fieldguide.library.model import GlossaryTerm

TERMS = "fieldguide_terms"
SKIP_TAGS = frozenset({"a", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6"})
SKIP_CLASSES = frozenset({"box-title"})


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def build_pattern(
    terms: Iterable[GlossaryTerm],
) -> tuple[re.Pattern[str] | None, dict[str, GlossaryTerm]]:
    """The regex matching every form of every term, and a map from a form's key to its term."""
    by_key: dict[str, GlossaryTerm] = {}
    for term in terms:
        for form in term.forms:
            if form.strip():
                by_key.setdefault(_key(form), term)
    if not by_key:
        return None, by_key
    forms = sorted(by_key, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in form.split()) for form in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), by_key


class GlossaryTreeprocessor(Treeprocessor):
    """Wrap the first use of each glossary term in a `term:` link."""

    def __init__(self, md: Markdown, terms: Iterable[GlossaryTerm]) -> None:
        super().__init__(md)
        self.pattern, self.by_key = build_pattern(terms)

    def run(self, root: etree.Element) -> None:
        if self.pattern is not None:
            self.walk(root)

    def walk(self, el: etree.Element) -> None:
        """Mark terms in `el`'s text and its children, in document order."""
        if el.tag in SKIP_TAGS or SKIP_CLASSES.intersection(el.get("class", "").split()):
            return
        children = list(el)
        if el.text and not isinstance(el.text, AtomicString):
            el.text, new = self.split(el.text)
            for offset, node in enumerate(new):
                el.insert(offset, node)
        for child in children:
            self.walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, new = self.split(child.tail)
                at = list(el).index(child) + 1
                for offset, node in enumerate(new):
                    el.insert(at + offset, node)

    def split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first new term, and the term links (each with its tail)."""
        assert self.pattern is not None
        used: list[str] = outputs(self.md, TERMS)
        head = text
        nodes: list[etree.Element] = []
        last = 0
        for match in self.pattern.finditer(text):
            term = self.by_key.get(_key(match.group(0)))
            if term is None or term.term in used:
                continue
            used.append(term.term)
            before = text[last : match.start()]
            if nodes:
                nodes[-1].tail = before
            else:
                head = before
            nodes.append(self.element(term, match.group(0)))
            last = match.end()
        if nodes:
            nodes[-1].tail = text[last:]
        return head, nodes

    @staticmethod
    def element(term: GlossaryTerm, text: str) -> etree.Element:
        """The link for one use of a term."""
        link = etree.Element(
            "a",
            {
                "class": "term",
                "href": f"{TERM_SCHEME}:{quote(term.term, safe='')}",
                "title": " ".join(term.definition.split()),
            },
        )
        link.text = AtomicString(text)
        return link


class GlossaryExtension(Extension):
    """Register the glossary processor; collect the terms used per document."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "terms": [(), "The library's GlossaryTerm objects."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processor.

        | Class                   | Registry       | Name       | Priority |
        | ----------------------- | -------------- | ---------- | -------- |
        | `GlossaryTreeprocessor` | treeprocessors | `glossary` | 1        |

        1 is after `links` (4), so our `term:` links are never taken for article links, and
        before `unescape` (0), as `abbr` (7) is.
        """
        md.registerExtension(self)
        self.md = md
        self.reset()
        terms = tuple(self.getConfig("terms") or ())
        md.treeprocessors.register(GlossaryTreeprocessor(md, terms), "glossary", 1)

    def reset(self) -> None:
        """Forget the previous document's terms."""
        reset_outputs(self.md, TERMS)


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    """Entry point for `markdown.Markdown(extensions=[...])`."""
    return GlossaryExtension(**kwargs)
