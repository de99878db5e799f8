"""Articles: splitting the YAML front matter from the Markdown body, and reading its fields."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

from fieldguide.library.fields import Fields
from fieldguide.library.model import Article, Source
from fieldguide.library.problems import ProblemLog, quoted
from fieldguide.library.yamlread import YamlDoc, parse_yaml, report_duplicates

log = logging.getLogger(__name__)

ARTICLE_FIELDS = ("title", "summary", "order", "keywords", "reviewed", "sources")
_FENCE = "---"
_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class Split:
    """An article file cut in two. `front` is None when the file has no front matter."""

    front: str | None
    body: str
    body_line: int  # 1-based line of the file on which the body starts


def split_front_matter(text: str) -> Split | None:
    """Cut `text` (with "\\n" line ends) into front matter and body; None if never closed."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != _FENCE:
        return Split(None, text, 1)
    if first_end < 0:
        return None
    start = pos = first_end + 1
    line = 2
    while True:
        end = text.find("\n", pos)
        current = text[pos:] if end < 0 else text[pos:end]
        if current.rstrip() in _CLOSERS:
            body = "" if end < 0 else text[end + 1 :]
            return Split(text[start:pos], body, line + 1)
        if end < 0:
            return None
        pos = end + 1
        line += 1


def title_from_name(name: str) -> str:
    """A readable title from a file or folder name: "how-long_it-lasts" -> "How long it lasts"."""
    words = " ".join(re.split(r"[-_\s]+", name)).strip()
    return (words[:1].upper() + words[1:]) if words else (name.strip() or "Untitled")


def parse_article(
    rel: str, text: str, sources: Mapping[str, Source], problems: ProblemLog
) -> Article | None:
    """The article in file `rel`, or None when its body cannot be told from its front matter.

    Missing or wrong fields are reported and replaced by defaults (the title by one made from the
    file name), so that a reader still sees the article while the editor is told what to fix.
    """
    slug = rel[:-3]
    split = split_front_matter(text)
    if split is None:
        problems.error(
            rel,
            1,
            "unclosed-front-matter",
            "The settings at the top of this article are never closed, so the article is not "
            "shown. Add a line with only '---' after the last setting (summary, sources, …).",
        )
        return None
    fields: Fields | None = None
    if split.front is None:
        problems.error(
            rel,
            1,
            "no-front-matter",
            "This article has no settings at the top (front matter). Start the file with a "
            "line '---', then lines like 'title: …' and 'summary: …', then another '---' line.",
        )
    else:
        doc = parse_yaml(split.front, rel, problems, first_line=2)
        if doc is not None:
            report_duplicates(doc, rel, problems)
            fields = Fields.of(doc.data, doc, rel, problems, where="the front matter", top_line=1)
    # Missing fields are worth a word only when the front matter itself could be read.
    readable = fields is not None and isinstance(fields.doc.data, dict | None)
    if fields is None:
        fields = Fields({}, YamlDoc(None, 1), rel, problems, where="the front matter")
    title = fields.text("title", required=readable, example="'title: How long withdrawal lasts'")
    summary = fields.text("summary", required=readable, example="'summary: One or two sentences.'")
    order = fields.integer("order")
    keywords = fields.text_list(
        "keywords", recommended=readable, example="'keywords: [dope sick, detox]'"
    )
    reviewed = fields.date("reviewed", recommended=readable)
    cited = fields.text_list(
        "sources", recommended=readable, example="'sources: [medlineplus-withdrawal]'"
    )
    fields.unknown(ARTICLE_FIELDS)
    known: list[str] = []
    for source_id in cited:
        if source_id in sources:
            known.append(source_id)
        else:
            problems.error(
                rel,
                _item_line(fields, "sources", source_id),
                "unknown-source",
                f"The source {quoted(source_id)} is not in sources.yml. Add it there, or correct "
                "the name (capital letters matter).",
            )
    return Article(
        slug=slug,
        title=title or title_from_name(slug.rpartition("/")[2]),
        summary=summary or "",
        body=split.body,
        path=rel,
        body_line=split.body_line,
        order=order or 0,
        keywords=keywords,
        reviewed=reviewed,
        sources=tuple(known),
    )


def _item_line(fields: Fields, key: str, item: str) -> int | None:
    """The line of the first entry `item` in the list `key`."""
    value = fields.data.get(key)
    if isinstance(value, list):
        for index, entry in enumerate(value):
            if isinstance(entry, str | int | float) and str(entry).strip() == item:
                return fields.doc.line((*fields.path, key, index))
    return fields.line(key)
