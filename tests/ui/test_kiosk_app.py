"""app.py starts kiosk mode from --kiosk or from the config, with the usual flags."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fieldguide.app import start_slug
from fieldguide.config import Config
from fieldguide.library.loader import load_library
from fieldguide.library.service import LibraryService
from tests.library_factory import write_library


def start(tmp_path: Path, *args: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "fieldguide", "--exit-after-start", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(line, dict)
    return line


def test_kiosk_flag_with_exit_after_start(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib")
    line = start(tmp_path, "--kiosk", "--library", str(library))
    assert line["kiosk"] is True
    assert line["slug"] == "home"


def test_the_config_turns_kiosk_mode_on(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib")
    config = tmp_path / "fieldguide.toml"
    config.write_text('start_page = "withdrawal/how-long"\n[kiosk]\nenabled = true\n')
    line = start(tmp_path, "--config", str(config), "--library", str(library))
    assert line["kiosk"] is True
    assert line["slug"] == "withdrawal/how-long"


def test_without_either_it_is_the_normal_reader(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib")
    assert start(tmp_path, "--library", str(library))["kiosk"] is False


def test_start_page_from_the_config_or_home(tmp_path: Path) -> None:
    service = LibraryService(load_library(write_library(tmp_path / "lib")))
    assert start_slug(Config(), service) == ""  # the library's own start page
    assert start_slug(Config(start_page="withdrawal"), service) == "withdrawal"
    assert start_slug(Config(start_page="no/such-page"), service) == ""
