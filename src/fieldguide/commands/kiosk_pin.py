"""`fieldguide kiosk-pin [--config FILE] [--pin-stdin]`: store a salted hash of the kiosk PIN."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sys
from pathlib import Path

from fieldguide.config import default_config_path, hash_pin, load_config, pin_problem
from fieldguide.config.edit import set_string

NEW_FILE = (
    "# Field Guide settings for this computer. Every setting is explained in the README,\n"
    '# "Deploying in a clinic", and in fieldguide.example.toml.\n'
)
_BOM = b"\xef\xbb\xbf"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `kiosk-pin`."""
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="the settings file to change (default: fieldguide.toml beside the program; "
        "made if missing)",
    )
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input instead of asking (for scripts)",
    )


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _ask() -> str | None:
    """The PIN typed twice without echo; None (after saying why) if it was not."""
    try:
        first = getpass.getpass("New administrator PIN for kiosk mode: ")
        second = getpass.getpass("The same PIN again: ")
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        _fail("No PIN was given. Nothing was changed.")
        return None
    if first != second:
        _fail("The two PINs are not the same. Nothing was changed.")
        return None
    return first


def _read_pin(from_stdin: bool) -> str | None:
    if not from_stdin:
        return _ask()
    pin = sys.stdin.readline().strip()
    if not pin:
        _fail("No PIN on standard input. Nothing was changed.")
        return None
    return pin


def _write(file: Path, text: str, bom: bool) -> None:
    """Replace `file` at once (a temporary file beside it, then a rename), keeping its mode."""
    temp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        with temp.open("x", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            out.write(text)
        if file.exists():
            shutil.copymode(file, temp)
        os.replace(temp, file)
    finally:
        temp.unlink(missing_ok=True)


def run(args: argparse.Namespace) -> int:
    """Ask for the PIN, store its hash under [kiosk] pin_hash; exit 0 when stored, 1 otherwise."""
    file = Path(args.config) if args.config else default_config_path()
    try:
        raw = file.read_bytes() if file.exists() else NEW_FILE.encode("utf-8")
        text = raw.removeprefix(_BOM).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _fail(f"Could not read the settings file {file} ({reason}). Nothing was changed.")
    pin = _read_pin(args.pin_stdin)
    if pin is None:
        return 1
    problem = pin_problem(pin)
    if problem is not None:
        return _fail(f"{problem} Nothing was changed.")
    stored = hash_pin(pin)
    edited = set_string(text, "kiosk", "pin_hash", stored)
    if edited is None:
        return _fail(
            f"Could not change {file} by itself: the file has a mistake, or its kiosk settings "
            "are not written as a [kiosk] section (`fieldguide check --config FILE` shows what "
            "is wrong). Put this line under [kiosk] by hand instead:\n"
            f'pin_hash = "{stored}"'
        )
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        _write(file, edited, raw.startswith(_BOM))
    except OSError as exc:
        return _fail(
            f"Could not save {file} ({exc.strerror or exc}). Nothing was changed. A settings file "
            "in a protected folder (such as Program Files) can be changed only by an "
            "administrator."
        )
    print(f"The PIN is stored, as a salted hash, under [kiosk] in {file}.")
    print("Keep the PIN somewhere safe: Field Guide cannot show it again.")
    config, _ = load_config(file)
    if not config.kiosk.enabled:
        print("Kiosk mode is off in this file; write enabled = true under [kiosk] to turn it on.")
    return 0
