"""The deployment settings as frozen values, with the defaults a home computer gets."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")

CONFIG_NAME = "fieldguide.toml"

TEXT_SIZE_RANGE = (50, 300)  # percent of the normal text size
IDLE_TIMEOUT_RANGE = (10, 24 * 60 * 60)  # seconds
COUNTDOWN_RANGE = (5, 10 * 60)  # seconds
DEFAULT_EXIT_CHORD = "Ctrl+Alt+Shift+K"


class HelpContact(NamedTuple):
    """A place to get help, shown on "Get help now" before the library's own contacts."""

    name: str
    number: str
    hours: str = ""
    note: str = ""


class KioskSettings(NamedTuple):
    """How a shared clinic computer is locked down (see `fieldguide kiosk-pin` for the PIN)."""

    enabled: bool = False
    idle_timeout: int = 180  # seconds without a touch or key before "Still reading?"
    countdown: int = 20  # seconds the "Still reading?" countdown runs before the reset
    # "" = no PIN set (the exit chord alone opens kiosk mode). Anything else is a stored hash;
    # a malformed one is replaced by "invalid" (validate.py), so that verify_pin() refuses
    # every PIN (fails closed).
    pin_hash: str = ""
    allow_printing: bool = False  # print to the default printer, without a print dialog
    exit_chord: str = DEFAULT_EXIT_CHORD  # Qt's portable key text, e.g. "Ctrl+Alt+Shift+K"

    @property
    def has_pin(self) -> bool:
        """True when a PIN (or something meant to be one) is set."""
        return bool(self.pin_hash)


class Config(NamedTuple):
    """One clinic's deployment settings; `Config()` is what a computer without a file gets."""

    file: Path | None = None  # the file these settings came from; None for the defaults
    clinic_name: str = ""
    emergency_number: str = ""  # the local emergency number ("" = the library's default)
    help_contacts: tuple[HelpContact, ...] = ()
    libraries: tuple[Path, ...] = ()  # extra site library folders, absolute
    start_page: str = ""  # slug of the start page ("" = the library's home)
    theme: Theme = "system"
    text_size: int = 100  # percent
    kiosk: KioskSettings = KioskSettings()
