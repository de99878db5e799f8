"""The 'common claims, checked' article answers each of the twelve common claims about kratom."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

LIBRARY = Path(__file__).resolve().parents[2] / "resources" / "library"
ARTICLE = LIBRARY / "kratom" / "common-claims-checked.md"
CLAIM_COUNT = 12
UNSAFE_CLAIMS = (8, 9)  # "no sedation or addiction" and "safer than treatment medicines"

_CLAIM_HEADING = re.compile(r"^## Claim (\d+): (.+)$")
_HEADING = re.compile(r"^#{1,6} ")
_VERDICT = re.compile(r"^\*\*(.+?)\*\*$")


def split_article(text: str) -> tuple[dict[str, object], str]:
    """Front matter (YAML between the first two '---' lines) and the Markdown body."""
    _, front, body = text.split("---", 2)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict)
    return meta, body


def claim_sections(body: str) -> dict[int, list[str]]:
    """Claim number -> the non-blank lines under its '## Claim N: ...' heading, up to the next
    heading or box."""
    sections: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line in body.splitlines():
        match = _CLAIM_HEADING.match(line)
        if match:
            number = int(match.group(1))
            assert number not in sections, f"claim {number} has two headings"
            current = sections[number] = []
        elif _HEADING.match(line) or line.startswith("!!!"):
            current = None
        elif current is not None and line.strip():
            current.append(line.strip())
    return sections


def problems(body: str) -> list[str]:
    """Every way the body falls short of answering the twelve claims; empty when it is complete."""
    found: list[str] = []
    sections = claim_sections(body)
    missing = sorted(set(range(1, CLAIM_COUNT + 1)) - set(sections))
    extra = sorted(set(sections) - set(range(1, CLAIM_COUNT + 1)))
    if missing:
        found.append(f"no heading for claims {missing}")
    if extra:
        found.append(f"unexpected claim numbers {extra}")
    for number, lines in sorted(sections.items()):
        verdict = _VERDICT.match(lines[0]) if lines else None
        if verdict is None:
            found.append(f"claim {number}: the first line under the heading is not a bold verdict")
            continue
        if len(lines) < 2:
            found.append(f"claim {number}: the verdict is not followed by a corrected statement")
        if number in UNSAFE_CLAIMS and not verdict.group(1).startswith("This is wrong."):
            found.append(f"claim {number}: an unsafe claim must be called wrong in plain words")
    return found


def test_article_exists_with_front_matter() -> None:
    meta, _ = split_article(ARTICLE.read_text(encoding="utf-8"))
    assert meta["title"]
    assert meta["sources"]


def test_every_claim_is_answered_with_a_verdict_and_a_correction() -> None:
    _, body = split_article(ARTICLE.read_text(encoding="utf-8"))
    assert problems(body) == []


def test_unsafe_claims_are_not_stated_as_fact_in_their_headings() -> None:
    """A reader who only skims headings must never read an unsafe claim as advice: the claim text
    is quoted, and the line right after it calls it wrong."""
    _, body = split_article(ARTICLE.read_text(encoding="utf-8"))
    headings = [m for line in body.splitlines() if (m := _CLAIM_HEADING.match(line))]
    for match in headings:
        if int(match.group(1)) in UNSAFE_CLAIMS:
            assert match.group(2).startswith('"') and match.group(2).endswith('"')


def test_article_points_to_proven_treatment_and_help() -> None:
    _, body = split_article(ARTICLE.read_text(encoding="utf-8"))
    assert "../treatment/medicines-that-work.md" in body
    assert "../help/get-help-now.md" in body


def _complete_body() -> str:
    parts = []
    for n in range(1, CLAIM_COUNT + 1):
        verdict = "This is wrong." if n in UNSAFE_CLAIMS else "Partly true."
        parts.append(f'## Claim {n}: "A claim"\n\n**{verdict}**\n\nWhat is true instead.\n')
    return "\n".join(parts)


def test_a_complete_made_up_article_passes() -> None:
    assert problems(_complete_body()) == []


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (lambda b: b.replace("## Claim 12:", "## Another point:"), "no heading for claims [12]"),
        (lambda b: b.replace("## Claim 3:", "## Claim 13:"), "unexpected claim numbers [13]"),
        (
            lambda b: b.replace('"A claim"\n\n**Partly true.**', '"A claim"\n\nPartly true.', 1),
            "claim 1: the first line under the heading is not a bold verdict",
        ),
        (
            lambda b: b.replace(
                '## Claim 2: "A claim"\n\n**Partly true.**\n\nWhat is true instead.',
                '## Claim 2: "A claim"\n\n**Partly true.**',
            ),
            "claim 2: the verdict is not followed by a corrected statement",
        ),
        (
            lambda b: b.replace("**This is wrong.**", "**Mostly fine.**", 1),
            "claim 8: an unsafe claim must be called wrong in plain words",
        ),
    ],
)
def test_the_check_catches_an_incomplete_article(
    broken: Callable[[str], str], expected: str
) -> None:
    assert expected in problems(broken(_complete_body()))
