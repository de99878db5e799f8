"""The reader's words: synonyms.yml (street words, other languages, misspellings), glossary aliases.

synonyms.yml has two sections, each mapping a word or phrase the library uses to the words
readers type for it:

    words:                 # same meaning: "dope sick" also finds "withdrawal"
      withdrawal: [dope sick, dopesick, kicking, detox]
    spellings:             # misspellings: "kratum" is searched as "kratom", and the reader is told
      kratom: [kratum, cratom]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from fieldguide.library.model import GlossaryTerm, Problem, Severity
from fieldguide.search.text import words

FILE_NAME = "synonyms.yml"
KINDS = ("words", "spellings")
MAX_PHRASE_WORDS = 5

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Synonym:
    """One rule: the reader's phrase stands for the library's term."""

    phrase: Phrase  # folded words the reader types ("dope", "sick")
    term: Phrase  # folded words the library uses ("withdrawal",)
    kind: str  # "words" (same meaning) or "spellings" (a misspelling of the term)


@dataclass(frozen=True)
class Synonyms:
    """All rules, looked up by the reader's phrase."""

    rules: tuple[Synonym, ...] = ()
    by_phrase: Mapping[Phrase, tuple[Synonym, ...]] = field(default_factory=dict, compare=False)
    # Phrases of two or more words, by all but their last word ("dope s" -> "dope sick")
    by_head: Mapping[Phrase, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, rules: Iterable[Synonym]) -> Synonyms:
        """Rules without duplicates, indexed by phrase."""
        unique = tuple(
            dict.fromkeys(r for r in rules if r.phrase and r.term and r.phrase != r.term)
        )
        index: dict[Phrase, list[Synonym]] = {}
        for rule in unique:
            index.setdefault(rule.phrase, []).append(rule)
        heads: dict[Phrase, list[Phrase]] = {}
        for phrase in index:
            if len(phrase) > 1:
                heads.setdefault(phrase[:-1], []).append(phrase)
        return cls(
            unique,
            {k: tuple(v) for k, v in index.items()},
            {k: tuple(sorted(v)) for k, v in heads.items()},
        )

    @property
    def longest(self) -> int:
        """Words in the longest phrase."""
        return max((len(p) for p in self.by_phrase), default=0)

    def single_words(self) -> set[str]:
        """Every one-word phrase (they count as known words for spelling help)."""
        return {p[0] for p in self.by_phrase if len(p) == 1}


def parse_synonyms(data: object, file: str = FILE_NAME) -> tuple[list[Synonym], list[Problem]]:
    """Rules from the parsed YAML of synonyms.yml, and the problems found in it."""
    rules: list[Synonym] = []
    problems: list[Problem] = []

    def problem(message: str) -> None:
        problems.append(Problem(file, None, Severity.WARNING, message, "bad-synonyms"))

    if data is None:
        return rules, problems
    if not isinstance(data, dict):
        problem("The file should list 'words:' and 'spellings:', each as 'term: [reader words]'.")
        return rules, problems
    for kind, section in data.items():
        if kind not in KINDS:
            problem(f"Unknown section '{kind}'. Use 'words:' or 'spellings:'.")
            continue
        if section is None:
            continue
        if not isinstance(section, dict):
            problem(f"Under '{kind}:', write one line per term: 'term: [word, other word]'.")
            continue
        for term, readers in section.items():
            term_words = tuple(words(str(term)))
            if isinstance(readers, str):
                readers = [readers]
            if not term_words or not isinstance(readers, list):
                problem(f"'{term}' under '{kind}:' needs a list of words: '{term}: [a, b]'.")
                continue
            for reader in readers:
                phrase = tuple(words(str(reader)))
                if not phrase or len(phrase) > MAX_PHRASE_WORDS:
                    problem(f"'{reader}' (for '{term}') should be 1 to {MAX_PHRASE_WORDS} words.")
                    continue
                rules.append(Synonym(phrase, term_words, kind))
    return rules, problems


def load_synonyms(root: Path) -> tuple[list[Synonym], list[Problem]]:
    """Rules from `root`/synonyms.yml (none when the file is missing), and its problems."""
    path = root / FILE_NAME
    if not path.is_file():
        return [], []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line = None
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line = int(mark.line) + 1
        message = f"The synonyms file cannot be read, so it is not used: {exc}".splitlines()[0]
        return [], [Problem(FILE_NAME, line, Severity.WARNING, message, "bad-synonyms")]
    return parse_synonyms(data)


def glossary_synonyms(glossary: Iterable[GlossaryTerm]) -> list[Synonym]:
    """A glossary term and its aliases mean the same: each finds the others."""
    rules: list[Synonym] = []
    for entry in glossary:
        forms = [tuple(words(form)) for form in entry.forms]
        forms = [f for f in forms if f and len(f) <= MAX_PHRASE_WORDS]
        for a in forms:
            rules.extend(Synonym(a, b, "words") for b in forms if b != a)
    return rules
