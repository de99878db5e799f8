"""The last gate before the view: an nh3 allow-list of the tags, attributes and URLs we emit."""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

TAGS = frozenset(
    {
        "a", "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote", "span",
        "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "img", "sub", "sup",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "border", "cellpadding", "cellspacing"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "article", "term"})
IMAGE_SCHEMES = frozenset({"file"})
URL_SCHEMES = LINK_SCHEMES | IMAGE_SCHEMES
_NUMBER_ATTRIBUTES = frozenset({"width", "height", "border", "cellpadding", "cellspacing", "start"})


def _scheme(url: str) -> str:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return "?"


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """Keep `file:` for images only, web and app links for anchors only; numbers must be numbers."""
    if tag == "a" and attribute == "href":
        scheme = _scheme(value)
        if scheme in LINK_SCHEMES or (not scheme and value.startswith("#")):
            return value
        return None
    if tag == "img" and attribute == "src":
        return value if _scheme(value) in IMAGE_SCHEMES else None
    if attribute in _NUMBER_ATTRIBUTES:
        return value if value.rstrip("%").isdigit() else None
    return value


def clean(html: str) -> str:
    """`html` with everything outside the allow-list removed (text of unknown tags is kept)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
