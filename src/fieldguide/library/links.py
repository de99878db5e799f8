"""Shared rules for links inside a library: heading ids, and what a Markdown link points to."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote, urlsplit

ARTICLE_SCHEME = "article"  # internal links in rendered HTML: article:<slug>#<anchor>
TERM_SCHEME = "term"  # glossary words in rendered HTML: term:<term>
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def heading_id(text: str) -> str:
    """The id a heading gets: the same rule as Python-Markdown's toc.slugify.

    >>> heading_id("How long does it last?")
    'how-long-does-it-last'
    """
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


class LinkKind(StrEnum):
    """What a link in an article points to."""

    ARTICLE = "article"  # another article of the library (maybe with an anchor)
    ANCHOR = "anchor"  # a place in the same article ("#symptoms")
    EXTERNAL = "external"  # the web, mail or phone: shown, never followed by the app
    FILE = "file"  # a file inside the library that is not an article (an image)
    OUTSIDE = "outside"  # a relative path that climbs out of the library folder
    UNSAFE = "unsafe"  # javascript:, data:, file: and any other scheme


@dataclass(frozen=True)
class LinkTarget:
    """Where a link leads, resolved against the article it appears in."""

    kind: LinkKind
    path: str = ""  # library-relative file path for ARTICLE and FILE ("kratom/risks.md")
    anchor: str = ""
    url: str = ""  # the original href

    @property
    def slug(self) -> str:
        """Article slug for ARTICLE links ("kratom/risks")."""
        return self.path[:-3] if self.path.endswith(".md") else self.path


def classify_link(from_path: str, href: str) -> LinkTarget:
    """Resolve `href` as written in the article at library-relative `from_path`.

    >>> classify_link("kratom/about.md", "risks.md#liver").slug
    'kratom/risks'
    >>> classify_link("kratom/about.md", "../../etc/passwd").kind.value
    'outside'
    """
    href = href.strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme:
        # A one-letter scheme is a Windows drive ("C:\\..."): a path out of the library.
        if len(scheme) == 1:
            return LinkTarget(LinkKind.OUTSIDE, url=href)
        if scheme in EXTERNAL_SCHEMES:
            return LinkTarget(LinkKind.EXTERNAL, url=href)
        return LinkTarget(LinkKind.UNSAFE, url=href)
    if parts.netloc:  # "//host/path"
        return LinkTarget(LinkKind.EXTERNAL, url=href)
    anchor = unquote(parts.fragment)
    if not parts.path:
        return LinkTarget(LinkKind.ANCHOR, anchor=anchor, url=href)
    raw = unquote(parts.path).replace("\\", "/")
    if raw.startswith("/"):
        return LinkTarget(LinkKind.OUTSIDE, url=href)
    base = posixpath.dirname(from_path)
    joined = posixpath.normpath(posixpath.join(base, raw))
    if joined == ".." or joined.startswith("../") or joined == ".":
        return LinkTarget(LinkKind.OUTSIDE, url=href)
    kind = LinkKind.ARTICLE if joined.endswith(".md") else LinkKind.FILE
    return LinkTarget(kind, path=joined, anchor=anchor, url=href)


def article_url(slug: str, anchor: str = "") -> str:
    """The href of an internal link in rendered HTML."""
    return f"{ARTICLE_SCHEME}:{slug}" + (f"#{anchor}" if anchor else "")
