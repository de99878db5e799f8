"""Plain text of a Markdown body for the index: a few whole-text passes, fast at 20,000 articles."""

from __future__ import annotations

import re

from fieldguide.search.text import clean

_FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_BOX = re.compile(r'^[ \t]*!!![ \t]+[\w-]+(?:[ \t]+"([^"]*)")?[ \t]*$', re.MULTILINE)
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)]|>)[ \t]+", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}[-:| \t]*$", re.MULTILINE)
_MARKS = re.compile(r"[*_`|]+")


def headings(markdown_body: str) -> str:
    """The headings and titled boxes of a Markdown body, one per line.

    >>> headings('# One\\ntext\\n## Two ##\\n!!! danger "Get help"\\n    - x')
    'One\\nTwo\\nGet help'
    """
    if "#" not in markdown_body and "!!!" not in markdown_body:
        return ""
    body = markdown_body
    if "```" in body or "~~~" in body:
        body = _FENCED.sub("", body)
    found = sorted(
        [(m.start(), m.group(1)) for m in _HEADING.finditer(body)]
        + [(m.start(), m.group(1)) for m in _BOX.finditer(body) if m.group(1)]
    )
    return "\n".join(clean(text).strip() for _, text in found)


def body_text(markdown_body: str) -> str:
    """The words a reader sees, as one line: no code, no link targets, no Markdown marks;
    headings and box titles end with a full stop so that snippets read well.

    >>> body_text('## Signs\\n- *Slow* [breathing](x.md)\\n\\n| a | b |\\n|---|---|')
    'Signs. Slow breathing a b'
    >>> body_text('Before\\n```\\ncode\\n```\\nafter')
    'Before after'
    """
    text = markdown_body
    # Each pass only where its mark occurs: a plain paragraph costs almost nothing.
    if "```" in text or "~~~" in text:
        text = _FENCED.sub(" ", text)
    if "](" in text:
        text = _LINK.sub(r"\1", _IMAGE.sub(r"\1", text))
    if "#" in text:
        text = _HEADING.sub(r"\1.", text)
    if "!!!" in text:
        text = _BOX.sub(lambda m: f"{m.group(1)}." if m.group(1) else "", text)
    if "--" in text:
        text = _TABLE_RULE.sub("", text)
    text = _BULLET.sub("", text)
    text = _MARKS.sub(" ", text)
    return clean(" ".join(text.split()))
