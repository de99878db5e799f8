"""The broken fixture library: every problem is found once, at the right place; the rest loads."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from loader_helpers import assert_well_formed, make_broken, problem_keys

from fieldguide.library.loader import load_library
from fieldguide.library.model import Library, Severity

# (code, file, line) of every problem the broken library has, each exactly once.
EXPECTED = [
    # library.yml
    ("unknown-home", "library.yml", 3),
    ("duplicate-key", "library.yml", 6),
    ("unknown-field", "library.yml", 7),
    # sources.yml
    ("duplicate-source", "sources.yml", 4),
    ("missing-field", "sources.yml", 7),
    ("wrong-type", "sources.yml", 12),
    # glossary.yml: a term again with a capital, an alias that is already a term's alias
    ("duplicate-term", "glossary.yml", 4),
    ("duplicate-term", "glossary.yml", 8),
    # topics
    ("wrong-type", "good/_topic.yml", 2),
    ("bad-yaml", "badtopic/_topic.yml", 3),
    ("missing-topic-file", "notopic", None),
    ("empty-topic", "empty", None),
    ("unknown-file", "empty/notes.txt", None),
    ("unknown-file", "images/readme.txt", None),
    # articles
    ("no-front-matter", "articles/no-front-matter.md", 1),
    ("unclosed-front-matter", "articles/unclosed.md", 1),
    ("bad-yaml", "articles/bad-yaml.md", 3),
    ("missing-field", "articles/missing-fields.md", 1),  # title
    ("missing-field", "articles/missing-fields.md", 1),  # summary
    ("missing-recommended-field", "articles/missing-fields.md", 1),  # keywords
    ("missing-recommended-field", "articles/missing-fields.md", 1),  # reviewed
    ("missing-recommended-field", "articles/missing-fields.md", 1),  # sources
    ("wrong-type", "articles/wrong-types.md", 4),  # keywords: detox
    ("wrong-type", "articles/wrong-types.md", 5),  # order: soon
    ("wrong-type", "articles/wrong-types.md", 6),  # reviewed: someday
    ("unknown-source", "articles/wrong-types.md", 7),
    ("unknown-field", "articles/wrong-types.md", 8),  # sumary
    ("duplicate-slug", "articles/dup.md", None),
    # made at test time
    ("bad-encoding", "articles/bad-encoding.md", 8),
    ("file-too-large", "articles/huge.md", None),
    ("symlink", "articles/link.md", None),
    ("symlink", "articles/outside.md", None),
    ("symlink", "linked", None),
    # links/broken-links.md
    ("broken-link", "links/broken-links.md", 10),
    ("broken-anchor", "links/broken-links.md", 11),
    ("broken-anchor", "links/broken-links.md", 12),
    ("missing-image", "links/broken-links.md", 13),
    ("remote-image", "links/broken-links.md", 14),
    ("outside-link", "links/broken-links.md", 15),
    ("outside-link", "links/broken-links.md", 16),
    ("unsafe-link", "links/broken-links.md", 17),
    ("broken-link", "links/broken-links.md", 18),  # ../Good/fine.md: wrong case
    ("broken-link", "links/broken-links.md", 20),  # reference definition
]

WARNINGS = {
    "unknown-field",
    "missing-topic-file",
    "empty-topic",
    "unknown-file",
    "missing-recommended-field",
}


@pytest.fixture
def broken(tmp_path: Path) -> Library:
    return load_library(make_broken(tmp_path))


def test_every_problem_is_reported_once_at_its_place(broken: Library) -> None:
    assert problem_keys(broken) == Counter(EXPECTED)


def test_severities(broken: Library) -> None:
    for problem in broken.problems:
        expected = Severity.WARNING if problem.code in WARNINGS else Severity.ERROR
        assert problem.severity is expected, problem


def test_the_good_articles_still_load(broken: Library) -> None:
    assert_well_formed(broken)
    assert set(broken.articles) == {
        "good/fine",
        "notopic/page",
        "badtopic/article",
        "links/broken-links",
        "articles/Dup",
        "articles/bad-yaml",
        "articles/bad-encoding",
        "articles/missing-fields",
        "articles/no-front-matter",
        "articles/wrong-types",
    }
    assert broken.title == "Broken guide"
    assert broken.home == ""
    fine = broken.articles["good/fine"]
    assert (fine.title, fine.sources, fine.body_line) == ("Fine", ("good-source",), 8)


def test_broken_fields_fall_back_to_defaults(broken: Library) -> None:
    wrong = broken.articles["articles/wrong-types"]
    assert wrong.order == 0 and wrong.reviewed is None
    assert wrong.keywords == ("detox",)  # a single word is still used as a keyword
    assert wrong.sources == ("good-source",)  # the unknown one is dropped
    assert broken.articles["articles/missing-fields"].title == "Missing fields"
    assert broken.articles["articles/no-front-matter"].body.startswith("# No front matter")
    assert "Caf\ufffd au lait." in broken.articles["articles/bad-encoding"].body


def test_topics_fall_back_to_folder_names(broken: Library) -> None:
    titles = {topic.slug: topic.title for topic in broken.topics.walk()}
    assert titles == {
        "": "Broken guide",
        "articles": "Broken articles",
        "links": "Broken links",
        "good": "Good",
        "badtopic": "Badtopic",
        "notopic": "Notopic",
    }
    # by order (missing or unreadable counts as 0), then by title
    order = [t.slug for t in broken.topics.children]
    assert order == ["badtopic", "good", "notopic", "articles", "links"]


def test_sources_and_glossary_keep_what_is_usable(broken: Library) -> None:
    assert broken.sources["good-source"].title == "The same id again"  # the later one wins
    assert broken.sources["no-title"].title == "no-title"
    assert broken.sources["bad-year"].year is None
    assert [(t.term, t.aliases) for t in broken.glossary] == [
        ("opioid", ("opiate", "opioids")),
        ("kratom", ()),
    ]


def test_messages_name_the_fix(broken: Library) -> None:
    by_code = {p.code: p.message for p in broken.problems}
    assert "UTF-8" in by_code["bad-encoding"]
    assert "'summary'" in by_code["unknown-field"] or "Known names" in by_code["unknown-field"]
    assert "1 MB" in by_code["file-too-large"]
    assert "capital letters matter" in next(
        p.message for p in broken.problems if p.code == "broken-link" and p.line == 18
    )
    for problem in broken.problems:
        assert "Traceback" not in problem.message
        assert problem.message.rstrip().endswith((".", "?"))
        assert "\n" not in problem.message
