"""`fieldguide --self-test`: one JSON line, exit 0 on a good library, a plain sentence otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldguide import cli, paths
from tests.library_factory import write_library

PICTURE = "![A leaf](images/leaf.png)\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object], str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    return code, json.loads(lines[0]), err


def test_bundled_library_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, report, err = run(["--self-test"], capsys)
    assert code == 0, err
    assert report["ok"] is True
    assert report["library"] == str(paths.bundled_library_dir())
    assert report["rendered"] == report["articles"]
    assert isinstance(report["articles"], int) and report["articles"] >= 20
    assert report["images"] == 3
    assert report["platform"] == "offscreen"
    assert err == ""


def test_picture_in_an_article_is_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leaf = Path(__file__).parent / "library" / "fixtures" / "good" / "images" / "leaf.png"
    extra = {"home.md": write_home_with(PICTURE)}
    root = write_library(tmp_path / "lib", extra)
    (root / "images").mkdir()
    (root / "images" / "leaf.png").write_bytes(leaf.read_bytes())
    code, report, _ = run(["--self-test", "--library", str(root)], capsys)
    assert code == 0
    assert report["images"] == 1


def test_a_picture_that_cannot_be_read_fails_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_library(tmp_path / "lib", {"home.md": write_home_with(PICTURE)})
    (root / "images").mkdir()
    (root / "images" / "leaf.png").write_bytes(b"\x89PNG\r\n\x1a\n but then nothing")
    code, report, err = run(["--self-test", "--library", str(root)], capsys)
    assert code == 1
    assert report["ok"] is False
    assert report["step"] == "qt"
    assert "images/leaf.png could not be read" in err
    assert "Traceback" not in err


def test_missing_library_fails_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, err = run(["--self-test", "--library", str(tmp_path / "gone")], capsys)
    assert code == 1
    assert report["step"] == "library"
    assert err.startswith("Field Guide self-test failed: The library has 1 problem.")
    assert "does not exist" in err
    assert "Traceback" not in err


def test_a_bug_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object, article: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("fieldguide.library.render.Renderer.render", broken)
    code, report, err = run(["--self-test", "--library", str(write_library(tmp_path))], capsys)
    assert code == 1
    assert report["step"] == "render"
    assert "error in the program (RuntimeError: boom)" in err
    assert "Traceback" not in err


def write_home_with(body: str) -> str:
    return (
        "---\ntitle: Welcome\nsummary: Start here.\norder: 0\nkeywords: [start]\n"
        "reviewed: 2026-11-20\nsources: [medline]\n---\n" + body
    )


def test_every_toolbar_icon_is_drawn(capsys: pytest.CaptureFixture[str]) -> None:
    from fieldguide.ui.icons import ICON_NAMES

    code, report, _ = run(["--self-test"], capsys)
    assert code == 0
    assert report["icons"] == len(ICON_NAMES)


def test_a_copy_without_a_toolbar_icon_fails_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a build that left the icons out did: the smoke test's self-test must catch it."""
    from fieldguide.ui import icons

    for svg in icons.icons_dir().glob("*.svg"):
        if svg.stem != "history":
            (tmp_path / svg.name).write_bytes(svg.read_bytes())
    monkeypatch.setattr(icons, "icons_dir", lambda: tmp_path)
    icons._svg_text.cache_clear()
    try:
        code, report, err = run(["--self-test"], capsys)
    finally:
        icons._svg_text.cache_clear()
    assert code == 1
    assert report["step"] == "qt"
    assert "“history” is missing or damaged" in err
