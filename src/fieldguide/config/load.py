"""Read fieldguide.toml into a Config: each problem names its key and line; the rest applies."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from fieldguide import paths
from fieldguide.config.model import CONFIG_NAME, Config
from fieldguide.library.model import Problem, Severity

log = logging.getLogger(__name__)

_DEFAULTS_NOTE = "Field Guide starts with its default settings."


def default_config_path(program_dir: Path | None = None) -> Path:
    """fieldguide.toml beside the program."""
    return (program_dir if program_dir is not None else paths.program_dir()) / CONFIG_NAME


def load_config(
    path: Path | None = None, *, program_dir: Path | None = None
) -> tuple[Config, tuple[Problem, ...]]:
    """Read `path` (from --config), else fieldguide.toml beside the program; never raises.

    No file beside the program simply means the defaults; a --config file that is missing, a file
    that cannot be read and a file that is not TOML each give one problem and the defaults.
    """
    file = path if path is not None else default_config_path(program_dir)
    try:
        data = file.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        if path is None:
            return Config(), ()
        return Config(), (
            _whole_file(file, None, "config-missing", "This settings file does not exist."),
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = f"This settings file could not be read ({reason})."
        return Config(file=file), (_whole_file(file, None, "config-unreadable", message),)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = "This settings file is not plain text in UTF-8. Save it as UTF-8 in your editor."
        return Config(file=file), (_whole_file(file, line, "config-unreadable", message),)
    return parse_config(text, file)


def parse_config(text: str, file: Path) -> tuple[Config, tuple[Problem, ...]]:
    """Settings from the TOML `text` of `file` (relative folders are read from its folder)."""
    # Imported here: with no settings file (the usual case) the reader starts without them.
    import tomllib

    from fieldguide.config.validate import Validator

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        return Config(file=file), (_toml_problem(file, str(exc), text),)
    checker = Validator(file, text)
    try:
        config = checker.build(data)
    except Exception:  # a bug of ours must not stop the reader: say so, use the defaults
        log.exception("Reading the settings in %s failed", file)
        message = "Field Guide could not use this settings file because of an error in Field Guide."
        return Config(file=file), (_whole_file(file, None, "config-unreadable", message),)
    return config, tuple(sorted(checker.problems, key=lambda p: p.line or 0))


def _whole_file(file: Path, line: int | None, code: str, message: str) -> Problem:
    return Problem(str(file), line, Severity.ERROR, f"{message} {_DEFAULTS_NOTE}", code)


def _toml_problem(file: Path, error: str, text: str) -> Problem:
    match = re.search(r"\(at line (\d+), column \d+\)", error)
    line = int(match.group(1)) if match else None
    if "(at end of document)" in error:
        line = text.count("\n") + (0 if text.endswith("\n") else 1)
    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", error).rstrip(".")
    # tomllib names tables as Python tuples: "Cannot declare ('kiosk',) twice" -> "[kiosk]"
    reason = re.sub(
        r"\(((?:'[^']*',?\s*)+)\)",
        lambda m: "[" + ".".join(re.findall(r"'([^']*)'", m.group(1))) + "]",
        reason,
    )
    message = (
        f"This settings file has a mistake in how it is written ({reason}), so none of it is used. "
        "Check the quotes, brackets and '=' signs on that line; write Windows folders with "
        "forward slashes (D:/clinic) or in single quotes ('D:\\clinic')."
    )
    return _whole_file(file, line, "config-bad-toml", message)
