"""Checks on the bundled library: no unsafe claims, complete front matter, plain language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from fieldguide.library.readability import grade, plain_sentences

LIBRARY = Path(__file__).resolve().parents[2] / "resources" / "library"
HELP_PAGE = "help/get-help-now.md"
MAX_GRADE = 8.0

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n(.*)\Z", re.DOTALL)

# Claims the issue forbids: each must be negated in its own sentence ("is not a safer
# alternative", "has not been proven safe"). Patterns that carry their own "not"/"no"
# ("not addictive", "no side effects") need a negation outside the matched words.
UNSAFE_CLAIMS = (
    r"kratom\s+is\s+(?:\w+\s+)?safe",
    r"kratom\s+is\s+(?:a\s+)?safer",
    r"safe\s+alternative",
    r"safer\s+alternative",
    r"not\s+addictive",
    r"non-?\s?addictive",
    r"no\s+side\s+effects",
    r"\bcures?\b",
    r"harmless",
    r"natural\s+and\s+safe",
    r"(?:100\s?%|completely|perfectly|totally)\s+safe",
)
_UNSAFE = [re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE) for p in UNSAFE_CLAIMS]
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|neither|none|cannot|without|false|untrue|myth|wrong|unproven"
    r"|lacks?)\b|n't\b",
    re.IGNORECASE,
)
# Text in double quotes is a claim being discussed ("Kratom is a safer alternative"), not stated.
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Phone numbers live on the help page only, so a clinic's local numbers can sit beside them.
_PHONE = re.compile(
    r"\b1-8\d\d-[\dA-Z]{3}-[\dA-Z]{4}\b|(?<![\d,.])\b(?:911|988|112|999)\b(?![,.]?\d)"
)
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def unsafe_claims(text: str) -> list[str]:
    """Sentences of plain text that state a forbidden claim without negating it."""
    found = []
    for sentence in _SENTENCE_END.split(_QUOTED.sub(" ", text)):
        for pattern in _UNSAFE:
            for match in pattern.finditer(sentence):
                rest = sentence[: match.start()] + " " + sentence[match.end() :]
                if not _NEGATION.search(rest):
                    found.append(sentence.strip())
    return found


def split_article(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter (parsed with yaml.safe_load) and Markdown body of an article file."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    assert match, f"{path.relative_to(LIBRARY)}: no front matter between --- lines"
    front = yaml.safe_load(match.group(1))
    assert isinstance(front, dict), f"{path.relative_to(LIBRARY)}: front matter is not a mapping"
    return front, match.group(2)


ARTICLES = sorted(LIBRARY.rglob("*.md"))
IDS = [p.relative_to(LIBRARY).as_posix() for p in ARTICLES]


def test_the_library_has_articles() -> None:
    assert (LIBRARY / "library.yml").is_file()
    assert len(ARTICLES) >= 15, "the bundled library should hold at least the fixed articles"


@pytest.mark.parametrize(
    "text",
    [
        "Kratom is safe for most people.",
        "Many users say it is a safer alternative to methadone.",
        "This herb is non-addictive and has no side effects.",
        "Kratom cures opioid withdrawal.",
        "The leaf is harmless. It is also not addictive.",
        "It is completely natural and safe.",
    ],
)
def test_unsafe_claim_detector_flags_made_up_claims(text: str) -> None:
    assert unsafe_claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kratom is not a safer alternative to proven treatment.",
        "Kratom has not been proven safe.",
        "There is no cure, but treatment works.",
        'Some sellers say "kratom is safe". That claim is false.',
        "Calling for help can save a life.",
        "Secure your medicines at home.",
    ],
)
def test_unsafe_claim_detector_accepts_negated_or_quoted_claims(text: str) -> None:
    assert unsafe_claims(text) == []


@pytest.mark.parametrize("path", ARTICLES, ids=IDS)
def test_article_states_no_unsafe_claim(path: Path) -> None:
    front, body = split_article(path)
    text = f"{front.get('title', '')}. {front.get('summary', '')} {plain_sentences(body)}"
    assert unsafe_claims(text) == []


@pytest.fixture(scope="module")
def source_ids() -> set[str]:
    sources = yaml.safe_load((LIBRARY / "sources.yml").read_text(encoding="utf-8"))
    assert isinstance(sources, dict) and sources
    for key, entry in sources.items():
        assert isinstance(entry, dict) and entry.get("title"), f"source {key} has no title"
        assert entry.get("publisher") or entry.get("authors"), f"source {key}: publisher/authors"
    return set(sources)


@pytest.mark.parametrize("path", ARTICLES, ids=IDS)
def test_article_front_matter_is_complete(path: Path, source_ids: set[str]) -> None:
    front, _ = split_article(path)
    for field in ("title", "summary"):
        assert isinstance(front.get(field), str) and front[field].strip(), f"no {field}"
    keywords = front.get("keywords")
    assert isinstance(keywords, list) and keywords, "keywords must be a non-empty list"
    assert isinstance(front.get("reviewed"), dt.date), "reviewed must be a date (YYYY-MM-DD)"
    cited = front.get("sources")
    assert isinstance(cited, list) and cited, "cite at least one source"
    unknown = sorted(set(cited) - source_ids)
    assert not unknown, f"sources not in sources.yml: {unknown}"


@pytest.mark.parametrize("path", ARTICLES, ids=IDS)
def test_article_reads_at_grade_eight_or_lower(path: Path) -> None:
    _, body = split_article(path)
    assert grade(body) <= MAX_GRADE


@pytest.mark.parametrize("path", ARTICLES, ids=IDS)
def test_phone_numbers_appear_only_on_the_help_page(path: Path) -> None:
    if path.relative_to(LIBRARY).as_posix() == HELP_PAGE:
        return
    _, body = split_article(path)
    assert _PHONE.findall(body) == []


@pytest.mark.parametrize("path", ARTICLES, ids=IDS)
def test_pictures_exist_and_have_alt_text(path: Path) -> None:
    _, body = split_article(path)
    for alt, target in _IMAGE.findall(body):
        assert alt.strip(), f"picture {target} needs alt text"
        assert (path.parent / target).resolve().is_file(), f"picture {target} is missing"


def test_help_page_labels_us_numbers_and_points_elsewhere() -> None:
    _, body = split_article(LIBRARY / HELP_PAGE)
    for number in ("988", "1-800-662-4357", "1-800-222-1222", "findtreatment.gov"):
        assert number in body
    assert "United States only" in body
    assert "Outside the United States" in body
