"""Change one value in a TOML text by hand-sized edits, keeping the user's comments and layout."""

from __future__ import annotations

import json
import tomllib
from typing import Any

from fieldguide.config.lines import scan


def _quoted(value: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML for the text we write)."""
    return json.dumps(value, ensure_ascii=False)


def set_string(text: str, table: str, key: str, value: str) -> str | None:
    """`text` with `[table] key = "value"` set, touching nothing else; None if that cannot be done
    safely (the text is not valid TOML, or the table is written in a form we do not edit).

    An existing value is replaced in place (a comment after it stays); a missing key goes after the
    last setting of `[table]`; a missing table is added at the end.
    """
    try:
        before = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    found = scan(text)
    line = f"{key} = {_quoted(value)}"
    entry = found.entries.get((table, key))
    if entry is not None:
        edited = text[: entry.value_start] + _quoted(value) + text[entry.value_end :]
    elif (table,) in found.headers:
        start = found.headers[(table,)]
        stop = min((n for n in found.headers.values() if n > start), default=len(text) + 1)
        ends = [e.value_end for e in found.entries.values() if start < e.line < stop]
        anchor = max(ends) if ends else _offset_of_line(text, start)
        eol = text.find("\n", anchor)
        if eol < 0:
            edited = text + newline + line + newline
        else:
            edited = text[: eol + 1] + line + newline + text[eol + 1 :]
    elif table not in before:
        ending = "" if not text or text.endswith("\n") else newline
        gap = newline if text.strip() else ""
        edited = f"{text}{ending}{gap}[{table}]{newline}{line}{newline}"
    else:
        return None  # the table exists as dotted keys or an inline table: leave it to a person
    return edited if _only_change(before, edited, table, key, value) else None


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


def _only_change(before: dict[str, Any], edited: str, table: str, key: str, value: str) -> bool:
    """The edited text parses, has the new value, and differs from `before` in nothing else."""
    try:
        after = tomllib.loads(edited)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return False
    section = after.get(table)
    if not isinstance(section, dict) or section.get(key) != value:
        return False
    expected = dict(before)
    old = expected.get(table, {})
    if not isinstance(old, dict):
        return False
    expected[table] = {**old, key: value}
    return after == expected
