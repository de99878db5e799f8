"""The line scanner finds keys, tables, arrays of tables and array elements, and never raises."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from fieldguide.config.lines import scan

TEXT = '''\
# settings = "not a key"
clinic_name = "A"   # comment = 1
libraries = [
  "one",  # first
  # "commented out",
  "two",
]
notes = """
fake = "inside a string"
[not.a.table]
"""
literal = \'\'\'[also] not = a table\'\'\'

[help]
emergency_number = "112"

[[help.contacts]]
name = "A"

[[help.contacts]]
name = "B"
number = "2"

[kiosk]
timing = { idle = 60, countdown = 20 }
sub.key = true

[[a]]
[[a.b]]
x = 1
[[a]]
[[a.b]]
[[a.b]]
x = 2
'''


def test_the_text_is_valid_toml() -> None:
    tomllib.loads(TEXT)


def test_lines_of_keys_tables_and_elements() -> None:
    found = scan(TEXT)
    expected = {
        ("clinic_name",): 2,
        ("libraries",): 3,
        ("libraries", 0): 4,
        ("libraries", 1): 6,
        ("notes",): 8,
        ("literal",): 12,
        ("help",): 14,
        ("help", "emergency_number"): 15,
        ("help", "contacts"): 17,
        ("help", "contacts", 0): 17,
        ("help", "contacts", 0, "name"): 18,
        ("help", "contacts", 1): 20,
        ("help", "contacts", 1, "number"): 22,
        ("kiosk",): 24,
        ("kiosk", "timing", "countdown"): 25,
        ("kiosk", "sub"): 26,
        ("kiosk", "sub", "key"): 26,
        ("a", 0, "b", 0, "x"): 30,
        ("a", 1, "b", 1): 33,
        ("a", 1, "b", 1, "x"): 34,
    }
    assert {path: found.lines.get(path) for path in expected} == expected


def test_strings_and_comments_hide_nothing_but_themselves() -> None:
    found = scan(TEXT)
    assert ("fake",) not in found.lines
    assert ("settings",) not in found.lines
    assert ("not", "a", "table") not in found.lines
    assert ("also",) not in found.lines


def test_an_unknown_path_falls_back_to_its_nearest_parent() -> None:
    found = scan(TEXT)
    assert found.line_of(("help", "contacts", 1, "hours")) == 20
    assert found.line_of(("nowhere",)) is None


def test_value_spans_cover_the_value_only() -> None:
    text = '[kiosk]\npin_hash = "old"  # keep me\n'
    entry = scan(text).entries[("kiosk", "pin_hash")]
    assert text[entry.value_start : entry.value_end] == '"old"'
    assert entry.line == 2


def test_quoted_keys_and_windows_line_ends() -> None:
    found = scan("[kiosk]\r\n\"idle_timeout\" = 5\r\n'countdown' = 6\r\n")
    assert found.lines[("kiosk", "idle_timeout")] == 2
    assert found.lines[("kiosk", "countdown")] == 3


@given(st.text())
def test_any_text_never_raises_and_lines_are_in_the_text(text: str) -> None:
    found = scan(text)
    last = text.count("\n") + 1
    assert all(1 <= line <= last for line in found.lines.values())


KEYS = st.sampled_from(["a", "b", "clinic_name", "x-y", "k_1"])
VALUES = st.sampled_from(['"v"', "1", "true", "[1, 2]", '"""\nx = 1\n"""', "{ q = 1 }", "'[t]'"])


@given(st.lists(st.tuples(KEYS, VALUES, st.integers(0, 2)), unique_by=lambda t: t[0], max_size=5))
def test_the_line_of_each_key_in_generated_documents(
    entries: list[tuple[str, str, int]],
) -> None:
    lines: list[str] = []
    expected: dict[tuple[str | int, ...], int] = {}
    for key, value, blanks in entries:
        lines.extend(["# note = 1"] * blanks)
        expected[("t", key)] = len(lines) + 2  # after the [t] line
        lines.extend(f"{key} = {value}".split("\n"))
    text = "[t]\n" + "\n".join(lines) + "\n"
    tomllib.loads(text)
    found = scan(text)
    assert {path: found.lines.get(path) for path in expected} == expected
