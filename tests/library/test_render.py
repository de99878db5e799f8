"""The Renderer: an article in, safe HTML and what it found out."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from render_support import article, make_library, write_png

from fieldguide.library.links import heading_id
from fieldguide.library.model import Severity
from fieldguide.library.render import DEFAULT_CSS, Heading, Rendered, Renderer

BODY = """\
Feeling dope sick? See [the signs](symptoms.md#early-signs) and [kratom](../kratom/risks.md).

## How long it lasts

Most withdrawal is worst on day 2. [Back up](#how-long-it-lasts).

![A calendar](../images/calendar.png)

### How long it lasts

!!! danger "Get help right away"
    Call if kratom and alcohol were mixed.
"""


@pytest.fixture
def renderer(tmp_path: Path) -> Renderer:
    root = tmp_path / "library"
    write_png(root / "images" / "calendar.png", 400, 300)
    library = make_library(
        root,
        article("withdrawal/how-long", BODY, body_line=8),
        article("withdrawal/symptoms", "Intro.\n\n## Early signs\n\nYawning."),
        article("kratom/risks", "## Liver\n\nText."),
    )
    return Renderer(library)


def render(renderer: Renderer, slug: str = "withdrawal/how-long") -> Rendered:
    found = renderer.library.article(slug)
    assert found is not None
    return renderer.render(found)


def test_outputs_of_a_clean_article(renderer: Renderer) -> None:
    result = render(renderer)
    assert result.problems == ()
    assert result.links == ("withdrawal/symptoms", "kratom/risks")
    assert result.terms == ("withdrawal", "kratom")
    assert result.images == ("images/calendar.png",)
    assert result.headings == (
        Heading(2, "how-long-it-lasts", "How long it lasts"),
        Heading(3, "how-long-it-lasts_1", "How long it lasts"),
    )


def test_html_has_the_pieces_the_view_needs(renderer: Renderer) -> None:
    html = render(renderer).html
    assert (
        '<h2 id="how-long-it-lasts"><a name="how-long-it-lasts"></a>How long it lasts</h2>' in html
    )
    assert '<a name="how-long-it-lasts_1"></a>' in html
    assert '<a href="article:withdrawal/symptoms#early-signs">the signs</a>' in html
    assert '<a href="#how-long-it-lasts">Back up</a>' in html
    assert 'class="term" href="term:withdrawal"' in html
    assert (
        '<table border="2" cellpadding="10" cellspacing="0" class="box danger" width="100%">'
        in html
    )
    assert 'src="file:///' in html and 'width="400"' in html


@pytest.mark.parametrize(
    "text",
    ["How long it lasts", "Why? Because!", "Café & crème", "  spaces   here ", "Step 1: rest"],
)
def test_heading_ids_follow_the_shared_rule(renderer: Renderer, text: str) -> None:
    result = renderer.render_markdown(f"## {text}")
    assert result.headings[0].id == heading_id(text)


def test_empty_heading_id_still_unique(renderer: Renderer) -> None:
    ids = [h.id for h in renderer.render_markdown("## ???\n\n## !!!").headings]
    assert len(set(ids)) == 2


def test_problems_carry_file_and_line(renderer: Renderer, tmp_path: Path) -> None:
    body = "Intro.\n\n[gone](gone.md)\n\n![lost](../images/lost.png)\n\n!!! odd\n    x\n"
    result = renderer.render(article("withdrawal/broken", body, body_line=5))
    found = [(p.file, p.line, p.code, p.severity) for p in result.problems]
    assert found == [
        ("withdrawal/broken.md", 7, "broken-link", Severity.ERROR),
        ("withdrawal/broken.md", 9, "missing-image", Severity.ERROR),
        ("withdrawal/broken.md", 11, "unknown-box", Severity.WARNING),
    ]
    assert all(p.message for p in result.problems)


def test_missing_anchor_in_another_article(renderer: Renderer) -> None:
    result = renderer.render_markdown("[x](kratom/risks.md#kidneys)", path="index.md")
    assert [p.code for p in result.problems] == ["missing-anchor"]
    assert 'class="broken"' in result.html


def test_heading_ids_of_articles(renderer: Renderer) -> None:
    assert renderer.heading_ids("withdrawal/symptoms") == frozenset({"early-signs"})
    assert renderer.heading_ids("nope") is None


def test_render_markdown_resolves_from_its_path(renderer: Renderer) -> None:
    result = renderer.render_markdown("[s](withdrawal/symptoms.md)", path="about.md")
    assert result.links == ("withdrawal/symptoms",)
    assert result.problems == ()


def test_outputs_do_not_leak_between_documents(renderer: Renderer) -> None:
    render(renderer)
    result = renderer.render_markdown("Plain words.")
    assert (result.links, result.terms, result.images, result.headings, result.problems) == (
        (),
        (),
        (),
        (),
        (),
    )


def test_each_document_marks_its_own_first_term(renderer: Renderer) -> None:
    assert renderer.render_markdown("withdrawal").terms == ("withdrawal",)
    assert 'class="term"' in renderer.render_markdown("withdrawal").html


def test_render_never_raises(renderer: Renderer, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(text: str) -> str:
        raise RuntimeError("bug")

    monkeypatch.setattr(renderer._md, "convert", explode)
    result = renderer.render_markdown("x", path="a.md")
    assert "could not be shown" in result.html
    assert [(p.file, p.code) for p in result.problems] == [("a.md", "render-failed")]


def test_default_css_styles_every_class() -> None:
    for selector in ("table.danger", "td.danger", "table.note", "td.note", "a.term", "a.external"):
        assert selector in DEFAULT_CSS
    for name in ("a.broken", "span.broken", "span.missing-image", "p.box-title", "table.data"):
        assert name in DEFAULT_CSS


def test_a_typical_article_renders_in_a_few_milliseconds(renderer: Renderer) -> None:
    body = (BODY + "\n\nA plain paragraph about withdrawal, sleep and food. " * 8) * 3
    doc = article("withdrawal/long", body)
    renderer.render(doc)
    start = time.perf_counter()
    for _ in range(20):
        renderer.render(doc)
    per_render = (time.perf_counter() - start) / 20
    assert per_render < 0.05  # generous bound for slow machines; typically ~3 ms
