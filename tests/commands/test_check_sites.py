"""`fieldguide check --config` checks site libraries as the reader shows them: inside the guide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldguide import cli, paths
from fieldguide.config import load_config
from tests.library_factory import write_library, write_site

RESOURCES = paths.bundled_library_dir().parent


def deploy(tmp_path: Path, config_text: str, extra: dict[str, str] | None = None) -> Path:
    """A guide in tmp_path/guide, a site in tmp_path/deploy/clinic-pages, and the settings."""
    write_library(tmp_path / "guide")
    write_site(tmp_path / "deploy" / "clinic-pages", extra)
    config = tmp_path / "deploy" / "fieldguide.toml"
    config.write_text(config_text, encoding="utf-8")
    return config


def check(tmp_path: Path, config: Path, *more: str) -> int:
    return cli.main(["check", str(tmp_path / "guide"), "--config", str(config), *more])


def test_links_from_a_site_to_the_guide_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = deploy(
        tmp_path, 'libraries = ["clinic-pages"]\nstart_page = "clinic/local-services"\n'
    )
    assert check(tmp_path, config, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    [site] = report["site_libraries"]
    assert site["errors"] == 0 and site["problems"] == []
    assert report["config"]["problems"] == []
    assert {a["file"] for a in site["articles"]} == {"local-services.md", "visits/first-visit.md"}


def test_a_link_to_a_missing_guide_article_fails_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hours = (
        "---\ntitle: Hours\nsummary: When we are open.\nkeywords: [hours]\n"
        "reviewed: 2026-11-20\nsources: []\n---\nOpen every day.\n\n"
        "Read [about withdrawal](../withdrawal/how-long-it-lasts.md).\n"
    )
    config = deploy(tmp_path, 'libraries = ["clinic-pages"]\n', {"hours.md": hours})
    assert check(tmp_path, config) == 1
    out = capsys.readouterr().out
    site_part = out.split(f"Site library {tmp_path / 'deploy' / 'clinic-pages'}:")[1]
    assert "hours.md:10: error: The link '../withdrawal/how-long-it-lasts.md'" in site_part
    assert "Our clinic: 3 articles, 1 errors" in site_part


def test_a_start_page_that_is_no_page_is_an_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = deploy(tmp_path, 'libraries = ["clinic-pages"]\n\nstart_page = "clinic/nope"\n')
    assert check(tmp_path, config) == 1
    out = capsys.readouterr().out
    assert f'{config}:3: error: start_page is "clinic/nope"' in out
    assert "start with 'clinic/'" in out


def test_a_guide_topic_is_a_fine_start_page(tmp_path: Path) -> None:
    config = deploy(tmp_path, 'start_page = "withdrawal"\n')
    assert check(tmp_path, config) == 0


def test_a_site_named_like_a_guide_topic_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library_yml = "title: Our clinic\nid: withdrawal\nhome: local-services\n"
    config = deploy(tmp_path, 'libraries = ["clinic-pages"]\n', {"library.yml": library_yml})
    assert check(tmp_path, config, "--json") == 1
    [site] = json.loads(capsys.readouterr().out)["site_libraries"]
    assert [p["code"] for p in site["problems"]] == ["site-id-taken"]


def test_the_example_site_passes_with_its_example_settings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = RESOURCES / "example-site.toml"
    assert cli.main(["check", "--config", str(config), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["config"]["problems"] == []
    [site] = report["site_libraries"]
    assert Path(site["library"]) == RESOURCES / "example-site"
    assert site["problems"] == []  # not even a warning
    assert len(site["articles"]) >= 1


def test_the_example_site_is_not_loaded_by_default() -> None:
    example = load_config(RESOURCES / "fieldguide.example.toml")[0]
    assert example.libraries == ()
    bundled = paths.bundled_library_dir()
    assert (RESOURCES / "example-site") not in (bundled, *bundled.parents)
    assert not (bundled / "example-site").exists()
