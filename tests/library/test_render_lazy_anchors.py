"""Links to other articles: their headings are worked out only for links that name a heading.

The start page links to most of the library; working out every linked article's headings made
its first paint cost more than the rest of start-up together.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from render_support import article, make_library

from fieldguide.library.render import Renderer


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Slugs whose heading ids the renderer works out (patched before any Renderer exists)."""
    slugs: list[str] = []
    original = Renderer.heading_ids

    def spy(self: Renderer, slug: str) -> frozenset[str] | None:
        slugs.append(slug)
        return original(self, slug)

    monkeypatch.setattr(Renderer, "heading_ids", spy)
    return slugs


@pytest.fixture
def renderer(tmp_path: Path, asked: list[str]) -> Renderer:
    library = make_library(
        tmp_path / "library",
        article("home", "See [signs](a/signs.md), [risks](a/risks.md) and [gone](a/gone.md)."),
        article("deep", "See [the early signs](a/signs.md#early-signs) or [x](a/signs.md#nope)."),
        article("a/signs", "## Early signs\n\nYawning."),
        article("a/risks", "## Liver\n\nText."),
    )
    return Renderer(library)


def test_plain_links_never_read_the_other_articles(renderer: Renderer, asked: list[str]) -> None:
    home = renderer.library.article("home")
    assert home is not None
    result = renderer.render(home)
    assert asked == []
    assert result.links == ("a/signs", "a/risks")
    assert [p.code for p in result.problems] == ["broken-link"]  # a/gone is still caught


def test_links_to_a_heading_are_still_checked(renderer: Renderer, asked: list[str]) -> None:
    deep = renderer.library.article("deep")
    assert deep is not None
    result = renderer.render(deep)
    assert set(asked) == {"a/signs"}
    assert [p.code for p in result.problems] == ["missing-anchor"]
    assert 'class="broken"' in result.html
