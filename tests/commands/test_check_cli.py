"""`fieldguide check`: the bundled library passes; the broken fixture fails with every problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldguide.cli import main

BROKEN = Path(__file__).parent.parent / "library" / "fixtures" / "broken"


def test_bundled_library_passes_and_prints_grades(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings" in out
    assert "help/get-help-now.md" in out  # each article's grade is listed


def test_broken_library_fails_and_lists_problems_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(BROKEN), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    codes = {p["code"] for p in report["problems"]}
    assert {"bad-yaml", "unknown-source", "broken-link", "remote-image"} <= codes
    assert report["errors"] == sum(p["severity"] == "error" for p in report["problems"])
    assert all(p["file"] and p["message"] for p in report["problems"])


def test_missing_folder_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().out
