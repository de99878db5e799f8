"""`fieldguide check --config FILE` checks the settings file and each site library it names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fieldguide.library.loader", reason="the library loader is not merged yet")

from fieldguide import cli
from tests.library_factory import write_library


def make_site(tmp_path: Path, config_text: str) -> Path:
    library = write_library(tmp_path / "library")
    write_library(tmp_path / "deploy" / "clinic-pages")
    config = tmp_path / "deploy" / "fieldguide.toml"
    config.write_text(config_text, encoding="utf-8")
    return library


def test_a_clean_config_and_site_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = make_site(tmp_path, 'libraries = ["clinic-pages"]\n')
    config = tmp_path / "deploy" / "fieldguide.toml"
    code = cli.main(["check", str(library), "--config", str(config), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["config"]["problems"] == []
    assert [site["library"] for site in report["site_libraries"]] == [
        str(tmp_path / "deploy" / "clinic-pages")
    ]
    assert code == (1 if report["errors"] or report["site_libraries"][0]["errors"] else 0)


def test_config_problems_name_key_and_line_and_fail_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = make_site(tmp_path, 'libraries = [\n  "clinic-pages",\n  "missing",\n]\n')
    config = tmp_path / "deploy" / "fieldguide.toml"
    assert cli.main(["check", str(library), "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert f"{config}:3: error:" in out
    assert "missing" in out and "libraries" in out
    assert f"Site library {tmp_path / 'deploy' / 'clinic-pages'}" in out


def test_without_config_the_report_is_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = make_site(tmp_path, "")
    cli.main(["check", str(library), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert "config" not in report and "site_libraries" not in report
