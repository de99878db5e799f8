"""No trace: a whole kiosk session, run in its own process, changes no file anywhere we can see.

HOME, the XDG folders, TMPDIR and a copy of the program folder (sources compiled, as an installer
leaves them, the bundled library and a fieldguide.toml) all live in temporary folders. Every
file and folder in them is listed with size, modification time and hash before and after.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldguide.config import hash_pin
from tests.deploy.sandbox import differences, snapshot

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("kiosk_session.py")
PIN = "2468"
FOLDERS = ("home", "config", "data", "cache", "state", "runtime", "tmp", "program")
CONFIG = """clinic_name = "Riverside Clinic"

[kiosk]
enabled = false   # --kiosk turns it on
idle_timeout = 10
countdown = 5
pin_hash = "{pin_hash}"
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX folders and signals")


def sandbox(tmp_path: Path, *, compiled: bool = True) -> tuple[dict[str, str], list[Path]]:
    """Temporary home, XDG folders, TMPDIR and program folder; the environment that uses them."""
    folders = {name: tmp_path / name for name in FOLDERS}
    for folder in folders.values():
        folder.mkdir()
    folders["runtime"].chmod(0o700)
    program = folders["program"]
    # An installed program has no README screenshots; leaving them out keeps the copy small.
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "screenshots")
    shutil.copytree(ROOT / "src", program / "src", ignore=skip)
    shutil.copytree(ROOT / "resources", program / "resources", ignore=skip)
    (program / "fieldguide.toml").write_text(CONFIG.format(pin_hash=hash_pin(PIN)))
    if compiled:
        assert compileall.compile_dir(program / "src", quiet=1)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(folders["home"]),
        "XDG_CONFIG_HOME": str(folders["config"]),
        "XDG_DATA_HOME": str(folders["data"]),
        "XDG_CACHE_HOME": str(folders["cache"]),
        "XDG_STATE_HOME": str(folders["state"]),
        "XDG_RUNTIME_DIR": str(folders["runtime"]),
        "TMPDIR": str(folders["tmp"]),
        "PYTHONPATH": str(program / "src"),
        "QT_QPA_PLATFORM": "offscreen",
        "SESSION_MANAGER": "local/nowhere:@/tmp/.ICE-unix/1",  # kiosk mode must drop it
    }
    return env, list(folders.values())


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def last_json(output: str) -> dict[str, object]:
    lines = [line for line in output.splitlines() if line.startswith("{")]
    assert lines, output
    result = json.loads(lines[-1])
    assert isinstance(result, dict)
    return result


def test_a_kiosk_session_leaves_no_trace(tmp_path: Path) -> None:
    env, roots = sandbox(tmp_path)
    before = snapshot(roots)
    done = run([str(DRIVER), PIN], env, cwd=tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    report = last_json(done.stdout)
    # The session really ran, in the copied program, in kiosk mode.
    assert report["package"] == str(tmp_path / "program" / "src" / "fieldguide")
    steps = ["visitor", "search", "leave quickly", "visitor", "idle", "administrator"]
    assert report["steps"] == steps
    assert report["search"] == {"where": "memory", "hits": report["search"]["hits"]}  # type: ignore[index]
    assert report["search"]["hits"] > 0  # type: ignore[index]
    assert report["read"] == "withdrawal/how-long-it-lasts"
    assert report["resets"] == ["leave", "idle"]
    assert report["neutral_shown"] and report["countdown_shown"] and report["pin_pad_shown"]
    assert report["slug_after_reset"] == "home"
    assert report["exited"] and report["exit_code"] == 0
    # The process was set up to write nothing by itself.
    assert report["dont_write_bytecode"] is True
    assert report["environment"] == {"QT_FORCE_STDERR_LOGGING": "1", "SESSION_MANAGER": None}
    assert report["core_limit"] == [0, 0]
    if sys.platform.startswith("linux"):
        assert report["dumpable"] == 0
    assert differences(before, snapshot(roots)) == []


def test_kiosk_exit_after_start_leaves_no_trace(tmp_path: Path) -> None:
    env, roots = sandbox(tmp_path)
    before = snapshot(roots)
    done = run(["-m", "fieldguide", "--kiosk", "--exit-after-start"], env, cwd=tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    assert last_json(done.stdout)["event"] == "first-paint"
    assert differences(before, snapshot(roots)) == []


def test_the_snapshot_sees_what_a_normal_run_writes(tmp_path: Path) -> None:
    """The control: a normal (not kiosk) start from sources never compiled writes __pycache__
    into the program folder, and the snapshot notices."""
    env, roots = sandbox(tmp_path, compiled=False)
    before = snapshot(roots)
    done = run(["-m", "fieldguide", "--exit-after-start"], env, cwd=tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    found = differences(before, snapshot(roots))
    assert any("__pycache__" in line and line.startswith("new: ") for line in found), found
