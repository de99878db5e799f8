"""Glossary words: the first use of each term becomes a term: link with its definition."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown import Markdown
from markdown.test_tools import TestCase
from markdown.util import AtomicString

from fieldguide.library.mdext import outputs
from fieldguide.library.mdext.glossary import TERMS, GlossaryExtension, GlossaryTreeprocessor
from fieldguide.library.model import GlossaryTerm

TERMS_GIVEN = (
    GlossaryTerm("withdrawal", "The sickness when you stop.", ("dope sick",)),
    GlossaryTerm("opioid use disorder", "When opioids take over a life.", ("OUD",)),
    GlossaryTerm("opioid", "A kind of pain drug."),
)


def term(canonical: str, text: str, title: str) -> str:
    href = canonical.replace(" ", "%20")
    return f'<a class="term" href="term:{href}" title="{title}">{text}</a>'


W = "The sickness when you stop."


class TestGlossary(TestCase):
    default_kwargs: ClassVar[dict[str, Any]] = {
        "extensions": [GlossaryExtension(terms=TERMS_GIVEN)]
    }

    def test_first_use_only(self) -> None:
        self.assertMarkdownRenders(
            "Withdrawal hurts. withdrawal ends.",
            f"<p>{term('withdrawal', 'Withdrawal', W)} hurts. withdrawal ends.</p>",
            expected_attrs={TERMS: ["withdrawal"]},
        )

    def test_alias_counts_as_the_term(self) -> None:
        self.assertMarkdownRenders(
            "Feeling dope sick is withdrawal.",
            f"<p>Feeling {term('withdrawal', 'dope sick', W)} is withdrawal.</p>",
        )

    def test_longest_form_wins_and_spaces_may_vary(self) -> None:
        self.assertMarkdownRenders(
            "Opioid use\ndisorder, an opioid.",
            "<p>"
            + term("opioid use disorder", "Opioid use\ndisorder", "When opioids take over a life.")
            + ", an "
            + term("opioid", "opioid", "A kind of pain drug.")
            + ".</p>",
            expected_attrs={TERMS: ["opioid use disorder", "opioid"]},
        )

    def test_no_match_inside_longer_words(self) -> None:
        self.assertMarkdownRenders(
            "Withdrawals and opioids.",
            "<p>Withdrawals and opioids.</p>",
            expected_attrs={TERMS: []},
        )

    def test_skipped_places(self) -> None:
        self.assertMarkdownRenders(
            "## About withdrawal\n\n"
            "[withdrawal](x.md) `withdrawal`\n\n"
            "    withdrawal\n\n"
            "Then *withdrawal*.",
            "<h2>About withdrawal</h2>\n"
            '<p><a href="x.md">withdrawal</a> <code>withdrawal</code></p>\n'
            "<pre><code>withdrawal\n</code></pre>\n"
            f"<p>Then <em>{term('withdrawal', 'withdrawal', W)}</em>.</p>",
        )

    def test_document_order_across_elements(self) -> None:
        self.assertMarkdownRenders(
            "- an **OUD** note\n- OUD and withdrawal",
            "<ul>\n<li>an <strong>"
            + term("opioid use disorder", "OUD", "When opioids take over a life.")
            + f"</strong> note</li>\n<li>OUD and {term('withdrawal', 'withdrawal', W)}</li>\n</ul>",
        )

    def test_empty_glossary_changes_nothing(self) -> None:
        self.assertMarkdownRenders(
            "withdrawal", "<p>withdrawal</p>", extensions=[GlossaryExtension()]
        )


def test_inserted_text_is_atomic_and_terms_reset() -> None:
    md = Markdown(extensions=[GlossaryExtension(terms=TERMS_GIVEN)])
    md.convert("OUD")
    assert outputs(md, TERMS) == ["opioid use disorder"]
    md.reset()
    assert outputs(md, TERMS) == []
    link = GlossaryTreeprocessor.element(TERMS_GIVEN[0], "withdrawal")
    assert isinstance(link.text, AtomicString)


def test_atomic_text_is_left_alone() -> None:
    processor = GlossaryTreeprocessor(Markdown(), TERMS_GIVEN)
    root = etree.Element("div")
    p = etree.SubElement(root, "p")
    p.text = AtomicString("withdrawal")
    processor.run(root)
    assert len(p) == 0


def test_definition_whitespace_is_collapsed_and_term_quoted() -> None:
    md = Markdown(
        extensions=[GlossaryExtension(terms=(GlossaryTerm("C. diff & co", "A germ.\n  Bad.", ()),))]
    )
    html = md.convert("Got C. diff & co today.")
    assert 'href="term:C.%20diff%20%26%20co" title="A germ. Bad."' in html
