"""Reading YAML: safe-loader results, duplicate keys, line numbers, and hostile input."""

from __future__ import annotations

import datetime as dt
import time

import yaml

from fieldguide.library.problems import ProblemLog
from fieldguide.library.yamlread import Duplicate, parse_yaml

TEXT = """\
title: Guide
sources:
  - one
  - two
nested:
  key: 1
  key: 2
title: Again
reviewed: 2026-01-15
"""


def test_same_data_as_safe_load() -> None:
    problems = ProblemLog()
    doc = parse_yaml(TEXT, "f.yml", problems)
    assert doc is not None and doc.data == yaml.safe_load(TEXT)
    assert problems.items == []


def test_duplicates_are_listed_with_their_level() -> None:
    doc = parse_yaml(TEXT, "f.yml", ProblemLog(), first_line=10)
    assert doc is not None
    assert sorted(doc.duplicates, key=lambda d: d.line) == [
        Duplicate("key", 16, False),
        Duplicate("title", 17, True),
    ]


def test_lines_of_keys_and_list_items() -> None:
    doc = parse_yaml(TEXT, "f.yml", ProblemLog(), first_line=2)
    assert doc is not None
    assert doc.line(("title",)) == 9  # the later title is the one used
    assert doc.line(("sources", 1)) == 5
    assert doc.line(("nested", "key")) == 8
    assert doc.line(("missing",)) is None
    assert doc.line(("sources", 7)) is None
    assert doc.line(("title", "deeper")) is None


def test_merge_keys_are_not_duplicates() -> None:
    doc = parse_yaml("base: &b {a: 1}\nx:\n  <<: *b\n  a: 2\n", "f.yml", ProblemLog())
    assert (
        doc is not None and doc.duplicates == [] and doc.data == {"base": {"a": 1}, "x": {"a": 2}}
    )


def test_bad_yaml_is_reported_at_its_line() -> None:
    problems = ProblemLog()
    assert parse_yaml("a: 1\nb: c: d\n", "f.yml", problems, first_line=5) is None
    [problem] = problems.items
    assert (problem.code, problem.file, problem.line) == ("bad-yaml", "f.yml", 6)
    assert "near line 6" in problem.message


def test_impossible_dates_and_huge_numbers_are_bad_yaml() -> None:
    for text, line in [("a: 1\nday: 2026-02-30\n", 2), ("n: 0x" + "f" * 500 + "\n", 1)]:
        problems = ProblemLog()
        assert parse_yaml(text, "f.yml", problems) is None
        assert [(p.code, p.line) for p in problems.items] == [("bad-yaml", line)]


def test_real_dates_come_back_as_dates() -> None:
    doc = parse_yaml("d: 2026-01-15\nt: 2026-01-15 10:30:00\n", "f.yml", ProblemLog())
    assert doc is not None and doc.data == {
        "d": dt.date(2026, 1, 15),
        "t": dt.datetime(2026, 1, 15, 10, 30),
    }


def test_python_objects_are_refused() -> None:
    problems = ProblemLog()
    assert parse_yaml("x: !!python/object/apply:os.system [echo]\n", "f.yml", problems) is None
    assert [p.code for p in problems.items] == ["bad-yaml"]


def test_deep_nesting_and_alias_bombs_do_not_hang() -> None:
    for text in ["[" * 5000 + "]" * 5000, _alias_bomb()]:
        started = time.perf_counter()
        parse_yaml(text, "f.yml", ProblemLog())
        assert time.perf_counter() - started < 2.0


def _alias_bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 9):
        prev, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    lines.append("keywords: *i")
    return "\n".join(lines) + "\n"
