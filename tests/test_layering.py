"""The pure layers never import Qt: checked in a fresh interpreter for each module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import fieldguide

PURE = (
    "library",
    "search",
    "userdata",
    "config",
    "paths",
    "errors",
    "helpinfo",
    "navigation",
    "startup",
)


def pure_modules() -> list[str]:
    names: list[str] = []
    for info in pkgutil.walk_packages(fieldguide.__path__, "fieldguide."):
        top = info.name.split(".")[1]
        if top in PURE:
            names.append(info.name)
    return names


def test_there_are_pure_modules_to_check() -> None:
    assert "fieldguide.library.model" in pure_modules()
    assert "fieldguide.helpinfo" in pure_modules()


def test_pure_layers_never_import_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {pure_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'fieldguide.ui')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
