"""Where each key of a TOML text is: tomllib gives values but no lines, so we scan for them.

The scan is tolerant (it never raises, whatever the text) and only as deep as we need: table headers
(`[kiosk]`), arrays of tables (`[[help.contacts]]`, numbered from 0), keys (dotted ones too), array
elements and keys of inline tables. A key path is a tuple such as `("kiosk", "idle_timeout")`,
`("help", "contacts", 1, "number")` or `("libraries", 2)`.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

KeyPath = tuple[str | int, ...]

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_MAX_DEPTH = 64


@dataclass(frozen=True)
class Entry:
    """A `key = value` found in the text: its line and the character span of the value."""

    line: int
    value_start: int
    value_end: int


@dataclass(frozen=True)
class KeyLines:
    """Lines of the keys, headers and array elements of one TOML text."""

    lines: Mapping[KeyPath, int] = field(default_factory=dict)
    entries: Mapping[KeyPath, Entry] = field(default_factory=dict)
    headers: Mapping[KeyPath, int] = field(default_factory=dict)  # `[table]` -> its line

    def line_of(self, path: KeyPath) -> int | None:
        """The line of `path`, else of its nearest enclosing key or table; None if none is known."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self._newlines = [i for i, c in enumerate(text) if c == "\n"]
        self.lines: dict[KeyPath, int] = {}
        self.entries: dict[KeyPath, Entry] = {}
        self.headers: dict[KeyPath, int] = {}
        self._aot: dict[KeyPath, int] = {}  # array of tables -> how many seen so far

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1

    def record(self, path: KeyPath, pos: int) -> None:
        if path:
            self.lines.setdefault(path, self.line_at(pos))

    def eol(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return self.n if end < 0 else end

    def skip_blanks(self, pos: int, newlines: bool = False) -> int:
        """Skip spaces and tabs; with `newlines`, also line ends and comments."""
        while pos < self.n:
            c = self.text[pos]
            if c in " \t\r" or (newlines and c == "\n"):
                pos += 1
            elif newlines and c == "#":
                pos = self.eol(pos)
            else:
                break
        return pos

    def key(self, pos: int) -> tuple[list[str] | None, int]:
        """A (dotted) key starting at `pos`: its parts and the position after it."""
        parts: list[str] = []
        while True:
            pos = self.skip_blanks(pos)
            if pos >= self.n:
                return (parts or None), pos
            c = self.text[pos]
            if c in "\"'":
                end = self.string_end(pos)
                raw = self.text[pos + 1 : max(pos + 1, end - 1)]
                parts.append(_decode(raw) if c == '"' else raw)
                pos = end
            elif c in _BARE_KEY:
                start = pos
                while pos < self.n and self.text[pos] in _BARE_KEY:
                    pos += 1
                parts.append(self.text[start:pos])
            else:
                return (parts or None), pos
            after = self.skip_blanks(pos)
            if after < self.n and self.text[after] == ".":
                pos = after + 1
                continue
            return parts, pos

    def string_end(self, pos: int) -> int:
        """Position just after the string that starts at `pos` (or the line's end if unclosed)."""
        quote = self.text[pos]
        triple = quote * 3
        if self.text.startswith(triple, pos):
            i = pos + 3
            while i < self.n:
                if quote == '"' and self.text[i] == "\\":
                    i += 2
                elif self.text.startswith(triple, i):
                    run = 3  # up to two quotes of the content may touch the closing three
                    while run < 5 and i + run < self.n and self.text[i + run] == quote:
                        run += 1
                    return i + run
                else:
                    i += 1
            return self.n
        i = pos + 1
        while i < self.n and self.text[i] != "\n":
            if quote == '"' and self.text[i] == "\\":
                i += 2
                continue
            if self.text[i] == quote:
                return i + 1
            i += 1
        return min(i, self.n)

    def resolve(self, parts: list[str]) -> KeyPath:
        """A header's key path, with the current index after each array of tables in it."""
        out: KeyPath = ()
        for part in parts:
            out = (*out, part)
            if out in self._aot:
                out = (*out, self._aot[out] - 1)
        return out

    def value(self, pos: int, path: KeyPath, depth: int) -> int:
        """Skip the value at `pos`, recording array elements and inline-table keys."""
        pos = self.skip_blanks(pos)
        if pos >= self.n or depth > _MAX_DEPTH:
            return self.n
        c = self.text[pos]
        if c in "\"'":
            return self.string_end(pos)
        if c == "[":
            return self.array(pos + 1, path, depth + 1)
        if c == "{":
            return self.inline_table(pos + 1, path, depth + 1)
        while pos < self.n and self.text[pos] not in ",]}#\n":
            pos += 1
        return pos

    def array(self, pos: int, path: KeyPath, depth: int) -> int:
        index = 0
        while True:
            pos = self.skip_blanks(pos, newlines=True)
            if pos >= self.n:
                return pos
            if self.text[pos] == "]":
                return pos + 1
            self.record((*path, index), pos)
            after = self.value(pos, (*path, index), depth)
            if after <= pos:
                return pos
            pos = self.skip_blanks(after, newlines=True)
            if pos < self.n and self.text[pos] == ",":
                index += 1
                pos += 1
            elif pos < self.n and self.text[pos] == "]":
                return pos + 1
            else:
                return pos

    def inline_table(self, pos: int, path: KeyPath, depth: int) -> int:
        while True:
            pos = self.skip_blanks(pos)
            if pos >= self.n:
                return pos
            if self.text[pos] == "}":
                return pos + 1
            parts, after = self.key(pos)
            after = self.skip_blanks(after)
            if not parts or after >= self.n or self.text[after] != "=":
                return after if after > pos else pos
            full = (*path, *parts)
            self.record(full, pos)
            pos = self.value(after + 1, full, depth)
            pos = self.skip_blanks(pos)
            if pos < self.n and self.text[pos] == ",":
                pos += 1
            elif pos < self.n and self.text[pos] == "}":
                return pos + 1
            else:
                return pos

    def scan(self) -> KeyLines:
        table: KeyPath = ()
        pos = 0
        while pos < self.n:
            start = pos = self.skip_blanks(pos, newlines=True)
            if pos >= self.n:
                break
            if self.text[pos] == "[":
                is_aot = self.text.startswith("[[", pos)
                parts, _ = self.key(pos + (2 if is_aot else 1))
                if parts:
                    if is_aot:
                        array = (*self.resolve(parts[:-1]), parts[-1])
                        self.record(array, pos)
                        self._aot[array] = self._aot.get(array, 0) + 1
                        table = (*array, self._aot[array] - 1)
                    else:
                        table = self.resolve(parts)
                    self.record(table, pos)
                    self.headers.setdefault(table, self.line_at(pos))
                pos = self.eol(pos)
            else:
                parts, after = self.key(pos)
                after = self.skip_blanks(after)
                if parts and after < self.n and self.text[after] == "=":
                    full = (*table, *parts)
                    for i in range(len(table) + 1, len(full) + 1):
                        self.record(full[:i], pos)
                    end = self.value(after + 1, full, 0)
                    value_start = self.skip_blanks(after + 1)
                    self.entries.setdefault(full, Entry(self.line_at(pos), value_start, end))
                    pos = end
                else:
                    pos = self.eol(pos)
            pos = max(pos, start + 1)
        return KeyLines(self.lines, self.entries, self.headers)


def _decode(raw: str) -> str:
    """The text of a basic-string key (JSON escapes are close enough to TOML's for keys)."""
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return value if isinstance(value, str) else raw


def scan(text: str) -> KeyLines:
    """Find the lines of the keys, tables and array elements in `text`; never raises."""
    return _Scanner(text).scan()
