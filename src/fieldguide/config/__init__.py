"""Deployment settings: a clinic's fieldguide.toml read into a validated, frozen Config.

    config, problems = load_config(Path(args.config) if args.config else None)

`problems` are `fieldguide.library.model.Problem`s (file = the settings file, line, key named in the
message); the reader starts whatever they say. The kiosk PIN helpers live here too.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from fieldguide.config.load import default_config_path, load_config, parse_config
from fieldguide.config.model import CONFIG_NAME, THEMES, Config, HelpContact, KioskSettings, Theme

if TYPE_CHECKING:
    from fieldguide.config.pin import PinAttempts, hash_pin, is_pin_hash, pin_problem, verify_pin

# The PIN helpers (hashlib, hmac) are imported on first use: the reader starts without them.
_PIN_NAMES = frozenset({"PinAttempts", "hash_pin", "is_pin_hash", "pin_problem", "verify_pin"})

__all__ = [
    "CONFIG_NAME",
    "THEMES",
    "Config",
    "HelpContact",
    "KioskSettings",
    "PinAttempts",
    "Theme",
    "default_config_path",
    "hash_pin",
    "is_pin_hash",
    "load_config",
    "parse_config",
    "pin_problem",
    "verify_pin",
]


def __getattr__(name: str) -> Any:
    if name in _PIN_NAMES:
        return getattr(importlib.import_module("fieldguide.config.pin"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
