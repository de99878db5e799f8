"""Site libraries mounted in the guide: one tree, links into the guide, pictures of their own."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldguide.library.loader import load_library
from fieldguide.library.model import Library, Problem, Severity
from fieldguide.library.render import Renderer
from fieldguide.library.sites import (
    Combined,
    combine,
    load_sites,
    site_notice,
)
from tests.library_factory import png, write_library, write_site


@pytest.fixture
def guide(tmp_path: Path) -> Library:
    return load_library(write_library(tmp_path / "guide"))


def mounted(guide: Library, *folders: Path) -> Combined:
    return combine(guide, load_sites(folders))


def codes(problems: Iterable[Problem]) -> list[str]:
    return [p.code for p in problems]


def page(body: str, title: str = "Hours") -> str:
    """An article with complete front matter (so that only the body can have problems)."""
    return (
        f"---\ntitle: {title}\nsummary: When we are open.\nkeywords: [hours]\n"
        f"reviewed: 2026-11-20\nsources: []\n---\n{body}"
    )


def test_a_site_is_a_top_level_topic_after_the_guides(guide: Library, tmp_path: Path) -> None:
    combined = mounted(guide, write_site(tmp_path / "clinic-pages"))
    library = combined.library
    assert [t.slug for t in library.topics.children] == ["withdrawal", "clinic"]
    site = library.topic("clinic")
    assert site is not None and site.title == "Our clinic"
    assert site.articles == ("clinic/local-services",)
    assert [c.slug for c in site.children] == ["clinic/visits"]
    assert site.children[0].articles == ("clinic/visits/first-visit",)
    article = library.articles["clinic/local-services"]
    assert article.path == "clinic/local-services.md"
    assert library.mounts == {"clinic": tmp_path / "clinic-pages"}
    assert "clinic/images/door.png" in library.files
    assert library.home == guide.home and library.title == guide.title
    assert combined.sites[0].shown and combined.sites[0].problems == ()


def test_links_into_the_guide_and_within_the_site_are_fine(guide: Library, tmp_path: Path) -> None:
    combined = mounted(guide, write_site(tmp_path / "site"))
    assert combined.sites[0].problems == ()
    assert combined.library.problems == guide.problems


def test_a_link_to_a_missing_guide_article_is_a_site_problem_at_its_line(
    guide: Library, tmp_path: Path
) -> None:
    body = page("One line.\n\nSee [it](../withdrawal/gone.md).\n")
    combined = mounted(guide, write_site(tmp_path / "site", {"hours.md": body}))
    [problem] = combined.sites[0].problems
    assert (problem.file, problem.line, problem.code) == ("hours.md", 10, "broken-link")
    assert problem.severity is Severity.ERROR
    assert "'withdrawal/gone.md' in the guide" in problem.message
    assert "'../withdrawal/how-long-it-lasts.md'" in problem.message
    # The combined library names the file as the reader's tree does.
    assert [p.file for p in combined.library.problems] == ["clinic/hours.md"]


def test_a_link_out_of_everything_is_still_refused(guide: Library, tmp_path: Path) -> None:
    body = page("[x](../../../etc/passwd.md)\n")
    combined = mounted(guide, write_site(tmp_path / "site", {"hours.md": body}))
    assert codes(combined.sites[0].problems) == ["outside-link"]


def test_pictures_come_from_the_sites_own_folder(guide: Library, tmp_path: Path) -> None:
    png(tmp_path / "guide" / "images" / "chart.png")
    guide = load_library(tmp_path / "guide")
    body = page("![chart](../images/chart.png)\n")
    site = write_site(tmp_path / "site", {"hours.md": body})
    combined = mounted(guide, site)
    [problem] = combined.sites[0].problems
    assert (problem.file, problem.line, problem.code) == ("hours.md", 8, "outside-image")
    renderer = Renderer(combined.library)
    own = renderer.render(combined.library.articles["clinic/local-services"])
    assert (site / "images" / "door.png").resolve().as_uri() in own.html
    theirs = renderer.render(combined.library.articles["clinic/hours"])
    assert "Picture missing: chart" in theirs.html
    assert "file:" not in theirs.html


def test_the_guides_own_pictures_still_show(tmp_path: Path) -> None:
    png(tmp_path / "guide" / "images" / "chart.png")
    extra = {"withdrawal/chart.md": "---\ntitle: C\nsummary: S.\n---\n![c](../images/chart.png)\n"}
    guide = load_library(write_library(tmp_path / "guide", extra))
    combined = mounted(guide, write_site(tmp_path / "site"))
    html = Renderer(combined.library).render(combined.library.articles["withdrawal/chart"]).html
    assert (tmp_path / "guide" / "images" / "chart.png").resolve().as_uri() in html


def test_rendered_site_links_are_ordinary_article_links(guide: Library, tmp_path: Path) -> None:
    combined = mounted(guide, write_site(tmp_path / "site"))
    renderer = Renderer(combined.library)
    rendered = renderer.render(combined.library.articles["clinic/local-services"])
    assert 'href="article:withdrawal/how-long#timeline"' in rendered.html
    assert 'href="article:clinic/visits/first-visit"' in rendered.html
    assert rendered.links == ("withdrawal/how-long", "clinic/visits/first-visit")
    assert rendered.problems == ()
    nested = renderer.render(combined.library.articles["clinic/visits/first-visit"])
    assert 'href="article:home"' in nested.html


def test_file_location_keeps_each_library_to_its_folder(guide: Library, tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    library = mounted(guide, site).library
    assert library.file_location("clinic/a.md", "clinic/images/x.png") == (site, "images/x.png")
    assert library.file_location("withdrawal/a.md", "images/x.png") == (guide.root, "images/x.png")
    assert library.file_location("clinic/a.md", "images/x.png") is None
    assert library.file_location("withdrawal/a.md", "clinic/images/x.png") is None
    assert library.mount_of("clinic") == ""  # the topic itself is not a file of the site


@pytest.mark.parametrize("taken", ["withdrawal", "Withdrawal", "home", "images"])
def test_an_id_that_is_a_guide_name_is_an_error_and_moved_aside(
    guide: Library, tmp_path: Path, taken: str
) -> None:
    site = write_site(tmp_path / "site", {"library.yml": f"title: Ours\nid: {taken}\n"})
    combined = mounted(guide, site)
    [problem] = [p for p in combined.sites[0].problems if p.code == "site-id-taken"]
    assert problem.file == "library.yml" and problem.severity is Severity.ERROR
    prefix = combined.sites[0].prefix
    assert prefix.endswith("-2")
    assert f"{prefix}/local-services" in combined.library.articles
    assert [t.slug for t in combined.library.topics.children] == ["withdrawal", prefix]


def test_two_sites_with_one_id_both_show(guide: Library, tmp_path: Path) -> None:
    combined = mounted(guide, write_site(tmp_path / "a"), write_site(tmp_path / "b"))
    assert [s.prefix for s in combined.sites] == ["clinic", "clinic-2"]
    assert codes(combined.sites[1].problems) == ["site-glossary-duplicate", "site-id-taken"]
    assert combined.sites[0].problems == ()
    assert "clinic-2/visits/first-visit" in combined.library.articles


def test_an_id_that_cannot_be_an_address_is_made_one(guide: Library, tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site", {"library.yml": "title: Ours\nid: Our Clinic!\nhome: local-services\n"}
    )
    combined = mounted(guide, site)
    assert combined.sites[0].prefix == "our-clinic"
    [problem] = combined.sites[0].problems
    assert problem.code == "site-id" and problem.severity is Severity.WARNING
    assert "'our-clinic/…'" in problem.message and "id: our-clinic" in problem.message


def test_a_missing_or_empty_site_is_not_shown_and_says_why(guide: Library, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "library.yml").write_text("title: Nothing\nid: nothing\nhome: x\n")
    combined = mounted(guide, tmp_path / "gone", tmp_path / "empty")
    gone, empty = combined.sites
    assert not gone.shown and codes(gone.problems) == ["library-missing"]
    assert not empty.shown and codes(empty.problems) == ["site-no-articles", "unknown-home"]
    assert combined.library.articles.keys() == guide.articles.keys()
    assert combined.library.topics == guide.topics
    notice = site_notice(combined, missing=1)
    assert "“gone”" in notice and "“empty”" in notice and "1 folder not found" in notice
    assert "fieldguide check --config" in notice
    where = (tmp_path / "empty").as_posix()
    files = {p.file for p in combined.library.problems if p.file.startswith(where)}
    assert files == {where, f"{where}/library.yml"}


def test_the_guide_folder_itself_is_not_shown_twice(guide: Library) -> None:
    combined = mounted(guide, guide.root)
    assert codes(combined.sites[0].problems) == ["site-is-guide"]
    assert combined.library.topics == guide.topics


def test_glossary_words_join_the_guides_unless_it_has_them(guide: Library, tmp_path: Path) -> None:
    glossary = (
        "walk-in:\n  definition: No booking.\nWithdrawals:\n  definition: Another definition.\n"
    )
    combined = mounted(guide, write_site(tmp_path / "site", {"glossary.yml": glossary}))
    terms = {t.term: t.definition for t in combined.library.glossary}
    assert terms["walk-in"] == "No booking."
    assert terms["withdrawal"] == guide.glossary[0].definition
    assert "Withdrawals" not in terms
    assert codes(combined.sites[0].problems) == ["site-glossary-duplicate"]


def test_site_sources_get_the_sites_prefix(guide: Library, tmp_path: Path) -> None:
    extra = {
        "sources.yml": "medline:\n  title: Our own leaflet\n  publisher: Our clinic\n",
        "hours.md": page("Body.\n").replace("sources: []", "sources: [medline]"),
    }
    combined = mounted(guide, write_site(tmp_path / "site", extra))
    library = combined.library
    assert library.sources["medline"].publisher == "MedlinePlus"
    assert library.sources["clinic/medline"].title == "Our own leaflet"
    assert library.articles["clinic/hours"].sources == ("clinic/medline",)


def test_no_sites_is_the_guide_as_it_was(guide: Library) -> None:
    combined = combine(guide, [])
    assert combined.sites == ()
    assert combined.library.articles == guide.articles
    assert combined.library.topics == guide.topics
    assert site_notice(combined) == ""


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Library]:
    root = tmp_path_factory.mktemp("ids")
    guide = load_library(write_library(root / "guide"))
    site = load_library(write_site(root / "site"), check_links=False)
    return guide, site


@settings(max_examples=200, deadline=None)
@given(wanted=st.text(min_size=1, max_size=30))
def test_any_id_becomes_one_safe_free_segment(
    libraries: tuple[Library, Library], wanted: str
) -> None:
    guide, site = libraries
    combined = combine(guide, [site.replace(id=wanted), site.replace(id=wanted)])
    first, second = (s.prefix for s in combined.sites)
    for prefix in (first, second):
        assert re.fullmatch(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?", prefix), prefix
        assert prefix not in {"withdrawal", "home", "images"}
    assert first != second
    assert f"{second}/local-services" in combined.library.articles
