"""synonyms.yml: parsing, problems in plain words, and glossary aliases."""

from __future__ import annotations

from pathlib import Path

import yaml

from fieldguide import paths
from fieldguide.library.model import GlossaryTerm
from fieldguide.search.synonyms import (
    Synonyms,
    glossary_synonyms,
    load_synonyms,
    parse_synonyms,
)


def test_words_and_spellings_are_folded_phrases() -> None:
    rules, problems = parse_synonyms(
        {"words": {"Withdrawal": ["Dope-Sick", "kicking"]}, "spellings": {"kratom": "kratúm"}}
    )
    assert not problems
    found = {(r.phrase, r.term, r.kind) for r in rules}
    assert found == {
        (("dope", "sick"), ("withdrawal",), "words"),
        (("kicking",), ("withdrawal",), "words"),
        (("kratum",), ("kratom",), "spellings"),
    }


def test_mistakes_are_reported_not_raised() -> None:
    rules, problems = parse_synonyms({"wordz": {}, "words": {"x": 5, "y": ["ok", "!!!"]}})
    assert [r.phrase for r in rules] == [("ok",)]
    assert len(problems) == 3
    assert all(p.code == "bad-synonyms" for p in problems)
    assert "Unknown section 'wordz'" in problems[0].message


def test_a_file_that_is_not_a_mapping_is_a_problem() -> None:
    _, problems = parse_synonyms(["a", "b"])
    assert problems and "words:" in problems[0].message


def test_broken_yaml_gives_a_problem_with_a_line(tmp_path: Path) -> None:
    (tmp_path / "synonyms.yml").write_text("words:\n  a: [b\n  c: d\n", "utf-8")
    rules, problems = load_synonyms(tmp_path)
    assert rules == []
    assert problems[0].file == "synonyms.yml"
    assert problems[0].line is not None


def test_missing_file_is_fine(tmp_path: Path) -> None:
    assert load_synonyms(tmp_path) == ([], [])


def test_glossary_aliases_work_both_ways() -> None:
    rules = glossary_synonyms([GlossaryTerm("jaundice", "Yellow skin.", ("yellowing",))])
    pairs = {(r.phrase, r.term) for r in rules}
    assert pairs == {(("jaundice",), ("yellowing",)), (("yellowing",), ("jaundice",))}


def test_rules_are_indexed_by_phrase_without_duplicates() -> None:
    rules, _ = parse_synonyms({"words": {"a b": ["c", "c", "a b"]}})
    synonyms = Synonyms.of(rules)
    assert len(synonyms.rules) == 1  # the duplicate and the rule to itself are dropped
    assert synonyms.longest == 1
    assert synonyms.single_words() == {"c"}


def test_the_bundled_synonyms_file_is_clean() -> None:
    root = paths.bundled_library_dir()
    data = yaml.safe_load((root / "synonyms.yml").read_text("utf-8"))
    assert set(data) == {"words", "spellings"}
    rules, problems = load_synonyms(root)
    assert not problems
    phrases = {" ".join(r.phrase) for r in rules}
    for needed in (
        "dope sick",
        "subs",
        "bupe",
        "suboxone",
        "narcan",
        "dark skin patches",
        "done",
        "methadone clinic",
        "7oh",
        "kratum",
        "ketum",
        "yellow eyes",
    ):
        assert needed in phrases, needed
