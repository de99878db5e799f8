"""Reading level of an article: Markdown to plain sentences, then the Flesch-Kincaid grade."""

from __future__ import annotations

import functools
import re
from typing import Any

_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*|!!!\s+\w+\s*)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`]+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
_QUOTED_TITLE = re.compile(r'"([^"]*)"\s*$')
_END = re.compile(r"[.!?:;]$")


def plain_sentences(markdown_body: str) -> str:
    """Turn a Markdown body into plain text where every heading, list item and table cell ends
    as a sentence of its own, as a reader takes them; code and pictures are left out.

    >>> plain_sentences("# Title\\n- one item\\n- two items")
    'Title. one item. two items.'
    """
    units: list[str] = []
    paragraph: list[str] = []
    in_code = False

    def close_paragraph() -> None:
        if paragraph:
            units.append(" ".join(paragraph))
            paragraph.clear()

    for raw in markdown_body.splitlines():
        if _FENCE.match(raw):
            in_code = not in_code
            close_paragraph()
            continue
        if in_code:
            continue
        line = raw.strip()
        if not line or _TABLE_RULE.match(line):
            close_paragraph()
            continue
        line = _IMAGE.sub("", line)
        line = _LINK.sub(r"\1", line)
        line = _MARKS.sub("", line)
        if line.startswith("!!!"):
            close_paragraph()
            title = _QUOTED_TITLE.search(line)
            if title and title.group(1).strip():
                units.append(title.group(1).strip())
            continue
        if line.startswith("|"):
            close_paragraph()
            units.extend(cell.strip() for cell in line.strip("|").split("|") if cell.strip())
            continue
        starts_unit = bool(_FRONT.match(line))
        line = _FRONT.sub("", line).strip()
        if not line:
            continue
        if starts_unit:
            close_paragraph()
        paragraph.append(line)
        if starts_unit and not raw.lstrip().startswith(">"):
            close_paragraph()
    close_paragraph()
    return " ".join(u if _END.search(u) else f"{u}." for u in units if u)


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)")


@functools.cache
def _hyphenator() -> Any:
    import pyphen  # imported on first use: grading is for `check`, not for start-up

    return pyphen.Pyphen(lang="en_US")


def _syllables(word: str) -> int:
    """Syllables of one word: hyphenation points from pyphen, plus one (numbers count one)."""
    if word[0].isdigit():
        return 1
    return len(_hyphenator().positions(word.lower())) + 1


def grade(markdown_body: str) -> float:
    """Flesch-Kincaid grade of a Markdown body: 0.39 (words / sentences) + 11.8 (syllables /
    words) - 15.59, with syllables from pyphen's hyphenation dictionary (offline, no download)."""
    text = plain_sentences(markdown_body)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    syllables = sum(_syllables(w) for w in words)
    value = 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59
    return max(0.0, round(value, 1))  # the formula goes below 0 for one-word lines
