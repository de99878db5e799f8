"""Small libraries for the search tests, built in code and written to disk in the library format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldguide.library.model import Article, GlossaryTerm, Library, Topic
from fieldguide.search import IndexHandle, Searcher, build_memory_index, library_hash

# slug -> (title, summary, keywords, body)
ARTICLES: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "home": (
        "Welcome to the Field Guide",
        "Plain facts about opioid withdrawal and kratom.",
        ("start",),
        "# Welcome\n\nThis guide explains opioid withdrawal, treatment and kratom.\n",
    ),
    "help/get-help-now": (
        "Get help now",
        "Who to call in an emergency.",
        ("emergency", "crisis"),
        "# Get help now\n\nCall your local emergency number if someone is not breathing.\n",
    ),
    "withdrawal/what-is-withdrawal": (
        "What opioid withdrawal is",
        "Withdrawal is what your body goes through when you stop opioids.",
        ("dope sick", "detox"),
        "# What it is\n\nWithdrawal happens when you stop or cut down opioids after using them "
        "every day. You may have muscle aches, a runny nose, sweating and yawning.\n\n"
        "## Later signs\n\nStomach cramps, diarrhea and goose bumps come later.\n",
    ),
    "withdrawal/how-long-it-lasts": (
        "How long opioid withdrawal lasts",
        "Most symptoms are gone in 4 to 10 days.",
        ("timeline",),
        "# Timeline\n\nAfter heroin or fentanyl, symptoms start within a day and peak on day two "
        "or three. After methadone they start later and last longer.\n\n"
        "## Sleep and mood\n\nPoor sleep and cravings can last for weeks.\n",
    ),
    "treatment/buprenorphine": (
        "Buprenorphine",
        "A medicine that eases withdrawal and cravings.",
        ("suboxone",),
        "# How it helps\n\nBuprenorphine is a partial opioid. It eases cravings and lowers "
        "the risk of dying from an overdose.\n",
    ),
    "treatment/methadone": (
        "Methadone",
        "A daily medicine, given at a clinic, that prevents withdrawal.",
        (),
        "# How it works\n\nMethadone is a long-acting opioid medicine taken once a day.\n",
    ),
    "overdose/overdose-and-naloxone": (
        "Overdose and naloxone",
        "How to spot an overdose and use naloxone.",
        ("narcan",),
        "# Signs of an overdose\n\nTiny pupils, slow breathing, blue lips.\n\n"
        "# Naloxone\n\nNaloxone is a nasal spray that reverses an opioid overdose.\n",
    ),
    "kratom/what-is-kratom": (
        "What kratom is",
        "Kratom is a tree from Southeast Asia; its leaves act on opioid receptors.",
        ("ketum",),
        "# The plant\n\nKratom comes from the leaves of Mitragyna speciosa. Mitragynine is its "
        "main alkaloid.\n",
    ),
    "kratom-risks/skin-darkening": (
        "Skin darkening",
        "Years of heavy kratom use can turn skin gray-blue.",
        ("hyperpigmentation",),
        "# What it looks like\n\nPatches of gray-blue or brown skin on the face, neck and "
        "hands, where the sun shines.\n",
    ),
    "kratom-risks/liver-injury": (
        "Kratom and liver injury",
        "Kratom can hurt the liver. Yellow skin or eyes and dark urine are warning signs.",
        ("jaundice",),
        "# Warning signs\n\nJaundice, dark urine, itching and belly pain.\n",
    ),
}

TOPICS = {
    "help": ("Get help now", 0),
    "withdrawal": ("Opioid withdrawal", 10),
    "treatment": ("Treatment that works", 20),
    "kratom": ("Kratom", 30),
    "kratom-risks": ("Kratom side effects and risks", 40),
    "overdose": ("Overdose and naloxone", 50),
}

SYNONYMS = """\
words:
  withdrawal: [dope sick, kicking]
  buprenorphine: [subs, bupe, sub]
  naloxone: [narcan]
  skin darkening: [dark skin patches]
  liver: [yellow eyes]
spellings:
  kratom: [kratum]
"""

GLOSSARY = (GlossaryTerm("jaundice", "Yellow skin or eyes.", ("yellowing",)),)


def write_files(root: Path, articles: dict[str, tuple[str, str, tuple[str, ...], str]]) -> None:
    """The library as files, in the library format (what the loader reads)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "library.yml").write_text(
        "title: Mini guide\nid: mini\nlanguage: en\nhome: home\n", encoding="utf-8"
    )
    (root / "synonyms.yml").write_text(SYNONYMS, encoding="utf-8")
    (root / "glossary.yml").write_text(
        "jaundice:\n  definition: Yellow skin or eyes.\n  aliases: [yellowing]\n", encoding="utf-8"
    )
    for slug, (title, order) in TOPICS.items():
        (root / slug).mkdir(exist_ok=True)
        (root / slug / "_topic.yml").write_text(f"title: {title}\norder: {order}\n", "utf-8")
    for i, (slug, (title, summary, keywords, body)) in enumerate(articles.items()):
        front = (
            f"---\ntitle: {title}\nsummary: {summary}\norder: {i}\n"
            f"keywords: [{', '.join(keywords)}]\n---\n"
        )
        (root / f"{slug}.md").write_text(front + body, encoding="utf-8")


def make_library(
    root: Path, articles: dict[str, tuple[str, str, tuple[str, ...], str]] | None = None
) -> Library:
    """A Library object built in code, with the same content written under `root`."""
    articles = ARTICLES if articles is None else articles
    write_files(root, articles)
    objects = {
        slug: Article(
            slug=slug,
            title=title,
            summary=summary,
            body=body,
            path=f"{slug}.md",
            order=i,
            keywords=keywords,
        )
        for i, (slug, (title, summary, keywords, body)) in enumerate(articles.items())
    }
    children = tuple(
        Topic(
            slug=topic,
            title=title,
            order=order,
            articles=tuple(s for s in objects if s.rpartition("/")[0] == topic),
        )
        for topic, (title, order) in TOPICS.items()
    )
    root_topic = Topic(
        slug="",
        title="Mini guide",
        articles=tuple(s for s in objects if "/" not in s),
        children=children,
    )
    return Library(
        root=root,
        id="mini",
        title="Mini guide",
        home="home",
        topics=root_topic,
        articles=objects,
        glossary=GLOSSARY,
    )


@pytest.fixture
def mini_library(tmp_path: Path) -> Library:
    return make_library(tmp_path / "mini")


@pytest.fixture
def mini_index(mini_library: Library) -> Iterator[IndexHandle]:
    handle = build_memory_index(mini_library, library_hash(mini_library.root))
    yield handle
    handle.close()


@pytest.fixture
def searcher(mini_index: IndexHandle) -> Iterator[Searcher]:
    conn = mini_index.connect()
    yield Searcher(conn, mini_index.lexicon(conn))
    conn.close()
