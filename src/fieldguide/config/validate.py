"""Check parsed TOML key by key: a Config from what is usable, a problem for the rest."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

from fieldguide.config.lines import KeyLines, KeyPath, scan
from fieldguide.config.model import (
    COUNTDOWN_RANGE,
    DEFAULT_EXIT_CHORD,
    IDLE_TIMEOUT_RANGE,
    TEXT_SIZE_RANGE,
    THEMES,
    Config,
    HelpContact,
    KioskSettings,
    Theme,
)
from fieldguide.config.pin import is_pin_hash
from fieldguide.config.words import describe, normal_chord, section_name, where
from fieldguide.library.model import Problem, Severity

TOP_KEYS = ("clinic_name", "start_page", "theme", "text_size", "libraries", "help", "kiosk")
HELP_KEYS = ("emergency_number", "contacts")
CONTACT_KEYS = ("name", "number", "hours", "note")
KIOSK_KEYS = ("enabled", "idle_timeout", "countdown", "pin_hash", "allow_printing", "exit_chord")

BAD_PIN_HASH = "invalid"  # kept when pin_hash is unusable: verify_pin() then refuses every PIN


def _fallback(default: object) -> str:
    if default == "" or default == ():
        return "It is ignored."
    shown = str(default).lower() if isinstance(default, bool) else str(default)
    if isinstance(default, str):
        shown = f'"{default}"'
    return f"Field Guide uses {shown} instead."


class Validator:
    """Turns parsed TOML into a Config, collecting a problem for each thing it cannot use."""

    def __init__(self, file: Path, text: str) -> None:
        self.file = file
        self.source = text
        self.problems: list[Problem] = []
        self._lines: KeyLines | None = None

    def line(self, path: KeyPath) -> int | None:
        if self._lines is None:
            self._lines = scan(self.source)
        return self._lines.line_of(path)

    def report(
        self, path: KeyPath, code: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        if message.startswith("the "):
            message = "The" + message[3:]
        self.problems.append(Problem(str(self.file), self.line(path), severity, message, code))

    def wrong_type(
        self, path: KeyPath, value: object, expected: str, default: object, then: str = ""
    ) -> None:
        then = then or _fallback(default)
        message = f"{where(path)} must be {expected}, not {describe(value)}. {then}"
        self.report(path, "config-wrong-type", message)

    def unknown_keys(self, table: dict[str, Any], allowed: tuple[str, ...], path: KeyPath) -> None:
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f' Did you mean "{close[0]}"?' if close else ""
            message = f"Unknown setting {where((*path, key))}; Field Guide ignores it.{hint}"
            self.report((*path, key), "config-unknown-key", message, Severity.WARNING)

    def section(self, table: dict[str, Any], path: KeyPath) -> dict[str, Any]:
        value = table.get(str(path[-1]), {})
        if isinstance(value, dict):
            return value
        expected = f"a section (a line {section_name(path)} with its settings below it)"
        message = f"{path[-1]} must be {expected}, not {describe(value)}. It is ignored."
        self.report(path, "config-wrong-type", message)
        return {}

    def text(
        self,
        table: dict[str, Any],
        path: KeyPath,
        default: str = "",
        *,
        phone: bool = False,
        then: str = "",
    ) -> str:
        value = table.get(str(path[-1]), default)
        if isinstance(value, str):
            return value.strip()
        if phone and isinstance(value, int) and not isinstance(value, bool):
            return str(value)  # 911 without quotes: clear enough
        self.wrong_type(path, value, 'text in quotes, like "..."', default, then)
        return default

    def flag(self, table: dict[str, Any], path: KeyPath, default: bool) -> bool:
        value = table.get(str(path[-1]), default)
        if isinstance(value, bool):
            return value
        self.wrong_type(path, value, "true or false (without quotes)", default)
        return default

    def number(
        self, table: dict[str, Any], path: KeyPath, bounds: tuple[int, int], default: int, unit: str
    ) -> int:
        value = table.get(str(path[-1]), default)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            self.wrong_type(path, value, f"a whole number of {unit} (like {default})", default)
            return default
        low, high = bounds
        if low <= value <= high:
            return value
        clamped = min(max(value, low), high)
        message = (
            f"{where(path)} is {value} {unit}; it must be from {low} to {high}. "
            f"Field Guide uses {clamped} instead."
        )
        self.report(path, "config-bad-value", message)
        return clamped

    def theme(self, table: dict[str, Any]) -> Theme:
        path: KeyPath = ("theme",)
        value = self.text(table, path, "system")
        for theme in THEMES:
            if value.lower() == theme:
                return theme
        names = ", ".join(f'"{theme}"' for theme in THEMES)
        message = f'{where(path)} is "{value}"; it must be one of {names}. {_fallback("system")}'
        self.report(path, "config-bad-value", message)
        return "system"

    def start_page(self, table: dict[str, Any]) -> str:
        path: KeyPath = ("start_page",)
        value = self.text(table, path).replace("\\", "/").strip("/")
        value = value.removesuffix(".md")
        parts = value.split("/")
        if value and any(part in ("", ".", "..") for part in parts):
            message = (
                f'{where(path)} is "{value}", which is not a page of the library. Write the page '
                'as its folder and file name without ".md", like "withdrawal/how-long-it-lasts". '
                "Field Guide opens the library's own start page."
            )
            self.report(path, "config-bad-value", message)
            return ""
        return value

    def libraries(self, table: dict[str, Any]) -> tuple[Path, ...]:
        value = table.get("libraries", [])
        entries = [value] if isinstance(value, str) else value
        if not isinstance(entries, list):
            self.wrong_type(("libraries",), value, 'a list of folders, like ["clinic-pages"]', ())
            return ()
        found: list[Path] = []
        for index, entry in enumerate(entries):
            path: KeyPath = ("libraries", index) if isinstance(value, list) else ("libraries",)
            if not isinstance(entry, str):
                self.wrong_type(path, entry, 'a folder in quotes, like "clinic-pages"', ())
                continue
            folder = self.folder(path, entry)
            if folder is not None and folder not in found:
                found.append(folder)
        return tuple(found)

    def folder(self, path: KeyPath, entry: str) -> Path | None:
        """The absolute folder `entry` names (relative to this file's folder), if it is one."""
        try:
            folder = Path(entry.strip()).expanduser()
            if not folder.is_absolute():
                folder = self.file.parent / folder
            folder = Path(os.path.abspath(folder))
            if folder.is_dir():
                return folder
            problem = "is a file, not a folder" if folder.exists() else "does not exist"
        except (OSError, ValueError, RuntimeError):
            folder, problem = Path(entry), "cannot be used as a folder"
        message = (
            f'The folder "{entry}" ({where(path)}) {problem}; Field Guide looked for {folder}. '
            "Folders that do not start with a drive or / are read from the folder of this "
            "settings file. This site library is left out."
        )
        self.report(path, "config-bad-path", message)
        return None

    def contacts(self, table: dict[str, Any]) -> tuple[HelpContact, ...]:
        path: KeyPath = ("help", "contacts")
        value = table.get("contacts", [])
        if not isinstance(value, list):
            self.wrong_type(path, value, "a list of [[help.contacts]] sections", ())
            return ()
        contacts: list[HelpContact] = []
        for index, item in enumerate(value):
            here: KeyPath = (*path, index)
            if not isinstance(item, dict):
                self.wrong_type(here, item, "a section with a name and a number", ())
                continue
            self.unknown_keys(item, CONTACT_KEYS, here)
            left_out = "This contact is left out of Get help now."
            name = self.text(item, (*here, "name"), then=left_out)
            number = self.text(item, (*here, "number"), phone=True, then=left_out)
            hours = self.text(item, (*here, "hours"))
            note = self.text(item, (*here, "note"))
            # A name or number of the wrong type already has its message; say "missing" only
            # for one that is not there (or empty).
            missing = [key for key in ("name", "number") if not str(item.get(key, "")).strip()]
            if missing:
                example = (
                    'name = "Riverside Clinic"' if "name" in missing else 'number = "555-0100"'
                )
                message = (
                    f"{where(here)} has no {' and no '.join(missing)}, so it is left out of "
                    f"Get help now. Add a line such as {example}."
                )
                self.report(here, "config-missing-value", message)
            if not name or not number:
                continue
            contacts.append(HelpContact(name, number, hours, note))
        return tuple(contacts)

    def kiosk(self, table: dict[str, Any]) -> KioskSettings:
        here: KeyPath = ("kiosk",)
        self.unknown_keys(table, KIOSK_KEYS, here)
        settings = KioskSettings(
            enabled=self.flag(table, (*here, "enabled"), False),
            idle_timeout=self.number(
                table, (*here, "idle_timeout"), IDLE_TIMEOUT_RANGE, 180, "seconds"
            ),
            countdown=self.number(table, (*here, "countdown"), COUNTDOWN_RANGE, 20, "seconds"),
            pin_hash=self.pin_hash(table),
            allow_printing=self.flag(table, (*here, "allow_printing"), False),
            exit_chord=self.chord(table),
        )
        if settings.enabled and not settings.has_pin:
            message = (
                "Kiosk mode is on (enabled in [kiosk]) but no administrator PIN is set, so anyone "
                f"who presses {settings.exit_chord} can leave kiosk mode. Set a PIN with: "
                "fieldguide kiosk-pin"
            )
            self.report((*here, "enabled"), "config-no-pin", message, Severity.WARNING)
        return settings

    def pin_hash(self, table: dict[str, Any]) -> str:
        path: KeyPath = ("kiosk", "pin_hash")
        value = table.get("pin_hash", "")
        if isinstance(value, str) and (not value.strip() or is_pin_hash(value.strip())):
            return value.strip()
        # Never repeat the value: it may be a PIN written in by hand.
        message = (
            f"{where(path)} is not a PIN made by the command fieldguide kiosk-pin (never write the "
            "PIN itself into this file). Until you run fieldguide kiosk-pin, no PIN opens kiosk "
            "mode."
        )
        self.report(path, "config-bad-value", message)
        return BAD_PIN_HASH

    def chord(self, table: dict[str, Any]) -> str:
        path: KeyPath = ("kiosk", "exit_chord")
        value = self.text(table, path, DEFAULT_EXIT_CHORD)
        chord = normal_chord(value)
        if chord is not None:
            return chord
        message = (
            f'{where(path)} is "{value}"; write two or more of Ctrl, Alt, Shift, Meta and one key, '
            f'joined by "+", like "Ctrl+Alt+Shift+K". {_fallback(DEFAULT_EXIT_CHORD)}'
        )
        self.report(path, "config-bad-value", message)
        return DEFAULT_EXIT_CHORD

    def build(self, data: dict[str, Any]) -> Config:
        self.unknown_keys(data, TOP_KEYS, ())
        help_table = self.section(data, ("help",))
        self.unknown_keys(help_table, HELP_KEYS, ("help",))
        return Config(
            file=self.file,
            clinic_name=self.text(data, ("clinic_name",)),
            emergency_number=self.text(help_table, ("help", "emergency_number"), phone=True),
            help_contacts=self.contacts(help_table),
            libraries=self.libraries(data),
            start_page=self.start_page(data),
            theme=self.theme(data),
            text_size=self.number(data, ("text_size",), TEXT_SIZE_RANGE, 100, "percent"),
            kiosk=self.kiosk(self.section(data, ("kiosk",))),
        )
