"""A copy of the program, a home of its own and read-only folders, for running the real reader
in a child process and seeing what it wrote.

- `Sandbox`: HOME, the XDG folders and TMPDIR in temporary folders, and the environment that
  uses them (offscreen Qt, no bytecode files).
- `copy_program(folder)`: the program as a source folder: `src/fieldguide` and `resources`
  (`paths.program_dir()` is the folder above `src/`).
- `Locker`: runs a command with some folders read-only, as a write-protected stick is. Modes
  (`chmod`) stop a normal user; root ignores them, so for root (and wherever it can) the folders
  are bind-mounted read-only in a private mount namespace (`unshare`), where writes fail with
  "read-only file system" as on locked media. `Locker.find()` checks that a write really fails.
- `snapshot(roots)` / `differences(before, after)`: every file and folder, with size, time and
  hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("home", "config", "data", "cache", "state", "runtime", "tmp")
TIMEOUT_S = 120  # a hung child fails the test instead of hanging the suite

Snapshot = dict[str, tuple[object, ...]]

# Bind-mounts each folder before "--" read-only onto itself, then runs the rest.
_MOUNT_SCRIPT = (
    'while [ "$1" != "--" ]; do mount --bind -o ro "$1" "$1" || exit 97; shift; done; '
    'shift; exec "$@"'
)
# Tries to create each file named; prints "blocked" for each that could not be created.
_PROBE = """import sys
for name in sys.argv[1:]:
    try:
        open(name, "x").close()
    except OSError:
        print("blocked")
"""


def copy_program(folder: Path) -> Path:
    """A copy of the program in `folder` (without bytecode files), as it runs from a stick."""
    # As in a fresh clone: no bytecode and no locally built search index (*.index.sqlite is
    # made by `fieldguide index build` and ignored by git), so every run starts the same way.
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.index.sqlite", "screenshots")
    shutil.copytree(ROOT / "src" / "fieldguide", folder / "src" / "fieldguide", ignore=skip)
    shutil.copytree(ROOT / "resources", folder / "resources", ignore=skip)
    return folder


@dataclass
class Sandbox:
    """Temporary home, XDG folders and TMPDIR under `base`, and an environment that uses them."""

    base: Path
    folders: dict[str, Path] = field(init=False)

    def __post_init__(self) -> None:
        self.folders = {name: self.base / name for name in FOLDERS}
        for folder in self.folders.values():
            folder.mkdir(parents=True)
        self.folders["runtime"].chmod(0o700)

    @property
    def roots(self) -> list[Path]:
        return list(self.folders.values())

    def env(self, program: Path) -> dict[str, str]:
        """The environment of a reader started from the program copy in `program`."""
        f = self.folders
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": str(f["home"]),
            "XDG_CONFIG_HOME": str(f["config"]),
            "XDG_DATA_HOME": str(f["data"]),
            "XDG_CACHE_HOME": str(f["cache"]),
            "XDG_STATE_HOME": str(f["state"]),
            "XDG_RUNTIME_DIR": str(f["runtime"]),
            "TMPDIR": str(f["tmp"]),
            "PYTHONPATH": str(program / "src"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "QT_QPA_PLATFORM": "offscreen",
        }

    def files(self, name: str) -> list[str]:
        """The files under one of the folders, relative to it."""
        top = self.folders[name]
        return sorted(str(p.relative_to(top)) for p in top.rglob("*") if p.is_file())


@dataclass(frozen=True)
class Locker:
    """Runs commands with `folders` read-only (see the module docstring)."""

    folders: tuple[Path, ...]
    prefix: tuple[str, ...]  # () when file modes are enough (not root)
    how: str

    @classmethod
    def find(cls, folders: Iterable[Path], env: dict[str, str]) -> Locker | str:
        """A locker that really stops writes in `folders` (made read-only by mode as well), or
        the reason there is none. Undo the modes with `unlock(folders)`."""
        folders = tuple(folders)
        for folder in folders:
            _set_writable(folder, False)
        tried: list[str] = []
        unshare = shutil.which("unshare")
        candidates: list[tuple[tuple[str, ...], str]] = []
        if unshare:
            mount = ("sh", "-c", _MOUNT_SCRIPT, "sh", *map(str, folders), "--")
            # In a user namespace (any user), else a plain mount namespace (root only).
            candidates.append(((unshare, "-rm", "--", *mount), "read-only bind mount (userns)"))
            if _is_root():
                candidates.append(((unshare, "-m", "--", *mount), "read-only bind mount"))
        else:
            tried.append("no unshare command")
        if not _is_root():
            candidates.append(((), "file modes"))
        for prefix, how in candidates:
            locker = cls(folders, prefix, how)
            problem = locker._write_problem(env)
            if not problem:
                return locker
            tried.append(f"{how}: {problem}")
        return "no way to make a folder read-only for this process (" + "; ".join(tried) + ")"

    def command(self, args: list[str]) -> list[str]:
        return [*self.prefix, *args]

    def _write_problem(self, env: dict[str, str]) -> str:
        """ "" when creating a file in each folder fails (as it should), else what went wrong."""
        targets = [str(folder / ".write-probe") for folder in self.folders]
        try:
            done = subprocess.run(
                self.command([sys.executable, "-c", _PROBE, *targets]),
                env=env,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
            )
        except OSError as exc:
            return str(exc)
        written = [t for t in targets if os.path.lexists(t)]
        for target in written:
            os.unlink(target)
        if written:
            return "a write went through"
        if done.returncode != 0 or done.stdout.split() != ["blocked"] * len(targets):
            return (done.stderr.strip().splitlines() or ["the probe failed"])[-1]
        return ""


def unlock(folders: Iterable[Path]) -> None:
    """Give the folders back their write permission (so that they can be deleted)."""
    for folder in folders:
        _set_writable(folder, True)


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _set_writable(top: Path, writable: bool) -> None:
    for folder, dirs, files in os.walk(top):
        for path in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                continue
            bits = stat.S_IWUSR if writable else 0
            os.chmod(path, (stat.S_IMODE(mode) & ~0o222) | bits)


def run(
    args: list[str], env: dict[str, str], cwd: Path, locker: Locker | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python ARGS` (under `locker`, when given) and wait for it."""
    command = [sys.executable, *args]
    return subprocess.run(
        locker.command(command) if locker else command,
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def last_json(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The last JSON line the child printed (its report); fails with all it printed."""
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    result = json.loads(lines[-1])
    assert isinstance(result, dict)
    return result


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """Every folder (mtime) and file (size, mtime, sha256) under `roots`."""
    state: Snapshot = {}
    for root in roots:
        for folder, _, files in os.walk(root):
            state[folder] = ("folder", os.stat(folder).st_mtime_ns)
            for name in files:
                path = os.path.join(folder, name)
                info = os.lstat(path)
                digest = ""
                if stat.S_ISREG(info.st_mode):
                    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                state[path] = ("file", info.st_size, info.st_mtime_ns, digest)
    return state


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    """What is new, gone or changed between two snapshots."""
    found = [f"new: {p}" for p in sorted(after.keys() - before.keys())]
    found += [f"gone: {p}" for p in sorted(before.keys() - after.keys())]
    found += [
        f"changed: {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]
    ]
    return found
