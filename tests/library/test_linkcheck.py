"""Finding links and heading ids in Markdown bodies, checked against Python-Markdown itself."""

from __future__ import annotations

import time
from typing import Any

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldguide.library.linkcheck import heading_ids, iter_links


def toc_ids(body: str) -> set[str]:
    """The heading ids Python-Markdown (toc + fenced_code) gives the same body."""
    md = markdown.Markdown(extensions=["toc", "fenced_code"])
    md.convert(body)

    def walk(tokens: list[dict[str, Any]]) -> set[str]:
        out: set[str] = set()
        for token in tokens:
            out.add(token["id"])
            out |= walk(token["children"])
        return out

    return walk(md.toc_tokens)  # type: ignore[attr-defined]


HEADING_CASES = [
    "# Symptoms\n## Symptoms\n### Symptoms_1\n",
    "#No space needed\n",
    "Title\n=====\n\nSub\n---\n",
    "```\n# not a heading\n```\n# Real\n",
    "~~~~\n# not a heading\n~~~~\n",
    "```\n# unclosed fence: a heading after all\n",
    "## Using `naloxone` **now**\n## [A link](x.md) text\n## snake_case _em_ __strong__\n",
    "> ## Quoted heading\n",
    "# Café &amp; more\n",
    "#\n# \n",
    "A paragraph\n# heading inside it\nmore\n",
    "# ![picture](a.png) caption\n",
    "# Closing hashes ##\n",
    "    # indented: code, not a heading\n",
]


@pytest.mark.parametrize("body", HEADING_CASES)
def test_heading_ids_match_python_markdown(body: str) -> None:
    assert heading_ids(body) == toc_ids(body)


def test_second_heading_with_the_same_words_gets_a_number() -> None:
    assert heading_ids("## Symptoms\n\n## Symptoms\n\n## Symptoms\n") == {
        "symptoms",
        "symptoms_1",
        "symptoms_2",
    }


_words = st.text(alphabet="abcXYZ019 -?!,.'()é", min_size=0, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), _words), min_size=1, max_size=6))
def test_generated_headings_match_python_markdown(headings: list[tuple[int, str]]) -> None:
    body = "\n\n".join("#" * level + " " + text for level, text in headings) + "\n"
    assert heading_ids(body) == toc_ids(body)


def links(body: str) -> list[tuple[int, bool, str]]:
    return list(iter_links(body))


def test_inline_links_and_images() -> None:
    body = (
        'See [one](a.md) and ![pic](p.png "title").\n'
        "[with (parens)](b.md#x) [angle](<c d.md>) [titled](e.md 'T')\n"
        "[![picture in a link](in.png)](outer.md)\n"
    )
    assert links(body) == [
        (0, False, "a.md"),
        (0, True, "p.png"),
        (1, False, "b.md#x"),
        (1, False, "c d.md"),
        (1, False, "e.md"),
        (2, False, "outer.md"),
        (2, True, "in.png"),
    ]


def test_code_is_not_scanned() -> None:
    body = (
        "`[a](x.md)` and ``[b](`y`.md)`` but [c](z.md)\n"
        "```\n[d](no.md)\n```\n"
        "~~~python\n[e](no.md)\n~~~\n"
        "\\[escaped](no.md)\n"
    )
    assert links(body) == [(0, False, "z.md")]


def test_unclosed_fence_is_not_code() -> None:
    assert links("```\n[a](x.md)\n") == [(1, False, "x.md")]


def test_reference_definitions() -> None:
    body = "Read [the risks][r].\n\n[r]: risks.md#liver\n[^1]: a footnote, not a link\n"
    assert links(body) == [(2, False, "risks.md#liver")]


def test_pathological_lines_are_scanned_quickly() -> None:
    lines = [
        "[x](a" * 20_000,
        "`" + "``a" * 5_000,
        "[" * 50_000 + "](",
        "a](" * 30_000,
        "#" * 30_000 + "a",
        " " * 30_000 + "a",
        "".join("`" * n + "a" for n in range(1, 400)),
    ]
    for line in lines:
        started = time.perf_counter()
        list(iter_links(line))
        heading_ids("# " + line)
        heading_ids("Title\n" + line)
        assert time.perf_counter() - started < 1.0
