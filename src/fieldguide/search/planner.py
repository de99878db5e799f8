"""From the reader's words to an FTS5 expression: spelling help, synonyms, completions."""

from __future__ import annotations

from dataclasses import dataclass

from fieldguide.search.lexicon import Lexicon
from fieldguide.search.query import Alternative, SearchQuery, any_of, combine
from fieldguide.search.synonyms import Synonym
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
    while i < len(words):
        found = _rule_at(lexicon, words, i, query.typing)
        if found is not None:
            size, phrase, rules = found
            spelling = [r for r in rules if r.kind == "spellings"]
            if spelling and not query.exact:
                shown[i : i + size] = [" ".join(spelling[0].term), *[""] * (size - 1)]
                changed = True
            alternatives = [Alternative(phrase)] + [Alternative(r.term) for r in rules]
            alternatives += _more_synonyms(lexicon, [r.term for r in rules])
            if query.typing and i + size - 1 == last:  # "sub" may yet become "substance"
                alternatives += _completed(lexicon, words[last], tuple(words[i:last]))
            groups.append(alternatives[:MAX_ALTERNATIVES])
            i += size
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


def _rule_at(
    lexicon: Lexicon, words: list[str], i: int, typing: bool
) -> tuple[int, tuple[str, ...], tuple[Synonym, ...]] | None:
    """The longest synonym phrase starting at word i: (its size, the phrase, its rules). While
    typing, a phrase may end in the unfinished last word ("dope s" -> "dope sick")."""
    by_phrase = lexicon.synonyms.by_phrase
    last = len(words) - 1
    for size in range(min(lexicon.synonyms.longest, len(words) - i), 0, -1):
        phrase = tuple(words[i : i + size])
        rules = by_phrase.get(phrase)
        if rules:
            return size, phrase, rules
        if typing and size > 1 and i + size - 1 == last:
            for candidate in lexicon.synonyms.by_head.get(phrase[:-1], ()):
                if candidate[-1].startswith(phrase[-1]):
                    return size, candidate, by_phrase[candidate]
    return None


def _more_synonyms(lexicon: Lexicon, terms: list[tuple[str, ...]]) -> list[Alternative]:
    """Terms reached from the first terms (a glossary alias of a synonym's term)."""
    found: list[Alternative] = []
    for term in terms:
        found.extend(Alternative(r.term) for r in lexicon.synonyms.by_phrase.get(term, ()))
    return found


def _completed(lexicon: Lexicon, word: str, before: tuple[str, ...] = ()) -> list[Alternative]:
    """The unfinished last word: itself, and the common known words it starts, with their
    synonyms ("narc" -> narcan -> naloxone); after the phrase's first words, if any."""
    known = lexicon.is_known(word) or _is_plain(word)
    alternatives = [Alternative((*before, word))] if known else []
    for completion in lexicon.completions(word, COMPLETIONS):
        alternatives.append(Alternative((*before, completion)))
        if not before:
            rules = lexicon.synonyms.by_phrase.get((completion,), ())
            alternatives.extend(Alternative(r.term) for r in rules)
    return alternatives[:MAX_ALTERNATIVES] or [Alternative((*before, word))]
