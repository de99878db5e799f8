"""The bootstrap's `tool` command: a module of the environment, or its Python on a script."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

import dev

PYTHON = Path("/env/bin/python")


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    commands: list[list[str]] = []

    def run(cmd: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        commands.append(cmd)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(dev, "ensure_environment", lambda: PYTHON)
    monkeypatch.setattr(dev.subprocess, "run", run)
    return commands


def test_a_tool_runs_as_a_module_of_the_environment(ran: list[list[str]]) -> None:
    assert dev.main(["tool", "ruff", "check", "."]) == 0
    assert ran == [[str(PYTHON), "-m", "ruff", "check", "."]]


def test_tool_python_runs_a_script_with_the_environments_python(ran: list[list[str]]) -> None:
    """As the README says for the screenshot scripts (it used to run `python -m python`)."""
    assert dev.main(["tool", "python", "build_scripts/reader_screenshots.py", "out"]) == 0
    assert ran == [[str(PYTHON), "build_scripts/reader_screenshots.py", "out"]]
