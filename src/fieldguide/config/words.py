"""Plain words for config messages: where a key is, what a value is, how a key chord is spelt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fieldguide.config.lines import KeyPath

_MODIFIERS = {"ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta"}
_MODIFIER_ORDER = ("Ctrl", "Alt", "Shift", "Meta")
_NAMED_KEYS = {
    name.lower(): name
    for name in [
        *("Home", "End", "Insert", "Delete", "PgUp", "PgDown", "Space", "Pause", "Backspace"),
        *("Return", "Enter", "Tab", "Up", "Down", "Left", "Right"),
    ]
}


def ordinal(number: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd"."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _names(path: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in path)


def where(path: KeyPath) -> str:
    """Where a key is, as a clinic's IT person sees it in the file.

    ("clinic_name",) -> "clinic_name"; ("kiosk", "countdown") -> "countdown in [kiosk]";
    ("help", "contacts", 1, "number") -> "number in the 2nd [[help.contacts]]";
    ("libraries", 0) -> "the 1st entry of libraries"; ("kiosk",) -> "[kiosk]".
    """
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        parent = path[:-1]
        if parent and all(isinstance(part, str) for part in parent) and len(parent) > 1:
            return f"the {ordinal(last + 1)} [[{_names(parent)}]]"
        return f"the {ordinal(last + 1)} entry of {where(parent)}"
    parent = path[:-1]
    if not parent:
        return last
    if isinstance(parent[-1], int) and all(isinstance(part, str) for part in parent[:-1]):
        return f"{last} in the {ordinal(parent[-1] + 1)} [[{_names(parent[:-1])}]]"
    return f"{last} in [{_names(parent)}]"


def section_name(path: KeyPath) -> str:
    """("kiosk",) -> "[kiosk]"."""
    return f"[{_names(path)}]"


def describe(value: object) -> str:
    """What a TOML value is, in words: 'the number 5', 'the text "abc"', 'a list'."""
    if isinstance(value, bool):
        return f"the word {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'the text "{shown}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a section"
    if isinstance(value, dt.date | dt.time):
        return "a date or time"
    return "something else"


def normal_chord(text: str) -> str | None:
    """The exit chord in Qt's portable spelling ("ctrl+alt+shift+k" -> "Ctrl+Alt+Shift+K"), or
    None when it is not at least two of Ctrl, Alt, Shift, Meta plus one key."""
    parts = [part.strip() for part in text.split("+")]
    if len(parts) < 3 or not all(parts):
        return None
    modifiers: set[str] = set()
    for part in parts[:-1]:
        modifier = _MODIFIERS.get(part.lower())
        if modifier is None or modifier in modifiers:
            return None
        modifiers.add(modifier)
    key = parts[-1]
    if len(key) == 1 and key.isascii() and key.isalnum():
        key = key.upper()
    elif key[:1] in "fF" and key[1:].isascii() and key[1:].isdigit() and 1 <= int(key[1:]) <= 35:
        key = "F" + str(int(key[1:]))
    elif key.lower() in _NAMED_KEYS:
        key = _NAMED_KEYS[key.lower()]
    else:
        return None
    return "+".join([*(m for m in _MODIFIER_ORDER if m in modifiers), key])
