"""Links: article links resolved, anchors checked, external links marked, unsafe ones removed."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, ClassVar

import pytest
from markdown import Markdown
from markdown.extensions.toc import TocExtension
from markdown.test_tools import TestCase

from fieldguide.library.mdext import notices, outputs, set_document_path
from fieldguide.library.mdext.links import LINKS, NOTICES, LinkExtension

ARTICLES = {
    "about": {"top"},
    "withdrawal/symptoms": {"early-signs", "late-signs"},
    "withdrawal/how-long": set(),
    "kratom/risks": {"liver"},
}


def anchors(slug: str) -> Collection[str] | None:
    return ARTICLES.get(slug)


def make_md() -> Markdown:
    return Markdown(extensions=[TocExtension(), LinkExtension(anchors=anchors)])


def convert(text: str, path: str = "withdrawal/how-long.md") -> tuple[str, Markdown]:
    md = make_md()
    set_document_path(md, path)
    return md.convert(text), md


class TestLinksAtTheRoot(TestCase):
    default_kwargs: ClassVar[dict[str, Any]] = {
        "extensions": [TocExtension(), LinkExtension(anchors=anchors)]
    }

    def test_article_link(self) -> None:
        self.assertMarkdownRenders(
            "[about](about.md)",
            '<p><a href="article:about">about</a></p>',
            expected_attrs={LINKS: ["about"], NOTICES: []},
        )

    def test_article_link_with_anchor(self) -> None:
        self.assertMarkdownRenders(
            "[signs](withdrawal/symptoms.md#early-signs)",
            '<p><a href="article:withdrawal/symptoms#early-signs">signs</a></p>',
        )

    def test_external_link_is_marked(self) -> None:
        self.assertMarkdownRenders(
            "[NHS](https://www.nhs.uk)",
            '<p><a class="external" href="https://www.nhs.uk" title="https://www.nhs.uk">'
            "NHS \u2197</a></p>",
            expected_attrs={LINKS: [], NOTICES: []},
        )

    def test_same_page_anchor(self) -> None:
        self.assertMarkdownRenders(
            "## Part one\n\n[up](#part-one)",
            '<h2 id="part-one">Part one</h2>\n<p><a href="#part-one">up</a></p>',
        )

    def test_unsafe_link_keeps_its_text_only(self) -> None:
        self.assertMarkdownRenders(
            "[click](javascript:alert(1))", '<p><span class="broken">click</span></p>'
        )


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("symptoms.md", "article:withdrawal/symptoms"),
        ("./symptoms.md#late-signs", "article:withdrawal/symptoms#late-signs"),
        ("../kratom/risks.md#liver", "article:kratom/risks#liver"),
        ("../about.md", "article:about"),
    ],
)
def test_relative_links_resolve_from_the_document(href: str, expected: str) -> None:
    html, md = convert(f"[x]({href})")
    assert f'<a href="{expected}">x</a>' in html
    assert notices(md, NOTICES) == []


def test_missing_article_is_broken_and_reported() -> None:
    html, md = convert("Text\n\n[gone](gone.md)")
    assert '<a class="broken" href="article:withdrawal/gone">gone</a>' in html
    [notice] = notices(md, NOTICES)
    assert notice.code == "broken-link"
    assert notice.needle == "gone.md"
    assert "withdrawal/gone.md" in notice.message
    assert outputs(md, LINKS) == []


def test_missing_anchor_in_other_article_is_broken_and_reported() -> None:
    html, md = convert("[x](symptoms.md#nope)")
    assert 'class="broken" href="article:withdrawal/symptoms#nope"' in html
    assert [n.code for n in notices(md, NOTICES)] == ["missing-anchor"]
    assert outputs(md, LINKS) == ["withdrawal/symptoms"]


def test_missing_anchor_in_this_page_is_broken_and_reported() -> None:
    html, md = convert("## Here\n\n[x](#there)")
    assert '<a class="broken" href="#there">x</a>' in html
    assert [n.code for n in notices(md, NOTICES)] == ["missing-anchor"]


@pytest.mark.parametrize(
    ("href", "code"),
    [
        ("javascript:alert(1)", "unsafe-link"),
        ("JaVaScRiPt:alert(1)", "unsafe-link"),
        ("data:text/html,hi", "unsafe-link"),
        ("file:///etc/passwd", "unsafe-link"),
        ("vbscript:msgbox", "unsafe-link"),
        ("ftp://example.org/x", "unsafe-link"),
        ("../../outside.md", "link-outside"),
        ("/etc/passwd", "link-outside"),
        ("C:/Windows/x.md", "link-outside"),
        ("../images/chart.png", "link-to-file"),
        ("", "empty-link"),
        ("jav&#x61;script:alert(1)", "unsafe-link"),
    ],
)
def test_bad_links_lose_their_address(href: str, code: str) -> None:
    html, md = convert(f'[click]({href} "why")')
    assert '<span class="broken" title="why">click</span>' in html
    assert "href" not in html
    assert [n.code for n in notices(md, NOTICES)] == [code]


@pytest.mark.parametrize(
    "href",
    ["http://example.org", "https://example.org/a?b=1&c=2", "mailto:a@b.org", "tel:+15551234"],
)
def test_external_schemes_are_kept(href: str) -> None:
    html, md = convert(f"[out]({href})")
    assert 'class="external"' in html
    assert "out \u2197</a>" in html
    assert notices(md, NOTICES) == []


def test_marker_goes_after_nested_markup_and_can_be_changed() -> None:
    md = Markdown(extensions=[LinkExtension(external_marker=" (web)")])
    html = md.convert("[see *this*](https://example.org)")
    assert "see <em>this</em> (web)</a>" in html


def test_automatic_mail_link_is_decoded() -> None:
    html, md = convert("<me@example.org>")
    assert 'href="mailto:me@example.org"' in html
    assert notices(md, NOTICES) == []


def test_links_are_listed_once_in_order_and_reset() -> None:
    _, md = convert("[a](../about.md) [b](symptoms.md) [c](../about.md#top)")
    assert outputs(md, LINKS) == ["about", "withdrawal/symptoms"]
    md.reset()
    assert outputs(md, LINKS) == []
    assert notices(md, NOTICES) == []
