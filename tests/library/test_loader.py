"""Loading libraries: the good fixture, unusable folders, and the edge cases of single files."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest
from loader_helpers import FIXTURES, assert_well_formed, codes, copy_fixture, problem_keys

from fieldguide.library.loader import load_library
from fieldguide.library.model import Library

ARTICLE = (
    "---\ntitle: {title}\nsummary: S.\nkeywords: [k]\nreviewed: 2026-01-01\nsources: []\n"
    "{extra}---\n{body}"
)


def write(root: Path, rel: str, text: str) -> Path:
    path = root.joinpath(*rel.split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def article(title: str = "T", body: str = "Text.\n", extra: str = "") -> str:
    return ARTICLE.format(title=title, body=body, extra=extra)


def small_library(root: Path, **files: str) -> Path:
    """A library with library.yml and the given files (keyword `a__b_md` means "a/b.md")."""
    write(root, "library.yml", "title: Small\nid: small\nhome: t/a\n")
    for name, text in files.items():
        write(root, name.replace("__", "/").replace("_md", ".md").replace("_yml", ".yml"), text)
    return root


def only_errors(library: Library) -> list[tuple[str, str, int | None]]:
    return [(p.code, p.file, p.line) for p in library.errors]


# --- the good fixture ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good() -> Library:
    return load_library(FIXTURES / "good")


def test_good_library_has_no_problems(good: Library) -> None:
    assert good.problems == ()
    assert_well_formed(good)


def test_good_library_metadata(good: Library) -> None:
    assert (good.id, good.title, good.language, good.version, good.publisher) == (
        "test-guide",
        "Test guide",
        "en",
        "1.0",
        "Field Guide tests",
    )
    assert good.home == "withdrawal/how-long-it-lasts"
    assert good.root == (FIXTURES / "good").absolute()


def test_good_topic_tree(good: Library) -> None:
    root = good.topics
    assert (root.slug, root.title) == ("", "Test guide")
    assert [(t.slug, t.title, t.order) for t in root.children] == [
        ("withdrawal", "Withdrawal", 10),
        ("kratom", "Kratom", 20),
    ]
    assert root.children[0].articles == ("withdrawal/how-long-it-lasts", "withdrawal/symptoms")
    assert root.children[1].summary == "What kratom is and what it does."


def test_good_article_fields(good: Library) -> None:
    a = good.articles["withdrawal/how-long-it-lasts"]
    assert a.title == "How long withdrawal lasts"
    assert a.summary == "Most symptoms fade within a week or two."
    assert (a.order, a.keywords) == (10, ("dope sick", "detox"))
    assert a.reviewed == dt.date(2026, 1, 15)
    assert a.sources == ("medlineplus-withdrawal",)
    assert a.path == "withdrawal/how-long-it-lasts.md"
    assert a.body_line == 9 and a.body.startswith("# How long withdrawal lasts\n")
    assert a.topic == "withdrawal"


def test_good_sources_and_glossary(good: Library) -> None:
    who = good.sources["who-2009"]
    assert (who.authors, who.year, who.publisher) == ("World Health Organization", 2009, "")
    assert good.sources["medlineplus-withdrawal"].url.startswith("https://medlineplus.gov/")
    assert [(t.term, t.aliases) for t in good.glossary] == [
        ("withdrawal", ("dope sick", "detox")),
        ("kratom", ()),
    ]


def test_loading_twice_gives_equal_results(good: Library) -> None:
    again = load_library(FIXTURES / "good")
    assert dict(again.articles) == dict(good.articles)
    assert again.topics == good.topics


# --- folders that are not libraries --------------------------------------------------------------


def test_missing_folder(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere")
    assert problem_keys(library) == {("library-missing", "", None): 1}
    assert library.title == "nowhere" and library.articles == {}
    assert "does not exist" in library.problems[0].message


def test_a_file_instead_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "library.yml").write_text("title: x\n")
    library = load_library(tmp_path / "library.yml")
    assert codes(library) == ["library-not-folder"]


@pytest.mark.parametrize("hidden", [[], [".DS_Store", ".git"]])
def test_empty_folder(tmp_path: Path, hidden: list[str]) -> None:
    for name in hidden:
        (tmp_path / name).mkdir()
    library = load_library(tmp_path)
    assert codes(library) == ["library-empty"]
    assert library.title == tmp_path.name
    assert library.topics.slug == "" and library.topics.children == ()


def test_no_library_yml_still_loads_the_articles(tmp_path: Path) -> None:
    root = copy_fixture("good", tmp_path / "My guide")
    (root / "library.yml").unlink()
    library = load_library(root)
    assert codes(library) == ["no-library-file"]
    assert library.title == "My guide" and library.id == "My guide" and library.home == ""
    assert len(library.articles) == 4


def test_check_links_false_skips_link_problems(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article(body="[x](missing.md)\n"))
    assert "broken-link" in codes(load_library(root))
    assert "broken-link" not in codes(load_library(root, check_links=False))


# --- single files --------------------------------------------------------------------------------


def test_windows_line_ends_and_byte_order_mark(tmp_path: Path) -> None:
    text = "\ufeff" + article(body="Line one.\n[x](gone.md)\n").replace("\n", "\r\n")
    root = small_library(tmp_path, t__a_md=text)
    library = load_library(root)
    a = library.articles["t/a"]
    assert a.title == "T" and "\r" not in a.body and a.body_line == 8
    assert only_errors(library) == [("broken-link", "t/a.md", 9)]


def test_utf16_file_is_read_and_reported(tmp_path: Path) -> None:
    root = small_library(tmp_path)
    (root / "t").mkdir()
    (root / "t" / "a.md").write_bytes(article(title="Café").encode("utf-16"))
    library = load_library(root)
    assert only_errors(library) == [("bad-encoding", "t/a.md", 1)]
    assert library.articles["t/a"].title == "Café"


def test_front_matter_closed_with_dots_and_empty_body(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md="---\ntitle: A\nsummary: S.\n...")
    a = load_library(root).articles["t/a"]
    assert (a.title, a.body, a.body_line) == ("A", "", 5)


def test_front_matter_that_is_a_list(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md="---\n- title\n- summary\n---\nText.\n")
    library = load_library(root)
    assert only_errors(library) == [("wrong-type", "t/a.md", 2)]
    assert library.articles["t/a"].title == "A"


def test_front_matter_values_of_the_wrong_kind(tmp_path: Path) -> None:
    text = (
        "---\ntitle: [not, text]\nsummary: 12\norder: '7'\nkeywords: [ok, [nested], 3]\n"
        "reviewed: 2026-02-30\n---\n"
    )
    root = small_library(tmp_path, t__a_md=text)
    library = load_library(root)
    # an impossible date makes the whole front matter unreadable: reported where it is
    assert only_errors(library) == [("bad-yaml", "t/a.md", 6)]
    text = text.replace("2026-02-30", "'2026-02-03'")
    root = small_library(tmp_path, t__a_md=text)
    library = load_library(root)
    assert only_errors(library) == [("wrong-type", "t/a.md", 2), ("wrong-type", "t/a.md", 5)]
    a = library.articles["t/a"]
    assert (a.title, a.summary, a.order, a.keywords) == ("A", "12", 7, ("ok", "3"))
    assert a.reviewed == dt.date(2026, 2, 3)


@pytest.mark.parametrize("order", ["'\u00b2'", "'+-5'", "'" + "9" * 5000 + "'", "1.5", "true"])
def test_orders_that_are_not_whole_numbers(tmp_path: Path, order: str) -> None:
    root = small_library(tmp_path, t__a_md=article(extra=f"order: {order}\n"))
    library = load_library(root)
    assert only_errors(library) == [("wrong-type", "t/a.md", 7)]
    assert library.articles["t/a"].order == 0


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    text = "---\ntitle: !!python/object/apply:os.system [echo hi]\nsummary: S.\n---\n"
    library = load_library(small_library(tmp_path, t__a_md=text))
    assert only_errors(library) == [("bad-yaml", "t/a.md", 2)]


def test_tabs_get_a_plain_hint(tmp_path: Path) -> None:
    library = load_library(
        small_library(tmp_path, t__a_md=article(), t___topic_yml="title: T\n\torder: 2\n")
    )
    problem = next(p for p in library.problems if p.code == "bad-yaml")
    assert problem.file == "t/_topic.yml" and "tabs" in problem.message


def test_home_written_with_md_gets_a_hint(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article())
    write(root, "library.yml", "title: Small\nid: small\nhome: t/a.md\n")
    library = load_library(root)
    assert only_errors(library) == [("unknown-home", "library.yml", 3)]
    assert "without '.md'" in library.problems[0].message


def test_home_that_is_broken_is_reported_once(tmp_path: Path) -> None:
    library = load_library(small_library(tmp_path, t__a_md="---\ntitle: never closed\n"))
    assert only_errors(library) == [("unclosed-front-matter", "t/a.md", 1)]
    assert library.home == ""


def test_folders_that_differ_only_in_case(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article(), T__b_md=article())
    if not (root / "t").exists() or not (root / "T").exists() or (root / "t").samefile(root / "T"):
        pytest.skip("this file system ignores case")
    library = load_library(root)
    assert ("duplicate-slug", "t", None) in problem_keys(library)
    assert "T/b" in library.articles and "t/a" not in library.articles  # "T" sorts first


def test_articles_sorted_by_order_then_title_ignoring_case(tmp_path: Path) -> None:
    root = small_library(
        tmp_path,
        t__a_md=article(title="beta"),
        t__b_md=article(title="Alpha"),
        t__c_md=article(title="zulu", extra="order: -1\n"),
        t__d_md=article(title="Gamma"),
    )
    topic = load_library(root).topic("t")
    assert topic is not None and topic.articles == ("t/c", "t/b", "t/a", "t/d")


def test_articles_at_the_root_and_deep_down(tmp_path: Path) -> None:
    root = small_library(tmp_path, start_md=article(), t__u__v__w_md=article())
    library = load_library(root)
    assert library.topics.articles == ("start",)
    assert library.topic("t/u/v") is not None and library.topic("t/u/v").articles == ("t/u/v/w",)
    assert_well_formed(library)


def test_folders_nested_too_deeply_are_reported_once(tmp_path: Path) -> None:
    deep = "/".join(f"d{n}" for n in range(25))
    root = small_library(tmp_path, t__a_md=article())
    write(root, f"{deep}/a.md", article())
    write(root, f"images/{deep}/p.png", "png")
    library = load_library(root)
    too_deep = [(p.code, p.file) for p in library.problems if p.code == "too-deep"]
    assert too_deep == [
        ("too-deep", "/".join(f"d{n}" for n in range(21))),
        ("too-deep", "images/" + "/".join(f"d{n}" for n in range(20))),
    ]
    assert_well_formed(library)


def test_images_folders_are_not_topics(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article(body="![x](images/p.png)\n"))
    write(root, "t/images/p.png", "png")
    write(root, "images/q.png", "png")
    library = load_library(root)
    assert [t.slug for t in library.topics.walk()] == ["", "t"]
    assert library.errors == ()


def test_junk_files_are_ignored(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article())
    for name in ("Thumbs.db", "desktop.ini", "t/a.md~", "t/~$draft.md", "t/.a.md.swp"):
        write(root, name, "x")
    assert codes(load_library(root)) == ["missing-topic-file"]


def test_unknown_yaml_files_get_a_hint(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article(), sources_yaml="a: b\n")
    os.rename(root / "sources_yaml", root / "sources.yaml")
    problems = load_library(root).problems
    assert [(p.code, p.file) for p in problems] == [
        ("unknown-file", "sources.yaml"),
        ("missing-topic-file", "t"),
    ]
    assert "'.yml'" in problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_not_opened(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article())
    os.mkfifo(root / "t" / "pipe.md")
    library = load_library(root)  # would hang if the pipe were opened
    assert ("unknown-file", "t/pipe.md", None) in problem_keys(library)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs file permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    root = small_library(tmp_path, t__a_md=article(), t__b_md=article())
    (root / "t" / "b.md").chmod(0)
    try:
        library = load_library(root)
    finally:
        (root / "t" / "b.md").chmod(0o644)
    assert only_errors(library) == [("unreadable", "t/b.md", None)]
    assert "t/a" in library.articles


def test_names_that_differ_only_in_unicode_form(tmp_path: Path) -> None:
    nfc, nfd = "caf\u00e9", "cafe\u0301"
    root = small_library(tmp_path)
    write(root, f"t/{nfc}.md", article())
    try:
        write(root, f"t/{nfd}.md", article())
    except OSError:
        pytest.skip("this file system cannot hold both forms")
    if len(os.listdir(root / "t")) < 2:
        pytest.skip("this file system normalises names")
    library = load_library(root)
    assert "duplicate-slug" in codes(library)
    assert len(library.articles) == 1


def test_library_files_shorthand_and_missing_title(tmp_path: Path) -> None:
    text = article(extra="").replace("sources: []", "sources: [who]")
    root = small_library(tmp_path, t__a_md=text)
    write(root, "library.yml", "id: small\nhome: t/a\n")
    write(root, "sources.yml", "who: WHO guidelines\n")
    write(root, "glossary.yml", "detox: Stopping a drug.\nrelapse:\n")
    library = load_library(root)
    assert only_errors(library) == [
        ("missing-field", "glossary.yml", 2),
        ("missing-field", "library.yml", 1),
    ]
    assert library.title == tmp_path.name
    assert library.sources["who"].title == "WHO guidelines"
    assert library.articles["t/a"].sources == ("who",)
    assert [(g.term, g.definition) for g in library.glossary] == [("detox", "Stopping a drug.")]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs file permissions")
def test_unreadable_library_folder_is_one_problem(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib", t__a_md=article())
    root.chmod(0)
    try:
        library = load_library(root)
    finally:
        root.chmod(0o755)
    assert codes(library) == ["unreadable"]


@pytest.mark.parametrize("name", [" ", "___", "-"])
def test_titles_made_from_odd_file_names_are_never_blank(tmp_path: Path, name: str) -> None:
    root = small_library(tmp_path)
    write(root, f"t/{name}.md", "No front matter.\n")
    library = load_library(root)
    assert_well_formed(library)
    assert len(library.articles) == 1
