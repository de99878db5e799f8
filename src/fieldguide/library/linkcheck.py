"""Finding links, images and headings in Markdown bodies, and reporting the ones that lead nowhere.

A line scanner, not a Markdown parser: it follows Python-Markdown where it matters (fenced code is
skipped, `#` headings need no space, heading ids are made unique as the toc extension does), and
misses links that are split over two lines. Indented code blocks are not skipped, because the same
indentation also continues list items.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterator, Mapping

from fieldguide.library.links import LinkKind, classify_link, heading_id
from fieldguide.library.model import Article
from fieldguide.library.problems import ProblemLog, quoted

log = logging.getLogger(__name__)

_FENCE_RE = re.compile(r"(`{3,}|~{3,})")
_QUOTE_RE = re.compile(r"(?: {0,3}> ?)+")
_ATX_RE = re.compile(r"#{1,6}")  # the rest of the line is the heading; closing #s vanish in the id
_SETEXT_RE = re.compile(r"[=-]+ *$")
_TICKS_RE = re.compile(r"(?<!\\)`+")
# [text](url "title") and ![alt](url): one level of nested brackets in the text; the url may be
# <in angle brackets> or hold balanced parentheses. No "[" in a bare url keeps the scan linear.
_LINK_RE = re.compile(
    r"(?<!\\)(!?)\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\(\s*(<[^<>\n]*>|(?:[^\s()\[\]\\]|\\.|\((?:[^\s()\[\]\\]|\\.)*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_REF_DEF_RE = re.compile(r" {0,3}\[([^\]^][^\]]*)\]:[ \t]*(<[^<>\n]*>|\S+)")
_ENTITY_RE = re.compile(r"&#?\w+;")
_EMPHASIS_RE = re.compile(r"[*]+|(?<!\w)_+|_+(?!\w)")
_IDCOUNT_RE = re.compile(r"^(.*)_([0-9]+)$")


def _blank_code_spans(line: str, keep: bool = False) -> str:
    """`line` with inline code removed: replaced by spaces, or by its content when `keep`."""
    if "`" not in line:
        return line
    runs = [(m.start(), m.end()) for m in _TICKS_RE.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    out: list[str] = []
    pos = index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later == len(same):  # no closing run of the same length: plain backticks
            index += 1
            continue
        close = same[later]
        content = line[end : runs[close][0]]
        out.append(line[pos:start])
        out.append(content.strip() if keep else " " * (runs[close][1] - start))
        pos = runs[close][1]
        index = close + 1
    out.append(line[pos:])
    return "".join(out)


def _outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) for every line not inside a fenced code block.

    As in Python-Markdown, a fence counts only once it is closed by the same run of ` or ~.
    """
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _FENCE_RE.match(line) if line[:1] in "`~" else None
        if match:
            fence = match.group(1)
            close = next(
                (j for j in range(index + 1, len(lines)) if lines[j].rstrip() == fence), None
            )
            if close is not None:
                index = close + 1
                continue
        yield index, line
        index += 1


def heading_ids(body: str) -> set[str]:
    """The ids of the headings in a Markdown body, unique as Python-Markdown's toc makes them."""
    ids: set[str] = set()
    lines = body.split("\n")
    previous_blank = True  # the line before the previous one was blank (a block starts)
    for index, line in _outside_fences(lines):
        line = _QUOTE_RE.sub("", line, count=1) if line.lstrip().startswith(">") else line
        text: str | None = None
        if line.startswith("#"):
            match = _ATX_RE.match(line)
            if match:
                text = line[match.end() :]
        elif index > 0 and _SETEXT_RE.match(line) and lines[index - 1].strip() and previous_blank:
            text = lines[index - 1]
        previous_blank = index == 0 or not lines[index - 1].strip()
        if text is not None:
            _add_unique(heading_id(_heading_text(text)), ids)
    return ids


def _heading_text(raw: str) -> str:
    """The words of a heading without Markdown marks: what the toc extension makes its id from."""
    text = _blank_code_spans(raw, keep=True)
    text = _LINK_RE.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = _ENTITY_RE.sub("", text)
    return _EMPHASIS_RE.sub("", text).strip()


def _add_unique(value: str, ids: set[str]) -> None:
    """Python-Markdown toc's `unique`: "symptoms", then "symptoms_1", "symptoms_2", …"""
    while value in ids or not value:
        match = _IDCOUNT_RE.match(value)
        value = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{value}_1"
    ids.add(value)


def iter_links(body: str) -> Iterator[tuple[int, bool, str]]:
    """(0-based body line, is an image, href) for every link outside code in `body`."""
    for index, line in _outside_fences(body.split("\n")):
        if "](" in line:
            for is_image, href in _links_in(_blank_code_spans(line)):
                yield index, is_image, href
        if "]:" in line:
            match = _REF_DEF_RE.match(line)
            if match:
                yield index, False, match.group(2).strip("<>")


def _links_in(text: str) -> Iterator[tuple[bool, str]]:
    for match in _LINK_RE.finditer(text):
        yield bool(match.group(1)), match.group(3).strip("<>")
        if "](" in match.group(2):  # [![picture](a.png)](page.md)
            yield from _links_in(match.group(2))


class LinkChecker:
    """Checks every link of every article against the files and headings of the library.

    `may_show(article path, picture path)` says whether an article may show a picture that is
    in the library: a site library's pages show pictures of their own folder only.
    """

    def __init__(
        self,
        articles: Mapping[str, Article],
        files: set[str] | frozenset[str],
        folders: set[str],
        problems: ProblemLog,
        may_show: Callable[[str, str], bool] | None = None,
    ) -> None:
        self.articles = articles
        self.files = files
        self.folders = folders
        self.problems = problems
        self.may_show = may_show
        self._ids: dict[str, set[str]] = {}
        self._folded: dict[str, str] | None = None

    def check_article(self, article: Article) -> None:
        """Report the broken links of one article."""
        for index, is_image, href in iter_links(article.body):
            self.check(article, article.body_line + index, is_image, href)

    def ids(self, slug: str) -> set[str]:
        """Heading ids of an article (computed once)."""
        if slug not in self._ids:
            self._ids[slug] = heading_ids(self.articles[slug].body)
        return self._ids[slug]

    def check(self, article: Article, line: int, is_image: bool, href: str) -> None:
        """Report what is wrong with one link or image, if anything."""
        target = classify_link(article.path, href)
        what = "picture" if is_image else "link"
        file = article.path
        if target.kind is LinkKind.OUTSIDE:
            self.problems.error(
                file,
                line,
                "outside-link",
                f"The {what} {quoted(href)} points outside the library folder, which Field "
                "Guide never opens. Copy what it needs into the library and link to that.",
            )
        elif target.kind is LinkKind.UNSAFE:
            self.problems.error(
                file,
                line,
                "unsafe-link",
                f"The {what} {quoted(href)} is of a kind Field Guide does not open. Use a web "
                "address (https://…) or a file of the library.",
            )
        elif target.kind is LinkKind.EXTERNAL:
            if is_image:
                self.problems.error(
                    file,
                    line,
                    "remote-image",
                    f"The picture {quoted(href)} is on the internet; Field Guide works offline "
                    "and never loads it. Save the picture in images/ and link to it there.",
                )
        elif target.kind is LinkKind.ANCHOR:
            if target.anchor and target.anchor not in self.ids(article.slug):
                self._broken_anchor(file, line, href, "this article")
        elif is_image:
            if target.path not in self.files:
                self.problems.error(
                    file,
                    line,
                    "missing-image",
                    f"The picture {quoted(href)} is not in the library." + self._hint(target.path),
                )
            elif self.may_show is not None and not self.may_show(file, target.path):
                self.problems.error(
                    file,
                    line,
                    "outside-image",
                    f"The picture {quoted(href)} is not in this library's own folder. Pages of "
                    "a site library show pictures from their own folder only: copy it there.",
                )
        elif target.path not in self.files and target.path not in self.folders:
            self.problems.error(
                file,
                line,
                "broken-link",
                f"The link {quoted(href)} leads to a page that is not in the library."
                + self._hint(target.path),
            )
        elif (
            target.anchor
            and target.slug in self.articles
            and target.anchor not in self.ids(target.slug)
        ):
            self._broken_anchor(file, line, href, quoted(target.path))

    def _broken_anchor(self, file: str, line: int, href: str, where: str) -> None:
        self.problems.error(
            file,
            line,
            "broken-anchor",
            f"The link {quoted(href)} points to a heading that {where} does not have. Check the "
            "part after '#': it is the heading in small letters, with '-' between words.",
        )

    def _hint(self, path: str) -> str:
        if self._folded is None:
            self._folded = {name.casefold(): name for name in self.files}
        near = self._folded.get(path.casefold())
        if near:
            return f" There is {quoted(near)}: capital letters matter."
        return " Check the spelling, or add the file."
