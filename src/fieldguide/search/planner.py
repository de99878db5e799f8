"""From the reader's words to an FTS5 expression: spelling help, synonyms, completions."""

from __future__ import annotations

from dataclasses import dataclass

from fieldguide.search.lexicon import Lexicon
from fieldguide.search.query import Alternative, SearchQuery, any_of, combine
from fieldguide.search.text import STOPWORDS

COMPLETIONS = 6  # words tried for an unfinished last word
MAX_ALTERNATIVES = 8  # per group, so that one word cannot blow up the query


@dataclass(frozen=True)
class Plan:
    """How a query will be searched."""

    expression: str  # FTS5 MATCH expression ("" when there is nothing to search)
    corrected: str | None  # the words searched instead, when spelling help changed them
    unknown: tuple[str, ...]  # words neither known nor correctable
    cost: int = 0  # about how many articles match: the sum of the alternatives' article counts
    concepts: tuple[frozenset[str], ...] = ()  # the words of each OR-group, for the ranking
    words: tuple[str, ...] = ()  # the reader's words as searched (spelling fixed)


def _is_plain(word: str) -> bool:
    return word in STOPWORDS or word.isdigit() or len(word) < 2


def plan(query: SearchQuery, lexicon: Lexicon) -> Plan:
    """Turn a query into one OR-group per concept the reader asked about."""
    words = list(query.words)
    last = len(words) - 1
    changed = False
    unknown: list[str] = []
    for i, word in enumerate(words):
        if lexicon.is_known(word) or _is_plain(word):
            continue
        if query.typing and i == last and lexicon.completions(word, 1):
            continue  # an unfinished word: completed below
        fixes = [] if query.exact else lexicon.corrections(word)
        if fixes:
            words[i] = fixes[0]
            changed = True
        else:
            unknown.append(word)

    shown = list(words)  # the words as the reader will be told they were searched
    groups: list[list[Alternative]] = []
    i = 0
    longest = lexicon.synonyms.longest
    while i < len(words):
        matched = False
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = tuple(words[i : i + size])
            rules = lexicon.synonyms.by_phrase.get(phrase)
            if not rules:
                continue
            spelling = [r for r in rules if r.kind == "spellings"]
            if spelling and not query.exact:
                shown[i : i + size] = [" ".join(spelling[0].term), *[""] * (size - 1)]
                changed = True
            alternatives = [Alternative(phrase)] + [Alternative(r.term) for r in rules]
            alternatives += _more_synonyms(lexicon, [r.term for r in rules])
            if query.typing and i == last:  # "sub" may yet become "substance"
                alternatives += _completed(lexicon, words[i])
            groups.append(alternatives[:MAX_ALTERNATIVES])
            i += size
            matched = True
            break
        if matched:
            continue
        word = words[i]
        if query.typing and i == last:
            groups.append(_completed(lexicon, word))
        elif not _is_plain(word) or len(words) == 1:
            groups.append([Alternative((word,))])
        i += 1

    if not groups and words:  # only stop words: search them after all
        groups = [[Alternative((w,))] for w in words]
    expression = combine([any_of(g) for g in groups])
    corrected = " ".join(w for w in shown if w) if changed else None
    cost = sum(
        min(lexicon.index_df.get(w, 0) for w in alt.words) for g in groups for alt in g if alt.words
    )
    concepts = tuple(frozenset(w for alt in g for w in alt.words) for g in groups)
    searched = tuple(w for part in shown for w in part.split())
    return Plan(expression, corrected, tuple(unknown), cost, concepts, searched)


def _more_synonyms(lexicon: Lexicon, terms: list[tuple[str, ...]]) -> list[Alternative]:
    """Terms reached from the first terms (a glossary alias of a synonym's term)."""
    found: list[Alternative] = []
    for term in terms:
        found.extend(Alternative(r.term) for r in lexicon.synonyms.by_phrase.get(term, ()))
    return found


def _completed(lexicon: Lexicon, word: str) -> list[Alternative]:
    """The unfinished last word: itself, and the common known words it starts, with their
    synonyms ("narc" -> narcan -> naloxone)."""
    alternatives = [Alternative((word,))] if lexicon.is_known(word) or _is_plain(word) else []
    for completion in lexicon.completions(word, COMPLETIONS):
        alternatives.append(Alternative((completion,)))
        rules = lexicon.synonyms.by_phrase.get((completion,), ())
        alternatives.extend(Alternative(r.term) for r in rules)
    return alternatives[:MAX_ALTERNATIVES] or [Alternative((word,))]
