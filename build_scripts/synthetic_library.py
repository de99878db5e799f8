"""A synthetic library in the library format, for benchmarks: many articles, realistic words.

    from synthetic_library import generate_library
    root = generate_library(Path("/tmp/big"), articles=20_000, seed=20261125)

Word frequencies follow Zipf's law over a vocabulary of common English words, health words and
made-up rare words (real text has a long tail of rare words), so index sizes, posting lists and
spelling help behave as they would with real content. The same seed gives the same files.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from pathlib import Path

_COMMON_TEXT = """
the of and to a in is you it that for are be can with as your on this not or have if at by
from they may more some when will do about how what but most all one which their people use
them there other also after so time day days many help get than out take need body feel like
often until first then these each well only over even used much before into know just some
"""

_HEALTH_TEXT = """
opioid opioids withdrawal kratom treatment medicine medicines methadone buprenorphine naloxone
naltrexone overdose liver skin heart breathing pain sleep anxiety craving cravings dose doses
symptoms symptom nausea vomiting diarrhea constipation sweating yawning seizure seizures clinic
doctor nurse pharmacist health risk risks danger dangerous emergency help support family
pregnancy pregnant baby breastfeeding newborn alcohol benzodiazepines fentanyl heroin morphine
oxycodone tolerance dependence addiction recovery relapse counselling therapy injection tablet
film spray nasal pill pills product products capsule powder tea leaf leaves tree plant extract
alkaloid mitragynine receptor receptors brain blood pressure pulse pupils muscle aches cramps
stomach chills fever shaking tremor restless agitation mood depression insomnia fatigue energy
darkening pigmentation jaundice urine itching hepatitis injury damage kidney test tests scan
label labels contamination salmonella metals lead quality legal law ban state country federal
warning warnings signs sign side effects effect interaction interactions mixing combine person
worker program programs hotline number phone call caller counsellor peer group meeting meetings
daily weekly monthly hours weeks months years short long acting release timeline onset peak
scale score rating mild moderate severe safe safer unsafe proven evidence study studies trial
trials survey surveys report reports case cases death deaths die dying revive rescue breaths
recovery position nostril minutes wake awake drowsy sedation sedating sleepy alert stimulant
"""
COMMON = _COMMON_TEXT.split()
HEALTH = _HEALTH_TEXT.split()

_SOUNDS = """
b c d f g h j k l m n p r s t v w z b d k l m n p r s t br cr dr pl pr st tr ch sh
| a e i o u a e i o u ai ea ee oa ou
"""
_ONSETS, _VOWELS = (part.split() for part in _SOUNDS.split("|"))
_CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck"]


def _made_up_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Pronounceable rare words: the long tail of a real vocabulary (names, terms, typos)."""
    words: list[str] = []
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 3, 3))
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
        )
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


@dataclass(frozen=True)
class Vocabulary:
    """Words by rank, and cumulative Zipf weights for drawing them."""

    words: tuple[str, ...]
    cumulative: tuple[float, ...]
    content: tuple[str, ...]  # mid-frequency content words, for titles and queries


def vocabulary(rng: random.Random, size: int = 40_000, exponent: float = 1.05) -> Vocabulary:
    """A ranked vocabulary: common words, then health words, then made-up rare words."""
    ranked = list(dict.fromkeys(COMMON + HEALTH))
    ranked += _made_up_words(rng, size - len(ranked), set(ranked))
    cumulative = tuple(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, size + 1)))
    content = tuple(w for w in ranked[len(COMMON) : 3000] if len(w) > 3)
    return Vocabulary(tuple(ranked), cumulative, content)


def _sentence(rng: random.Random, vocab: Vocabulary, low: int, high: int) -> str:
    words = rng.choices(vocab.words, cum_weights=vocab.cumulative, k=rng.randint(low, high))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _title(rng: random.Random, vocab: Vocabulary, low: int = 2, high: int = 5) -> str:
    return " ".join(rng.sample(vocab.content, rng.randint(low, high))).capitalize()


def article_text(rng: random.Random, vocab: Vocabulary, title: str, order: int) -> str:
    """One article file: front matter and a body of a few sections (about 400 to 700 words)."""
    keywords = ", ".join(" ".join(rng.sample(vocab.content, rng.randint(1, 2))) for _ in range(4))
    summary = _sentence(rng, vocab, 12, 24)
    lines = [
        "---",
        f"title: {title}",
        f"summary: {summary}",
        f"order: {order}",
        f"keywords: [{keywords}]",
        "reviewed: 2026-11-25",
        "sources: [synthetic]",
        "---",
        "",
    ]
    for _ in range(rng.randint(3, 5)):
        lines += [f"## {_title(rng, vocab)}", ""]
        for _ in range(rng.randint(2, 3)):
            lines += [" ".join(_sentence(rng, vocab, 8, 20) for _ in range(rng.randint(3, 5))), ""]
        if rng.random() < 0.3:
            lines += [f"- {_sentence(rng, vocab, 3, 8)}" for _ in range(3)] + [""]
    return "\n".join(lines)


def generate_library(
    root: Path, articles: int = 20_000, seed: int = 20261125, topics: int = 25, subtopics: int = 8
) -> Path:
    """Write a library of `articles` articles under `root` (topics, then sub-topic folders)."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    root.mkdir(parents=True, exist_ok=True)
    (root / "library.yml").write_text(
        "title: Synthetic guide\nid: synthetic\nlanguage: en\nhome: home\nversion: '1'\n",
        encoding="utf-8",
    )
    (root / "sources.yml").write_text(
        "synthetic:\n  title: Synthetic text for benchmarks\n  publisher: Field Guide\n"
        "  year: 2026\n  url: https://example.org/\n",
        encoding="utf-8",
    )
    (root / "home.md").write_text(article_text(rng, vocab, "Welcome", 0), encoding="utf-8")
    folders: list[Path] = []
    for t in range(topics):
        top = root / f"topic-{t:02d}"
        top.mkdir(exist_ok=True)
        summary = _sentence(rng, vocab, 6, 12)
        (top / "_topic.yml").write_text(
            f"title: {_title(rng, vocab, 1, 3)}\norder: {t}\nsummary: {summary}\n",
            encoding="utf-8",
        )
        for s in range(subtopics):
            sub = top / f"sub-{s:02d}"
            sub.mkdir(exist_ok=True)
            (sub / "_topic.yml").write_text(
                f"title: {_title(rng, vocab, 1, 3)}\norder: {s}\n", encoding="utf-8"
            )
            folders.append(sub)
    per_folder = -(-(articles - 1) // len(folders))
    written = 1
    for folder in folders:
        for i in range(per_folder):
            if written >= articles:
                break
            title = _title(rng, vocab)
            (folder / f"article-{i:04d}.md").write_text(
                article_text(rng, vocab, title, i), encoding="utf-8"
            )
            written += 1
    return root
