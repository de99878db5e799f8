"""Set up the project's virtual environment if needed, then run the app, the tests or a tool.

Standard library only, so that it works on a machine that has nothing but Python:

    python build_scripts/dev.py run [fieldguide arguments]   open the reader on the bundled library
    python build_scripts/dev.py test [pytest arguments]      run the whole test suite
    python build_scripts/dev.py tool NAME [arguments]        run a tool (ruff, mypy) of the env
    python build_scripts/dev.py tool python SCRIPT [args]    run a script with the env's Python

The environment lives in `.venv/` at the top of the checkout. It is installed from the lock
(`build_scripts/requirements.lock`, exact versions with hashes) and rebuilt only when the lock,
pyproject.toml or the Python version changes, so the second run starts at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
LOCK = ROOT / "build_scripts" / "requirements.lock"
STAMP = VENV / ".fieldguide-installed"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    """Return the path of the environment's interpreter on this platform."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    """Return a fingerprint of everything the environment is built from."""
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_environment() -> Path:
    """Create or refresh `.venv` when it is missing or out of date; return its interpreter."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(
            f"Field Guide needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; "
            f"this is {sys.version.split()[0]}. Install a newer Python and run this again."
        )
    python = venv_python()
    stamp = wanted_stamp()
    if python.exists() and STAMP.exists() and STAMP.read_text() == stamp:
        return python
    if VENV.exists() and not python.exists():
        shutil.rmtree(VENV)
    if not python.exists():
        print(f"Creating the virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print("Installing the locked dependencies (first run only) …", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--require-hashes", "-r", str(LOCK)], check=True)
    subprocess.run([*pip, "install", "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(stamp)
    return python


def in_environment() -> bool:
    """True when this interpreter is the environment's own."""
    return Path(sys.prefix).resolve() == VENV.resolve()


def rerun_in_environment(script: str, argv: list[str]) -> None:
    """Run `script` again with the environment's Python (set up first) unless this is it.

    For build scripts that need the locked packages (PyInstaller, PySide6) but should start
    with any Python 3.11+: `python3 build_scripts/build.py` works on a fresh checkout. Exits
    with the script's exit code; returns only when already inside the environment.
    """
    if in_environment():
        return
    try:
        python = ensure_environment()
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"Setting up the environment failed: {exc}", file=sys.stderr)
        sys.exit(1)
    sys.exit(subprocess.run([str(python), str(Path(script).resolve()), *argv]).returncode)


def main(argv: list[str]) -> int:
    """Dispatch `run`, `test` or `tool`."""
    if not argv or argv[0] not in {"run", "test", "tool"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        python = ensure_environment()
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"Setting up the environment failed: {exc}", file=sys.stderr)
        print("Check the connection to the package index, then run this again.", file=sys.stderr)
        return 1
    env = dict(os.environ)
    if command == "run":
        cmd = [str(python), "-m", "fieldguide", *rest]
    elif command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        cmd = [str(python), "-m", "pytest", *rest]
    else:
        if not rest:
            print("tool needs a program name, for example: tool ruff check .")
            return 2
        if rest[0] == "python":  # the environment's Python itself: tool python script.py
            cmd = [str(python), *rest[1:]]
        else:
            cmd = [str(python), "-m", rest[0].replace("-", "_"), *rest[1:]]
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
